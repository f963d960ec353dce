import { ContactListPanel } from './ContactListPanel';
import { BackupPanel } from './BackupPanel';
import { DraftPanel } from './DraftPanel';
import { useOperation } from './useOperation';
import './contacts.css';

export { ContactExportButton } from './ContactExportButton';
export { ExportTableButton } from './ExportTableButton';
export { PeeringDraftButton } from './PeeringDraftButton';
export { openContactList, openPeeringDraft } from './intent';

export function ContactsView(): React.JSX.Element {
  const sources = useOperation('contactSources', undefined, 'sources');
  return (
    <section className="view contacts-view" aria-labelledby="contacts-title">
      <div className="view-header">
        <h1 id="contacts-title">Contacts</h1>
      </div>
      {sources.status === 'error' && (
        <div className="panel panel-error" role="alert">
          <p>The local copy could not be read: {sources.error}</p>
        </div>
      )}
      <ContactListPanel sources={sources.value} />
      <DraftPanel sources={sources.value} />
      <BackupPanel />
    </section>
  );
}
