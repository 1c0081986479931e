#!/usr/bin/env node
// Entry point. `npm install` bundles the TypeScript sources into dist/ (`npm run build`), which
// starts ~0.3-0.5 s of CPU sooner than the sources through tsx. The bundle runs only while it
// is up to date; otherwise, or with BATON_FROM_SOURCE=1, the sources run through tsx, so an
// edited .ts file is never shadowed by stale code and a missing build costs speed, not behaviour.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Why the bundle cannot run, or `undefined` when dist/ holds a finished build of the sources as
 * they are now: every bundled source still has the mtime the build recorded (one stat per
 * source, ~4 ms for ~360 files), and so has npm's record of the installed packages, which the
 * bundle includes.
 */
function bundleUnusable() {
  if (process.env.BATON_FROM_SOURCE === '1') return 'BATON_FROM_SOURCE=1';
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(`${root}dist/stamp.json`, 'utf8')).inputs;
  } catch {
    return 'no build in dist/; `npm run build` makes one';
  }
  for (const path in inputs) {
    if (statSync(root + path, { throwIfNoEntry: false })?.mtimeMs === inputs[path]) continue;
    return path.startsWith('node_modules/') ? 'packages were installed since `npm run build`' : `${path} changed since \`npm run build\``;
  }
  return undefined;
}

const unusable = bundleUnusable();
if (process.env.BATON_DEBUG === '1') {
  process.stderr.write(unusable === undefined ? 'baton: running the build in dist/\n' : `baton: running the TypeScript sources through tsx (${unusable})\n`);
}
if (unusable === undefined) {
  // Stack traces are shown only with BATON_DEBUG=1 (cli/report-error.ts), and only then do they
  // name the .ts sources: Node reads every loaded chunk's source map once maps are on, ~20 MB of
  // JSON with the bundled packages, 50-90 ms of every start-up.
  if (process.env.BATON_DEBUG === '1') process.setSourceMapsEnabled(true);
  await import('../dist/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  // Plain-JavaScript dependencies that every command loads are imported before tsx's hooks are
  // registered: on Node 20 each ES module loaded after that costs a round trip to the hooks
  // thread, and these are ~120 files. The TypeScript sources later find them already loaded.
  await Promise.all([import('yargs'), import('yargs/helpers'), import('zod')]);
  register();
  await import('../cli/main.ts');
}
