import type { StoreCommands, StoreQueries } from '../protocol/operations';
import type { PackedAnswers, PackedKind } from '../protocol/packed';
import type { PeeringDatabase } from './db/schema';
import type { LocalCopy } from './copy/local-copy';

/** What a worker operation gets: the database (the worker is its only writer) and the copy. */
export interface StoreContext {
  db: PeeringDatabase;
  copy: LocalCopy;
  /** Tell UI readers that the user's tables or the copy changed. */
  notifyChanged(): void;
}

/** The worker's side of a protocol table: each method takes the context first and may answer later. */
type Handlers<T> = {
  [K in keyof T]: T[K] extends (args: infer A) => infer R ? (ctx: StoreContext, args: A) => R | Promise<R> : never;
};
export type QueryHandlers = Handlers<StoreQueries>;
export type CommandHandlers = Handlers<StoreCommands>;

/** A query's answer as it goes to the page: packed into columns, with the kind the page unpacks. */
export type PackedAnswer = {
  [K in PackedKind]: {
    kind: K;
    value: PackedAnswers[K];
    /**
     * The buffers of its columns, made for this answer alone: they move to the page rather than
     * being copied, and leave nothing behind for the worker's garbage collector to count.
     */
    transfer?: ArrayBuffer[];
  };
}[PackedKind];
export type AnswerPackers = { [K in keyof StoreQueries]?: (answer: ReturnType<StoreQueries[K]>) => PackedAnswer };
