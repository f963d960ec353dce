import { useState } from 'react';
import type { PocRole } from '../../../../../shared/peeringdb';
import { getStoreClient } from '../../store-client/client';
import type { ContactSelection } from '../../../protocol/contacts';
import { saveContactList, type ContactFormat } from './export-contacts';
import { DEFAULT_ROLES, RolePicker } from './RolePicker';
import { useAppState } from '../../state/app-state';

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
      const list = await getStoreClient().query('contactList', { selection, roles });
      if (list.contacts.length === 0) {
        setMessage('No contact of these roles in this selection.');
        return;
      }
      await saveContactList(list, format);
    } catch (error) {
      useAppState.getState().showNotice('error', `Could not build the contact list: ${error instanceof Error ? error.message : String(error)}`);
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
        <button type="button" onClick={() => useAppState.getState().openContactList(selection)}>
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
