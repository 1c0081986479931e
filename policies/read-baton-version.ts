import { readFileSync } from 'node:fs';

/** baton's version from its package.json, recorded in the provenance of what the learner writes. */
export function readBatonVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
