import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTempDir } from '../../test/helpers/temp-dir.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/baton.js', import.meta.url));
const dir = createTempDir();
afterEach(() => dir.remove());

const config = `seed: 3
retry: { max_retries: 2, base_delay_ms: 0, max_delay_ms: 0 }
models:
  - { id: small, provider: sim, model: small, price: { input: 0.1, output: 0.2 }, sim: { skill: { default: 0.5 } } }
  - { id: grader, provider: sim, model: grader, price: { input: 3, output: 15 }, sim: { skill: { default: 0.7, judge: 0.9 } } }
`;
const suite = (scorer: string) => `suite: capitals
version: 1
prompt: "Capital of {{country}}? Answer with the city only."
check: { type: length, max: 20 }
defaults: { category: geo, repeats: 2, scorer: ${scorer} }
tasks:
  - { id: fr, vars: { country: France }, expected: Paris }
  - { id: de, vars: { country: Germany }, expected: Berlin }
  - { id: it, vars: { country: Italy }, expected: Rome }
`;

const RunJsonSchema = z.object({ runId: z.string() });
const RescoreJsonSchema = z.object({ runId: z.string(), parentRunId: z.string(), rescored: z.number(), changed: z.number(), scorerErrors: z.number(), models: z.array(z.object({ model_id: z.string(), pass_rate: z.number().nullable() })) });

describe('baton rescore', () => {
  it('scores a stored run again with the current suite and links the new run to it', async () => {
    const judge = '{ type: weighted, scorers: [{ scorer: { type: exact } }, { scorer: { type: judge, judges: [grader], rubric: "Names the capital." } }] }';
    dir.write('config.yaml', config);
    const suiteFile = dir.write('capitals.yaml', suite(judge));
    const out = dir.path('out');
    const first = await run(process.execPath, [bin, 'run', suiteFile, '--config', dir.path('config.yaml'), '--out', out, '--sim-time-scale', '0', '--json'], { cwd: dir.root });
    const { runId } = RunJsonSchema.parse(JSON.parse(first.stdout));

    const same = await run(process.execPath, [bin, 'rescore', runId, '--out', out, '--json'], { cwd: dir.root });
    const replayed = RescoreJsonSchema.parse(JSON.parse(same.stdout));
    // The judge's verdicts are replayed from the store: same scores, no model called.
    expect(replayed).toMatchObject({ parentRunId: runId, rescored: 12, changed: 0, scorerErrors: 0 });

    dir.write('capitals.yaml', suite('{ type: exact, normalize: [trim] }'));
    const strict = await run(process.execPath, [bin, 'rescore', runId, '--suite', suiteFile, '--out', out], { cwd: dir.root });
    expect(strict.stdout).toMatch(new RegExp(`^rescored run ${runId} as r\\d{8}-\\d{6}-[0-9a-f]{4} \\(no model was called\\): 12 rescored`));
    expect(strict.stdout).toContain('SIMULATED');

    const missing = await run(process.execPath, [bin, 'rescore', 'r-nope', '--out', out]).catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('no run `r-nope`') as string });
  });
});
