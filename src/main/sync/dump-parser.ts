/**
 * Reads a PeeringDB dump (CAIDA's `peeringdb_2_dump_YYYY_MM_DD.json`: one object keyed by
 * type, each value an API envelope `{"data": [...], "meta": {...}}`) as a stream: rows go to
 * the caller in batches while the file is read, so memory stays the same whatever the file's
 * size. The scanner (dump-scanner.ts) finds the rows in the text and each batch is read by one
 * JSON.parse. The shape is checked as the file comes (one object, types holding a "data"
 * list, no nesting deeper than a dump has); a file that breaks it, or ends early, throws a
 * SyncError. The caller holds what it was given apart until the whole file has been read.
 */
import { isPdbType, PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { DumpScanError, DumpScanner } from './dump-scanner';
import { SyncError } from './errors';
import { parsePythonLiteral, PythonLiteralError } from './python-literal';

export interface DumpReadOptions {
  /** Most rows per batch handed to `onRows`. */
  batchRows: number;
  /** Most characters of a batch's rows in the file, give or take a row (default: no bound). */
  batchChars?: number;
  signal: AbortSignal;
  /**
   * A batch of one type's rows, as the file lists them; the file is not read further until it
   * resolves. `text` is the batch as the file wrote it (a JSON array), when the file is JSON.
   */
  onRows(type: PdbType, rows: unknown[], text?: string): Promise<void>;
  /** Bytes read, and the type whose rows they hold (undefined between types). */
  onBytes?(type: PdbType | undefined, bytes: number): void;
  /** Largest file written as a Python literal that is read (it cannot be streamed). */
  maxPythonLiteralBytes?: number;
}

export interface DumpSummary {
  /** The types the file holds, in the order it lists them. */
  types: PdbType[];
  /** Types the dump does not hold (older dumps predate campus and carrier): left as they are. */
  missing: PdbType[];
  /** `meta.generated` (epoch s) of each type that has one. */
  generated: Partial<Record<PdbType, number>>;
  rows: number;
  /** Whether the file was a Python literal rather than JSON. */
  fromPythonRepr: boolean;
}

/** A PeeringDB row nests lists of objects (social_media) at depth 6; no dump goes near this. */
const MAX_DEPTH = 32;
/** A row or a "meta" is a few kilobytes; one this long is not PeeringDB's. */
const MAX_VALUE_CHARS = 64 * 1024 * 1024;
const DEFAULT_MAX_PYTHON_LITERAL_BYTES = 256 * 1024 * 1024;

export async function readDump(chunks: AsyncIterable<Uint8Array>, fileName: string, options: DumpReadOptions): Promise<DumpSummary> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : first.value;
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
  if (looksLikePythonRepr(head)) return readPythonLiteralDump(head, rest, fileName, options);
  return streamJsonDump(head, first.done === true, rest, fileName, options);
}

