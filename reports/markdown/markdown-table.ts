/** Escapes text for a Markdown table cell: no HTML, no pipes, no emphasis or links, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A GitHub-flavoured Markdown table; cells are escaped unless wrapped by `markdownCode`. */
export function markdownTable(head: readonly string[], align: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = align.map((side) => (side === 'right' ? '---:' : ':---'));
  return [line(head.map(escapeMarkdown)), line(rule), ...rows.map((row) => line(row.map(escapeMarkdown)))].join('\n');
}
