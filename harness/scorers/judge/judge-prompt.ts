/** What a judge is shown. */
export interface JudgePromptParts {
  readonly rubric: string;
  readonly question: string;
  /** The task's expected answer, when the judge may see it. */
  readonly reference: string | undefined;
  readonly answer: string;
  readonly scale: { readonly min: number; readonly max: number };
}

/** The judge's instructions; the verdict format is fixed so that it can be parsed. */
export const judgeSystemPrompt =
  'You are a strict, fair grader. You compare an AI assistant\'s answer with the rubric (and with the reference answer, when one is given) and reply with a JSON verdict only.';

/** The question as judges see it: the task's system prompt (its instructions), then its prompt. */
export function judgeQuestion(system: string | undefined, prompt: string): string {
  return system === undefined ? prompt : `${system}\n\n${prompt}`;
}

/** Writes the judge prompt. Sections are tagged so that a reader (the simulator) can take it apart. */
export function buildJudgePrompt(parts: JudgePromptParts): string {
  const reference = parts.reference === undefined ? '' : `<reference_answer>\n${parts.reference}\n</reference_answer>\n\n`;
  return [
    'Grade the answer below.\n\n',
    `<rubric>\n${parts.rubric}\n</rubric>\n\n`,
    `<question>\n${parts.question}\n</question>\n\n`,
    reference,
    `<answer>\n${parts.answer}\n</answer>\n\n`,
    `Score the answer on an integer scale from ${parts.scale.min} (worst) to ${parts.scale.max} (best).\n`,
    `Reply with JSON only, in this form: {"score": <integer from ${parts.scale.min} to ${parts.scale.max}>, "reasoning": "<one sentence>"}`,
  ].join('');
}

// The answer is matched greedily up to the fixed tail, so an answer containing "</answer>" stays whole.
const shape =
  /^Grade the answer below\.\n\n<rubric>\n([\s\S]*?)\n<\/rubric>\n\n<question>\n([\s\S]*?)\n<\/question>\n\n(?:<reference_answer>\n([\s\S]*?)\n<\/reference_answer>\n\n)?<answer>\n([\s\S]*)\n<\/answer>\n\nScore the answer on an integer scale from (-?\d+) \(worst\) to (-?\d+) \(best\)\.\n/;

/** Takes a judge prompt apart again, or `undefined` when the text is not one. */
export function parseJudgePrompt(prompt: string): JudgePromptParts | undefined {
  const match = shape.exec(prompt);
  if (match === null) return undefined;
  return {
    rubric: match[1] ?? '',
    question: match[2] ?? '',
    reference: match[3],
    answer: match[4] ?? '',
    scale: { min: Number(match[5]), max: Number(match[6]) },
  };
}
