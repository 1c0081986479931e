/**
 * A provider-neutral token estimate (about four characters a token for English text).
 * Used before a call to reserve rate-limit budget, and by the simulator to size usage;
 * real usage from the API replaces it once known.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
