import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.ts';

describe('sleep', () => {
  it('waits at least the given time', async () => {
    const before = performance.now();
    await sleep(30);
    // setTimeout may fire up to a millisecond early as performance.now sees it.
    expect(performance.now() - before).toBeGreaterThanOrEqual(29);
  });

  it('rejects with the signal reason on abort, without waiting out the delay', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const before = performance.now();
    setTimeout(() => controller.abort(reason), 10);
    await expect(sleep(10_000, controller.signal)).rejects.toBe(reason);
    expect(performance.now() - before).toBeLessThan(1_000);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const reason = new Error('before');
    await expect(sleep(10_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('shares one signal among many sleepers without a listener-leak warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const sleepers = Array.from({ length: 50 }, () => sleep(10_000, controller.signal).catch((e: unknown) => e));
      controller.abort(new Error('all'));
      const reasons = await Promise.all(sleepers);
      expect(reasons.every((r) => r instanceof Error && r.message === 'all')).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
