import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, type ZlibOptions } from 'node:zlib';

/** As fetch does, a truncated compressed body is accepted rather than failed. */
const lenient: ZlibOptions = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * The body of `res` decoded by its `content-encoding` (gzip, deflate, br), as fetch decodes it.
 * The transport sends no `accept-encoding`, so servers rarely compress; this covers those that
 * do anyway. Errors of `res` reach the decoder, and through it the body.
 */
export function decodeContent(res: IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === undefined || encoding === '' || encoding === 'identity') return res;
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip(lenient) : encoding === 'deflate' ? createInflate(lenient) : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (decoder === undefined) return res;
  res.on('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}
