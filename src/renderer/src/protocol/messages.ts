/** Messages between the page and the store worker. */
import type { PdbType } from '../../../shared/peeringdb';
import type { SyncChangeSummary, Watermarks } from '../../../shared/sync';
import type { PackedKind } from './packed';

export interface StoreStatus {
  /** Live rows per type in the local copy. */
  counts: Record<PdbType, number>;
  watermarks: Watermarks;
  /** Epoch ms of the last sync that ended done, if any. */
  lastSyncAt: number | null;
  /** Newest first. */
  recentChanges: SyncChangeSummary[];
  /** Bumped on every change of the copy or the user's tables. */
  dataVersion: number;
  /**
   * Types whose first load has completed. Until every type is here the copy is incomplete:
   * answers may miss rows, and the screens say so.
   */
  loadedTypes: PdbType[];
}

export type UiToWorker =
  /** A named read (see StoreQueries). */
  | { t: 'query'; id: number; name: string; args: unknown }
  /** A named write of the user's tables (see StoreCommands). */
  | { t: 'command'; id: number; name: string; args: unknown }
  | { t: 'status'; id: number }
  | { t: 'flush'; id: number }
  /** The sync job's port from main; the worker applies its pages. */
  | { t: 'sync-port'; jobId: string; port: MessagePort };

export type WorkerToUi =
  | { t: 'ready'; status: StoreStatus }
  /** `packed`: the value is that answer as columns (see packed.ts), made whole by the store client. */
  | { t: 'reply'; id: number; ok: true; value: unknown; packed?: PackedKind }
  | { t: 'reply'; id: number; ok: false; error: string }
  /** The copy or the user's tables changed: re-run what is on screen. */
  | { t: 'changed'; dataVersion: number }
  | { t: 'fatal'; error: string };
