/**
 * Cuts an answer into at most `maxPieces` stream deltas at word boundaries; the pieces join back
 * to the exact text. Short answers (a label) come in one piece, as they do from real models.
 */
export function splitPieces(text: string, maxPieces = 8): string[] {
  if (text === '') return [];
  const words = text.match(/\s*\S+\s*/g) ?? [text];
  const size = Math.ceil(words.length / maxPieces);
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += size) pieces.push(words.slice(index, index + size).join(''));
  return pieces;
}
