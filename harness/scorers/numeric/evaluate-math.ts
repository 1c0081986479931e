import { tokenizeMath, type MathToken } from './tokenize-math.ts';

/**
 * The value of an arithmetic expression in plain text or LaTeX (`3/4`, `\frac{\sqrt{6}}{4}`,
 * `2\sqrt{2}-2`, `6.02 \times 10^{23}`, `-\dfrac{1}{3}`), or `undefined` when it is not a closed
 * arithmetic expression. Implicit multiplication (`3\pi`, `2(1+x)`) binds like `*`.
 */
export function evaluateMath(text: string): number | undefined {
  const tokens = tokenizeMath(text);
  if (tokens === undefined) return undefined;
  const parser = createParser(tokens);
  try {
    const value = parser.expression();
    if (!parser.done()) return undefined;
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Recursive descent over the tokens; throws on anything malformed. */
function createParser(tokens: readonly MathToken[]) {
  let position = 0;
  const peek = (): MathToken | undefined => tokens[position];
  const next = (): MathToken => {
    const token = tokens[position];
    if (token === undefined) throw new Error('unexpected end');
    position += 1;
    return token;
  };
  const isOp = (token: MathToken | undefined, ...ops: string[]) => token?.kind === 'op' && ops.includes(token.op);
  const startsOperand = (token: MathToken | undefined) =>
    token !== undefined && (token.kind === 'number' || token.kind === 'command' || token.kind === 'open');

  function expression(): number {
    let value = term();
    while (isOp(peek(), '+', '-')) {
      const op = next();
      const right = term();
      value = op.kind === 'op' && op.op === '+' ? value + right : value - right;
    }
    return value;
  }

  function term(): number {
    let value = unary();
    for (;;) {
      if (isOp(peek(), '*', '/')) {
        const op = next();
        const right = unary();
        value = op.kind === 'op' && op.op === '*' ? value * right : value / right;
      } else if (startsOperand(peek())) {
        value *= power();
      } else {
        return value;
      }
    }
  }

  function unary(): number {
    if (!isOp(peek(), '-', '+')) return power();
    const sign = next();
    const value = unary();
    return sign.kind === 'op' && sign.op === '-' ? -value : value;
  }

  function power(): number {
    const base = primary();
    if (!isOp(peek(), '^')) return base;
    next();
    return base ** unary();
  }

  function group(open: '(' | '{' | '['): number {
    const token = next();
    if (token.kind !== 'open' || token.bracket !== open) throw new Error('expected a group');
    const value = expression();
    const close = next();
    if (close.kind !== 'close' || close.bracket !== open) throw new Error('unbalanced');
    return value;
  }

  function primary(): number {
    const head = peek();
    if (head?.kind === 'open' && head.bracket !== '[') return group(head.bracket);
    const token = next();
    if (token.kind === 'number') return token.value;
    if (token.kind !== 'command') throw new Error('unexpected token');
    if (token.name === 'pi') return Math.PI;
    if (token.name === 'frac') return group('{') / group('{');
    const indexToken = peek();
    const index = indexToken?.kind === 'open' && indexToken.bracket === '[' ? group('[') : 2;
    const radicand = group('{');
    // An odd root of a negative number is real: \sqrt[3]{-8} = -2.
    return radicand < 0 && index % 2 === 1 ? -((-radicand) ** (1 / index)) : radicand ** (1 / index);
  }

  return { expression, done: () => position === tokens.length };
}
