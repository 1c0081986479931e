/** Collects streamed text and the time its first piece arrived. */
export interface StreamText {
  add(piece: string | null | undefined): void;
  readonly text: string;
  /** Ms from `started` to the first non-empty piece; `null` while none has come. */
  readonly ttftMs: number | null;
}

/** @param started - `performance.now()` when the call was sent. */
export function createStreamText(started: number): StreamText {
  const pieces: string[] = [];
  let ttftMs: number | null = null;
  return {
    add(piece) {
      if (piece === null || piece === undefined || piece === '') return;
      ttftMs ??= performance.now() - started;
      pieces.push(piece);
    },
    get text() {
      return pieces.join('');
    },
    get ttftMs() {
      return ttftMs;
    },
  };
}
