/**
 * Belt and braces over vega's own escaping: an SVG string must be markup vega draws, never
 * something that runs. Data text sits between tags or inside quoted attribute values, with `<`
 * and `"` escaped, so each real tag is checked with its quoted values set aside: a script, a
 * foreign object, an event-handler attribute or a `javascript:` link is refused.
 */
export function assertSafeSvg(svg: string): string {
  if (!svg.startsWith('<svg')) throw new Error('expected an SVG document from vega');
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    const names = tag.replace(/"[^"]*"/g, '""');
    const unsafe =
      /^<\/?\s*(script|foreignobject|iframe|object|embed|image)\b/i.test(names) ||
      /\son[a-z]+\s*=/i.test(names) ||
      /href\s*=\s*"\s*javascript:/i.test(tag);
    if (unsafe) throw new Error(`refusing to inline unsafe SVG markup: ${tag.slice(0, 80)}`);
  }
  return svg;
}
