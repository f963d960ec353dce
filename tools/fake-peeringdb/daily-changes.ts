/**
 * A day of PeeringDB edits on a dump, for history's tests and the bench's daily dumps: networks
 * join and leave exchanges (and a few come back), ports are upgraded, route-server sessions and
 * policies change, Policy contacts move, facilities gain and lose networks, networks are
 * created and deleted (their ports, presences and contacts with them). Rates follow PeeringDB's
 * daily traffic at full size and scale with the dataset. The dump is changed in place, as a
 * CAIDA dump of the next day would differ: live rows only.
 */
import { PDB_TYPES, type NetIxLan, type PdbRow, type PdbType } from '../../src/shared/peeringdb';
import type { FullPdbDump } from './dump';
import type { SeededRandom } from './random';
import { completeRow, epochToPdbTime } from './rows';
import { INFO_TRAFFIC, PORT_SPEEDS, POLICY_GENERAL } from './vocabulary';

/** Edits a full-size PeeringDB sees on an ordinary day. */
const DAILY_AT_FULL_SIZE = {
  joins: 40,
  leaves: 25,
  returns: 2,
  upgrades: 30,
  downgrades: 8,
  routeServer: 15,
  policies: 10,
  netEdits: 60,
  contacts: 20,
  facilityJoins: 30,
  facilityLeaves: 15,
  newNetworks: 8,
  deletedNetworks: 3,
} as const;

export type DayChanges = { -readonly [K in keyof typeof DAILY_AT_FULL_SIZE]: number };

/** What a day's edits leave behind between days: ports that left, to come back later. */
export interface DailyState {
  random: SeededRandom;
  scale: number;
  departed: PdbRow<'netixlan'>[];
}

type Rows<T extends PdbType> = PdbRow<T>[];

function nextId(rows: readonly { id: number }[]): number {
  let max = 0;
  for (const row of rows) if (row.id > max) max = row.id;
  return max + 1;
}

function count(daily: number, scale: number, random: SeededRandom): number {
  const exact = daily * scale;
  // Small datasets still see the rarer edits now and then.
  return Math.floor(exact) + (random.chance(exact - Math.floor(exact)) ? 1 : 0);
}

function speedStep(speed: number, up: boolean): number {
  const speeds = PORT_SPEEDS.map(([value]) => value).sort((a, b) => a - b);
  const index = speeds.findIndex((value) => value >= speed);
  const next = up ? speeds[Math.min(speeds.length - 1, (index < 0 ? speeds.length - 1 : index) + 1)] : speeds[Math.max(0, index - 1)];
  return next ?? speed;
}

