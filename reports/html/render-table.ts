import { html, type SafeHtml } from './safe-html.ts';

/** One column of a sortable table. */
export interface Column<Row> {
  readonly label: string;
  /** What the column means, shown on hover. */
  readonly help?: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** The sort key; `null` sorts last either way. Numbers are stored raw, so the page keeps exact values. */
  readonly value: (row: Row) => number | string | null;
  readonly cell: (row: Row) => SafeHtml | string;
}

/**
 * A table whose headers sort it (by the inline script). Each cell carries its raw value in
 * `data-value`, so sorting is numeric and tests can read exact figures off the page.
 */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], options: { readonly id: string; readonly caption: string; readonly rowClass?: (row: Row) => string }): SafeHtml {
  const head = columns.map(
    (column) => html`<th scope="col" class="${column.numeric === true ? 'num' : ''}" title="${column.help}"><button type="button">${column.label}</button></th>`,
  );
  const body = rows.map((row) => {
    const cells = columns.map((column) => {
      const value = column.value(row);
      return html`<td class="${column.numeric === true ? 'num' : ''}" data-value="${value === null ? '' : value}">${column.cell(row)}</td>`;
    });
    return html`<tr class="${options.rowClass?.(row)}">${cells}</tr>`;
  });
  return html`<div class="table-wrap"><table class="sortable" id="${options.id}"><caption>${options.caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
