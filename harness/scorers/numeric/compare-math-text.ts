import { evaluateMath } from './evaluate-math.ts';
import { stripAssignment } from './read-answer-number.ts';

/**
 * Normalised LaTeX for comparing non-numeric answers (intervals, sets, expressions, phrases):
 * no math delimiters, spacing, `\left`/`\right`, `\text{}` wrappers, degree signs or final period;
 * `\dfrac` reads as `\frac`, `+\infty` as `\infty`; case-insensitive.
 */
export function normalizeLatex(text: string): string {
  return text
    .replace(/\$/g, '')
    .trim()
    .replace(/^\\[([]|\\[)\]]$/g, '')
    .replace(/\\(?:text|textbf|textit|mathrm|mathbf|mbox|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:left|right|displaystyle)(?![A-Za-z])/g, '')
    .replace(/\\[,;:! ]|\\q?quad(?![A-Za-z])|~/g, '')
    .replace(/\\[dt](frac|binom)/g, '\\$1')
    .replace(/\^\s*\{?\s*\\circ\s*\}?|°/g, '')
    .replace(/\+\s*\\infty/g, '\\infty')
    .replace(/\\\{/g, '{')
    .replace(/\\\}/g, '}')
    .replace(/\s+/g, '')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, (_match, top: string, bottom: string) => `${atom(top)}/${atom(bottom)}`)
    // A one-character group reads the same without braces: `^{n}` = `^n`, `\pmod{4}` = `\pmod4`.
    .replace(/([\^_]|\\[A-Za-z]+)\{([A-Za-z0-9])\}/g, '$1$2')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** A fraction's part as written in `a/b` form: bracketed unless it is a single term. */
function atom(part: string): string {
  return /^[\w!.\\]+$/.test(part) ? part : `(${part})`;
}

/** Whether two math answers agree: as normalised text, or item by item as lists, intervals or unions. */
export function compareMathText(got: string, want: string, numbersAgree: (got: number, want: number) => boolean): boolean {
  const a = normalizeLatex(got);
  const b = normalizeLatex(want);
  if (a === b || normalizeLatex(stripAssignment(got)) === normalizeLatex(stripAssignment(want))) return true;
  const left = splitTopLevel(a);
  const right = splitTopLevel(b);
  if (left.length < 2 || left.length !== right.length) return false;
  return left.every((item, index) => {
    const other = right[index] ?? '';
    if (item === other) return true;
    const x = evaluateMath(stripAssignment(item));
    const y = evaluateMath(stripAssignment(other));
    return x !== undefined && y !== undefined && numbersAgree(x, y);
  });
}

/**
 * Splits normalised text at top-level commas and unions, keeping brackets as their own items so that
 * `(0,2]` and `(0,2)` differ: `[-\frac14,0)\cup(0,2)` → `[`, `-\frac14`, `0`, `)`, `\cup`, `(`, `0`, `2`, `)`.
 */
function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  // Nesting inside the current item, e.g. the braces of `\frac{1}{4}`.
  let nesting = 0;
  let current = '';
  const flush = () => {
    if (current !== '') items.push(current);
    current = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (nesting === 0 && text.startsWith('\\cup', index)) {
      flush();
      items.push('\\cup');
      index += 3;
    } else if (nesting === 0 && current === '' && '([{'.includes(char)) {
      items.push(char);
    } else if (nesting === 0 && ')]}'.includes(char)) {
      flush();
      items.push(char);
    } else if (nesting === 0 && char === ',') {
      flush();
    } else {
      if ('([{'.includes(char)) nesting += 1;
      if (')]}'.includes(char)) nesting -= 1;
      current += char;
    }
  }
  flush();
  return items;
}
