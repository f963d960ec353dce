import { describe, expect, it } from 'vitest';
import sample from '../../tools/fake-peeringdb/datasets/sample-dump.json';
import { PDB_TYPES, type PdbType } from './peeringdb';
import { checkRows, describeSkipped, mayHoldLoneSurrogates, rowProblem } from './row-schema';

/** Real PeeringDB rows (April 2026, contact details replaced). */
const SAMPLE = sample as unknown as Record<PdbType, { data: Record<string, unknown>[] }>;

const sampleRow = (type: PdbType): Record<string, unknown> => structuredClone(SAMPLE[type].data[0]!);

describe('the row schema', () => {
  it('accepts every row of real PeeringDB data, as it came', () => {
    for (const type of PDB_TYPES) {
      const rows = structuredClone(SAMPLE[type].data);
      const checked = checkRows(type, rows);
      expect(checked.skipped, type).toBe(0);
      expect(checked.rows, type).toEqual(SAMPLE[type].data);
    }
  });

  it.each([
    ['id', -1, 'id is not a whole number from 0 up'],
    ['id', 1.5, 'id is not a whole number from 0 up'],
    ['id', 2 ** 53, 'id is not a whole number from 0 up'],
    ['id', '5', 'id is not a whole number from 0 up'],
    ['id', undefined, 'id is missing'],
    ['status', 'gone', 'status is not ok, pending or deleted'],
    ['status', undefined, 'status is missing'],
    ['asn', 0, 'asn is not an AS number (1 to 4294967295)'],
    ['asn', 4_294_967_296, 'asn is not an AS number (1 to 4294967295)'],
    ['asn', 13_335.5, 'asn is not an AS number (1 to 4294967295)'],
    ['asn', '13335', 'asn is not an AS number (1 to 4294967295)'],
    ['org_id', null, 'org_id is missing'],
    ['org_id', -3, 'org_id is not a whole number from 0 up'],
    ['name', 42, 'name is not text'],
    ['name', undefined, 'name is missing'],
    ['irr_as_set', ['AS-X'], 'irr_as_set is not text'],
  ])('refuses a network whose %s is %j', (field, value, reason) => {
    const row = sampleRow('net');
    if (value === undefined) delete row[field];
    else row[field] = value;
    expect(rowProblem('net', row)).toBe(reason);
  });

  it('takes the AS number range at both ends, and any id from 0', () => {
    expect(rowProblem('net', { ...sampleRow('net'), asn: 1, id: 0 })).toBeNull();
    expect(rowProblem('net', { ...sampleRow('net'), asn: 4_294_967_295 })).toBeNull();
  });

  it("checks a port's keys: its ASN, its network, exchange and LAN, and optional facility sides", () => {
    const port = sampleRow('netixlan');
    expect(rowProblem('netixlan', { ...port, net_side_id: null, ix_side_id: 12 })).toBeNull();
    expect(rowProblem('netixlan', { ...port, ixlan_id: undefined })).toBe('ixlan_id is missing');
    expect(rowProblem('netixlan', { ...port, net_side_id: 'x' })).toBe('net_side_id is not a whole number from 0 up');
    expect(rowProblem('netixlan', { ...port, ipaddr4: null, ipaddr6: null })).toBeNull();
    expect(rowProblem('netixlan', { ...port, ipaddr4: 3232235777 })).toBe('ipaddr4 is not text');
  });

  it('needs only the id of a deleted row: PeeringDB blanks the rest of a deleted contact', () => {
    expect(rowProblem('poc', { id: 9, status: 'deleted', net_id: null, name: '' })).toBeNull();
    expect(rowProblem('poc', { id: -9, status: 'deleted' })).toBe('id is not a whole number from 0 up');
  });

  it('keeps unknown fields and values, and tolerates missing optional ones', () => {
    const older = sampleRow('net');
    for (const field of ['ix_count', 'fac_count', 'info_types', 'netixlan_updated', 'rir_status', 'logo']) delete older[field];
    Object.assign(older, { info_traffic: '1 Tbps+', info_ratio: 'Mostly Whatever', field_from_2030: { nested: [1, 2] } });
    const { rows, skipped } = checkRows('net', [older]);
    expect(skipped).toBe(0);
    expect(rows[0]).toBe(older);
    expect(rows[0]).toMatchObject({ info_traffic: '1 Tbps+', field_from_2030: { nested: [1, 2] } });
    expect(rowProblem('poc', { ...sampleRow('poc'), role: 'Peering Coordinator', visible: 'Friends' })).toBeNull();
  });

  it('refuses what is not a row at all', () => {
    for (const value of [null, 5, 'net', [1, 2]]) expect(rowProblem('org', value)).toBe('not an object');
  });

  it('repairs lone surrogates in every text, nested ones included, and leaves pairs alone', () => {
    const row = { ...sampleRow('org'), name: 'Bad \uD800 name', social_media: [{ service: 'x', identifier: 'tail \uDC00' }], aka: 'Rocket 🚀' };
    const { rows, repaired } = checkRows('org', [row]);
    expect(repaired).toBe(1);
    expect(rows[0]).toMatchObject({ name: 'Bad \uFFFD name', social_media: [{ service: 'x', identifier: 'tail \uFFFD' }], aka: 'Rocket 🚀' });
    expect(encodeURIComponent(rows[0]!.name)).toBe('Bad%20%EF%BF%BD%20name');
  });

  it('finds text that may hold lone surrogates by their escapes, and only then', () => {
    expect(mayHoldLoneSurrogates(JSON.stringify({ name: 'a\uD800b' }))).toBe(true);
    expect(mayHoldLoneSurrogates('{"name": "\\udfff"}')).toBe(true);
    expect(mayHoldLoneSurrogates('{"name": "Rocket 🚀", "note": "\\u00e9 \\n"}')).toBe(false);
  });

  it('counts left-out rows by reason and says so in one sentence', () => {
    const checked = checkRows('net', [sampleRow('net'), { ...sampleRow('net'), asn: 0 }, { ...sampleRow('net'), asn: -1 }, 'junk']);
    expect(checked.skipped).toBe(3);
    expect(checked.reasons).toEqual({ 'asn is not an AS number (1 to 4294967295)': 2, 'not an object': 1 });
    expect(describeSkipped({ net: checked.reasons })).toBe(
      '3 rows were left out because they were not valid (net: 2 asn is not an AS number (1 to 4294967295), 1 not an object).',
    );
    expect(describeSkipped({ poc: { 'net_id is missing': 1 } })).toBe('1 row was left out because it was not valid (poc: 1 net_id is missing).');
    expect(describeSkipped({})).toBeNull();
  });
});
