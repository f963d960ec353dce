/**
 * Sends a full list of one type (a bulk cache file) to the store as pages of a replacement,
 * straight from the answer's text, then asks the store to swap it in. The scanner cuts the text
 * into pages of whole rows as PeeringDB wrote them, and each goes on as it came, unread: the
 * store parses every page anyway, so it checks the rows against the row schema there and says
 * in its ack what passed, instead of main parsing and checking the same text first (which was
 * half of main's work on a first load). The next page is cut while the store reads the last,
 * and sent before the store acknowledged it: the store holds the pages apart, unseen, and puts
 * them in the old rows' place in one transaction only once all are in, so a page waiting behind
 * another changes nothing a failure would have to undo, and the store never waits for main's
 * next page. The swap follows the last page at once, and the next type's list follows the
 * swap, all before their acks: the store applies them in order, refuses the swap of a list
 * with a page it refused, and so is never left waiting a round trip for main between two
 * types. A list cut off half way (or cancelled before its swap went) changes nothing and is
 * loaded whole next time.
 */
import type { PdbType } from '../../shared/peeringdb';
import { addReasons, type SkipReasons } from '../../shared/row-schema';
import { DumpScanError, DumpScanner } from './dump-scanner';
import { validateEnvelope } from './envelope';
import { SyncError } from './errors';
import type { ProgressReporter } from './progress-reporter';
import { StoreRefusal, type StoreSession } from './store-session';
import type { StreamedText } from './streamed-text';

export interface ListText {
  type: PdbType;
  /** The answer's text as it arrives: a PeeringDB envelope `{"data": [...], "meta": {...}}`. */
  stream: StreamedText;
  /** Where it came from, for messages ("the bulk cache's net list"). */
  where: string;
}

export interface StorePageSize {
  /** Most rows in one page. */
  rows: number;
  /** Most characters of rows in one page, give or take a row. */
  chars: number;
}

/** Text given to the scanner at a time, so a large answer never holds main's thread for long. */
const SCAN_SLICE_CHARS = 1024 * 1024;
/** A row is a few kilobytes; one this long is not PeeringDB's. */
const MAX_ROW_CHARS = 64 * 1024 * 1024;
/**
 * Pages of full lists sent and not yet acknowledged, at most, across the lists of a job: the one
 * the store reads, and those on their way to it or queued behind it. A page takes the store a
 * few tens of milliseconds to read and write, but longer to reach it and to be acknowledged (a
 * copy across processes each way), so with fewer in flight the store waits for its next.
 * Twelve pages of at most `storePageChars` (1 MB by default) keep about 12 MB on their way.
 */
const MOST_PAGES_UNACKED = 12;

/** Backpressure shared by the lists of one job: at most so many pages wait for their acks. */
export class PagesInFlight {
  /** Acks of the pages sent, oldest first; the store sends them in that order. */
  private readonly acks: Promise<unknown>[] = [];

  constructor(private readonly most = MOST_PAGES_UNACKED) {}

  /** Resolves once fewer than `most` pages wait; a refusal is its list's to report, not this wait's. */
  async room(): Promise<void> {
    while (this.acks.length >= this.most) await this.acks.shift()!.catch(() => undefined);
  }

  add(ack: Promise<unknown>): void {
    this.acks.push(ack);
  }
}

/** A list sent with its swap: `swapped` settles once the store has put it in place, and rejects with its refusal. */
export interface SentList {
  swapped: Promise<void>;
}

