/**
 * What member rows show of each ASN's network (MemberNet), as columns by the ASN's ordinal in
 * the peering section. A peers list of ten thousand rows reads these for every row, in ranked
 * order: read from one object per ASN it waits on memory at nearly every field (the object,
 * its name and its strings each lie elsewhere), read from a few compact arrays it does not.
 */
import type { Net } from '../../../../shared/peeringdb';
import type { MemberNet } from '../../protocol/discovery';
import { infoTypesOf, textOf } from './row-values';

export interface MemberColumns {
  /** Tells these columns from every other made in this worker: the page keys what it keeps on it. */
  id: number;
  /** The record's id; NaN where no record names the ASN. */
  netId: Float64Array;
  /** The record's own ASN where it is another (a port under a second ASN); NaN otherwise. */
  recordAsn: Float64Array;
  /** policy_general and info_traffic, as indexes into `texts`. */
  policy: Int32Array;
  traffic: Int32Array;
  texts: string[];
  /** info_types as an index into `typeLists`: one list per distinct value, shared, not to be modified. */
  types: Int32Array;
  typeLists: MemberNet['infoTypes'][];
  /** Every ASN's name, one after the other: ordinal o's is names.slice(nameStart[o], nameStart[o + 1]). */
  names: string;
  nameStart: Int32Array;
}

/** What a row shows of an ASN no record names: the ASN, nothing else. */
export function unnamedMemberNet(asn: number): MemberNet {
  return { asn, netId: null, name: `AS${asn}`, recordAsn: null, policyGeneral: '', infoTypes: [], traffic: '' };
}

/** Numbers distinct values in the order first seen; `key` tells equal ones apart. */
class Numbering<T> {
  readonly values: T[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(private readonly key: (value: T) => string) {}
  numberOf(value: T): number {
    const key = this.key(value);
    let number = this.byKey.get(key);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.byKey.set(key, number);
    }
    return number;
  }
}

let lastColumnsId = 0;

/** The columns of every ASN of a section, from the records that name them (`holders`). */
export function buildMemberColumns(asns: Float64Array, holders: readonly (Net | undefined)[]): MemberColumns {
  const count = asns.length;
  const texts = new Numbering<string>((text) => text);
  const typeLists = new Numbering<MemberNet['infoTypes']>((types) => JSON.stringify(types));
  const columns = {
    netId: new Float64Array(count),
    recordAsn: new Float64Array(count),
    policy: new Int32Array(count),
    traffic: new Int32Array(count),
    types: new Int32Array(count),
    nameStart: new Int32Array(count + 1),
  };
  const names: string[] = [];
  let nameEnd = 0;
  for (let ordinal = 0; ordinal < count; ordinal++) {
    const asn = asns[ordinal]!;
    const holder = holders[ordinal];
    const net: MemberNet = holder
      ? {
          asn,
          netId: holder.id,
          name: textOf(holder.name),
          recordAsn: holder.asn === asn ? null : holder.asn,
          policyGeneral: textOf(holder.policy_general) as MemberNet['policyGeneral'],
          infoTypes: infoTypesOf(holder) as MemberNet['infoTypes'],
          traffic: textOf(holder.info_traffic),
        }
      : unnamedMemberNet(asn);
    columns.netId[ordinal] = net.netId ?? Number.NaN;
    columns.recordAsn[ordinal] = net.recordAsn ?? Number.NaN;
    columns.policy[ordinal] = texts.numberOf(net.policyGeneral);
    columns.traffic[ordinal] = texts.numberOf(net.traffic);
    columns.types[ordinal] = typeLists.numberOf(net.infoTypes);
    names.push(net.name);
    columns.nameStart[ordinal + 1] = nameEnd += net.name.length;
  }
  return { id: ++lastColumnsId, ...columns, texts: texts.values, typeLists: typeLists.values, names: names.join('') };
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** The MemberNet of one ordinal, made from the columns. */
export function memberNetFromColumns(columns: MemberColumns, asn: number, ordinal: number): MemberNet {
  return {
    asn,
    netId: orNull(columns.netId[ordinal]!),
    name: columns.names.slice(columns.nameStart[ordinal], columns.nameStart[ordinal + 1]),
    recordAsn: orNull(columns.recordAsn[ordinal]!),
    policyGeneral: columns.texts[columns.policy[ordinal]!]! as MemberNet['policyGeneral'],
    infoTypes: columns.typeLists[columns.types[ordinal]!]!,
    traffic: columns.texts[columns.traffic[ordinal]!]!,
  };
}
