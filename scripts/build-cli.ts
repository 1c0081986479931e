/**
 * `npm run build`: bundles the CLI into `dist/` so that `bin/baton.js` can start without tsx. On
 * Node 20 every TypeScript module loaded through tsx's hooks costs a transform and a round trip to
 * the hooks thread, and `baton run` loads ~200 of them. The packages are bundled too (all but
 * native and loader code, see `external`): a run otherwise resolved, read and linked ~600 files
 * of openai, DuckDB, zod and yaml one by one (~0.1 s of its start-up). Split at every dynamic
 * `import()` so `baton --help` still loads no command module.
 *
 * `dist/stamp.json` lists each bundled source file with the mtime it had before the build read
 * it, and npm's record of the installed packages (`node_modules/.package-lock.json`, rewritten
 * by every install); `bin/baton.js` runs the bundle only while every one of them is unchanged.
 *
 * Options: `--optional` (the `prepare` script) turns a failure into a warning, since the CLI then
 * runs from source through tsx and a failed build must never fail `npm install`; `--outdir DIR`
 * builds elsewhere than `dist/` (tests).
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceFolders = ['cli', 'harness', 'policies', 'reports', 'scripts'];
const thisScript = 'scripts/build-cli.ts';
/** Rewritten by every `npm install`/`npm ci`: a bundle built before it holds stale packages. */
const installedPackages = 'node_modules/.package-lock.json';
/**
 * Packages left out of the bundle, loaded at run time: DuckDB's native binding (a `.node` file
 * per platform), tsx (loads custom `.ts` scorers with its own hooks) and esbuild.
 */
const external = ['@duckdb/node-bindings', '@duckdb/node-bindings-*', 'tsx', 'tsx/*', 'esbuild'];
/** ES module chunks get a `require` for the CommonJS packages bundled into them and the external ones they load. */
const requireBanner = "import { createRequire as __batonCreateRequire } from 'node:module'; const require = __batonCreateRequire(import.meta.url);";

/** `path` relative to `from`, with `/` separators (stamp keys and URLs, on every platform). */
function relativePath(from: string, path: string): string {
  return relative(from, path).split('\\').join('/');
}

/** Package-relative path → mtimeMs of every .ts file under the source folders. */
function statSources(): Map<string, number> {
  const mtimes = new Map<string, number>();
  for (const folder of sourceFolders) {
    for (const entry of readdirSync(`${root}${folder}`, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = relativePath(root, resolve(entry.parentPath, entry.name));
      mtimes.set(path, statSync(`${root}${path}`).mtimeMs);
    }
  }
  return mtimes;
}

/**
 * Makes `import.meta.url` in each source file the URL that file has in the package. Code that
 * resolves files next to itself (`new URL('../../package.json', import.meta.url)`,
 * `createRequire(import.meta.url)`) then finds the same files bundled as from source. Every
 * output file sits directly in the output folder, so one relative path per source suffices.
 *
 * One exception: `createRequire(import.meta.url)('pkg')` is how the sources load a package's
 * CommonJS build quickly under tsx (`duckdb-api.ts`, `load-openai-sdk.ts`); here it becomes a
 * plain `require('pkg')`, which esbuild follows, so the package is bundled like the others.
 */
function sourceUrlPlugin(outdir: string): Plugin {
  return {
    name: 'source-import-meta-url',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const url = `new URL(${JSON.stringify(relativePath(outdir, path))}, import.meta.url).href`;
        return { contents: source.replaceAll('createRequire(import.meta.url)(', 'require(').replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/** Builds into a staging folder next to `outdir`, then swaps it in, so a running CLI never sees half a build. */
async function buildCli(outdir: string): Promise<void> {
  const started = performance.now();
  const mtimes = statSources();
  const staging = `${outdir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // Imported here so that an esbuild that cannot load (a missing platform binary) is a caught failure.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'cli/main.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    banner: { js: requireBanner },
    // ES module builds first: jsonc-parser's UMD main requires its parts through a wrapper esbuild cannot follow.
    mainFields: ['module', 'main'],
    sourcemap: 'linked',
    // Class and function names stay as written: they appear in messages and stack traces.
    keepNames: true,
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    // Staging sits beside `outdir`, at the same depth, so relative paths computed for `outdir` hold.
    plugins: [sourceUrlPlugin(outdir)],
  });
  // Packages' files (wherever node_modules really is: it may be a symlink) are covered by the install record below.
  const bundled = Object.keys(result.metafile.inputs).filter((input) => !input.split('/').includes('node_modules'));
  const outside = bundled.filter((input) => !mtimes.has(input));
  if (outside.length > 0) throw new Error(`bundled files outside ${sourceFolders.join(', ')}: ${outside.join(', ')}`);
  const installed = statSync(`${root}${installedPackages}`, { throwIfNoEntry: false });
  if (installed !== undefined) mtimes.set(installedPackages, installed.mtimeMs);
  const inputs = [...bundled, thisScript, ...(installed === undefined ? [] : [installedPackages])].sort();
  writeFileSync(`${staging}/stamp.json`, `${JSON.stringify({ inputs: Object.fromEntries(inputs.map((input) => [input, mtimes.get(input)])) })}\n`);
  const previous = `${outdir}.previous-${process.pid}`;
  if (existsSync(outdir)) renameSync(outdir, previous);
  renameSync(staging, outdir);
  rmSync(previous, { recursive: true, force: true });
  const files = Object.keys(result.metafile.outputs).filter((output) => output.endsWith('.js')).length;
  const shown = relativePath(root, outdir).startsWith('..') ? outdir : relativePath(root, outdir);
  console.log(`built ${shown}/: ${inputs.length - 1} sources into ${files} files in ${Math.round(performance.now() - started)} ms`);
}

const optional = process.argv.includes('--optional');
const outdirIndex = process.argv.indexOf('--outdir');
const outdirArgument = outdirIndex === -1 ? `${root}dist` : process.argv[outdirIndex + 1];
if (outdirArgument === undefined) throw new Error('Expected `--outdir` to be followed by a folder, got nothing');
const outdir = resolve(outdirArgument);
try {
  await buildCli(outdir);
} catch (error) {
  if (!optional) throw error;
  try {
    rmSync(`${outdir}.staging-${process.pid}`, { recursive: true, force: true });
  } catch {
    // Best effort: whatever failed the build may fail this too, and a leftover folder is harmless.
  }
  console.warn(`warning: could not build ${outdir} (${error instanceof Error ? error.message : String(error)}); baton will run from its TypeScript sources through tsx`);
}
