/**
 * Whether `needle` occurs in `haystack`; with `wholeWords`, only where it is not glued to a letter or
 * digit on either side (so `no` is not found in `not`, nor `12` in `120`).
 */
export function containsText(haystack: string, needle: string, wholeWords: boolean): boolean {
  if (needle === '') return false;
  if (!wholeWords) return haystack.includes(needle);
  for (let from = haystack.indexOf(needle); from !== -1; from = haystack.indexOf(needle, from + 1)) {
    const before = haystack[from - 1] ?? '';
    const after = haystack[from + needle.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
