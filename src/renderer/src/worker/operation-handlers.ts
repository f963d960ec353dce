/**
 * Every operation the page may ask of the store worker, by name: the queries, which only read,
 * and the commands, which write the user's tables (see protocol/operations.ts).
 */
import type { AnswerPackers, CommandHandlers, QueryHandlers } from './context';
import { columnBuffersOf, packPeersResult } from './queries/packed-members';
import { reviewCommands } from './commands/review-commands';
import { userDataCommands } from './commands/user-data-commands';
import { backgroundWorkQueries } from './queries/background-work';
import { contactQueries } from './queries/contact-queries';
import { discoveryQueries } from './queries/discovery-queries';
import { historyQueries } from './queries/history-queries';
import { userDataQueries } from './queries/user-data-queries';

/** Answers that go to the page as columns (see protocol/packed.ts), by query. */
export const answerPackers: AnswerPackers = {
  findPeers: (result) => {
    const value = packPeersResult(result);
    return { kind: 'members', value, transfer: columnBuffersOf(value) };
  },
};

export const storeQueries: QueryHandlers = {
  ...discoveryQueries,
  ...contactQueries,
  ...userDataQueries,
  ...historyQueries,
  ...backgroundWorkQueries,
};
export const storeCommands: CommandHandlers = { ...userDataCommands, ...reviewCommands };
