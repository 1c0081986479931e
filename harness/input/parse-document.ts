import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { InputProblem } from '../core/input-error.ts';

/** A parsed YAML or JSON document that can say where a path inside it was written. */
export interface ParsedDocument {
  readonly file: string;
  readonly value: unknown;
  /** Line and column of the node at `path`, or of its nearest written ancestor. */
  locate(path: readonly PropertyKey[], key?: string): { line?: number; column?: number };
}

/** Guards against YAML alias bombs ("billion laughs"). */
const maxAliasCount = 100;

/**
 * Parses YAML (and JSON, which YAML 1.2 reads) keeping node positions, so that
 * validation errors can name the line. Syntax errors become problems, not throws.
 */
export function parseDocumentText(file: string, text: string): ParsedDocument | InputProblem[] {
  const lineCounter = new LineCounter();
  if (file.toLowerCase().endsWith('.json')) {
    // YAML reads JSON leniently (trailing commas, comments); a .json file must be strict JSON.
    const problem = strictJsonProblem(file, text);
    if (problem !== undefined) return [problem];
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    if (doc.errors.some((error) => error.message.includes('call stack'))) {
      return [{ file, path: '', message: 'the document is nested too deeply to read', fix: 'flatten the structure; suites and configs need only a few levels' }];
    }
    return doc.errors.slice(0, 5).map((error) => ({
      file,
      ...positionOf(lineCounter, error.pos[0]),
      path: '',
      message: `invalid ${file.endsWith('.json') ? 'JSON/YAML' : 'YAML'}: ${firstLine(error.message)}`,
      fix: 'correct the syntax at that line',
    }));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    return [{ file, path: '', message: `cannot expand the document: ${firstLine(String(error))}`, fix: 'remove the recursive or heavily repeated YAML aliases' }];
  }
  return {
    file,
    value,
    locate: (path, key) => locateNode(doc, lineCounter, path, key),
  };
}

function locateNode(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key?: string) {
  // Walk up from the full path until a written node is found (a missing key has no node).
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (node === undefined || node === null) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return positionOf(lineCounter, range[0]);
    }
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return positionOf(lineCounter, range[0]);
  }
  return {};
}

function positionOf(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}

function strictJsonProblem(file: string, text: string): InputProblem | undefined {
  const errors: ParseError[] = [];
  parseJson(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  const first = errors[0];
  if (first === undefined) return undefined;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  return {
    file,
    line,
    column: first.offset - before.lastIndexOf('\n'),
    path: '',
    message: `invalid JSON: ${printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`,
    fix: 'correct the JSON at that position (.json files allow no trailing commas and no comments)',
  };
}
