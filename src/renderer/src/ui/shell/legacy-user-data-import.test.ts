import { describe, expect, it } from 'vitest';
import type { StoreClient } from '../store-client/client';
import { createAppState } from '../state/app-state';
import { createFakeApi } from '../fakes.test-support';
import { bringOverLegacyUserData } from './legacy-user-data-import';

const BACKUP = JSON.stringify({ format: 'peering-assistant/user-data', version: 1, exportedAt: '2026-05-01T00:00:00Z', myNetworks: [{ asn: 64500, addedAt: 1 }], peerStates: [], templates: [] });

/** A store client whose user tables hold what the test says; it records the imports. */
function clientWith(tables: { mine: number[]; marks: unknown[] }) {
  const imported: string[] = [];
  const client = {
    query: async (name: string) => (name === 'listMyNetworks' ? tables.mine : tables.marks),
    command: async (_name: string, args: { json: string }) => {
      imported.push(args.json);
      return { myNetworks: 1, peerStates: 0, templates: 0, requests: 0, sessionTemplates: 0 };
    },
  } as unknown as Pick<StoreClient, 'query' | 'command'>;
  return { client, imported };
}

describe('the earlier version’s user data', () => {
  it('goes into empty tables once, and the user is told', async () => {
    const fake = createFakeApi();
    fake.behaviour.takeLegacyUserData = async () => ({ backup: BACKUP });
    const store = createAppState();
    const { client, imported } = clientWith({ mine: [], marks: [] });
    await bringOverLegacyUserData(fake.api, client, store);
    expect(imported).toEqual([BACKUP]);
    expect(store.getState().notice?.text).toBe('Brought over from the earlier version: 1 network, 0 peer marks, 0 templates.');
    expect(fake.callsTo('legacyUserDataImported')).toHaveLength(1);
  });

  it('never replaces what this version holds already', async () => {
    const fake = createFakeApi();
    fake.behaviour.takeLegacyUserData = async () => ({ backup: BACKUP });
    const store = createAppState();
    const { client, imported } = clientWith({ mine: [13335], marks: [] });
    await bringOverLegacyUserData(fake.api, client, store);
    expect(imported).toEqual([]);
    expect(store.getState().notice?.text).toMatch(/were not brought over/);
    expect(fake.callsTo('legacyUserDataImported')).toHaveLength(1);
  });

  it('does nothing when main has none to offer', async () => {
    const fake = createFakeApi();
    const store = createAppState();
    const { client, imported } = clientWith({ mine: [], marks: [] });
    await bringOverLegacyUserData(fake.api, client, store);
    expect(imported).toEqual([]);
    expect(store.getState().notice).toBeNull();
    expect(fake.callsTo('legacyUserDataImported')).toHaveLength(0);
  });
});
