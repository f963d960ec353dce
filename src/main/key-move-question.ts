/**
 * What main asks before the API key may follow a new address to another host. Pure, so its
 * wording and its safe default are tested without Electron: keeping the key where it was is
 * the default and the answer to Escape; sending it is a deliberate choice.
 */
import type { KeyMove } from './settings';

export interface KeyMoveQuestion {
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  /** The index of the button that sends the key to the new host. */
  moveButton: number;
}

export function keyMoveQuestion({ keyHost, newHost }: KeyMove): KeyMoveQuestion {
  return {
    message: `Send your PeeringDB API key to ${newHost}?`,
    detail:
      `The API key was saved for ${keyHost}. Syncs from ${newHost} run without it unless you allow it here, ` +
      `or save a key for ${newHost} in Settings. Send it only to a server you trust: whoever runs ${newHost} ` +
      'could use the key as you.',
    buttons: [`Keep the key for ${keyHost} only`, `Send the key to ${newHost}`],
    defaultId: 0,
    cancelId: 0,
    moveButton: 1,
  };
}
