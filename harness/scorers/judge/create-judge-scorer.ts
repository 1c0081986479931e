import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { JudgeScorerSchema } from '../../core/program-scorer-specs.ts';
import { clipText } from '../clip-text.ts';
import { expectedText } from '../expected-text.ts';
import type { ScorerContext, Scorer } from '../scorer.ts';
import { failedScore } from '../score-values.ts';
import { askJudge } from './ask-judge.ts';
import { buildJudgePrompt, judgeQuestion, judgeSystemPrompt } from './judge-prompt.ts';

type JudgeSpec = z.infer<typeof JudgeScorerSchema>;

/** Lowest passing panel score: the spec's `pass_at`, else three quarters of the way up the scale, rounded up. */
export function judgePassAt(spec: Pick<JudgeSpec, 'pass_at' | 'scale'>): number {
  return spec.pass_at ?? Math.ceil(spec.scale.min + 0.75 * (spec.scale.max - spec.scale.min));
}

/**
 * `judge`: every judge of the panel grades the completion against the rubric (in parallel, each
 * through its own connection lane). Value = mean of the judges' scores mapped to [0, 1]; passes when
 * the mean verdict reaches `pass_at`. With several judges the explanation reports their pass/fail
 * agreement. Judges that fail are left out; when none answers, the score is an error, not a 0.
 */
export function createJudgeScorer(spec: JudgeSpec, context: ScorerContext): Scorer {
  const passAt = judgePassAt(spec);
  const width = spec.scale.max - spec.scale.min;
  return async (task, completion) => {
    const client = context.judge;
    if (client === undefined) return { ...failedScore('no judge models available'), error: 'judge scorers need configured models' };
    const reference = spec.include_reference && task.expected !== undefined && task.expected !== null ? expectedText(task.expected) : undefined;
    const prompt = buildJudgePrompt({ rubric: spec.rubric, question: judgeQuestion(task.system, task.prompt ?? ''), reference, answer: completion, scale: spec.scale });
    const promptHash = createHash('sha256').update(`${judgeSystemPrompt}\u0001${prompt}`).digest('hex').slice(0, 16);
    const question = { system: judgeSystemPrompt, prompt, promptHash, scale: spec.scale, maxTokens: spec.max_tokens };
    const calls = await Promise.all(spec.judges.map((judge) => askJudge(client, judge, question)));
    const verdicts = calls.flatMap((call) => (call.verdict === null ? [] : [{ judge: call.judgeModelId, verdict: call.verdict, reasoning: call.reasoning }]));
    if (verdicts.length === 0) {
      const why = calls.map((call) => `${call.judgeModelId}: ${call.errorMessage ?? call.status}`).join('; ');
      return { ...failedScore(`no judge gave a verdict (${clipText(why)})`), error: `no judge gave a verdict: ${why}`, judgments: calls };
    }
    const mean = verdicts.reduce((sum, item) => sum + item.verdict, 0) / verdicts.length;
    const passed = mean >= passAt;
    const scale = `${spec.scale.min}–${spec.scale.max}`;
    const only = verdicts[0];
    const explanation =
      verdicts.length === 1 && only !== undefined
        ? `${only.judge}: ${only.verdict} on ${scale}${only.reasoning === null ? '' : `: ${clipText(only.reasoning)}`}`
        : `${verdicts.map((item) => `${item.judge} ${item.verdict}`).join(', ')}; mean ${round(mean)} on ${scale}; pass/fail agreement ${Math.round(agreement(verdicts.map((item) => item.verdict >= passAt)) * 100)}%`;
    return { value: (mean - spec.scale.min) / width, passed, extracted: round(mean), explanation, judgments: calls };
  };
}

/** Share of judge pairs that agree on pass/fail (1 with a single judge). */
export function agreement(votes: readonly boolean[]): number {
  let pairs = 0;
  let agreeing = 0;
  for (let i = 0; i < votes.length; i += 1) {
    for (let j = i + 1; j < votes.length; j += 1) {
      pairs += 1;
      if (votes[i] === votes[j]) agreeing += 1;
    }
  }
  return pairs === 0 ? 1 : agreeing / pairs;
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
