import { ContactListPanel } from './ContactListPanel';
import { BackupPanel } from './BackupPanel';
import { DraftPanel } from './DraftPanel';
import { NoCopyYet, useCopyState } from '../../components/NoCopyYet';
import { useStoreQuery } from '../../store-client/use-store-query';
import './contacts.css';

export function ContactsScreen(): React.JSX.Element {
  const copy = useCopyState();
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
      {copy === 'empty' && <NoCopyYet what="Contact lists and request drafts" />}
      {copy === 'ready' && (
        <>
          <ContactListPanel sources={sources.data ?? null} />
          <DraftPanel sources={sources.data ?? null} />
        </>
      )}
      {/* Your own data can be backed up and restored with or without a copy of PeeringDB. */}
      <BackupPanel />
    </section>
  );
}
