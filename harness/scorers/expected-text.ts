/** The text form of an expected answer: strings as they are, other values as JSON, absent as ''. */
export function expectedText(expected: unknown): string {
  if (expected === undefined || expected === null) return '';
  if (typeof expected === 'string') return expected;
  return JSON.stringify(expected);
}