/** Sends a whole list and, once the store holds every page, the swap that puts it in place at once. */
export async function replaceWithListText(
  session: StoreSession,
  progress: ProgressReporter,
  list: ListText,
  size: StorePageSize,
  notAfter: number,
  inFlight = new PagesInFlight(),
): Promise<SentList> {
  const { type, where } = list;
  const malformed = (detail: string) =>
    new SyncError('malformed', `PeeringDB's answer for ${where} is not valid JSON (${detail}); it may have been cut off. Nothing of it was stored.`);
  let reading = new ListReading(size);

  const send = async (batch: { text: string; rows: number }): Promise<void> => {
    await inFlight.room();
    if (reading.refused) throw reading.refused.error;
    progress.phase('storing', type);
    const ack = session.page({
      type,
      rowsJson: batch.text,
      complete: false,
      replace: true,
      ...(reading.first ? { startsList: true } : {}),
      notAfter,
      fetchedRows: batch.rows,
      bytes: batch.text.length,
    });
    reading.first = false;
    inFlight.add(ack);
    const ofReading = reading;
    const counted = ack.then(
      (answer) => {
        // A reading given up for a later one counts for nothing.
        if (ofReading !== reading) return;
        const counts = answer.held ?? { live: 0, deleted: 0 };
        progress.fetched(type, counts.live);
        progress.deleted(type, counts.deleted);
        progress.skipped(type, answer.skipped);
        ofReading.counted.live += counts.live;
        ofReading.counted.deleted += counts.deleted;
        addReasons(ofReading.counted.skipped, answer.skipped);
      },
      (error: unknown) => {
        // Rows the store could not read are PeeringDB's answer's fault, not the database's.
        const said = error instanceof StoreRefusal ? malformed(error.reason) : error;
        ofReading.refused ??= { error: said };
        throw said;
      },
    );
    // A refusal is reported when it is awaited, never as an unhandled rejection meanwhile.
    counted.catch(() => undefined);
    reading.pageAcks.push(counted);
  };

  const scanned = (text: string): void => {
    try {
      reading.scanner.write(text);
    } catch (error) {
      if (error instanceof DumpScanError) throw malformed(error.message);
      throw error;
    }
  };
  /**
   * Text come and not yet scanned. A download brings it 64 KB at a time; the scanner is given
   * larger slices, as each call costs more than the text it reads (a third more in all for
   * 64 KB calls than for 1 MB ones).
   */
  let unscanned: string[] = [];
  let unscannedChars = 0;
  const scanSlices = async (): Promise<void> => {
    const text = unscanned.length === 1 ? unscanned[0]! : unscanned.join('');
    unscanned = [];
    unscannedChars = 0;
    for (let offset = 0; offset < text.length; offset += SCAN_SLICE_CHARS) {
      // A slice of the whole text is the text itself, not a copy.
      scanned(text.slice(offset, offset + SCAN_SLICE_CHARS));
      for (const batch of reading.batches.splice(0)) await send(batch);
    }
  };
  // Pieces come as the download brings them, and are scanned a slice at a time, so a large
  // answer never holds main's thread for long, and its pages go while the rest arrives.
  for await (const piece of list.stream.pieces()) {
    if ('restart' in piece) {
      // The download starts again: the store drops what it holds of this list when the next
      // reading's first page comes, and the progress forgets what it counted of it.
      progress.uncount(type, reading.counted);
      reading = new ListReading(size);
      unscanned = [];
      unscannedChars = 0;
      continue;
    }
    unscanned.push(piece.text);
    unscannedChars += piece.text.length;
    // Scanned once a page's worth came (or a slice's, if less): waiting for it delays no page.
    if (unscannedChars >= Math.min(SCAN_SLICE_CHARS, size.chars)) await scanSlices();
  }
  await scanSlices();
  scanned('}');
  for (const batch of reading.batches.splice(0)) await send(batch);
  const { scanner, dataFound, notAnObject, otherData, meta } = reading;
  if (!scanner.complete) throw malformed('the text ends before the list does');
  if (!dataFound) validateEnvelope(notAnObject ? notAnObject.value : { data: otherData, meta }, where, 'malformed');

  const generated = (meta as { generated?: unknown } | undefined)?.generated;
  // Without it, the store stands for the newest change among the rows it holds.
  const snapshotAt = typeof generated === 'number' && Number.isFinite(generated) && generated > 0 ? generated : undefined;
  if (reading.refused) throw reading.refused.error;
  // The store swaps the list in only if it holds every page; should it have refused one, that
  // refusal is what the swap's caller hears, before the swap's own.
  const swapAck = session.swap([type], snapshotAt === undefined ? {} : { [type]: snapshotAt }, notAfter);
  swapAck.catch(() => undefined);
  const last = reading;
  const swapped = (async () => {
    for (const ack of last.pageAcks) await ack;
    await swapAck;
    progress.stored(type, last.counted.live);
  })();
  swapped.catch(() => undefined);
  return { swapped };
}

/** One reading of a list's text from its start: a download retried half way starts another. */
class ListReading {
  readonly scanner: DumpScanner;
  /** Pages cut by the scanner and not yet sent. */
  readonly batches: { text: string; rows: number }[] = [];
  meta: unknown;
  dataFound = false;
  otherData: unknown;
  /** What the answer was instead of an object, if it was not one. */
  notAnObject: { value: unknown } | null = null;
  /** The next page sent is the list's first: the store drops what it holds of an earlier reading. */
  first = true;
  /** What the store held of this reading, as counted in the progress. */
  readonly counted = { live: 0, deleted: 0, skipped: {} as SkipReasons };
  /** Each page's ack, counted into the progress as it comes; rejects with the store's refusal. */
  readonly pageAcks: Promise<void>[] = [];
  /** The store's first refusal of a page of this reading, once it said so: nothing more is sent. */
  refused: { error: unknown } | null = null;

  constructor(size: StorePageSize) {
    this.scanner = new DumpScanner(
      {
        listStarts() {},
        otherValue: (_key, value) => void (this.notAnObject = { value }),
        dataStarts: () => void (this.dataFound = true),
        rows: (_key, text, rows) => void this.batches.push({ text, rows }),
        member: (_key, name, value) => {
          if (name === 'meta') this.meta = value;
          if (name === 'data') this.otherData = value;
        },
        listEnds() {},
      },
      { batchRows: size.rows, batchChars: size.chars, maxDepth: 32, maxValueChars: MAX_ROW_CHARS },
    );
    // The list is read as the one member of a dump, which is what the scanner knows.
    this.scanner.write('{"list":');
  }
}

export function sum(reasons: SkipReasons): number {
  let total = 0;
  for (const count of Object.values(reasons)) total += count;
  return total;
}
