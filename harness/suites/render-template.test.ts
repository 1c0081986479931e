import { describe, expect, it } from 'vitest';
import { findPlaceholders, lookupVar, renderTemplate } from './render-template.ts';

describe('templates', () => {
  it('finds each placeholder once, tolerating inner spaces', () => {
    expect(findPlaceholders('{{a}} {{ b }} {{a}} {{c.d}} {{ not a var }}')).toEqual(['a', 'b', 'c.d']);
  });

  it('renders strings as they are and other values as JSON', () => {
    expect(renderTemplate('{{s}}|{{n}}|{{b}}|{{o}}', { s: 'x {{y}}', n: 1.5, b: false, o: { k: [1] } })).toBe('x {{y}}|1.5|false|{"k":[1]}');
  });

  it('looks up dotted names and reports absent ones as undefined', () => {
    expect(lookupVar({ a: { b: { c: 'deep' } } }, 'a.b.c')).toBe('deep');
    expect(lookupVar({ a: {} }, 'a.b')).toBeUndefined();
    expect(lookupVar({ a: 'x' }, 'a.length')).toBeUndefined();
    expect(() => renderTemplate('{{missing}}', {})).toThrow('missing template variable missing');
  });
});
