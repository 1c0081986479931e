import cliProgress from 'cli-progress';
import type { RunEvent } from '../harness/run/run-events.ts';

/**
 * A progress bar on a TTY (done/total, rate, ETA, cost so far, errors); nothing otherwise.
 * Returns the event handler and a function that removes the bar.
 */
export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): { onEvent: (event: RunEvent) => void; stop: () => void } {
  if (!enabled || !stream.isTTY) return { onEvent: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: ' {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | ${cost} | errors {errors}',
      hideCursor: true,
      etaBuffer: 200,
      fps: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  let cost = 0;
  let errors = 0;
  let done = 0;
  let started = 0;
  const payload = () => ({ cost: cost.toFixed(4), errors, rate: (done / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1) });
  return {
    onEvent(event) {
      if (event.type === 'started') {
        started = performance.now();
        bar.start(event.planned, event.alreadyDone, payload());
      } else if (event.type === 'attempt') {
        done += 1;
        cost += event.record.costUsd ?? 0;
        if (event.record.status !== 'ok') errors += 1;
        bar.increment(1, payload());
      }
    },
    stop: () => bar.stop(),
  };
}
