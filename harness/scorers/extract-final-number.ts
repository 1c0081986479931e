const numberPattern = /[-−]?\$?\d[\d,]*(?:\.\d+)?%?|[-−]?\$?\.\d+%?/g;

/**
 * The answer number of a free-text completion: the content of the last `\boxed{}`, else the
 * number after the last "answer is"/"Answer:", else the last number in the text. Thousands
 * separators, currency signs and percent signs are dropped. `undefined` when there is none.
 */
export function extractFinalNumber(text: string): number | undefined {
  const boxed = [...text.matchAll(/\\boxed\{([^{}]*)\}/g)].at(-1)?.[1];
  if (boxed !== undefined) return lastNumber(boxed);
  const marker = [...text.matchAll(/answer\s*(?:is|:)\s*/gi)].at(-1);
  if (marker?.index !== undefined) {
    const after = firstNumber(text.slice(marker.index + marker[0].length));
    if (after !== undefined) return after;
  }
  return lastNumber(text);
}

function lastNumber(text: string): number | undefined {
  const match = text.match(numberPattern)?.at(-1);
  return match === undefined ? undefined : toNumber(match);
}

function firstNumber(text: string): number | undefined {
  const match = text.match(numberPattern)?.[0];
  return match === undefined ? undefined : toNumber(match);
}

function toNumber(token: string): number | undefined {
  const value = Number(token.replace(/[−]/, '-').replace(/[$,%]/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
