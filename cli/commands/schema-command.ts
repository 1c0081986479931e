import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { ConfigSchema } from '../../harness/core/models-schema.ts';
import { SuiteSchema } from '../../harness/core/suite-schema.ts';
import { generatePolicySchema } from '../../policies/generate-policy-schema.ts';
import { exitCodes } from '../exit-codes.ts';

/** JSON Schemas generated from the zod schemas, for editors and other tools. */
export function generateSchema(kind: 'suite' | 'config' | 'policy'): string {
  if (kind === 'policy') return generatePolicySchema();
  const schema = z.toJSONSchema(kind === 'suite' ? SuiteSchema : ConfigSchema, { io: 'input', unrepresentable: 'any' });
  const title = kind === 'suite' ? 'baton suite' : 'baton models config';
  return `${JSON.stringify({ title, ...schema }, null, 2)}\n`;
}

/** `baton schema`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const schemaCommand = {
  builder: (yargs: Argv) =>
    yargs
      .positional('kind', { choices: ['suite', 'config', 'policy'] as const, demandOption: true })
      .option('out', { type: 'string', describe: 'Write to this file instead of stdout' })
      .example('$0 schema suite --out suites/suite.schema.json', 'Regenerate the published suite schema')
      .example('$0 schema policy --out policies/policy.schema.json', 'Regenerate the published policy schema'),
  handler: (argv: { kind: 'suite' | 'config' | 'policy'; out?: string | undefined }) => {
    const text = generateSchema(argv.kind);
    if (argv.out === undefined) process.stdout.write(text);
    else writeFileSync(argv.out, text);
    return exitCodes.ok;
  },
};
