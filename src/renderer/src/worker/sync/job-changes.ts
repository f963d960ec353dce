/**
 * What one sync job changed, per type and in IXP membership, measured against the copy as it
 * was when the job started. Only committed pages are recorded, so a refused page leaves no trace.
 */
import type { NetIxLan, PdbRow, PdbType } from '../../../../shared/peeringdb';
import type { SyncChangeSummary } from '../../../../shared/sync';
import type { LocalCopy } from '../copy/local-copy';

type Counts = { added: number; updated: number; deleted: number };
export type ChangeCounts = SyncChangeSummary['perType'];
export type IxMoves = SyncChangeSummary['ixMoves'];

interface TypeTrack {
  /** The type held no rows when the job first touched it. */
  emptyAtStart: boolean;
  /**
   * The type's first load had not completed when the job began (it may be resuming one): its
   * rows arrive for the first time, and counting them as changes would report the whole of
   * PeeringDB as new, every network "joining" every IXP.
   */
  firstLoad: boolean;
  /** Rows of the type in the copy when the job first touched it. */
  sizeAtStart: number;
  /** Each touched id's row before the job (undefined: it was not in the copy). */
  before: Map<number, PdbRow | undefined>;
  /** A full list replaced the type: every id of `before` counts, touched or not. */
  replaced: boolean;
}

function sameVersion(a: PdbRow, b: PdbRow): boolean {
  return a.updated === b.updated && a.status === b.status;
}

export class ChangeTracker {
  private readonly types = new Map<PdbType, TypeTrack>();

  /** `loadedAtStart`: the types whose first load had completed when the job began. */
  constructor(
    private readonly copy: LocalCopy,
    private readonly loadedAtStart: ReadonlySet<PdbType>,
  ) {}

  /** Whether the type was empty when the job first touched it (decided on first touch). */
  wasEmptyAtStart(type: PdbType): boolean {
    return this.track(type).emptyAtStart;
  }

  /** Call before applying committed rows to the copy: remembers their pre-job state. */
  recordBefore(type: PdbType, ids: Iterable<number>): void {
    const track = this.track(type);
    if (track.emptyAtStart || track.firstLoad || track.replaced) return;
    const current = this.copy.rows[type] as Map<number, PdbRow>;
    for (const id of ids) {
      if (!track.before.has(id)) track.before.set(id, current.get(id));
    }
  }

  /** Call before a full list clears the type: every row the job started with is compared. */
  recordReplace(type: PdbType): void {
    const track = this.track(type);
    if (track.replaced) return;
    const all = new Map<number, PdbRow | undefined>(this.copy.rows[type] as Map<number, PdbRow>);
    for (const [id, row] of track.before) {
      if (row) all.set(id, row);
      else all.delete(id);
    }
    track.before = all;
    track.replaced = true;
  }

  perType(): ChangeCounts {
    const result: ChangeCounts = {};
    for (const [type, track] of this.types) {
      const counts = this.countType(type, track);
      if (counts.added || counts.updated || counts.deleted) result[type] = counts;
    }
    return result;
  }

  private countType(type: PdbType, track: TypeTrack): Counts {
    const current = this.copy.rows[type] as Map<number, PdbRow>;
    if (!track.replaced && (track.emptyAtStart || track.firstLoad)) {
      return { added: Math.max(0, current.size - track.sizeAtStart), updated: 0, deleted: 0 };
    }
    const counts: Counts = { added: 0, updated: 0, deleted: 0 };
    for (const [id, before] of track.before) {
      const after = current.get(id);
      if (!before && after) counts.added++;
      else if (before && !after) counts.deleted++;
      else if (before && after && !sameVersion(before, after)) counts.updated++;
    }
    if (track.replaced) {
      // Rows the full list brought that the job did not start with.
      for (const id of current.keys()) if (!track.before.has(id)) counts.added++;
    }
    return counts;
  }

  /**
   * Networks that joined or left an IXP: an (IXP, ASN) pair whose live connections went from
   * none to some, or from some to none. A first load of netixlan reports no moves: everyone
   * "joining" everywhere says nothing.
   */
  ixMoves(): IxMoves {
    const track = this.types.get('netixlan');
    if (!track || track.firstLoad || (track.emptyAtStart && !track.replaced)) return [];
    const current = this.copy.rows.netixlan;
    const pairKey = (row: NetIxLan) => `${row.ix_id}:${row.asn}`;
    const delta = new Map<string, number>();
    const touchedIds = new Set<number>(track.before.keys());
    if (track.replaced) for (const id of current.keys()) touchedIds.add(id);
    for (const id of touchedIds) {
      const before = track.before.get(id) as NetIxLan | undefined;
      const after = current.get(id);
      if (before) delta.set(pairKey(before), (delta.get(pairKey(before)) ?? 0) - 1);
      if (after) delta.set(pairKey(after), (delta.get(pairKey(after)) ?? 0) + 1);
    }
    for (const [key, change] of delta) if (change === 0) delta.delete(key);
    if (delta.size === 0) return [];

    const liveAfter = new Map<string, number>();
    for (const row of current.values()) {
      const key = pairKey(row);
      if (delta.has(key)) liveAfter.set(key, (liveAfter.get(key) ?? 0) + 1);
    }

    const byIx = new Map<number, { joined: number[]; left: number[] }>();
    const namesFromRows = new Map<number, string>();
    for (const [key, change] of delta) {
      const after = liveAfter.get(key) ?? 0;
      const before = after - change;
      if ((before > 0) === (after > 0)) continue;
      const [ixId, asn] = key.split(':').map(Number) as [number, number];
      let entry = byIx.get(ixId);
      if (!entry) byIx.set(ixId, (entry = { joined: [], left: [] }));
      (after > 0 ? entry.joined : entry.left).push(asn);
    }
    for (const id of touchedIds) {
      const row = (current.get(id) ?? track.before.get(id)) as NetIxLan | undefined;
      if (row && byIx.has(row.ix_id) && row.name) namesFromRows.set(row.ix_id, row.name);
    }
    return [...byIx]
      .sort(([a], [b]) => a - b)
      .map(([ixId, { joined, left }]) => ({
        ixId,
        ixName: this.copy.rows.ix.get(ixId)?.name ?? namesFromRows.get(ixId) ?? `IXP ${ixId}`,
        joined: joined.sort((a, b) => a - b),
        left: left.sort((a, b) => a - b),
      }));
  }

  private track(type: PdbType): TypeTrack {
    let track = this.types.get(type);
    if (!track) {
      const size = this.copy.rows[type].size;
      track = { emptyAtStart: size === 0, firstLoad: !this.loadedAtStart.has(type), sizeAtStart: size, before: new Map(), replaced: false };
      this.types.set(type, track);
    }
    return track;
  }
}
