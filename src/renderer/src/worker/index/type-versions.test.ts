import { describe, expect, it } from 'vitest';
import type { Net, Org } from '../../../../shared/peeringdb';
import { LocalCopy, RowMap } from '../copy/local-copy';
import { TypeSnapshots } from './type-versions';

const net = (id: number, name = `Net ${id}`) => ({ id, asn: 64500 + id, name, status: 'ok' }) as unknown as Net;
const org = (id: number) => ({ id, name: `Org ${id}`, status: 'ok' }) as unknown as Org;

function copyWithRows(): LocalCopy {
  const copy = new LocalCopy();
  for (const id of [1, 2, 3]) copy.rows.net.set(id, net(id));
  for (const id of [10, 11]) copy.rows.org.set(id, org(id));
  copy.version++;
  return copy;
}

function observed(copy: LocalCopy): TypeSnapshots {
  const snapshots = new TypeSnapshots(['net', 'org']);
  snapshots.observe(copy);
  return snapshots;
}

describe('type snapshots', () => {
  it('give a type a new stamp when a row of it is set or deleted, and leave the others as they were', () => {
    const copy = copyWithRows();
    const snapshots = observed(copy);
    const before = snapshots.stampsOf(['net', 'org']);

    copy.rows.net.set(2, net(2, 'Renamed'));
    copy.version++;
    snapshots.observe(copy);
    expect(snapshots.stampsOf(['net', 'org'])).toEqual({ net: before.net! + 1, org: before.org });
    expect(snapshots.rowsOf('net').map((row) => row.name)).toEqual(['Net 1', 'Renamed', 'Net 3']);

    copy.rows.org.delete(10);
    copy.version++;
    snapshots.observe(copy);
    expect(snapshots.stampsOf(['net', 'org'])).toEqual({ net: before.net! + 1, org: before.org! + 1 });
    expect(snapshots.rowsOf('org').map((row) => row.id)).toEqual([11]);
  });

  it('do not read again the rows of a type whose map nothing was done to', () => {
    const copy = copyWithRows();
    const snapshots = observed(copy);
    const orgs = copy.rows.org;
    orgs.values = () => {
      throw new Error('the rows of an unchanged type were read again');
    };

    copy.rows.net.delete(3);
    copy.version++;
    expect(() => snapshots.observe(copy)).not.toThrow();
    expect(snapshots.rowsOf('net').map((row) => row.id)).toEqual([1, 2]);
  });

  it('keep the stamp of a type whose rows were set again as they were', () => {
    const copy = copyWithRows();
    const snapshots = observed(copy);
    const stamp = snapshots.stampOf('net');

    copy.rows.net.set(1, copy.rows.net.get(1)!);
    copy.version++;
    snapshots.observe(copy);
    expect(snapshots.stampOf('net')).toBe(stamp);
  });

  it("compare a type whose map was replaced: its stamp moves only if the rows differ", () => {
    const copy = copyWithRows();
    const snapshots = observed(copy);
    const stamp = snapshots.stampOf('net');

    const same = new RowMap<Net>();
    for (const [id, row] of copy.rows.net) same.set(id, row);
    copy.replaceType('net', same);
    copy.version++;
    snapshots.observe(copy);
    expect(snapshots.stampOf('net')).toBe(stamp);

    const other = new RowMap<Net>();
    other.set(7, net(7));
    copy.replaceType('net', other);
    copy.version++;
    snapshots.observe(copy);
    expect(snapshots.stampOf('net')).toBe(stamp + 1);
    expect(snapshots.rowsOf('net').map((row) => row.id)).toEqual([7]);
  });
});
