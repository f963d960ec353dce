import { DEFAULT_PEERING_TEMPLATE, PEERING_TEMPLATE_KEY } from '../../../../shared/export/template';
import { META, type PeeringDatabase } from '../db/schema';
import type { QueryHandlers, StoreContext } from '../context';
import { readyIndex } from '../index/discovery-index';
import { textOf } from '../index/row-values';
import { buildDraftContext } from './draft';
import { buildContactList } from './contact-list';
import type {
  ContactListArgs,
  ContactListResult,
  ContactSources,
  IxChoice,
  NetworkRef,
  PeeringDraftArgs,
  PeeringDraftResult,
} from '../../protocol/contacts';

/** The sync records whether contacts came with an API key; without one, 'Users' contacts are absent. */
async function contactsFetchedWithKey(db: PeeringDatabase): Promise<boolean> {
  return (await db.meta.get(META.pocWithKey))?.value === true;
}

async function contactList(ctx: StoreContext, args: ContactListArgs): Promise<ContactListResult> {
  const withKey = await contactsFetchedWithKey(ctx.db);
  await readyIndex(ctx.copy, ['discovery']);
  return buildContactList(ctx.copy, args, withKey);
}

/** What the Contacts view offers to choose from: my networks and the IXPs. */
async function contactSources(ctx: StoreContext, _args: Record<string, never>): Promise<ContactSources> {
  const mine = (await ctx.db.myNetworks.toArray()).sort((a, b) => a.addedAt - b.addedAt || a.asn - b.asn);
  const index = await readyIndex(ctx.copy, ['discovery']);
  const myNetworks: NetworkRef[] = mine.map(({ asn }) => {
    const net = index.holderOfAsn(asn);
    return net ? { netId: net.id, asn, name: textOf(net.name) } : { netId: null, asn, name: `AS${asn} (not in the local copy)` };
  });
  const ixps: IxChoice[] = [];
  for (const ix of ctx.copy.rows.ix.values()) {
    ixps.push({
      id: ix.id,
      name: textOf(ix.name),
      city: textOf(ix.city),
      country: textOf(ix.country),
      memberCount: index.memberCountOfIx(ix.id),
    });
  }
  ixps.sort((a, b) => a.name.localeCompare(b.name));
  return { myNetworks, ixps };
}

/** Everything a peering request draft needs: the data and the user's template (or the default). */
async function peeringDraft(ctx: StoreContext, args: PeeringDraftArgs): Promise<PeeringDraftResult> {
  await readyIndex(ctx.copy, ['discovery']);
  const built = buildDraftContext(ctx.copy, args.myAsn, args.peerAsn);
  if (!built.ok) return built;
  const saved = await ctx.db.templates.get(PEERING_TEMPLATE_KEY);
  return {
    ok: true,
    context: built.context,
    template: saved ? { subject: saved.subject, body: saved.body } : DEFAULT_PEERING_TEMPLATE,
    templateIsDefault: !saved,
  };
}

/** Contact lists, drafts and backups the store worker answers. */
export const contactQueries = {
  contactList,
  contactSources,
  peeringDraft,
} satisfies Partial<QueryHandlers>;