async function streamJsonDump(
  head: Uint8Array,
  empty: boolean,
  rest: AsyncIterable<Uint8Array>,
  fileName: string,
  options: DumpReadOptions,
): Promise<DumpSummary> {
  const shape = new DumpShape(fileName);
  const scanner = new DumpScanner(shape, {
    batchRows: options.batchRows,
    ...(options.batchChars !== undefined ? { batchChars: options.batchChars } : {}),
    maxDepth: MAX_DEPTH,
    maxValueChars: MAX_VALUE_CHARS,
  });
  const decoder = new TextDecoder();
  let offset = 0;
  let total = 0;

  /** Where a problem is, in bytes: the start of the chunk it was found in, for a person to look near. */
  const notValid = (detail: string): SyncError =>
    new SyncError('dump-format', `${fileName} is not valid JSON near byte ${offset.toLocaleString('en')} (${detail}). Nothing was changed.`);
  const scanned = (scan: () => void): void => {
    try {
      scan();
    } catch (error) {
      if (!(error instanceof DumpScanError)) throw error;
      switch (error.kind) {
        case 'not-an-object':
          throw new SyncError('dump-format', `${fileName} is not a PeeringDB dump: expected one object keyed by type (org, net, ix…).`);
        case 'too-deep':
          throw new SyncError(
            'dump-format',
            `${fileName} nests its data deeper than a PeeringDB dump ever does (over ${MAX_DEPTH} levels): it is not a PeeringDB dump. Nothing was changed.`,
          );
        case 'too-large':
          throw new SyncError('dump-format', `${fileName} holds a single value too large for a PeeringDB dump (${error.message}): it is not a PeeringDB dump. Nothing was changed.`);
        default:
          throw notValid(error.message);
      }
    }
  };
  /** Hands on what the chunk completed, batch by batch; the file waits meanwhile (backpressure). */
  const handOn = async (): Promise<void> => {
    for (const batch of shape.takeBatches()) {
      options.signal.throwIfAborted();
      let rows: unknown[];
      try {
        rows = JSON.parse(batch.text) as unknown[];
      } catch (error) {
        throw notValid((error as Error).message);
      }
      total += rows.length;
      if (isPdbType(batch.key)) await options.onRows(batch.key, rows, batch.text);
    }
  };
  const feed = async (chunk: Uint8Array): Promise<void> => {
    scanned(() => scanner.write(decoder.decode(chunk, { stream: true })));
    await handOn();
    offset += chunk.byteLength;
    const key = scanner.currentKey;
    options.onBytes?.(isPdbType(key) ? key : undefined, chunk.byteLength);
  };

  if (!empty) {
    await feed(head);
    for await (const chunk of rest) {
      options.signal.throwIfAborted();
      await feed(chunk);
    }
    scanned(() => scanner.write(decoder.decode()));
    await handOn();
  }
  if (!scanner.complete) {
    throw new SyncError(
      'dump-format',
      !scanner.started
        ? `${fileName} is empty. Nothing was changed.`
        : `${fileName} ends in the middle of its data (after ${offset.toLocaleString('en')} bytes): it was cut off. Nothing was changed.`,
    );
  }
  const types = shape.finish();
  return { types, missing: PDB_TYPES.filter((type) => !types.includes(type)), generated: shape.generated, rows: total, fromPythonRepr: false };
}

/**
 * What the scanner finds, judged as a dump: a PeeringDB type's value is an object whose "data"
 * is a list, listed once; other keys (as_set) are read and passed by.
 */
class DumpShape {
  private readonly seen: PdbType[] = [];
  private readonly withData = new Set<PdbType>();
  private batches: { key: string; text: string }[] = [];
  readonly generated: Partial<Record<PdbType, number>> = {};

  constructor(private readonly fileName: string) {}

  takeBatches(): { key: string; text: string }[] {
    const taken = this.batches;
    this.batches = [];
    return taken;
  }

  listStarts(key: string): void {
    if (!isPdbType(key)) return;
    if (this.seen.includes(key)) throw new SyncError('dump-format', `${this.fileName} lists "${key}" twice: it is not a PeeringDB dump.`);
    this.seen.push(key);
  }

  otherValue(key: string): void {
    if (isPdbType(key)) throw new SyncError('dump-format', `"${key}" in ${this.fileName} is not a PeeringDB list (expected an object with "data").`);
  }

  dataStarts(key: string): void {
    if (isPdbType(key)) this.withData.add(key);
  }

  rows(key: string, text: string): void {
    // Rows of other keys are read too (by the parse that checks them), then passed by.
    this.batches.push({ key, text });
  }

  member(key: string, name: string, value: unknown): void {
    if (!isPdbType(key)) return;
    if (name === 'data') throw new SyncError('dump-format', `The data for "${key}" in ${this.fileName} has no "data" list.`);
    if (name !== 'meta') return;
    const generated = (value as { generated?: unknown } | null)?.generated;
    if (typeof generated === 'number' && Number.isFinite(generated) && generated > 0) this.generated[key] = generated;
  }

