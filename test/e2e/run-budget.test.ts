import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../harness/store/open-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createTempDir } from '../helpers/temp-dir.ts';
import { simModel, writeTinySuite } from '../helpers/tiny-run.ts';

const dir = createTempDir();
afterAll(() => dir.remove());

describe('baton run --dry-run', () => {
  it('prints attempts, tokens and a cost range per model, calls nothing and creates no database', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const { file } = writeTinySuite(dir, 10);
      const config = dir.write('dry.yaml', `models:\n  - ${simModel('local')}\n  - { id: remote, provider: openai, model: gpt-dry, base_url: "${url}", price: { input: 2, output: 8 } }\n`);
      const out = dir.path('dry-out');
      // No API key in the environment: a dry run reads none.
      const env = { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
      const result = await runCli(['run', file, '--config', config, '--out', out, '--repeats', '3', '--dry-run'], { env });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^dry run: 60 attempts over 2 models, nothing called, no database opened\n/);
      expect(result.stdout).toMatch(/remote\s*│\s*30\s*│\s*\d+\s*│\s*1920\s*│\s*\$\d+\.\d{4} … \$\d+\.\d{4}/);
      const json = await runCli(['run', file, '--config', config, '--out', out, '--dry-run', '--json'], { env });
      const plan = JSON.parse(json.stdout) as { models: { modelId: string; attempts: number; promptTokens: number; maxOutputTokens: number; minCostUsd: number; maxCostUsd: number }[] };
      const remote = plan.models.find((model) => model.modelId === 'remote');
      expect(remote).toMatchObject({ attempts: 10, maxOutputTokens: 640 });
      expect(remote?.minCostUsd).toBeCloseTo(((remote?.promptTokens ?? 0) * 2 + 10 * 8) / 1e6, 12);
      expect(remote?.maxCostUsd).toBeCloseTo(((remote?.promptTokens ?? 0) * 2 + 640 * 8) / 1e6, 12);
      expect(requests).toBe(0);
      expect(existsSync(out)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('baton run --max-cost', () => {
  it('stops scheduling at the cap, marks the run budget_stopped and exits 1 with a message', async () => {
    const { file } = writeTinySuite(dir, 100, 'capped');
    const config = dir.write('capped-models.yaml', `models:\n  - ${simModel('a')}\n  - ${simModel('b')}\n`);
    const out = dir.path('capped-out');
    const cap = 0.002;
    const result = await runCli(['run', file, '--config', config, '--out', out, '--sim-time-scale', '0', '--max-cost', String(cap), '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stopped by --max-cost 0\.002: \$0\.00\d+ spent.*--resume r\S+ --out .* --max-cost <usd>/);
    const store = await openStore(`${out}/baton.duckdb`);
    try {
      const [run] = (await store.connection.runAndReadAll('SELECT status, (SELECT sum(cost_usd) FROM attempts) AS spent, (SELECT count(*)::INT FROM attempts) AS n FROM runs')).getRowObjectsJS();
      expect(run?.status).toBe('budget_stopped');
      expect(Number(run?.spent)).toBeLessThanOrEqual(cap);
      expect(Number(run?.n)).toBeGreaterThan(0);
      expect(Number(run?.n)).toBeLessThan(200);
    } finally {
      store.close();
    }
  });

  it('rejects a cap that is not a positive number with exit 2 and no database', async () => {
    const { file } = writeTinySuite(dir, 2, 'bad-cap');
    const config = dir.write('bad-cap-models.yaml', `models:\n  - ${simModel('a')}\n`);
    const out = dir.path('bad-cap-out');
    const result = await runCli(['run', file, '--config', config, '--out', out, '--max-cost', '-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: Expected `--max-cost` to be a number > 0, got `-1`\n');
    expect(existsSync(out)).toBe(false);
  });
});
