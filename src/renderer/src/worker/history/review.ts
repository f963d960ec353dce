/**
 * The review queue's entries for one sync: the facts that differ between the sync's moment and
 * the moment before it, put as a peering engineer reads them (who joined or left which exchange
 * or facility, port speeds, route servers, policy, the Policy contact, deleted networks).
 */
import {
  readMember,
  readNet,
  readPlace,
  splitPairKey,
  type FactValue,
  type Facts,
  type HistoryKind,
} from '../../../../shared/history/facts';
import type { ReviewKind, ReviewPlace } from '../../protocol/history';
import type { FactChange, HistoryModel } from './model';
import type { ReviewItemRecord } from './records';
import { valueAt } from './timeline';

type NewItem = Omit<ReviewItemRecord, 'id' | 'batchId' | 'seen'>;

/** The two moments compared: the facts of the new one, and the model at the one before. */
class ComparedMoments {
  private networkPlaces: Map<string, Set<string>> | null = null;

  constructor(
    private readonly model: HistoryModel,
    private readonly facts: Facts,
    private readonly previous: number,
    /** Networks whose record went away between the two moments. */
    private readonly deletedNets: ReadonlySet<number>,
  ) {}

  isDeleted(netId: number | null): boolean {
    return netId !== null && this.deletedNets.has(netId);
  }

  private value(kind: HistoryKind, key: string): FactValue | undefined {
    return this.facts[kind].get(key) ?? this.model.valueAt(kind, key, this.previous);
  }

  netName(netId: number | null): string {
    if (netId === null) return '';
    const value = this.value('net', String(netId));
    return value ? readNet(value).name : '';
  }

  place(kind: 'ix' | 'fac', id: number): ReviewPlace {
    const value = this.value(kind, String(id));
    const place = value ? readPlace(value) : { name: '', country: '' };
    return { kind, id, name: place.name, country: place.country };
  }

  /**
   * Every place a network was at, at either moment: by port ASN at exchanges, by network at
   * facilities. Built on first need, which is rare (policy, contact and deletion changes).
   */
  placesOf(asn: number, netId: number | null): string[] {
    if (!this.networkPlaces) {
      const index = new Map<string, Set<string>>();
      const add = (who: string, place: string) => {
        let set = index.get(who);
        if (!set) index.set(who, (set = new Set()));
        set.add(place);
      };
      const addMember = (key: string) => {
        const [ixId, portAsn] = splitPairKey(key);
        add(`asn:${portAsn}`, `ix:${ixId}`);
      };
      const addPresence = (key: string) => {
        const [facId, presentNet] = splitPairKey(key);
        add(`net:${presentNet}`, `fac:${facId}`);
      };
      for (const key of this.facts.member.keys()) addMember(key);
      for (const key of this.facts.netfac.keys()) addPresence(key);
      for (const [key, segments] of this.model.entries('member')) if (valueAt(segments, this.previous)) addMember(key);
      for (const [key, segments] of this.model.entries('netfac')) if (valueAt(segments, this.previous)) addPresence(key);
      this.networkPlaces = index;
    }
    const places = new Set(this.networkPlaces.get(`asn:${asn}`));
    if (netId !== null) for (const place of this.networkPlaces.get(`net:${netId}`) ?? []) places.add(place);
    return [...places].sort();
  }
}

function memberItems(change: FactChange, moments: ComparedMoments): NewItem[] {
  const [ixId, asn] = splitPairKey(change.key);
  const before = change.before ? readMember(change.before) : null;
  const after = change.after ? readMember(change.after) : null;
  const netId = after?.netId ?? before?.netId ?? null;
  const base = {
    asn,
    netId,
    netName: moments.netName(netId),
    place: moments.place('ix', ixId),
    placeKeys: [`ix:${ixId}`],
    note: '',
  };
  if (!before && after) {
    return [{ ...base, kind: change.hadEarlier ? 'returned' : 'joined', before: null, after: after.capacity }];
  }
  if (before && !after) {
    return [{ ...base, kind: 'left', before: before.capacity, after: null, note: deletedNote(moments, netId) }];
  }
  if (!before || !after) return [];
  const items: NewItem[] = [];
  if (after.capacity !== before.capacity) {
    items.push({ ...base, kind: after.capacity > before.capacity ? 'speed-up' : 'speed-down', before: before.capacity, after: after.capacity });
  }
  if ((before.rsPorts > 0) !== (after.rsPorts > 0)) {
    items.push({ ...base, kind: after.rsPorts > 0 ? 'rs-on' : 'rs-off', before: before.rsPorts, after: after.rsPorts });
  }
  return items;
}

