import { useState } from 'react';
import type { PocRole } from '../../../../shared/peeringdb';
import { getStoreClient } from '../../store/client';
import type { ContactSelection } from '../../contacts/types';
import { saveContactList, type ContactFormat } from './exportContacts';
import { openContactList } from './intent';
import { DEFAULT_ROLES, RolePicker } from './RolePicker';
import { useAppStore } from '../../state/store';

/**
 * "Export contacts" for any screen's selection (a network, filtered peers, a Compare result):
 * pick roles, save CSV or vCard, or open the full list on the Contacts screen.
 */
export function ContactExportButton({
  selection,
  label = 'Export contacts…',
}: {
  selection: ContactSelection;
  label?: string;
}): React.JSX.Element {
  const [roles, setRoles] = useState<PocRole[]>(DEFAULT_ROLES);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function save(format: ContactFormat) {
    setBusy(true);
    setMessage(null);
    try {
      const list = await getStoreClient().run('contactList', { selection, roles });
      if (list.contacts.length === 0) {
        setMessage('No contact of these roles in this selection.');
        return;
      }
      await saveContactList(list, format);
    } catch (error) {
      useAppStore.getState().showNotice('error', `Could not build the contact list: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="contact-export">
      <summary>{label}</summary>
      <RolePicker roles={roles} onChange={setRoles} />
      <div className="actions">
        <button type="button" disabled={busy || roles.length === 0} onClick={() => void save('csv')}>
          Save CSV…
        </button>
        <button type="button" disabled={busy || roles.length === 0} onClick={() => void save('vcf')}>
          Save vCard…
        </button>
        <button type="button" onClick={() => openContactList(selection)}>
          Show in Contacts
        </button>
      </div>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </details>
  );
}
