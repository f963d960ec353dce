/**
 * Loads a dump file through the same store path as a sync: read and check all of it first,
 * then each type as a full snapshot, in pages, that replaces what the store holds of that type.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDumpText } from './dump-parser';
import { SyncError } from './errors';
import type { JobContext } from './job';
import { estimateEta } from './progress-reporter';
import { sendSnapshot } from './snapshot';

/** Returns a note for the user when the dump lacked some types. */
export async function runDumpImport(ctx: JobContext, path: string): Promise<string | undefined> {
  const { progress, signal } = ctx;
  const fileName = basename(path);
  const readTextFile = ctx.deps.readTextFile ?? ((file: string) => readFile(file, 'utf8'));
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    throw new SyncError('dump-format', `Cannot read ${fileName}: ${(error as Error).message}. Nothing was changed.`);
  }
  signal.throwIfAborted();
  const dump = parseDumpText(text, fileName);
  signal.throwIfAborted();

  const session = ctx.openSession();
  await session.state();
  session.hello(ctx.jobId, 'dump', false);
  const startedAt = Date.now();
  let rowsSent = 0;
  for (const entry of dump.types) {
    progress.fetched(entry.type, entry.rows.length);
    await sendSnapshot(session, progress, entry.type, entry.rows, entry.snapshotAt, ctx.tuning.pageSize);
    rowsSent += entry.rows.length;
    progress.eta(estimateEta(Date.now() - startedAt, rowsSent, dump.totalRows));
    progress.typeDone(entry.type);
  }
  if (dump.missing.length === 0) return undefined;
  return `The dump holds no ${dump.missing.join(', ')}: what the copy had of those was kept.`;
}
