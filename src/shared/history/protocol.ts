/**
 * Importing dumps of past dates into history, over a job's port to the store worker (the same
 * kind of port a sync uses, see ../sync.ts). Main reads and checks each file and sends what
 * history keeps of it as one message; the store answers once it is stored. Nothing of the
 * local copy is touched: a past dump only feeds history.
 */

/** Main → store: one moment, the JSON text of an ObservationWire (see facts.ts). */
export interface HistoryMomentMessage {
  t: 'history-moment';
  seq: number;
  /** Named as a sync page's text is, so large texts travel between the processes the same way. */
  rowsJson: string;
}

/** Store → main: the moment is stored, or was there already. */
export interface HistoryMomentAck {
  t: 'history-ack';
  seq: number;
  outcome: 'added' | 'known';
  /** Epoch s of the moment. */
  at: number;
  /** Facts whose history changed with it. */
  changedFacts: number;
}

export function isHistoryMomentMessage(message: { t: string }): message is HistoryMomentMessage {
  return message.t === 'history-moment';
}

/** How one file of a history import ended. */
export interface HistoryFileOutcome {
  file: string;
  outcome: 'added' | 'known' | 'failed';
  /** Epoch s of the moment the file stands for, once known. */
  at?: number;
  /** Why it failed, in words. */
  message?: string;
  /** Epoch ms it was done with. */
  finishedAt: number;
}

/** The one progress event of a history import (main → page). */
export interface HistoryImportProgress {
  jobId: string;
  phase: 'reading' | 'storing' | 'done' | 'cancelled' | 'error';
  /** Files chosen, and files finished so far (whatever their outcome). */
  total: number;
  finished: number;
  /** The file being read or stored. */
  current?: string;
  files: HistoryFileOutcome[];
  /** The end, in words. */
  message?: string;
  startedAt: number;
  endedAt?: number;
}
