import type { PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './copy';

/** What a worker operation gets: the database (the worker is its only writer) and the copy. */
export interface StoreContext {
  db: PeeringDatabase;
  copy: LocalCopy;
  /** Tell UI readers that the user's tables or the copy changed. */
  notifyChanged(): void;
}

/** An operation the UI can run in the store worker: a query or a write of the user's data. */
export type StoreOperation<A, R> = (ctx: StoreContext, args: A) => R | Promise<R>;
