import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../core/models-schema.ts';
import { ProviderError } from '../core/provider-contract.ts';
import { callWithRetries } from './call-with-retries.ts';
import type { CallWithRetriesArgs, TryOutcome } from './call-with-retries.ts';
import { createConnectionLane } from './connection-lane.ts';
import type { ConnectionLane } from './connection-lane.ts';
import { createVirtualClock } from './virtual-clock.ts';

const fastPolicy: RetryPolicy = { max_retries: 3, base_delay_ms: 1, max_delay_ms: 5 };
const serverError = (): ProviderError => new ProviderError('server_error', 'HTTP 503', { retryable: true, status: 503 });

/** A lane that records `settle` calls. */
function recordingLane(): { lane: ConnectionLane; settled: [number, number][] } {
  const inner = createConnectionLane('k', { concurrency: 4 });
  const settled: [number, number][] = [];
  const lane: ConnectionLane = {
    key: inner.key,
    run: (tokens, fn, signal) => inner.run(tokens, fn, signal),
    settle: (estimated, actual) => void settled.push([estimated, actual]),
    pauseUntil: (epochMs) => inner.pauseUntil(epochMs),
    get inFlight() {
      return inner.inFlight;
    },
    get waiting() {
      return inner.waiting;
    },
    onIdle: () => inner.onIdle(),
  };
  return { lane, settled };
}

/** Arguments with fast defaults; `attempt` is the part each test changes. */
function args<T>(
  attempt: CallWithRetriesArgs<T>['attempt'],
  overrides: Partial<CallWithRetriesArgs<T>> = {},
): CallWithRetriesArgs<T> {
  return {
    lane: createConnectionLane('k', { concurrency: 4 }),
    estimatedTokens: 100,
    policy: fastPolicy,
    timeoutMs: 2_000,
    signal: new AbortController().signal,
    random: () => 0.5,
    attempt,
    ...overrides,
  };
}

/** An attempt that never answers but rejects with the signal's reason when aborted. */
function hang(signal: AbortSignal): Promise<TryOutcome<string>> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error('aborted by signal')), { once: true });
  });
}

