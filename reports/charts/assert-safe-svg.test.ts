import { describe, expect, it } from 'vitest';
import { assertSafeSvg } from './assert-safe-svg.ts';

describe('assertSafeSvg', () => {
  it('accepts escaped data in text and attribute values', () => {
    const svg = '<svg><g aria-label="category: &lt;img src=x onerror=&quot;x()&quot;&gt;"><text>&lt;script&gt; onerror=1</text></g></svg>';
    expect(assertSafeSvg(svg)).toBe(svg);
  });

  it('refuses scripts, event handlers, foreign objects and javascript links', () => {
    expect(() => assertSafeSvg('<svg><script>x()</script></svg>')).toThrow('unsafe SVG');
    expect(() => assertSafeSvg('<svg><rect onload="x()"/></svg>')).toThrow('unsafe SVG');
    expect(() => assertSafeSvg('<svg><foreignObject></foreignObject></svg>')).toThrow('unsafe SVG');
    expect(() => assertSafeSvg('<svg><a href="javascript:x()"></a></svg>')).toThrow('unsafe SVG');
    expect(() => assertSafeSvg('<div></div>')).toThrow('expected an SVG');
  });
});
