import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { canonicalJson } from '../../policies/write/canonical-json.ts';
import { exportJson } from '../../policies/export/export-json.ts';
import { exportLitellm } from '../../policies/export/export-litellm.ts';
import { exitCodes } from '../exit-codes.ts';
import { readPolicy } from './evaluate-policy-command.ts';

/** `baton export`: options and handler (its usage line and summary are in `cli/command-index.ts`). */
export const exportCommand = {
  builder: (yargs: Argv) =>
    yargs
      .option('format', { choices: ['litellm', 'json'] as const, demandOption: true, describe: 'litellm: proxy config YAML (model_list, tag routing, fallbacks); json: gateway-neutral routing table' })
      .option('policy', { type: 'string', default: 'results/policy.json', describe: 'The policy file written by `baton fit`' })
      .option('out', { type: 'string', describe: 'Write to this file instead of stdout' })
      .example('$0 export --format litellm --out litellm.config.yaml', 'Then: litellm --config litellm.config.yaml')
      .example('$0 export --format json --policy nightly/policy.json', 'The routing table alone, as JSON'),
  handler: (argv: { format: 'litellm' | 'json'; policy: string; out?: string | undefined }) => {
    const policy = readPolicy(argv.policy);
    let text: string;
    if (argv.format === 'litellm') {
      const compiled = exportLitellm(policy, argv.policy);
      text = compiled.text;
      for (const warning of compiled.warnings) process.stderr.write(`warning: ${warning}\n`);
    } else {
      text = canonicalJson(exportJson(policy));
    }
    if (argv.out === undefined) process.stdout.write(text);
    else writeFileSync(argv.out, text);
    return exitCodes.ok;
  },
};
