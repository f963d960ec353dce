import { useState } from 'react';
import type { PocRole } from '../../../../../shared/peeringdb';
import type { ContactListResult, ContactSelection, ContactSources } from '../../../protocol/contacts';
import { saveContactList, type ContactFormat } from '../../components/export/export-contacts';
import { useAppState } from '../../state/app-state';
import { PeeringDraftButton } from '../../components/export/PeeringDraftButton';
import { DEFAULT_ROLES, RolePicker } from '../../components/export/RolePicker';
import { SelectionPicker, selectionOf, type PickerState } from './SelectionPicker';
import { useStoreQuery } from '../../store-client/use-store-query';
import { DataTable, type Column } from '../../components/DataTable';
import { networkLabel, plural } from '../../components/format';

type ContactRow = ContactListResult['contacts'][number];

export function describeSelection(selection: ContactSelection, sources: ContactSources | null): string {
  const ixName = (id: number) => sources?.ixps.find((ix) => ix.id === id)?.name ?? `IXP ${id}`;
  switch (selection.kind) {
    case 'networks':
      return selection.label ?? (selection.asns.length === 1 ? `AS${selection.asns[0]}` : `${selection.asns.length} networks`);
    case 'ix-members':
      return `members of ${ixName(selection.ixId)}`;
    case 'shared-members':
      return `members shared by ${selection.ixIds.map(ixName).join(' and ')}`;
  }
}

function Coverage({ list }: { list: ContactListResult }): React.JSX.Element {
  const missing = list.networksWithoutContact.length;
  // A dump file can hold the users-only contacts without any key having fetched them.
  const hasUsersOnly = list.contactsFetchedWithKey || list.usersOnlyCount > 0;
  return (
    <div className="contact-coverage" aria-live="polite">
      <p>
        {plural(list.contacts.length, 'contact')} ({plural(list.uniqueEmailCount, 'distinct address', 'distinct addresses')}) for{' '}
        {plural(list.networkCount, 'network')}.
      </p>
      {missing > 0 && (
        <p>
          {missing} of {list.networkCount} networks {missing === 1 ? 'has' : 'have'} no{' '}
          {hasUsersOnly ? '' : 'public '}contact of the chosen roles.
        </p>
      )}
      {!hasUsersOnly && (
        <p className="note">
          Contacts were fetched without an API key: PeeringDB shows some contacts to registered users only, so they are
          hidden here. Add an API key in Settings; the next sync brings them.
        </p>
      )}
      {list.usersOnlyCount > 0 && (
        <p className="muted">{list.usersOnlyCount} of these contacts are visible to registered PeeringDB users only.</p>
      )}
      {list.unknownAsns.length > 0 && (
        <p className="note">Not in the local copy: {list.unknownAsns.map((asn) => `AS${asn}`).join(', ')}.</p>
      )}
      {missing > 0 && (
        <details>
          <summary>Networks without a contact of these roles</summary>
          <ul>
            {list.networksWithoutContact.map((net) => (
              <li key={net.asn}>
                {networkLabel(net.name, net.asn)}
                {net.netId === null && ' (not in the local copy)'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

const CONTACT_COLUMNS: Column<ContactRow>[] = [
  {
    key: 'network',
    header: 'Network',
    width: 'minmax(12em, 2fr)',
    pin: 'start',
    sortValue: (contact) => contact.networkName,
    cell: (contact) => networkLabel(contact.networkName, contact.asn),
  },
  {
    key: 'roles',
    header: 'Roles',
    width: 'minmax(8em, 1fr)',
    sortValue: (contact) => contact.roles.join(', '),
    cell: (contact) => (
      <>
        {contact.roles.join(', ')}
        {contact.visible !== 'Public' && <span className="muted"> (users only)</span>}
      </>
    ),
  },
  { key: 'name', header: 'Name', width: 'minmax(8em, 1fr)', sortValue: (contact) => contact.name, cell: (contact) => contact.name || '—' },
  { key: 'email', header: 'Email', width: 'minmax(12em, 1.5fr)', sortValue: (contact) => contact.email, cell: (contact) => contact.email || '—' },
  { key: 'phone', header: 'Phone', width: 'minmax(8em, 1fr)', cell: (contact) => contact.phone || '—' },
  {
    key: 'actions',
    header: 'Request',
    width: '9.5em',
    pin: 'end',
    cell: (contact) =>
      contact.roles.includes('Policy') ? <PeeringDraftButton peerAsn={contact.asn} label="Draft request" /> : null,
  },
];

export function ContactListPanel({ sources }: { sources: ContactSources | null }): React.JSX.Element {
  const handed = useAppState((s) => s.handedSelection);
  const [picker, setPicker] = useState<PickerState>({ mode: handed ? 'handed' : 'asns', asnText: '', ixA: null, ixB: null });
  const [roles, setRoles] = useState<PocRole[]>(DEFAULT_ROLES);
  const [saving, setSaving] = useState(false);

  // A selection handed over from another screen replaces whatever was chosen here.
  const [seenHanded, setSeenHanded] = useState(handed);
  if (handed !== seenHanded) {
    setSeenHanded(handed);
    if (handed) setPicker((p) => ({ ...p, mode: 'handed' }));
  }

  const choice = selectionOf(picker, handed, sources);
  const args = 'selection' in choice && roles.length > 0 ? { selection: choice.selection, roles } : null;
  const result = useStoreQuery('contactList', args);
  const list = args ? (result.data ?? null) : null;
  const failed = !result.pending && result.error !== null;

  async function save(format: ContactFormat) {
    if (!list) return;
    setSaving(true);
    await saveContactList(list, format);
    setSaving(false);
  }

  return (
    <section className="panel" aria-labelledby="contact-list-title">
      <h2 id="contact-list-title">Contact list</h2>
      <SelectionPicker
        state={picker}
        onChange={setPicker}
        handedLabel={handed ? describeSelection(handed, sources) : null}
        sources={sources}
      />
      <RolePicker roles={roles} onChange={setRoles} />
      {'problem' in choice && <p className="muted">{choice.problem}</p>}
      {roles.length === 0 && <p className="muted">Choose at least one role.</p>}
      {args && failed && (
        <p className="field-error" role="alert">
          The contact list could not be built: {result.error}
        </p>
      )}
      {list && (
        <>
          <Coverage list={list} />
          <div className="actions">
            <button type="button" disabled={saving || result.pending || failed || list.contacts.length === 0} onClick={() => void save('csv')}>
              Export CSV…
            </button>
            <button type="button" disabled={saving || result.pending || failed || list.contacts.length === 0} onClick={() => void save('vcf')}>
              Export vCard…
            </button>
          </div>
          {list.contacts.length > 0 && (
            <DataTable
              label="Contacts"
              rows={list.contacts}
              columns={CONTACT_COLUMNS}
              rowKey={(contact) => `${contact.netId}:${contact.pocIds[0]}`}
              maxHeight="50vh"
            />
          )}
        </>
      )}
    </section>
  );
}
