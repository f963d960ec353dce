import { useState } from 'react';
import { exportFileName } from '../../../../../shared/export/file-name';
import { getApi, ipcErrorMessage } from '../../bridge/window-api';
import { getStoreClient } from '../../store-client/client';
import { useAppState } from '../../state/app-state';
import { localIsoDate } from '../../../../../shared/peer-marks';
import { saveExportFile } from '../../components/export/save-export';
import { OutcomeLine } from '../../components/OutcomeLine';
import { plural } from '../../components/format';

type Status = { tone: 'ok' | 'error'; text: string } | null;

/** Backup of what only the user has: my networks, peer states and notes, templates. */
export function BackupPanel(): React.JSX.Element {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  async function exportBackup() {
    setBusy(true);
    setStatus(null);
    try {
      const content = await getStoreClient().query('exportUserData', {});
      await saveExportFile(
        { format: 'json', suggestedName: exportFileName(`peering-assistant-backup-${localIsoDate()}`, 'json'), content },
        'the backup',
      );
    } catch (error) {
      setStatus({ tone: 'error', text: `The backup could not be made: ${ipcErrorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  async function importBackup() {
    setBusy(true);
    setStatus(null);
    try {
      const file = await getApi().openBackup();
      if (!file.opened) return;
      const counts = await getStoreClient().command('importUserData', { json: file.content });
      const text =
        `Restored ${plural(counts.myNetworks, 'network')}, ${plural(counts.peerStates, 'peer state')} and ` +
        `${plural(counts.templates, 'template')} from ${file.path}.`;
      setStatus({ tone: 'ok', text });
      useAppState.getState().showNotice('success', text);
    } catch (error) {
      // The store checks the whole file before writing: on any error nothing was changed.
      setStatus({ tone: 'error', text: `${ipcErrorMessage(error)} Your data was not changed.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup of your data</h2>
      <p className="muted">
        Your networks, peer states with their notes, and templates. PeeringDB data is not in the backup: a sync brings it back.
      </p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void exportBackup()}>
          Export backup…
        </button>
        <button type="button" disabled={busy} onClick={() => void importBackup()}>
          Import backup…
        </button>
      </div>
      <p className="muted">Importing replaces your current networks, peer states and templates with those in the file.</p>
      {status && (
        <OutcomeLine ok={status.tone === 'ok'}>{status.text}</OutcomeLine>
      )}
    </section>
  );
}