/** Moves the dump on by one day ending at `at` (epoch seconds); says how many edits of each kind it made. */
export function nextDay(dump: FullPdbDump, state: DailyState, at: number): DayChanges {
  const { random, scale } = state;
  const stamp = () => epochToPdbTime(at - random.int(60, 20 * 3600));
  const done = Object.fromEntries(Object.keys(DAILY_AT_FULL_SIZE).map((key) => [key, 0])) as DayChanges;
  const planned = (kind: keyof DayChanges) => count(DAILY_AT_FULL_SIZE[kind], scale, random);
  const ports = dump.netixlan.data as Rows<'netixlan'>;
  const nets = dump.net.data as Rows<'net'>;
  const presences = dump.netfac.data as Rows<'netfac'>;
  const contacts = dump.poc.data as Rows<'poc'>;
  const touch = <R extends { updated: string }>(row: R, patch: Partial<R>): void => {
    Object.assign(row, patch, { updated: stamp() });
  };

  // Networks deleted (an ASN its registry reclaimed): everything of theirs goes with them.
  const gone = new Set<number>();
  for (let n = planned('deletedNetworks'); n > 0 && nets.length > 1; n--) {
    gone.add(random.pick(nets).id);
    done.deletedNetworks++;
  }

  // Ports that leave; some come back on a later day.
  const leaving = new Set<number>();
  for (let n = planned('leaves'); n > 0 && ports.length > 1; n--) {
    const port = random.pick(ports);
    if (leaving.has(port.id) || gone.has(port.net_id)) continue;
    leaving.add(port.id);
    state.departed.push(port);
    done.leaves++;
  }
  const departingFacilities = new Set<number>();
  for (let n = planned('facilityLeaves'); n > 0 && presences.length > 1; n--) {
    departingFacilities.add(random.pick(presences).id);
    done.facilityLeaves++;
  }
  dump.netixlan.data = ports.filter((port) => !leaving.has(port.id) && !gone.has(port.net_id));
  dump.netfac.data = presences.filter((presence) => !departingFacilities.has(presence.id) && !gone.has(presence.net_id));
  dump.poc.data = contacts.filter((poc) => !gone.has(poc.net_id));
  dump.net.data = nets.filter((net) => !gone.has(net.id));

  const livePorts = dump.netixlan.data as Rows<'netixlan'>;
  const liveNets = dump.net.data as Rows<'net'>;
  let portId = nextId(ports);
  const addPort = (template: Pick<NetIxLan, 'net_id' | 'ix_id' | 'ixlan_id' | 'name' | 'asn'>, speed: number): void => {
    const created = at - random.int(60, 20 * 3600);
    livePorts.push(
      completeRow('netixlan', portId++, created, {
        ...template,
        speed,
        ipaddr4: `100.64.${random.int(0, 255)}.${random.int(1, 254)}`,
        is_rs_peer: random.chance(0.6),
        operational: true,
      }),
    );
  };

  // Networks that join an exchange: where others already are, so big exchanges grow most.
  for (let n = planned('joins'); n > 0 && livePorts.length > 0 && liveNets.length > 0; n--) {
    const where = random.pick(livePorts);
    const who = random.pick(liveNets);
    addPort({ net_id: who.id, ix_id: where.ix_id, ixlan_id: where.ixlan_id, name: where.name, asn: who.asn }, random.weighted(PORT_SPEEDS));
    done.joins++;
  }
  // A few that left earlier come back to the same exchange (a new port, as in PeeringDB).
  for (let n = planned('returns'); n > 0 && state.departed.length > 0; n--) {
    const back = state.departed.splice(random.int(0, state.departed.length - 1), 1)[0]!;
    if (!liveNets.some((net) => net.id === back.net_id)) continue;
    addPort({ net_id: back.net_id, ix_id: back.ix_id, ixlan_id: back.ixlan_id, name: back.name, asn: back.asn }, back.speed);
    done.returns++;
  }

  for (let n = planned('upgrades'); n > 0 && livePorts.length > 0; n--) {
    const port = random.pick(livePorts);
    touch(port, { speed: speedStep(port.speed, true) });
    done.upgrades++;
  }
  for (let n = planned('downgrades'); n > 0 && livePorts.length > 0; n--) {
    const port = random.pick(livePorts);
    touch(port, { speed: speedStep(port.speed, false) });
    done.downgrades++;
  }
  for (let n = planned('routeServer'); n > 0 && livePorts.length > 0; n--) {
    const port = random.pick(livePorts);
    touch(port, { is_rs_peer: !port.is_rs_peer });
    done.routeServer++;
  }
  for (let n = planned('policies'); n > 0 && liveNets.length > 0; n--) {
    const net = random.pick(liveNets);
    touch(net, { policy_general: random.weighted(POLICY_GENERAL) });
    done.policies++;
  }
  for (let n = planned('netEdits'); n > 0 && liveNets.length > 0; n--) {
    const net = random.pick(liveNets);
    if (random.chance(0.5)) touch(net, { info_traffic: random.weighted(INFO_TRAFFIC) });
    else touch(net, { info_prefixes4: random.int(1, 900_000), info_prefixes6: random.int(1, 200_000) });
    done.netEdits++;
  }
  const liveContacts = dump.poc.data as Rows<'poc'>;
  for (let n = planned('contacts'); n > 0 && liveContacts.length > 0; n--) {
    const poc = random.pick(liveContacts);
    touch(poc, { email: `peering-${at}-${n}@${poc.email.split('@')[1] ?? 'example.net'}` });
    done.contacts++;
  }

  const livePresences = dump.netfac.data as Rows<'netfac'>;
  let presenceId = nextId(presences);
  for (let n = planned('facilityJoins'); n > 0 && livePresences.length > 0 && liveNets.length > 0; n--) {
    const where = random.pick(livePresences);
    const who = random.pick(liveNets);
    livePresences.push(
      completeRow('netfac', presenceId++, at - random.int(60, 20 * 3600), {
        net_id: who.id,
        fac_id: where.fac_id,
        name: where.name,
        city: where.city,
        country: where.country,
        local_asn: who.asn,
      }),
    );
    done.facilityJoins++;
  }

  let netId = nextId(nets);
  const usedAsns = new Set(liveNets.map((net) => net.asn));
  for (let n = planned('newNetworks'); n > 0 && liveNets.length > 0; n--) {
    const like = random.pick(liveNets);
    let asn = random.int(200_000, 400_000);
    while (usedAsns.has(asn)) asn++;
    usedAsns.add(asn);
    liveNets.push(
      completeRow('net', netId, at - random.int(60, 20 * 3600), {
        org_id: like.org_id,
        asn,
        name: `${like.name} ${asn}`,
        info_type: like.info_type,
        info_types: like.info_types,
        info_traffic: like.info_traffic,
        policy_general: random.weighted(POLICY_GENERAL),
      }),
    );
    netId++;
    done.newNetworks++;
  }

  for (const type of PDB_TYPES) dump[type].meta = { ...dump[type].meta, generated: at };
  return done;
}
