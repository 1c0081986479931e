import type { IncomingHttpHeaders } from 'node:http';

/** The API key a request presents, wherever its SDK puts it (bearer token, `x-api-key`, `x-goog-api-key`, `?key=`). */
export function presentedKey(headers: IncomingHttpHeaders, url: URL): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return bearer ?? header('x-api-key') ?? header('x-goog-api-key') ?? url.searchParams.get('key') ?? undefined;
}
