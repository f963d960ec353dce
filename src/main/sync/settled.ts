/**
 * A request started ahead of its turn: its failure is held until the sync reaches it, so it is
 * never an unhandled rejection meanwhile, and is thrown there as if it had been awaited.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

export function unwrap<T>(result: Settled<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}
