/**
 * Every operation the page may ask of the store worker, by name: the queries, which only read,
 * and the commands, which write the user's tables (see protocol/operations.ts).
 */
import type { CommandHandlers, QueryHandlers } from './context';
import { reviewCommands } from './commands/review';
import { userDataCommands } from './commands/user-data';
import { contactQueries } from './queries/contact-queries';
import { discoveryQueries } from './queries/discovery-queries';
import { historyQueries } from './queries/history-queries';
import { userDataQueries } from './queries/user-data-queries';

export const storeQueries: QueryHandlers = { ...discoveryQueries, ...contactQueries, ...userDataQueries, ...historyQueries };
export const storeCommands: CommandHandlers = { ...userDataCommands, ...reviewCommands };