describe('callWithRetries', () => {
  it('returns the first success and settles with the real token count', async () => {
    const { lane, settled } = recordingLane();
    const result = await callWithRetries(args(() => Promise.resolve({ value: 'hi', actualTokens: 42 }), { lane }));
    expect(result).toEqual({ ok: true, value: 'hi', retries: 0 });
    expect(settled).toEqual([[100, 42]]);
  });

  it('settles with the estimate when usage is unknown', async () => {
    const { lane, settled } = recordingLane();
    await callWithRetries(args(() => Promise.resolve({ value: 1, actualTokens: null }), { lane }));
    expect(settled).toEqual([[100, 100]]);
  });

  it('retries retryable errors, then succeeds', async () => {
    const tries: number[] = [];
    const result = await callWithRetries(
      args((_signal, tryIndex) => {
        tries.push(tryIndex);
        return tryIndex < 2 ? Promise.reject(serverError()) : Promise.resolve({ value: 'ok', actualTokens: 1 });
      }),
    );
    expect(result).toEqual({ ok: true, value: 'ok', retries: 2 });
    expect(tries).toEqual([0, 1, 2]);
  });

  it('stops after max_retries and returns the last error', async () => {
    let tries = 0;
    const result = await callWithRetries(
      args(() => {
        tries += 1;
        return Promise.reject(serverError());
      }),
    );
    expect(tries).toBe(4);
    expect(result.ok).toBe(false);
    expect(result.retries).toBe(3);
    if (!result.ok) expect(result.error.code).toBe('server_error');
  });

  it('backs off with seeded full jitter between tries', async () => {
    const delays: number[] = [];
    const policy: RetryPolicy = { max_retries: 3, base_delay_ms: 100, max_delay_ms: 1_000 };
    const sleep = (ms: number): Promise<void> => {
      delays.push(ms);
      return Promise.resolve();
    };
    await callWithRetries(args(() => Promise.reject(serverError()), { policy, sleep }));
    expect(delays).toEqual([50, 100, 200]);
  });

  it('does not retry a non-retryable error', async () => {
    let tries = 0;
    const result = await callWithRetries(
      args(() => {
        tries += 1;
        return Promise.reject(new ProviderError('auth', 'bad key', { retryable: false, status: 401 }));
      }),
    );
    expect(tries).toBe(1);
    expect(result).toMatchObject({ ok: false, retries: 0, error: { code: 'auth', status: 401 } });
  });

  it('maps anything else thrown to a non-retryable unknown error', async () => {
    let tries = 0;
    const result = await callWithRetries(
      args(() => {
        tries += 1;
        return Promise.reject(new TypeError('cannot read x'));
      }),
    );
    expect(tries).toBe(1);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown', retryable: false, message: 'cannot read x' } });
  });

  it('maps a timeout to a retryable timeout error, and retries it', async () => {
    const tries: number[] = [];
    const result = await callWithRetries(
      args(
        ({ signal }, tryIndex) => {
          tries.push(tryIndex);
          return tryIndex === 0 ? hang(signal) : Promise.resolve({ value: 'second', actualTokens: 1 });
        },
        { timeoutMs: 50 },
      ),
    );
    expect(result).toEqual({ ok: true, value: 'second', retries: 1 });
    const failed = await callWithRetries(args(({ signal }) => hang(signal), { timeoutMs: 50, policy: { ...fastPolicy, max_retries: 0 } }));
    expect(failed).toMatchObject({ ok: false, retries: 0, error: { code: 'timeout', retryable: true } });
  });

  it('times out an attempt that ignores its signal and frees its slot', async () => {
    const lane = createConnectionLane('k', { concurrency: 1 });
    const never = new Promise<TryOutcome<string>>(() => undefined);
    const result = await callWithRetries(args(() => never, { lane, timeoutMs: 50, policy: { ...fastPolicy, max_retries: 0 } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(lane.inFlight).toBe(0);
  });

  it('stops at once when the run is aborted during a try', async () => {
    const controller = new AbortController();
    let tries = 0;
    setTimeout(() => controller.abort(), 30);
    const result = await callWithRetries(
      args(
        ({ signal }) => {
          tries += 1;
          return hang(signal);
        },
        { signal: controller.signal },
      ),
    );
    expect(tries).toBe(1);
    expect(result).toMatchObject({ ok: false, retries: 0, error: { code: 'aborted', retryable: false } });
  });

  it('stops at once when the run is aborted during backoff', async () => {
    const controller = new AbortController();
    let tries = 0;
    const before = performance.now();
    setTimeout(() => controller.abort(), 30);
    const result = await callWithRetries(
      args(
        () => {
          tries += 1;
          return Promise.reject(serverError());
        },
        { signal: controller.signal, random: () => 0.99, policy: { max_retries: 3, base_delay_ms: 60_000, max_delay_ms: 60_000 } },
      ),
    );
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(tries).toBe(1);
    expect(result).toMatchObject({ ok: false, retries: 0, error: { code: 'aborted' } });
  });

  it('does not start a try when the run is already aborted', async () => {
    let tries = 0;
    const result = await callWithRetries(
      args(
        () => {
          tries += 1;
          return Promise.resolve({ value: 1, actualTokens: 1 });
        },
        { signal: AbortSignal.abort() },
      ),
    );
    expect(tries).toBe(0);
    expect(result).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });

  it('waits at least Retry-After, and pauses the whole lane meanwhile', async () => {
    const lane = createConnectionLane('k', { concurrency: 4 });
    const starts: number[] = [];
    let failedAt = 0;
    const call = callWithRetries(
      args(
        (_signal, tryIndex) => {
          starts.push(Date.now());
          if (tryIndex > 0) return Promise.resolve({ value: 'ok', actualTokens: 1 });
          failedAt = Date.now();
          return Promise.reject(new ProviderError('rate_limited', 'HTTP 429', { retryable: true, retryAfterMs: 200 }));
        },
        { lane },
      ),
    );
    // Another call on the same lane, issued just after the 429, must also wait for the pause.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = await lane.run(0, () => Promise.resolve(Date.now()));
    const result = await call;
    expect(result).toEqual({ ok: true, value: 'ok', retries: 1 });
    expect((starts[1] ?? 0) - failedAt).toBeGreaterThanOrEqual(200);
    expect(other - failedAt).toBeGreaterThanOrEqual(200);
  });

  it('retries 429s without spending max_retries, and every try goes through the lane', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('k', { concurrency: 4 }, { now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const result = await clock.runUntilSettled(
      callWithRetries(
        args(
          (_signal, tryIndex) => {
            starts.push(clock.now());
            if (tryIndex < 5) return Promise.reject(new ProviderError('rate_limited', 'HTTP 429', { retryable: true, retryAfterMs: 300 }));
            return Promise.resolve({ value: 'ok', actualTokens: 1 });
          },
          { lane, policy: { ...fastPolicy, max_retries: 0 }, sleep: clock.sleep, now: clock.now },
        ),
      ),
    );
    expect(result).toEqual({ ok: true, value: 'ok', retries: 5 });
    expect(starts).toEqual([0, 300, 600, 900, 1_200, 1_500]);
  });

  it('counts 429s as retries once the attempt has been rate-limited for rate_limit_wait_ms', async () => {
    const clock = createVirtualClock();
    const lane = createConnectionLane('k', { concurrency: 4 }, { now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const result = await clock.runUntilSettled(
      callWithRetries(
        args(
          () => {
            starts.push(clock.now());
            return Promise.reject(new ProviderError('rate_limited', 'HTTP 429', { retryable: true, retryAfterMs: 400 }));
          },
          { lane, policy: { ...fastPolicy, max_retries: 1, rate_limit_wait_ms: 1_000 }, sleep: clock.sleep, now: clock.now },
        ),
      ),
    );
    // Free at 0, 400 and 800 ms; at 1 200 ms the wait is used up and the one retry is spent; 1 600 ms ends it.
    expect(starts).toEqual([0, 400, 800, 1_200, 1_600]);
    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited' }, retries: 4 });
  });
});
