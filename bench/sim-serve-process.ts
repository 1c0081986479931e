import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/baton.js', import.meta.url));

/** `baton sim-serve` in its own process, so that neither tool under test pays for the server. */
export async function startSimServeProcess(fleet: string, suites: string): Promise<{ url: string; stop: () => void; process: ChildProcess; cpuSeconds: () => number }> {
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
  return { url, stop: () => child.kill('SIGTERM'), process: child, cpuSeconds: () => processCpuSeconds(child.pid) };
}

/**
 * CPU seconds (user + system) a process has used so far, from Linux's /proc (NaN elsewhere):
 * the server shares the cores with the tool under test, so its share is part of the picture.
 */
function processCpuSeconds(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the parenthesised command name.
    const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
