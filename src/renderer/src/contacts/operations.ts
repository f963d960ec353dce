import { DEFAULT_PEERING_TEMPLATE, PEERING_TEMPLATE_KEY } from '../../../shared/export/template';
import { META, type PeeringDatabase } from '../db/schema';
import type { StoreContext, StoreOperation } from '../store/context';
import { getContactIndex } from './contact-index';
import { buildDraftContext } from './draft';
import { buildContactList } from './selection';
import type {
  ContactListArgs,
  ContactListResult,
  ContactSources,
  IxChoice,
  NetworkRef,
  PeeringDraftArgs,
  PeeringDraftResult,
} from './types';

/** The sync records whether contacts came with an API key; without one, 'Users' contacts are absent. */
async function contactsFetchedWithKey(db: PeeringDatabase): Promise<boolean> {
  return (await db.meta.get(META.pocWithKey))?.value === true;
}

async function contactList(ctx: StoreContext, args: ContactListArgs): Promise<ContactListResult> {
  return buildContactList(ctx.copy, args, await contactsFetchedWithKey(ctx.db));
}

/** What the Contacts view offers to choose from: my networks and the IXPs. */
async function contactSources(ctx: StoreContext, _args: void): Promise<ContactSources> {
  const index = getContactIndex(ctx.copy);
  const mine = (await ctx.db.myNetworks.toArray()).sort((a, b) => a.addedAt - b.addedAt || a.asn - b.asn);
  const myNetworks: NetworkRef[] = mine.map(({ asn }) => {
    const net = index.netByAsn.get(asn);
    return { netId: net?.id ?? 0, asn, name: net?.name ?? `AS${asn} (not in the local copy)` };
  });
  const ixps: IxChoice[] = [];
  for (const ix of ctx.copy.rows.ix.values()) {
    if (ix.status === 'deleted') continue;
    ixps.push({
      id: ix.id,
      name: ix.name,
      city: ix.city,
      country: ix.country,
      memberCount: index.netIdsByIx.get(ix.id)?.size ?? 0,
    });
  }
  ixps.sort((a, b) => a.name.localeCompare(b.name));
  return { myNetworks, ixps };
}

/** Everything a peering request draft needs: the data and the user's template (or the default). */
async function peeringDraft(ctx: StoreContext, args: PeeringDraftArgs): Promise<PeeringDraftResult> {
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
export const contactOperations = {
  contactList,
  contactSources,
  peeringDraft,
} satisfies Record<string, StoreOperation<never, unknown>>;
