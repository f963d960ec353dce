/**
 * Reads a PeeringDB dump (CAIDA's `peeringdb_2_dump_YYYY_MM_DD.json`: one object keyed by
 * type, each value an API envelope `{"data": [...], "meta": {...}}`) as a stream: rows go to
 * the caller in batches while the file is read, so memory stays the same whatever the file's
 * size. The shape is checked as the tokens come (one object, types holding a "data" list, no
 * nesting deeper than a dump has); a file that breaks it, or ends early, throws a SyncError.
 * The caller holds what it was given apart until the whole file has been read.
 */
import { TokenParser, Tokenizer, TokenType, type ParsedElementInfo } from '@streamparser/json';
import { isPdbType, PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { SyncError } from './errors';
import { parsePythonLiteral, PythonLiteralError } from './python-literal';

export interface DumpReadOptions {
  /** Rows per batch handed to `onRows`. */
  batchRows: number;
  signal: AbortSignal;
  /** A batch of one type's rows, as the file lists them; the file is not read further until it resolves. */
  onRows(type: PdbType, rows: unknown[]): Promise<void>;
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
  const batches = new RowBatches(options);
  const generated: Partial<Record<PdbType, number>> = {};
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.*.data.*', '$.*.meta'], keepStack: false });
  tokenizer.onToken = (token) => {
    shape.token(token.token, token.value);
    parser.write(token);
  };
  parser.onValue = (info: ParsedElementInfo) => {
    const type = info.stack[1]?.key;
    if (!isPdbType(type)) return;
    if (info.stack.length === 2) {
      const value = (info.value as { generated?: unknown } | null)?.generated;
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) generated[type] = value;
      return;
    }
    batches.add(type, info.value);
  };

  let offset = 0;
  const feed = (chunk: Uint8Array): void => {
    try {
      tokenizer.write(chunk);
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new SyncError(
        'dump-format',
        `${fileName} is not valid JSON near byte ${offset.toLocaleString('en')} (${(error as Error).message}). Nothing was changed.`,
      );
    }
    offset += chunk.byteLength;
    options.onBytes?.(shape.currentType, chunk.byteLength);
  };

  if (!empty) {
    feed(head);
    await batches.sendFull();
    for await (const chunk of rest) {
      options.signal.throwIfAborted();
      feed(chunk);
      await batches.sendFull();
    }
  }
  try {
    tokenizer.end();
  } catch {
    // Reported below with the file's own words.
  }
  if (!parser.isEnded) {
    throw new SyncError(
      'dump-format',
      offset === 0
        ? `${fileName} is empty. Nothing was changed.`
        : `${fileName} ends in the middle of its data (after ${offset.toLocaleString('en')} bytes): it was cut off. Nothing was changed.`,
    );
  }
  const types = shape.finish();
  await batches.sendAll();
  return { types, missing: PDB_TYPES.filter((type) => !types.includes(type)), generated, rows: batches.total, fromPythonRepr: false };
}

/**
 * Follows the tokens to check the dump's shape while it streams: the value is one object;
 * a PeeringDB type's value is an object whose "data" is a list; nothing nests past MAX_DEPTH.
 */
class DumpShape {
  private depth = 0;
  /** Whether each open container is an object. */
  private readonly objects: boolean[] = [];
  /** The key being read at each object depth (index = depth). */
  private readonly keys: (string | undefined)[] = [];
  private expectingKey = false;
  private readonly seen: PdbType[] = [];
  private readonly withData = new Set<PdbType>();

  constructor(private readonly fileName: string) {}

  /** The PeeringDB type whose value is being read, if any. */
  get currentType(): PdbType | undefined {
    const key = this.depth >= 1 ? this.keys[1] : undefined;
    return isPdbType(key) ? key : undefined;
  }

  token(token: TokenType, value: unknown): void {
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        const isObject = token === TokenType.LEFT_BRACE;
        this.valueStarts(isObject ? 'object' : 'list');
        if (++this.depth > MAX_DEPTH) {
          throw new SyncError(
            'dump-format',
            `${this.fileName} nests its data deeper than a PeeringDB dump ever does (over ${MAX_DEPTH} levels): it is not a PeeringDB dump. Nothing was changed.`,
          );
        }
        this.objects.push(isObject);
        this.keys[this.depth] = undefined;
        this.expectingKey = isObject;
        return;
      }
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.depth--;
        this.objects.pop();
        this.expectingKey = false;
        return;
      case TokenType.COLON:
        this.expectingKey = false;
        return;
      case TokenType.COMMA:
        this.expectingKey = this.objects.at(-1) === true;
        return;
      case TokenType.STRING:
        if (this.expectingKey) {
          this.keys[this.depth] = value as string;
          this.expectingKey = false;
          return;
        }
        this.valueStarts('text');
        return;
      default:
        this.valueStarts('value');
    }
  }

  private valueStarts(kind: 'object' | 'list' | 'text' | 'value'): void {
    if (this.depth === 0) {
      if (kind !== 'object') {
        throw new SyncError('dump-format', `${this.fileName} is not a PeeringDB dump: expected one object keyed by type (org, net, ix…).`);
      }
      return;
    }
    const type = this.keys[1];
    if (!isPdbType(type)) return;
    if (this.depth === 1) {
      if (kind !== 'object') throw new SyncError('dump-format', `"${type}" in ${this.fileName} is not a PeeringDB list (expected an object with "data").`);
      if (this.seen.includes(type)) throw new SyncError('dump-format', `${this.fileName} lists "${type}" twice: it is not a PeeringDB dump.`);
      this.seen.push(type);
      return;
    }
    if (this.depth === 2 && this.keys[2] === 'data') {
      if (kind !== 'list') throw new SyncError('dump-format', `The data for "${type}" in ${this.fileName} has no "data" list.`);
      this.withData.add(type);
    }
  }

  /** The types the file held, once it has been read to its end. */
  finish(): PdbType[] {
    const without = this.seen.find((type) => !this.withData.has(type));
    if (without) throw new SyncError('dump-format', `The data for "${without}" in ${this.fileName} has no "data" list.`);
    if (this.seen.length === 0) {
      throw new SyncError('dump-format', `${this.fileName} holds none of PeeringDB's types (org, net, ix…): it is not a PeeringDB dump.`);
    }
    return [...this.seen];
  }
}

/** Rows waiting to be handed on, per type, in batches of `batchRows`. */
class RowBatches {
  private readonly pending = new Map<PdbType, unknown[]>();
  total = 0;

  constructor(private readonly options: DumpReadOptions) {}

  add(type: PdbType, row: unknown): void {
    let rows = this.pending.get(type);
    if (!rows) this.pending.set(type, (rows = []));
    rows.push(row);
    this.total++;
  }

  /** Hands on every full batch (the file waits meanwhile: that is the backpressure). */
  async sendFull(): Promise<void> {
    for (const [type, rows] of this.pending) {
      while (rows.length >= this.options.batchRows) {
        this.options.signal.throwIfAborted();
        await this.options.onRows(type, rows.splice(0, this.options.batchRows));
      }
    }
  }

  async sendAll(): Promise<void> {
    await this.sendFull();
    for (const [type, rows] of this.pending) {
      if (rows.length > 0) await this.options.onRows(type, rows.splice(0));
    }
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
