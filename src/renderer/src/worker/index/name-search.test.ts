import { describe, expect, it } from 'vitest';
import { runToEnd } from '../cooperative';
import { buildNameSearch, prepareNameSearch, type NameSearchIndex, type NamedRow } from './name-search';

/** Names as PeeringDB has them: several scripts, accents, emoji, aka and city, and names that share first letters. */
const ROWS: NamedRow[] = [
  { id: 1, name: 'DE-CIX Frankfurt', aka: 'DECIX', city: 'Frankfurt am Main' },
  { id: 2, name: 'Deutsche Telekom AG', name_long: 'Deutsche Telekom' },
  { id: 3, name: 'Équinix Paris', city: 'Paris' },
  { id: 4, name: 'Equinix Frankfurt FR5', city: 'Frankfurt' },
  { id: 5, name: '中国电信 China Telecom', aka: 'CT' },
  { id: 6, name: 'Hôtel Télécom 😀 Networks' },
  { id: 7, name: 'Cloudflare', aka: 'CF', city: 'San Francisco' },
  { id: 8, name: 'Clearwire', city: 'Kirkland' },
  { id: 9, name: 'LINX LON1', name_long: 'London Internet Exchange' },
  { id: 10, name: '' },
];

function indexOf(rows: readonly NamedRow[]): NameSearchIndex {
  return runToEnd(buildNameSearch(rows, () => -1));
}

function rowsWithPrefix(index: NameSearchIndex, prefix: string): number[] {
  const found = new Set<number>();
  index.names.forEachWithPrefix(prefix, (ordinal) => found.add(index.ids[ordinal]!));
  index.otherNames.forEachWithPrefix(prefix, (ordinal) => found.add(index.ids[ordinal]!));
  return [...found].sort((a, b) => a - b);
}

describe('name search words made ready ahead', () => {
  it('find the same rows for every prefix as words found on the first search', () => {
    const onDemand = indexOf(ROWS);
    const prepared = indexOf(ROWS);
    runToEnd(prepareNameSearch(prepared));
    expect(prepared.names.prepared && prepared.otherNames.prepared).toBe(true);
    expect(onDemand.names.prepared).toBe(false);
    const prefixes = ['d', 'de', 'dec', 'decix', 'deu', 'e', 'eq', 'équ', 'fr', 'fra', 'c', 'cl', 'clo', 'cle', 'ch', 'ct', 'h', 'hô', 'té', 'l', 'li', 'lo', 'lon', 'sa', '中', '中国', 'ne', 'x'];
    for (const prefix of prefixes) expect(rowsWithPrefix(prepared, prefix), prefix).toEqual(rowsWithPrefix(onDemand, prefix));
    expect(rowsWithPrefix(prepared, 'cl')).toEqual([7, 8]);
  });

  it('find the same rows when the text is long enough to be read in several steps', () => {
    // Some 300,000 characters: words in several scripts, pairs of surrogates among them, so
    // that steps end inside words and between the halves of a character.
    const words = ['alpha', 'beta', 'gamma', 'ünïcode', '中国', 'x😀y', '😀', 'delta-ix', 'ΕΛΛΑΣ', 'omega'];
    const rows: NamedRow[] = Array.from({ length: 6000 }, (_, i) => ({
      id: i + 1,
      name: `${words[i % 10]} ${words[(i * 7) % 10]} net ${i} ${words[(i * 3) % 10]}`,
      city: i % 4 === 0 ? `${words[(i * 9) % 10]}ville` : undefined,
    }));
    const onDemand = indexOf(rows);
    const prepared = indexOf(rows);
    runToEnd(prepareNameSearch(prepared));
    expect(prepared.names.prepared).toBe(true);
    for (const prefix of ['a', 'al', 'be', 'ga', 'un', '中', '中国', 'x', 'xy', 'y', 'de', 'ix', 'ελ', 'om', 'ne', 'net', '59', '5999', 'alphaville']) {
      expect(rowsWithPrefix(prepared, prefix), prefix).toEqual(rowsWithPrefix(onDemand, prefix));
    }
    expect(rowsWithPrefix(prepared, '5999')).toEqual([6000]);
  });

  it('are ready after a search found some of them on demand', () => {
    const index = indexOf(ROWS);
    expect(rowsWithPrefix(index, 'fr')).toEqual([1, 4, 7]);
    runToEnd(prepareNameSearch(index));
    expect(index.names.prepared && index.otherNames.prepared).toBe(true);
    expect(rowsWithPrefix(index, 'fr')).toEqual([1, 4, 7]);
  });
});
