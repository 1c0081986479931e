import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from './safe-html.ts';

describe('html', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const output = '<script>window.__pwned = 1</script><img src=x onerror="alert(1)">';
    const markup = html`<td title="${output}">${output}</td>`.markup;
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<img');
    expect(markup).toBe(`<td title="${escapeHtml(output)}">${escapeHtml(output)}</td>`);
    expect(escapeHtml(`"'&<>`)).toBe('&#34;&#39;&#38;&#60;&#62;');
  });

  it('keeps safe markup and lists, and renders nothing for null', () => {
    const cells = ['a<b', 'c'].map((text) => html`<td>${text}</td>`);
    expect(html`<tr>${cells}${null}${undefined}${trustedHtml('<br>')}${3}</tr>`.markup).toBe('<tr><td>a&#60;b</td><td>c</td><br>3</tr>');
  });
});
