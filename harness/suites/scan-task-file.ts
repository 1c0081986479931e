import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { InputProblem } from '../core/input-error.ts';
import { readProblem, sizeProblem } from '../input/read-input-file.ts';

/** Longest line (one task) of a bulk task file, in characters (UTF-16 units, as `String.length`). */
export const maxLineLength = 1024 * 1024;
/** A line of more bytes than this is over `maxLineLength` whatever its characters (at most 3 bytes per unit). */
const maxLineBytes = 3 * maxLineLength + 4;
/** Bytes read at a time; a region (and so a chunk of tasks) is about this long. */
const blockBytes = 64 * 1024;

/** A stretch of a task file made of whole records (JSONL lines, CSV rows), decoded. */
export interface TaskFileRegion {
  /** Byte offsets of the region in the file: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** The 1-based line the region starts on. */
  readonly firstLine: number;
  /** The region's bytes; valid only during the callback. */
  readonly bytes: Buffer;
  readonly text: string;
}

/** What `scanTaskFile` reports as it reads. */
export interface ScanHandlers {
  /** Every byte of the file, in order (for the file's hash). */
  onBytes(bytes: Buffer): void;
  onRegion(region: TaskFileRegion): void;
  /**
   * A record too long to hold (no record end within the limit). JSONL: the line is skipped and its
   * length in characters reported. CSV: its text so far is handed over, and the scan stops.
   */
  onLongRecord(line: number, length: number, text: string | undefined): void;
}

/**
 * Reads a task file once, start to end, with a bounded buffer: the bytes are cut into regions that
 * end at a record boundary (a newline; for CSV one outside quotes), so that each region parses on
 * its own and can be read again later by its byte range. Returns the read problem (missing file,
 * over the size limit, not UTF-8), if any; `shownAs` names the file in it.
 */
export function scanTaskFile(file: string, shownAs: string, format: 'jsonl' | 'csv', handlers: ScanHandlers): InputProblem | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return readProblem(error, shownAs);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return readProblem(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), shownAs);
    const tooLarge = sizeProblem(file, stat.size, shownAs);
    if (tooLarge !== undefined) return tooLarge;
    return scan(fd, format, handlers);
  } catch (error) {
    // Only what reading and decoding throw is a problem of the file; the handlers' errors are not.
    if (error instanceof NotUtf8Error || typeof (error as NodeJS.ErrnoException).code === 'string') return readProblem(error instanceof NotUtf8Error ? new TypeError(error.message) : error, shownAs);
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** Bytes that are not UTF-8. */
class NotUtf8Error extends Error {}

/** Decodes one region: strict UTF-8; byte-order marks are stripped at the start of the file only. */
export function decodeRegion(bytes: Buffer, start: number): string {
  const text = decodeUtf8(bytes);
  // As `readInputFile` did: the decoder's BOM, then one more.
  return start === 0 ? text.replace(/^\uFEFF\uFEFF?/, '') : text;
}

function decodeUtf8(bytes: Buffer, decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }), stream = false): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch (error) {
    throw new NotUtf8Error((error as Error).message);
  }
}

function scan(fd: number, format: 'jsonl' | 'csv', handlers: ScanHandlers): InputProblem | undefined {
  let buffer: Buffer = Buffer.allocUnsafe(blockBytes * 2);
  // Bytes held (the start of an unfinished record, then what was just read), and the file offset and line of buffer[0].
  let held = 0;
  let offset = 0;
  let line = 1;
  // How far the held bytes were searched for a record end, and (CSV) whether that point is inside quotes.
  let searched = 0;
  let inQuotes = false;
  let skipping: LongLine | undefined;
  for (;;) {
    if (buffer.length - held < blockBytes) buffer = grow(buffer, held + blockBytes);
    const read = readSync(fd, buffer, held, blockBytes, null);
    if (read > 0) handlers.onBytes(buffer.subarray(held, held + read));
    if (skipping !== undefined) {
      // Inside an over-long JSONL line (nothing else held): count it, keep none of it, until its newline.
      const newline = buffer.subarray(0, read).indexOf(0x0a);
      skipping.add(buffer.subarray(0, newline === -1 ? read : newline));
      if (newline === -1 && read > 0) {
        offset += read;
        continue;
      }
      handlers.onLongRecord(skipping.line, skipping.finish(), undefined);
      skipping = undefined;
      if (newline === -1) return undefined;
      line += 1;
      offset += newline + 1;
      buffer.copyWithin(0, newline + 1, read);
      held = read - newline - 1;
      searched = 0;
    } else {
      held += read;
    }
    let boundary = -1;
    if (format === 'jsonl') {
      const last = buffer.subarray(searched, held).lastIndexOf(0x0a);
      if (last !== -1) boundary = searched + last;
    } else {
      for (let index = searched; index < held; index += 1) {
        const byte = buffer[index];
        if (byte === 0x22) inQuotes = !inQuotes;
        else if (byte === 0x0a && !inQuotes) boundary = index;
      }
    }
    searched = held;
    // At the end of the file, whatever is held is the last region (it may lack a final newline).
    const end = read === 0 ? held : boundary + 1;
    if (end > 0) {
      const bytes = buffer.subarray(0, end);
      handlers.onRegion({ start: offset, end: offset + end, firstLine: line, bytes, text: decodeRegion(bytes, offset) });
      line += countNewlines(bytes);
      offset += end;
      buffer.copyWithin(0, end, held);
      held -= end;
      searched = held;
    }
    if (read === 0) return undefined;
    if (held > maxLineBytes) {
      if (format === 'csv') {
        handlers.onLongRecord(line, held, decodeRegion(buffer.subarray(0, held), offset));
        return undefined;
      }
      skipping = new LongLine(line, offset === 0);
      skipping.add(buffer.subarray(0, held));
      offset += held;
      held = 0;
      searched = 0;
    }
  }
}

/** The length in UTF-16 units of a line too long to hold, counted as its bytes go by (and checked as UTF-8). */
class LongLine {
  private units = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private atStart: boolean;

  constructor(readonly line: number, atFileStart: boolean) {
    this.atStart = atFileStart;
  }

  add(bytes: Buffer): void {
    const text = decodeUtf8(bytes, this.decoder, true);
    // The file's byte-order marks are not part of its first line.
    this.units += this.atStart ? text.replace(/^\uFEFF\uFEFF?/, '').length : text.length;
    this.atStart = false;
  }

  finish(): number {
    return this.units + decodeUtf8(Buffer.alloc(0), this.decoder).length;
  }
}

function grow(buffer: Buffer, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
  buffer.copy(bigger);
  return bigger;
}

/** The newlines (LF bytes) in `bytes`. */
export function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count += 1;
  return count;
}
