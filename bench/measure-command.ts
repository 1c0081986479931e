import { spawn } from 'node:child_process';

/** Wall time and peak resident memory of one command, measured by GNU time. */
export interface CommandMeasure {
  readonly code: number | null;
  readonly seconds: number;
  /** User + system CPU time: steadier than wall time on a machine shared with other work. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command under `/usr/bin/time` so every tool is measured the same way, from outside. */
export function measureCommand(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CommandMeasure> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'BENCH_TIME %e %M %U %S', command, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      const cpuSeconds = Math.round((Number(match?.[3] ?? Number.NaN) + Number(match?.[4] ?? Number.NaN)) * 100) / 100;
      resolve({ code, seconds: Number(match?.[1] ?? Number.NaN), cpuSeconds, peakRssMb: Number(match?.[2] ?? Number.NaN) / 1024, stdout, stderr: stderr.replace(/BENCH_TIME .*\n?/, '') });
    });
  });
}
