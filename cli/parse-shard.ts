import type { Shard } from '../harness/run/select-shard.ts';
import { UsageError } from './report-error.ts';

/** Parses `--shard i/n` (1 ≤ i ≤ n); `undefined` when the flag is absent. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !(count >= 1 && index >= 1 && index <= count)) throw new UsageError(`Expected \`--shard\` to be i/n with 1 ≤ i ≤ n (e.g. 2/3), got \`${value}\``);
  return { index, count };
}
