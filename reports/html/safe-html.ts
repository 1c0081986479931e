/** Markup that is safe to put in a page: built by `html` (which escapes) or declared by `trustedHtml`. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** What may be interpolated into `html`: text (escaped), numbers, safe markup, or lists of them. */
export type HtmlValue = string | number | boolean | null | undefined | SafeHtml | readonly HtmlValue[];

/**
 * Template tag that escapes every interpolated value unless it is already `SafeHtml`. Data from
 * the database (task text, model outputs, ids) can only reach the page through it, so a model
 * answer containing `<script>` or `onerror=` is shown as text. `null` and `undefined` render empty.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

/** Marks markup as safe without escaping: only for constants of this module and checked SVG. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => render(item)).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}
