/**
 * npm run fake-peeringdb -- --data FILE --port N [--api-key K]... [--rate-limit]
 * npm run fake-peeringdb -- --generate --scale 1 --seed 7 --port N
 * npm run fake-peeringdb -- --generate --scale 1 --seed 7 --out FILE [--public-only]
 *
 * Serves a dump file (CAIDA's shape) or a generated dataset as a fake PeeringDB, or writes
 * a generated dataset to a dump file.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PDB_TYPES } from '../../src/shared/peeringdb';
import { readDumpFile, type PdbDump } from './dump';
import { generateDataset, publicView } from './generator';
import { PEERINGDB_PUBLISHED_LIMITS } from './rate-limit';
import { startFakePeeringDb } from './server';

const USAGE = `Usage:
  npm run fake-peeringdb -- --data FILE [--port N] [--api-key KEY]... [--rate-limit]
  npm run fake-peeringdb -- --generate [--scale S] [--seed N] [--port N] [--api-key KEY]... [--rate-limit]
  npm run fake-peeringdb -- --generate [--scale S] [--seed N] --out FILE [--public-only]

  --data FILE      serve a dump: one JSON object keyed by type, as CAIDA's peeringdb_2_dump files
  --generate       use a seeded dataset with PeeringDB's proportions (scale 1 = full size)
  --out FILE       write the generated dataset to FILE instead of serving it
  --public-only    with --out: only what an anonymous dump holds (live rows, public contacts)
  --port N         port on 127.0.0.1 (default: a free one)
  --api-key KEY    an accepted API key (repeatable); contacts marked "Users" need one
  --rate-limit     answer 429 past PeeringDB's published limits: 2 s between requests,
                   20 a minute anonymous, 40 with a key`;

class UsageError extends Error {}

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new UsageError(`--${name} needs a number, got "${value}"`);
  return parsed;
}

function describeCounts(dump: PdbDump): string {
  return PDB_TYPES.map((type) => `${type} ${dump[type]?.data.length ?? 0}`).join(', ');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      generate: { type: 'boolean', default: false },
      scale: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'public-only': { type: 'boolean', default: false },
      port: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'rate-limit': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.data && values.generate) throw new UsageError('choose one of --data and --generate');
  if (!values.data && !values.generate) throw new UsageError('--data FILE or --generate is required');
  if (values.out && !values.generate) throw new UsageError('--out writes a generated dataset: add --generate');

  let dump: PdbDump;
  if (values.generate) {
    const scale = numberOption(values.scale, 'scale', 1);
    const seed = numberOption(values.seed, 'seed', 1);
    if (!(scale > 0)) throw new UsageError('--scale must be greater than 0');
    const generated = generateDataset({ seed, scale });
    dump = values['public-only'] ? publicView(generated) : generated;
    if (values.out) {
      await writeFile(values.out, JSON.stringify(dump));
      console.log(`Wrote ${values.out}: ${describeCounts(dump)}`);
      return;
    }
  } else {
    dump = await readDumpFile(values.data!);
  }

  const port = numberOption(values.port, 'port', 0);
  const apiKeys = values['api-key'] ?? [];
  const fake = await startFakePeeringDb({
    data: dump,
    port,
    apiKeys,
    ...(values['rate-limit'] ? { rateLimit: PEERINGDB_PUBLISHED_LIMITS } : {}),
  });
  console.log(`Fake PeeringDB serving ${describeCounts(dump)}`);
  console.log(`PEERINGDB_URL=${fake.apiUrl}`);
  console.log(`Public cache: ${fake.cacheUrl}/{type}-0.json`);
  console.log(apiKeys.length > 0 ? `Accepted API keys: ${apiKeys.length}` : 'No API key accepted: every request is anonymous.');
  if (values['rate-limit']) console.log("PeeringDB's query limits are enforced with 429s.");
  const stop = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`fake-peeringdb: ${message}`);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`\n${USAGE}`);
  process.exit(1);
});
