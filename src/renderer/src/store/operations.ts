import { contactOperations } from '../contacts/operations';
import { discoveryOperations } from '../discovery/operations';
import { userOperations } from './user-operations';

/** Every operation the UI may ask of the store worker, by name. */
export const operations = { ...discoveryOperations, ...contactOperations, ...userOperations };
export type Operations = typeof operations;
export type OperationName = keyof Operations;
