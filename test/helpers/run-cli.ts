import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/baton.js', import.meta.url));

/** Result of a finished CLI process. */
export interface CliResult {
  readonly code: number | null;
  /** The signal that ended the process, if one did. */
  readonly signal?: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `baton` as users do (a real process), optionally acting on it while it runs. */
export function runCli(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    /** The entry point to run: this repository's `bin/baton.js` unless told. */
    bin?: string;
    whileRunning?: (child: ReturnType<typeof spawn>, output: { stdout: string; stderr: string }) => void;
    /** Called with everything written to stderr so far, each time more arrives. */
    onStderr?: (child: ReturnType<typeof spawn>, stderr: string) => void;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? bin, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      output.stderr += chunk.toString();
      options.onStderr?.(child, output.stderr);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...output }));
    options.whileRunning?.(child, output);
  });
}
