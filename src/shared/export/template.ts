/**
 * Peering request drafts: a template the user edits, with {{placeholders}} filled from the
 * local copy (both networks, the IXPs they share with each side's addresses).
 */
import { oneLine } from './mailto';

export interface DraftNetwork {
  asn: number;
  name: string;
  irrAsSet: string;
  maxPrefixes4: number | null;
  maxPrefixes6: number | null;
  policyUrl: string;
}

export interface DraftPort {
  ipv4: string | null;
  ipv6: string | null;
  /** Mbit/s. */
  speed: number;
}

export interface SharedIxp {
  ixId: number;
  name: string;
  mine: DraftPort[];
  theirs: DraftPort[];
}

export interface DraftContext {
  me: DraftNetwork;
  peer: DraftNetwork;
  sharedIxps: SharedIxp[];
  /** The peer's Policy contact addresses. */
  to: string[];
}

export interface DraftTemplate {
  subject: string;
  body: string;
}

export const PEERING_TEMPLATE_KEY = 'peering-request';

export const DEFAULT_PEERING_TEMPLATE: DraftTemplate = {
  subject: 'Peering request: AS{{my_asn}} {{my_name}} / AS{{peer_asn}} {{peer_name}}',
  body: [
    'Hello {{peer_name}} peering team,',
    '',
    'We are {{my_name}} (AS{{my_asn}}) and would like to peer with AS{{peer_asn}} at the exchanges we share:',
    '',
    '{{shared_ixps}}',
    '',
    'Our details:',
    '  IRR as-set: {{my_as_set}}',
    '  Max prefixes: {{my_max_prefixes_v4}} IPv4, {{my_max_prefixes_v6}} IPv6',
    '',
    'We have read your peering policy: {{peer_policy_url}}',
    '',
    'Best regards,',
    '{{my_name}} (AS{{my_asn}})',
  ].join('\n'),
};

// Drafts write gigabits ("1600G") where the UI's formatSpeed writes "1.6T": kept private
// and named apart, so neither is imported in place of the other.
function portSpeedText(mbits: number): string {
  if (mbits >= 1000 && mbits % 1000 === 0) return `${mbits / 1000}G`;
  if (mbits >= 1000) return `${(mbits / 1000).toFixed(1)}G`;
  return `${mbits}M`;
}

function portText(port: DraftPort): string {
  const addresses = [port.ipv4, port.ipv6].filter((a): a is string => !!a);
  return `${addresses.length > 0 ? addresses.join(', ') : 'no address listed'} (${portSpeedText(port.speed)})`;
}

function sideLines(label: string, ports: readonly DraftPort[]): string[] {
  if (ports.length === 0) return [`    ${label}: not listed`];
  return ports.map((port) => `    ${label}: ${portText(port)}`);
}

/** The block {{shared_ixps}} expands to: one IXP per entry, both sides' ports below it. */
function sharedIxpsText(context: DraftContext): string {
  if (context.sharedIxps.length === 0) return '  (no shared exchange in the local copy)';
  return context.sharedIxps
    .flatMap((ix) => [
      `  - ${ix.name}`,
      ...sideLines(`AS${context.me.asn}`, ix.mine),
      ...sideLines(`AS${context.peer.asn}`, ix.theirs),
    ])
    .join('\n');
}

function orUnknown(value: string | number | null): string {
  if (value === null) return 'not listed';
  const text = String(value).trim();
  return text.length > 0 ? text : 'not listed';
}

function placeholderValues(context: DraftContext): Record<string, string> {
  const { me, peer } = context;
  return {
    my_name: me.name,
    my_asn: String(me.asn),
    my_as_set: orUnknown(me.irrAsSet),
    my_max_prefixes_v4: orUnknown(me.maxPrefixes4),
    my_max_prefixes_v6: orUnknown(me.maxPrefixes6),
    my_policy_url: orUnknown(me.policyUrl),
    peer_name: peer.name,
    peer_asn: String(peer.asn),
    peer_as_set: orUnknown(peer.irrAsSet),
    peer_policy_url: orUnknown(peer.policyUrl),
    peer_max_prefixes_v4: orUnknown(peer.maxPrefixes4),
    peer_max_prefixes_v6: orUnknown(peer.maxPrefixes6),
    shared_ixps: sharedIxpsText(context),
    shared_ixp_names: context.sharedIxps.map((ix) => ix.name).join(', ') || 'none',
  };
}

export const PLACEHOLDER_NAMES = Object.keys(
  placeholderValues({
    me: { asn: 0, name: '', irrAsSet: '', maxPrefixes4: null, maxPrefixes6: null, policyUrl: '' },
    peer: { asn: 0, name: '', irrAsSet: '', maxPrefixes4: null, maxPrefixes6: null, policyUrl: '' },
    sharedIxps: [],
    to: [],
  }),
);

export interface FilledDraft extends DraftTemplate {
  to: string[];
  /** Placeholders in the template that mean nothing here: left as written, for the user to fix. */
  unknownPlaceholders: string[];
}

const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/gi;

/**
 * Fills the template in one pass, so a value that itself contains "{{…}}" (PeeringDB text is
 * anyone's) is inserted as written and never expanded.
 */
export function fillTemplate(template: DraftTemplate, context: DraftContext): FilledDraft {
  const values = placeholderValues(context);
  const unknown = new Set<string>();
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const key = name.toLowerCase();
      if (Object.hasOwn(values, key)) return values[key] ?? '';
      unknown.add(name);
      return whole;
    });
  return {
    subject: oneLine(fill(template.subject)),
    body: fill(template.body),
    to: [...context.to],
    unknownPlaceholders: [...unknown],
  };
}
