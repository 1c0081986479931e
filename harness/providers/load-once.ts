/**
 * Runs `load` on first use and shares its promise: SDKs are imported only by runs that call
 * them, so `baton demo` and `baton validate` never pay for three SDKs they do not use. A failed
 * load is not cached, so a later call can try again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
