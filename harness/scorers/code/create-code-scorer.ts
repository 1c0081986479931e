import { z } from 'zod';
import type { CodeScorerSchema } from '../../core/program-scorer-specs.ts';
import { clipText } from '../clip-text.ts';
import type { ScorableTask, Scorer } from '../scorer.ts';
import { failedScore } from '../score-values.ts';
import { buildTestProgram } from './build-test-program.ts';
import { extractCode } from './extract-code.ts';
import { runInSandbox } from './run-in-sandbox.ts';

const ReportSchema = z.union([
  z.object({ index: z.number().int().nonnegative(), ok: z.boolean(), message: z.string().optional() }),
  z.object({ done: z.literal(true) }),
]);

/**
 * `code`: runs the candidate's JavaScript against the task's tests in a sandboxed Node process
 * (see `runInSandbox`). Score = share of tests passed; a test that never reported (the program
 * crashed, looped past the time limit or ran out of memory) failed.
 */
export function createCodeScorer(spec: z.infer<typeof CodeScorerSchema>): Scorer {
  return async (task, completion) => {
    const tests = readTests(task, spec.tests_var);
    if (tests === undefined) return failedScore(`the task has no tests: give it a \`${spec.tests_var}\` var (a list of JS snippets) or a list as \`expected\``);
    const code = extractCode(completion);
    const outcome = await runInSandbox(buildTestProgram(code, tests), { timeoutMs: spec.timeout_ms, memoryMb: spec.memory_mb, maxOutputBytes: spec.max_output_bytes });
    const results = new Map<number, { ok: boolean; message?: string | undefined }>();
    for (const report of outcome.reports) {
      const parsed = ReportSchema.safeParse(report);
      if (parsed.success && 'index' in parsed.data && parsed.data.index < tests.length) results.set(parsed.data.index, parsed.data);
    }
    const passed = [...results.values()].filter((result) => result.ok).length;
    const value = passed / tests.length;
    const firstFailure = tests.findIndex((_, index) => results.get(index)?.ok !== true);
    return {
      value,
      passed: passed === tests.length,
      extracted: clipText(code, 200),
      explanation: `${passed}/${tests.length} tests passed${firstFailure === -1 ? '' : `; test ${firstFailure + 1}: ${whyFailed(results.get(firstFailure)?.message, outcome, spec.timeout_ms)}`}`,
    };
  };
}

function readTests(task: ScorableTask, testsVar: string): string[] | undefined {
  const isTests = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
  const fromVar = task.vars[testsVar];
  if (isTests(fromVar)) return fromVar;
  return isTests(task.expected) ? task.expected : undefined;
}

function whyFailed(message: string | undefined, outcome: Awaited<ReturnType<typeof runInSandbox>>, timeoutMs: number): string {
  if (message !== undefined) return clipText(message);
  if (outcome.timedOut) return `no result: killed after the ${timeoutMs} ms time limit`;
  const lastLine = outcome.output.trim().split('\n').filter((line) => /Error|error/.test(line)).at(-1);
  const ending = outcome.signal !== null ? `killed by ${outcome.signal}` : `exited with code ${String(outcome.exitCode)}`;
  return `no result: the program ${ending}${lastLine === undefined ? '' : ` (${clipText(lastLine, 60)})`}`;
}
