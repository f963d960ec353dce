import type { StoreOperation } from '../store/context';

/** Contact lists, drafts and backups the store worker answers. */
export const contactOperations = {} satisfies Record<string, StoreOperation<never, unknown>>;
