/** One token of a plain or LaTeX arithmetic expression. */
export type MathToken =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'op'; readonly op: '+' | '-' | '*' | '/' | '^' }
  | { readonly kind: 'open' | 'close'; readonly bracket: '(' | '{' | '[' }
  | { readonly kind: 'command'; readonly name: 'frac' | 'sqrt' | 'pi' };

/** Layout and decoration that never changes a value. */
const decorations = /\\(?:left|right|displaystyle|,|;|:|!| |quad|qquad|big|Big|bigg|Bigg)(?![A-Za-z])|\\text(?:bf|it|rm)?\{[^{}]*\}|\\mathrm\{[^{}]*\}|\\mbox\{[^{}]*\}|\^\s*\{?\s*\\circ\s*\}?|°|\\%|%|\\\$|\$|~|(?:USD|EUR|GBP|€|£)/g;

const operators: Record<string, '+' | '-' | '*' | '/' | '^'> = {
  '+': '+', '-': '-', '−': '-', '–': '-', '*': '*', '×': '*', '·': '*', '/': '/', '÷': '/', '^': '^',
};

const commands: Record<string, MathToken> = {
  frac: { kind: 'command', name: 'frac' },
  dfrac: { kind: 'command', name: 'frac' },
  tfrac: { kind: 'command', name: 'frac' },
  sqrt: { kind: 'command', name: 'sqrt' },
  pi: { kind: 'command', name: 'pi' },
  cdot: { kind: 'op', op: '*' },
  times: { kind: 'op', op: '*' },
  div: { kind: 'op', op: '/' },
};

/**
 * Tokens of an arithmetic expression written as plain text or LaTeX, or `undefined` as soon as
 * something is not arithmetic (a variable, `\infty`, a word). Units in `\text{}`, `$`, `%` and
 * degree signs are dropped. Thousands separators are read only in the `1,234,567` shape, so a
 * list such as `2, 5` is not taken for a number.
 */
export function tokenizeMath(input: string): MathToken[] | undefined {
  // `\frac12` and `\sqrt2` take single-character arguments without braces.
  const text = input
    .replace(decorations, ' ')
    .replace(/\\([dt]?frac)\s*(\d)\s*(\d)/g, '\\$1{$2}{$3}')
    .replace(/\\([dt]?frac)\s*(\{[^{}]*\})\s*(\d)/g, '\\$1$2{$3}')
    .replace(/\\([dt]?frac)\s*(\d)\s*\{/g, '\\$1{$2}{')
    .replace(/\\sqrt\s*(\d)/g, '\\sqrt{$1}');
  const tokens: MathToken[] = [];
  const number = /^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:e[-+]?\d+)?|^\.\d+/i;
  let rest = text.trim();
  while (rest !== '') {
    const head = rest[0] ?? '';
    const numeral = number.exec(rest);
    if (numeral !== null) {
      // Two numerals in a row are a list or a typo, never a product.
      if (tokens.at(-1)?.kind === 'number') return undefined;
      tokens.push({ kind: 'number', value: Number(numeral[0].replace(/,/g, '')) });
      rest = rest.slice(numeral[0].length);
    } else if (head in operators) {
      tokens.push({ kind: 'op', op: operators[head] ?? '+' });
      rest = rest.slice(1);
    } else if (head === '(' || head === '{' || head === '[') {
      tokens.push({ kind: 'open', bracket: head });
      rest = rest.slice(1);
    } else if (head === ')' || head === '}' || head === ']') {
      tokens.push({ kind: 'close', bracket: head === ')' ? '(' : head === '}' ? '{' : '[' });
      rest = rest.slice(1);
    } else if (head === '\\') {
      const name = /^\\([A-Za-z]+)/.exec(rest)?.[1];
      const token = name === undefined ? undefined : commands[name];
      if (token === undefined || name === undefined) return undefined;
      tokens.push(token);
      rest = rest.slice(name.length + 1);
    } else if (head === 'π') {
      tokens.push(commands.pi ?? { kind: 'command', name: 'pi' });
      rest = rest.slice(1);
    } else if (/\s/.test(head)) {
      rest = rest.slice(1);
    } else {
      return undefined;
    }
    rest = rest.trimStart();
  }
  return tokens.length === 0 ? undefined : tokens;
}
