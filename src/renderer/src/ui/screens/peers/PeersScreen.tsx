/** Peers: who I could peer with, at one of my IXPs or across all of them, ranked with reasons. */
import { MembersPanel } from '../../components/MembersPanel';
import { CopyGate, useCopyState } from '../../components/NoCopyYet';
import { useMyAsns } from '../../store-client/user-tables';
import { useStoreQuery } from '../../store-client/use-store-query';
import { useAppState } from '../../state/app-state';

export function PeersScreen(): React.JSX.Element {
  const copy = useCopyState();
  const myAsns = useMyAsns();
  const place = useAppState((s) => s.peersPlace);
  const setPlace = useAppState((s) => s.setPeersPlace);
  const { data: mine } = useStoreQuery('myNetworksOverview', myAsns && copy === 'ready' ? { asns: myAsns } : null);

  const myIxs = new Map<number, string>();
  for (const entry of mine ?? []) for (const at of entry.ixs) myIxs.set(at.ix.id, at.ix.name);
  const ixChoices = [...myIxs].sort((a, b) => a[1].localeCompare(b[1]));
  // A place picked earlier may no longer be one of my IXPs (a network removed); fall back.
  const effectivePlace = place.kind === 'ix' && mine && !myIxs.has(place.ixId) ? { kind: 'my-ixs' as const } : place;
  const noNetworks = myAsns?.length === 0;

  return (
    <section className="view view-fill" aria-labelledby="peers-title">
      <div className="view-header">
        <h1 id="peers-title">Peers</h1>
        {copy === 'ready' && !noNetworks && (
          <label className="view-tools">
            Where
            <select
              value={effectivePlace.kind === 'ix' ? String(effectivePlace.ixId) : ''}
              onChange={(event) =>
                setPlace(event.target.value ? { kind: 'ix', ixId: Number(event.target.value) } : { kind: 'my-ixs' })
              }
            >
              <option value="">All my IXPs ({ixChoices.length})</option>
              {ixChoices.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <CopyGate what="Potential peers">
        {noNetworks ? (
          <p>Add your networks first (My networks); potential peers at your IXPs show here.</p>
        ) : (
          <MembersPanel label="Potential peers" place={effectivePlace} peersOnly listKey="peers" fill />
        )}
      </CopyGate>
    </section>
  );
}
