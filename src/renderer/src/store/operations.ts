import { contactOperations } from '../contacts/operations';
import { discoveryOperations } from '../discovery/operations';

/** Every operation the UI may ask of the store worker, by name. */
export const operations = { ...discoveryOperations, ...contactOperations };
export type Operations = typeof operations;
export type OperationName = keyof Operations;
