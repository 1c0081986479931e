/** What replaces a secret in messages. */
export const redacted = '[redacted]';

/** Shortest run of the key's characters that counts as a (partial) echo of it. */
const echoWindow = 8;

/**
 * Removes anything that looks like the API key from text bound for messages, the store or logs:
 * the key itself, any word sharing eight consecutive characters with it (partial or masked
 * echoes), and whatever follows a credential header or `key=` parameter, ours or not. SDK and
 * proxy errors sometimes echo request headers; keys must never reach a message.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  let out = text;
  if (secret !== undefined && secret.length > 0) {
    out = out.split(secret).join(redacted);
    if (secret.length >= echoWindow) {
      const windows = new Set<string>();
      for (let index = 0; index + echoWindow <= secret.length; index += 1) windows.add(secret.slice(index, index + echoWindow));
      out = out.replace(/[^\s"',;{}()[\]]+/g, (word) => (sharesWindow(word, windows) ? redacted : word));
    }
  }
  out = out.replace(/\b(authorization|x-api-key|x-goog-api-key|api-key)("?\s*[:=]\s*"?)(bearer\s+)?[^\s"',}]+/gi, `$1$2$3${redacted}`);
  return out.replace(/([?&]key=)[^&\s"']+/gi, `$1${redacted}`);
}

function sharesWindow(word: string, windows: ReadonlySet<string>): boolean {
  if (word === redacted || word.length < echoWindow) return false;
  for (let index = 0; index + echoWindow <= word.length; index += 1) {
    if (windows.has(word.slice(index, index + echoWindow))) return true;
  }
  return false;
}
