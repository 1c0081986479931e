/**
 * The page's only script: sorts a table when a header button is pressed. Numbers sort as
 * numbers (from `data-value`), empty values last either way. It adds no content, and the page's
 * Content-Security-Policy allows this exact script (by hash) and nothing else.
 */
export const sortScript = `
for (const table of document.querySelectorAll('table.sortable')) {
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((header, index) => {
    header.querySelector('button').addEventListener('click', () => {
      const direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', direction);
      const sign = direction === 'ascending' ? 1 : -1;
      const key = (row) => {
        const raw = row.cells[index].dataset.value;
        if (raw === undefined || raw === '') return null;
        const number = Number(raw);
        return Number.isNaN(number) ? raw : number;
      };
      const body = table.tBodies[0];
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
      });
      body.append(...rows);
    });
  });
}
`;
