import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const recordedPackages = ['@duckdb/node-api', 'openai', '@anthropic-ai/sdk', '@google/genai', 'zod', 'p-queue'];

/** baton's own version, from its package.json. */
export function readBatonVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Versions of the packages that shape results, recorded on each run. */
export function readPackageVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.versions.node, baton: readBatonVersion() };
  for (const name of recordedPackages) {
    try {
      const manifestPath = require.resolve(`${name}/package.json`);
      versions[name] = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string }).version;
    } catch {
      // A package without an exported package.json is simply not recorded.
    }
  }
  return versions;
}

/** The git revision of the working directory, or `null` outside a repository. */
export function readGitRevision(cwd: string = process.cwd()): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).toString().trim() || null;
  } catch {
    return null;
  }
}
