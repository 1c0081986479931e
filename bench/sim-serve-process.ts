import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/baton.js', import.meta.url));

/** `baton sim-serve` in its own process, so that neither tool under test pays for the server. */
export async function startSimServeProcess(fleet: string, suites: string): Promise<{ url: string; stop: () => void; process: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'sim-serve', '--port', '0', '--time-scale', '0', '--fleet', fleet, '--suites', suites], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`sim-serve exited with ${String(code)}`)));
  });
  return { url, stop: () => child.kill('SIGTERM'), process: child };
}