function deletedNote(moments: ComparedMoments, netId: number | null): string {
  return moments.isDeleted(netId) ? 'The network was deleted from PeeringDB.' : '';
}

function netfacItems(change: FactChange, moments: ComparedMoments): NewItem[] {
  const [facId, netId] = splitPairKey(change.key);
  const value = change.after ?? change.before;
  const asn = typeof value?.[0] === 'number' && value[0] > 0 ? value[0] : 0;
  const base = { asn, netId, netName: moments.netName(netId), place: moments.place('fac', facId), placeKeys: [`fac:${facId}`], note: '' };
  if (!change.before && change.after) return [{ ...base, kind: change.hadEarlier ? 'returned' : 'joined', before: null, after: null }];
  if (change.before && !change.after) {
    return [{ ...base, kind: 'left', before: null, after: null, note: deletedNote(moments, netId) }];
  }
  return [];
}

function netItems(change: FactChange, moments: ComparedMoments): NewItem[] {
  const netId = Number(change.key);
  const before = change.before ? readNet(change.before) : null;
  const after = change.after ? readNet(change.after) : null;
  // A network that appears is news only where it connects, which its memberships tell.
  if (!before) return [];
  const asn = after?.asn ?? before.asn;
  const base = { asn, netId, netName: after?.name || before.name, place: null, note: '' };
  const placeKeys = () => moments.placesOf(asn, netId);
  if (!after) return [{ ...base, kind: 'net-deleted', placeKeys: placeKeys(), before: before.name, after: null }];
  const items: NewItem[] = [];
  const add = (kind: ReviewKind, from: string, to: string) =>
    items.push({ ...base, kind, placeKeys: placeKeys(), before: from || null, after: to || null });
  if (after.policy !== before.policy) add('policy', before.policy, after.policy);
  if (after.policyContact !== before.policyContact) add('policy-contact', before.policyContact, after.policyContact);
  return items;
}

/** Keys in the order of their ids ("1:900" before "1:64500"), so a batch reads the same however history was loaded. */
function compareKeys(a: string, b: string): number {
  const [a1, a2] = a.includes(':') ? splitPairKey(a) : [Number(a), 0];
  const [b1, b2] = b.includes(':') ? splitPairKey(b) : [Number(b), 0];
  return a1 - b1 || a2 - b2;
}

/** Most entries a batch keeps; a batch after a long pause keeps its first ones and counts the rest. */
export const MAX_REVIEW_ITEMS = 20_000;

/**
 * The entries for the changes between `previous` and a new moment holding `facts` (already
 * added to the model). Entries come by kind of fact: networks first, so a deletion explains the
 * leaves that follow it.
 */
export function reviewItemsOf(
  model: HistoryModel,
  facts: Facts,
  previous: number,
  changes: readonly FactChange[],
): { items: NewItem[]; total: number } {
  const deleted = new Set<number>();
  for (const change of changes) if (change.kind === 'net' && change.before && !change.after) deleted.add(Number(change.key));
  const moments = new ComparedMoments(model, facts, previous, deleted);

  const items: NewItem[] = [];
  const order: HistoryKind[] = ['net', 'member', 'netfac'];
  for (const kind of order) {
    for (const change of [...changes].filter((c) => c.kind === kind).sort((a, b) => compareKeys(a.key, b.key))) {
      if (kind === 'net') items.push(...netItems(change, moments));
      else if (kind === 'member') items.push(...memberItems(change, moments));
      else items.push(...netfacItems(change, moments));
    }
  }
  return { items: items.slice(0, MAX_REVIEW_ITEMS), total: items.length };
}
