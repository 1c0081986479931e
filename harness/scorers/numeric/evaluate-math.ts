import { tokenizeMath, type MathToken } from './tokenize-math.ts';

/**
 * The value of an arithmetic expression in plain text or LaTeX (`3/4`, `\frac{\sqrt{6}}{4}`,
 * `2\sqrt{2}-2`, `6.02 \times 10^{23}`, `-\dfrac{1}{3}`), or `undefined` when it is not a closed
 * arithmetic expression. Implicit multiplication (`3\pi`, `2(1+x)`) binds like `*`.
 */
export function evaluateMath(text: string): number | undefined {
  const tokens = tokenizeMath(text);
  if (tokens === undefined) return undefined;
  const cursor: Cursor = { tokens, position: 0 };
  try {
    const value = expression(cursor);
    if (cursor.position !== tokens.length) return undefined;
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Recursive descent over the tokens; throws on anything malformed. Plain functions over a cursor
 * rather than closures made per call: this runs once per scored attempt.
 */
interface Cursor {
  readonly tokens: readonly MathToken[];
  position: number;
}

function peek(cursor: Cursor): MathToken | undefined {
  return cursor.tokens[cursor.position];
}

function next(cursor: Cursor): MathToken {
  const token = cursor.tokens[cursor.position];
  if (token === undefined) throw new Error('unexpected end');
  cursor.position += 1;
  return token;
}

/** Whether `token` is one of the operators in `ops` (one character each). */
function isOp(token: MathToken | undefined, ops: string): boolean {
  return token?.kind === 'op' && ops.includes(token.op);
}

function startsOperand(token: MathToken | undefined): boolean {
  return token !== undefined && (token.kind === 'number' || token.kind === 'command' || token.kind === 'open');
}

function expression(cursor: Cursor): number {
  let value = term(cursor);
  while (isOp(peek(cursor), '+-')) {
    const op = next(cursor);
    const right = term(cursor);
    value = op.kind === 'op' && op.op === '+' ? value + right : value - right;
  }
  return value;
}

function term(cursor: Cursor): number {
  let value = unary(cursor);
  for (;;) {
    if (isOp(peek(cursor), '*/')) {
      const op = next(cursor);
      const right = unary(cursor);
      value = op.kind === 'op' && op.op === '*' ? value * right : value / right;
    } else if (startsOperand(peek(cursor))) {
      value *= power(cursor);
    } else {
      return value;
    }
  }
}

function unary(cursor: Cursor): number {
  if (!isOp(peek(cursor), '-+')) return power(cursor);
  const sign = next(cursor);
  const value = unary(cursor);
  return sign.kind === 'op' && sign.op === '-' ? -value : value;
}

function power(cursor: Cursor): number {
  const base = primary(cursor);
  if (!isOp(peek(cursor), '^')) return base;
  next(cursor);
  return base ** unary(cursor);
}

function group(cursor: Cursor, open: '(' | '{' | '['): number {
  const token = next(cursor);
  if (token.kind !== 'open' || token.bracket !== open) throw new Error('expected a group');
  const value = expression(cursor);
  const close = next(cursor);
  if (close.kind !== 'close' || close.bracket !== open) throw new Error('unbalanced');
  return value;
}

function primary(cursor: Cursor): number {
  const head = peek(cursor);
  if (head?.kind === 'open' && head.bracket !== '[') return group(cursor, head.bracket);
  const token = next(cursor);
  if (token.kind === 'number') return token.value;
  if (token.kind !== 'command') throw new Error('unexpected token');
  if (token.name === 'pi') return Math.PI;
  if (token.name === 'frac') return group(cursor, '{') / group(cursor, '{');
  const indexToken = peek(cursor);
  const index = indexToken?.kind === 'open' && indexToken.bracket === '[' ? group(cursor, '[') : 2;
  const radicand = group(cursor, '{');
  // An odd root of a negative number is real: \sqrt[3]{-8} = -2.
  return radicand < 0 && index % 2 === 1 ? -((-radicand) ** (1 / index)) : radicand ** (1 / index);
}