  listEnds(key: string): void {
    if (isPdbType(key) && !this.withData.has(key)) throw new SyncError('dump-format', `The data for "${key}" in ${this.fileName} has no "data" list.`);
  }

  /** The types the file held, once it has been read to its end. */
  finish(): PdbType[] {
    if (this.seen.length === 0) {
      throw new SyncError('dump-format', `${this.fileName} holds none of PeeringDB's types (org, net, ix…): it is not a PeeringDB dump.`);
    }
    return [...this.seen];
  }
}

/** Python's repr of a dict opens with a single-quoted key; JSON never uses single quotes. */
function looksLikePythonRepr(head: Uint8Array): boolean {
  const start = new TextDecoder().decode(head.subarray(0, 256));
  return /^\s*\{\s*'/.test(start);
}

/**
 * Some older CAIDA dumps are Python literals (single quotes). Those cannot be streamed by a
 * JSON parser: they are read whole, up to a size that keeps memory sane, then handed on the
 * same way.
 */
async function readPythonLiteralDump(
  head: Uint8Array,
  rest: AsyncIterable<Uint8Array>,
  fileName: string,
  options: DumpReadOptions,
): Promise<DumpSummary> {
  const limit = options.maxPythonLiteralBytes ?? DEFAULT_MAX_PYTHON_LITERAL_BYTES;
  const decoder = new TextDecoder();
  const parts = [decoder.decode(head, { stream: true })];
  let bytes = head.byteLength;
  options.onBytes?.(undefined, head.byteLength);
  for await (const chunk of rest) {
    options.signal.throwIfAborted();
    bytes += chunk.byteLength;
    if (bytes > limit) {
      throw new SyncError(
        'dump-format',
        `${fileName} is written as a Python literal (single quotes) and is larger than ${Math.round(limit / 1024 / 1024)} MB, too large to read that way. Convert it to JSON first. Nothing was changed.`,
      );
    }
    parts.push(decoder.decode(chunk, { stream: true }));
    options.onBytes?.(undefined, chunk.byteLength);
  }
  parts.push(decoder.decode());
  let value: unknown;
  try {
    value = parsePythonLiteral(parts.join(''));
  } catch (error) {
    if (!(error instanceof PythonLiteralError)) throw error;
    throw new SyncError(
      'dump-format',
      `${fileName} is written as a Python literal (single quotes) and could not be read: ${error.message}. Nothing was changed.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyncError('dump-format', `${fileName} is not a PeeringDB dump: expected one object keyed by type (org, net, ix…).`);
  }
  const byType = value as Record<string, unknown>;
  const types = PDB_TYPES.filter((type) => Object.hasOwn(byType, type));
  if (types.length === 0) {
    throw new SyncError('dump-format', `${fileName} holds none of PeeringDB's types (org, net, ix…): it is not a PeeringDB dump.`);
  }
  const generated: Partial<Record<PdbType, number>> = {};
  let total = 0;
  for (const type of types) {
    const envelope = byType[type] as { data?: unknown; meta?: { generated?: unknown } } | null;
    if (typeof envelope !== 'object' || envelope === null || !Array.isArray(envelope.data)) {
      throw new SyncError('dump-format', `The data for "${type}" in ${fileName} has no "data" list.`);
    }
    const at = envelope.meta?.generated;
    if (typeof at === 'number' && Number.isFinite(at) && at > 0) generated[type] = at;
    for (let offset = 0; offset < envelope.data.length; offset += options.batchRows) {
      options.signal.throwIfAborted();
      await options.onRows(type, envelope.data.slice(offset, offset + options.batchRows));
    }
    total += envelope.data.length;
  }
  return { types, missing: PDB_TYPES.filter((type) => !types.includes(type)), generated, rows: total, fromPythonRepr: true };
}
