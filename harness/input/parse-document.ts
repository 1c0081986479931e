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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
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
