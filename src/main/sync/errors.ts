import type { SyncErrorCode } from '../../shared/sync';

/** A failure that ends a sync, with the code and sentence the UI shows. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
