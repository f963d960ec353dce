import { ContactListPanel } from './ContactListPanel';
import { BackupPanel } from './BackupPanel';
import { DraftPanel } from './DraftPanel';
import { useStoreQuery } from '../../store-client/use-store-query';
import './contacts.css';


export function ContactsScreen(): React.JSX.Element {
  const sources = useStoreQuery('contactSources', {});
  return (
    <section className="view contacts-view" aria-labelledby="contacts-title">
      <div className="view-header">
        <h1 id="contacts-title">Contacts</h1>
      </div>
      {!sources.pending && sources.error !== null && (
        <div className="panel panel-error" role="alert">
          <p>The local copy could not be read: {sources.error}</p>
        </div>
      )}
      <ContactListPanel sources={sources.data ?? null} />
      <DraftPanel sources={sources.data ?? null} />
      <BackupPanel />
    </section>
  );
}
