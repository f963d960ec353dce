/**
 * The user data of version 0.1.0 (my networks, peer marks, templates), which main reads from
 * that version's storage (src/main/legacy-user-data.ts), goes into this version's tables once:
 * only when they are still empty, so nothing made here is replaced. Main is told either way,
 * and the old data stays where it was.
 */
import type { Api } from '../../../../shared/ipc';
import type { StoreClient } from '../store-client/client';
import type { AppStateHandle } from '../state/app-state';
import { plural } from '../components/format';

export async function bringOverLegacyUserData(
  api: Pick<Api, 'takeLegacyUserData' | 'legacyUserDataImported'>,
  client: Pick<StoreClient, 'query' | 'command'>,
  store: AppStateHandle,
): Promise<void> {
  const { backup } = await api.takeLegacyUserData();
  if (backup === null) return;
  const [mine, marks] = await Promise.all([client.query('listMyNetworks', {}), client.query('listPeerStates', {})]);
  if (mine.length > 0 || marks.length > 0) {
    store
      .getState()
      .showNotice('info', 'The earlier version’s networks and marks were not brought over: this version has its own already.');
  } else {
    const counts = await client.command('importUserData', { json: backup });
    store
      .getState()
      .showNotice(
        'success',
        `Brought over from the earlier version: ${plural(counts.myNetworks, 'network')}, ${plural(counts.peerStates, 'peer mark')}, ${plural(counts.templates, 'template')}.`,
      );
  }
  await api.legacyUserDataImported();
}
