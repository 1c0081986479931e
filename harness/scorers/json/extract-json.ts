/** A JSON value found in a completion, and where. */
export interface ExtractedJson {
  readonly value: unknown;
  readonly how: 'whole' | 'fenced' | 'embedded';
}

const fence = /```[ \t]*([A-Za-z0-9_-]*)[^\n]*\n([\s\S]*?)```/g;

/**
 * The JSON value of a completion: the whole text; else the last fenced code block that parses
 * (```json or unlabelled); else the last top-level object (or, failing that, array) embedded in the
 * prose, found by matching brackets outside strings, so nested objects are read whole.
 */
export function extractJson(completion: string): ExtractedJson | undefined {
  const whole = tryParse(completion.trim());
  if (whole.ok) return { value: whole.value, how: 'whole' };
  const blocks = [...completion.matchAll(fence)].filter((match) => ['', 'json', 'jsonc', 'json5', 'javascript', 'js'].includes((match[1] ?? '').toLowerCase()));
  for (const block of blocks.reverse()) {
    const parsed = tryParse((block[2] ?? '').trim());
    if (parsed.ok) return { value: parsed.value, how: 'fenced' };
  }
  const spans = embeddedSpans(completion);
  const object = spans.filter((span) => span.startsWith('{')).at(-1);
  const found = object ?? spans.at(-1);
  return found === undefined ? undefined : { value: JSON.parse(found) as unknown, how: 'embedded' };
}

/** Every top-level `{…}` or `[…]` span that parses as JSON, in order. */
function embeddedSpans(text: string): string[] {
  const spans: string[] = [];
  for (let start = 0; start < text.length; start += 1) {
    const char = text[start];
    if (char !== '{' && char !== '[') continue;
    const end = matchingClose(text, start);
    if (end === undefined) continue;
    const span = text.slice(start, end + 1);
    if (tryParse(span).ok) {
      spans.push(span);
      start = end;
    }
  }
  return spans;
}

/** Index of the bracket closing the one at `start`, skipping brackets inside JSON strings. */
function matchingClose(text: string, start: number): number | undefined {
  const stack: string[] = [];
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      stack.push(char === '{' ? '}' : ']');
    } else if (char === '}' || char === ']') {
      if (stack.pop() !== char) return undefined;
      if (stack.length === 0) return index;
    }
  }
  return undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '' || !/^[[{"\d\-tfn]/.test(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
