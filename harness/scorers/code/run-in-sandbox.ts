import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { nodeSandboxFlags } from './node-sandbox-flags.ts';

/** Limits of one sandboxed run. */
export interface SandboxLimits {
  readonly timeoutMs: number;
  readonly memoryMb: number;
  /** Bytes of stdout + stderr kept; the rest is read and dropped so the program never blocks on a full pipe. */
  readonly maxOutputBytes: number;
}

/** What a sandboxed program reported on its result channel (fd 3), and how it ended. */
export interface SandboxOutcome {
  /** Parsed JSON lines written to fd 3, in order. */
  readonly reports: readonly unknown[];
  readonly timedOut: boolean;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** The start of stdout and stderr, for explanations. */
  readonly output: string;
  readonly outputTruncated: boolean;
  readonly durationMs: number;
}

/** Results beyond this are dropped: a program flooding fd 3 cannot exhaust the harness's memory. */
const maxReportBytes = 1024 * 1024;

// Sandboxes are CPU-bound processes: however many attempts score at once, run one per core.
const queue = new PQueue({ concurrency: Math.max(1, availableParallelism()) });

/**
 * Runs `program` (CommonJS source) in a child Node process: empty environment, a fresh temp
 * directory as cwd and as the only place it may read or write (Node's permission model), a heap
 * limit, a wall-time limit (then SIGKILL), capped output. The directory is removed afterwards.
 */
export function runInSandbox(program: string, limits: SandboxLimits): Promise<SandboxOutcome> {
  return queue.add(() => runNow(program, limits));
}

async function runNow(program: string, limits: SandboxLimits): Promise<SandboxOutcome> {
  const dir = mkdtempSync(join(realpathSync(tmpdir()), 'baton-code-'));
  const started = performance.now();
  try {
    writeFileSync(join(dir, 'main.cjs'), program);
    const child = spawn(process.execPath, [...nodeSandboxFlags(dir, limits.memoryMb), join(dir, 'main.cjs')], {
      cwd: dir,
      env: {},
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const output: Buffer[] = [];
    let outputBytes = 0;
    let outputTruncated = false;
    const keep = (chunk: Buffer) => {
      const room = limits.maxOutputBytes - outputBytes;
      if (chunk.length > room) outputTruncated = true;
      if (room > 0) output.push(chunk.subarray(0, room));
      outputBytes += Math.min(room, chunk.length);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let reportText = '';
    const results = child.stdio[3];
    results?.on('data', (chunk: Buffer) => {
      if (reportText.length < maxReportBytes) reportText += chunk.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, killedBy) => resolve([code, killedBy]));
    }).finally(() => clearTimeout(timer));
    return {
      reports: parseReports(reportText),
      timedOut,
      exitCode,
      signal,
      output: Buffer.concat(output).toString('utf8'),
      outputTruncated,
      durationMs: performance.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseReports(text: string): unknown[] {
  const reports: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      reports.push(JSON.parse(line));
    } catch {
      // A torn last line (the program was killed mid-write) is simply not a result.
    }
  }
  return reports;
}
