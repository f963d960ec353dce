/**
 * Loads a dump file through the same store path as a sync, as the file is read: each batch of
 * rows is checked and sent to the store as a page of a replacement, and only when the whole
 * file has been read does one swap put every type it holds in place. A file that is cut off,
 * malformed or cancelled half way leaves the copy as it was.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PdbType } from '../../shared/peeringdb';
import { checkRows, describeSkipped, mayHoldLoneSurrogates } from '../../shared/row-schema';
import { watermarkCeiling } from '../../shared/sync';
import { readDump } from './dump-parser';
import { newestChange } from './envelope';
import { SyncError } from './errors';
import type { JobContext } from './job';
import { estimateEta } from './progress-reporter';
import { countRows } from './row-tally';
import { sum } from './snapshot';

/** Bytes read from the file at a time: small enough that parsing never blocks main for long. */
const READ_CHUNK_BYTES = 256 * 1024;

/** Returns a note for the user: types the dump lacked, rows it held that were left out. */
export async function runDumpImport(ctx: JobContext, path: string): Promise<string | undefined> {
  const { progress, signal, tuning } = ctx;
  const fileName = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new SyncError('dump-format', `Cannot read ${fileName}: ${(error as Error).message}. Nothing was changed.`);
  }
  signal.throwIfAborted();

  const session = ctx.openSession();
  await session.state();
  session.hello(ctx.jobId, 'dump', false);
  // The dump's own dates may claim anything; nothing after this machine's clock is believed.
  const notAfter = watermarkCeiling(Date.now() / 1000);
  const newest: Partial<Record<PdbType, number>> = {};
  /** Live rows the store holds for the swap, by type: they count as stored once it happened. */
  const held: Partial<Record<PdbType, number>> = {};
  const startedAt = Date.now();
  let bytesRead = 0;

  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES, signal });
  let summary;
  try {
    summary = await readDump(stream, fileName, {
      batchRows: tuning.pageSize,
      batchChars: tuning.storePageChars,
      signal,
      onBytes: (type, bytes) => {
        bytesRead += bytes;
        progress.bytes(type, bytes);
        progress.eta(estimateEta(Date.now() - startedAt, bytesRead, size));
      },
      onRows: async (type, values, text) => {
        progress.phase('fetching', type);
        const checked = checkRows(type, values, { repair: text === undefined || mayHoldLoneSurrogates(text) });
        const counts = countRows(checked.rows);
        progress.fetched(type, counts.live);
        progress.deleted(type, counts.deleted);
        progress.skipped(type, checked.reasons);
        const changedAt = newestChange(checked.rows as unknown as Record<string, unknown>[]);
        if (changedAt !== undefined && (newest[type] === undefined || changedAt > newest[type])) newest[type] = changedAt;
        // The file's own text when every row passed as it came: no second serialisation.
        const asWritten = text !== undefined && checked.skipped === 0 && checked.repaired === 0;
        const rowsJson = asWritten ? text : JSON.stringify(checked.rows);
        progress.phase('storing', type);
        const ack = await session.page({
          type,
          rowsJson,
          complete: false,
          replace: true,
          notAfter,
          fetchedRows: values.length,
          bytes: rowsJson.length,
        });
        progress.skipped(type, ack.skipped);
        held[type] = (held[type] ?? 0) + Math.max(0, counts.live - sum(ack.skipped));
      },
    });
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof SyncError) throw error;
    throw new SyncError('dump-format', `Cannot read ${fileName}: ${(error as Error).message}. Nothing was changed.`);
  } finally {
    stream.destroy();
  }

  // Each type stands for its `meta.generated`, else its newest change; a type without either
  // (present but empty) for the dump's moment, so the next sync asks only for later changes.
  const snapshotAt: Partial<Record<PdbType, number>> = {};
  for (const type of summary.types) {
    const at = summary.generated[type] ?? newest[type];
    if (at !== undefined) snapshotAt[type] = at;
  }
  const moments = Object.values(snapshotAt);
  const dumpMoment = moments.length > 0 ? Math.max(...moments) : undefined;
  if (dumpMoment !== undefined) for (const type of summary.types) snapshotAt[type] ??= dumpMoment;

  progress.phase('storing', summary.types.at(-1));
  await session.swap(summary.types, snapshotAt, notAfter);
  for (const type of summary.types) {
    progress.stored(type, held[type] ?? 0);
    progress.typeDone(type);
  }

  const notes: string[] = [];
  if (summary.missing.length > 0) notes.push(`The dump holds no ${summary.missing.join(', ')}: what the copy had of those was kept.`);
  const skipped = describeSkipped(progress.snapshot().skippedRows ?? {});
  if (skipped) notes.push(skipped);
  return notes.length > 0 ? notes.join(' ') : undefined;
}
