/**
 * Peering request drafts: a template the user edits, written in Jinja2 (the session
 * templates' language), filled from the local copy: both networks, the IXPs they share with
 * each side's addresses, and whom to write to. The plain {{placeholders}} of earlier versions
 * are still given, so templates saved before keep working.
 */
import { oneLine } from './mailto';
import { renderTemplate, type TemplateError } from '../templating/jinja';
import { filtersFor, templateVariables } from '../session/variables';

export interface DraftNetwork {
  asn: number;
  name: string;
  irrAsSet: string;
  maxPrefixes4: number | null;
  maxPrefixes6: number | null;
  policyUrl: string;
  /** Open, Selective, Restrictive, No, or '' (as PeeringDB words it; older wordings kept). */
  policyGeneral: string;
}

export interface DraftPort {
  /** The port's own ASN (netixlan.asn): sessions are configured with it, and it can differ from the network's. */
  asn: number;
  ipv4: string | null;
  ipv6: string | null;
  /** Mbit/s. */
  speed: number;
  isRsPeer: boolean;
}

export interface SharedIxp {
  ixId: number;
  name: string;
  mine: DraftPort[];
  theirs: DraftPort[];
}

/** Whom a request goes to: Policy contacts, else NOC, else Technical; null when the copy has no address at all. */
export type RecipientRole = 'Policy' | 'NOC' | 'Technical';

export interface DraftContext {
  me: DraftNetwork;
  peer: DraftNetwork;
  sharedIxps: SharedIxp[];
  /** The peer's addresses of the recipient role, each once. */
  to: string[];
  recipientRole: RecipientRole | null;
}

export interface DraftTemplate {
  subject: string;
  body: string;
}

export const PEERING_TEMPLATE_KEY = 'peering-request';

export const DEFAULT_PEERING_TEMPLATE: DraftTemplate = {
  subject: 'Peering request: AS{{ my_asn }} {{ my_name }} / AS{{ peer_asn }} {{ peer_name }}',
  body: [
    'Hello {{ peer_name }} peering team,',
    '{%- if recipient_role and recipient_role != "Policy" %}',
    '',
    '(PeeringDB lists no peering policy contact for AS{{ peer_asn }}, so this goes to your {{ recipient_role }} contact: please pass it on.)',
    '{%- endif %}',
    '',
    'We are {{ my_name }} (AS{{ my_asn }}) and would like to peer with AS{{ peer_asn }} at the exchanges we share:',
    '',
    '{{ shared_ixps }}',
    '',
    'Our details:',
    '  IRR as-set: {{ my_as_set }}',
    '  Max prefixes: {{ my_max_prefixes_v4 }} IPv4, {{ my_max_prefixes_v6 }} IPv6',
    '',
    '{%- if autonomous_system.policy_url %}',
    'We have read your peering policy at {{ autonomous_system.policy_url }}.',
    '{%- else %}',
    'We found no published peering policy for AS{{ peer_asn }}: please tell us if there is one to follow.',
    '{%- endif %}',
    '',
    'Best regards,',
    '{{ my_name }} (AS{{ my_asn }})',
  ].join('\n'),
};

/** What the draft says about its recipients, or null when they are the Policy contacts. */
export function recipientNote(context: Pick<DraftContext, 'peer' | 'recipientRole'>): string | null {
  const asn = `AS${context.peer.asn}`;
  switch (context.recipientRole) {
    case 'Policy':
      return null;
    case 'NOC':
    case 'Technical':
      return `${asn} lists no Policy contact with an e-mail address: this draft goes to its ${context.recipientRole} contact.`;
    default:
      return (
        `${asn} lists no e-mail address for its Policy, NOC or Technical contacts in the local copy. ` +
        'Add the recipient in your mail program (the network’s website or its exchanges may name one).'
      );
  }
}

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

/** Each port under its own ASN: sessions are set up with it, and it can differ from the network's. */
function sideLines(networkAsn: number, ports: readonly DraftPort[]): string[] {
  if (ports.length === 0) return [`    AS${networkAsn}: not listed`];
  return ports.map((port) => `    AS${port.asn}: ${portText(port)}`);
}

/** The block {{shared_ixps}} expands to: one IXP per entry, both sides' ports below it. */
function sharedIxpsText(context: DraftContext): string {
  if (context.sharedIxps.length === 0) return '  (no shared exchange in the local copy)';
  return context.sharedIxps
    .flatMap((ix) => [
      `  - ${ix.name}`,
      ...sideLines(context.me.asn, ix.mine),
      ...sideLines(context.peer.asn, ix.theirs),
    ])
    .join('\n');
}

function orUnknown(value: string | number | null): string {
  if (value === null) return 'not listed';
  const text = String(value).trim();
  return text.length > 0 ? text : 'not listed';
}

/** The flat names of earlier templates ({{my_asn}}…), still given to every template. */
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
    me: { asn: 0, name: '', irrAsSet: '', maxPrefixes4: null, maxPrefixes6: null, policyUrl: '', policyGeneral: '' },
    peer: { asn: 0, name: '', irrAsSet: '', maxPrefixes4: null, maxPrefixes6: null, policyUrl: '', policyGeneral: '' },
    sharedIxps: [],
    to: [],
    recipientRole: null,
  }),
);

export type FilledDraft = DraftTemplate & {
  to: string[];
  /** Simple {{names}} in the template that mean nothing here: they come out empty. */
  unknownPlaceholders: string[];
};

export type FillResult = { ok: true; draft: FilledDraft } | { ok: false; error: TemplateError; part: 'subject' | 'body' };

const SIMPLE_PLACEHOLDER = /\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}/g;

/**
 * Renders subject and body. Values are inserted as written: text from PeeringDB that itself
 * holds "{{…}}" is data to the engine, never template.
 */
export function fillTemplate(template: DraftTemplate, context: DraftContext): FillResult {
  const structured = templateVariables(context);
  const filters = filtersFor(structured);
  const variables: Record<string, unknown> = { ...structured, ...placeholderValues(context) };
  const unknown = new Set<string>();
  for (const text of [template.subject, template.body]) {
    for (const match of text.matchAll(SIMPLE_PLACEHOLDER)) {
      if (!Object.hasOwn(variables, match[1]!)) unknown.add(match[1]!);
    }
  }
  const subject = renderTemplate(template.subject, variables, filters);
  if (!subject.ok) return { ok: false, error: subject.error, part: 'subject' };
  const body = renderTemplate(template.body, variables, filters);
  if (!body.ok) return { ok: false, error: body.error, part: 'body' };
  return {
    ok: true,
    draft: { subject: oneLine(subject.text), body: body.text, to: [...context.to], unknownPlaceholders: [...unknown] },
  };
}
