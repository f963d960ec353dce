import type { StoreOperation } from '../store/context';

/** Discovery queries the store worker answers (my networks, compare, peers, search, pages). */
export const discoveryOperations = {} satisfies Record<string, StoreOperation<never, unknown>>;
