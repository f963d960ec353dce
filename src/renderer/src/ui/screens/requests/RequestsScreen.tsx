import { useId, useState } from 'react';
import { daysBetween } from '../../../../../shared/follow-ups';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../../../../shared/user-data';
import type { RequestOverview } from '../../../protocol/operations';
import { OutcomeLine } from '../../components/OutcomeLine';
import { useAppState } from '../../state/app-state';
import { getStoreClient } from '../../store-client/client';
import { useStoreQuery } from '../../store-client/use-store-query';
import './requests.css';

type RequestedPeer = RequestOverview['peers'][number];

function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-CA');
}

function agoText(ms: number, now: number): string {
  const days = daysBetween(ms, now);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function dueText(peer: RequestedPeer, now: number): string {
  if (peer.dueAt === null) return 'now (no date recorded)';
  const days = daysBetween(now, peer.dueAt);
  if (peer.due) {
    const late = daysBetween(peer.dueAt, now);
    return late <= 0 ? `today (${formatDate(peer.dueAt)})` : `${formatDate(peer.dueAt)}, ${late} ${late === 1 ? 'day' : 'days'} ago`;
  }
  return `${formatDate(peer.dueAt)}, in ${days + 1} ${days + 1 === 1 ? 'day' : 'days'}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The note on a peer: kept whatever its state becomes. */
function NoteEditor({ peer }: { peer: RequestedPeer }): React.JSX.Element {
  const [text, setText] = useState(peer.note);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  async function save() {
    try {
      await getStoreClient().command('setPeerState', { asn: peer.asn, state: 'requested', note: text, requestedAt: peer.requestedOn });
      setOutcome({ ok: true, text: 'Saved.' });
    } catch (error) {
      setOutcome({ ok: false, text: `Not saved: ${errorText(error)}` });
    }
  }
  return (
    <div className="note-editor">
      <input
        type="text"
        aria-label={`Note on AS${peer.asn}`}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      <button type="button" disabled={text === peer.note} onClick={() => void save()}>
        Save note
      </button>
      {outcome && <OutcomeLine ok={outcome.ok}>{outcome.text}</OutcomeLine>}
    </div>
  );
}

function PeerTable({ peers, now, label }: { peers: RequestedPeer[]; now: number; label: string }): React.JSX.Element {
  const openPeeringDraft = useAppState((s) => s.openPeeringDraft);
  const [failure, setFailure] = useState<string | null>(null);
  async function mark(peer: RequestedPeer, state: 'peered' | 'rejected') {
    setFailure(null);
    try {
      await getStoreClient().command('setPeerState', { asn: peer.asn, state, note: peer.note });
    } catch (error) {
      setFailure(`AS${peer.asn} was not marked ${state}: ${errorText(error)}`);
    }
  }
  return (
    <>
      <table className="request-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Asked</th>
            <th scope="col">Follow-up due</th>
            <th scope="col">To</th>
            <th scope="col">Exchanges</th>
            <th scope="col">Note</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {peers.map((peer) => (
            <tr key={peer.asn}>
              <th scope="row">
                AS{peer.asn} {peer.name}
              </th>
              <td>
                {peer.lastRequestAt === null ? 'no date' : `${formatDate(peer.lastRequestAt)} (${agoText(peer.lastRequestAt, now)})`}
                {peer.requestCount > 1 && <span className="muted">, {peer.requestCount} requests</span>}
              </td>
              <td>{dueText(peer, now)}</td>
              <td>{peer.lastTo.join(', ') || '—'}</td>
              <td title={peer.lastIxps.join(', ')}>{peer.lastIxps.length || '—'}</td>
              <td>
                <NoteEditor key={peer.note} peer={peer} />
              </td>
              <td className="row-actions">
                <button type="button" onClick={() => openPeeringDraft(peer.asn)}>
                  Draft follow-up
                </button>
                <button type="button" onClick={() => void mark(peer, 'peered')}>
                  Peered
                </button>
                <button type="button" onClick={() => void mark(peer, 'rejected')}>
                  Declined
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failure && <OutcomeLine ok={false}>{failure}</OutcomeLine>}
    </>
  );
}

function FollowUpDaysForm({ days }: { days: number }): React.JSX.Element {
  const [text, setText] = useState(String(days));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  async function save() {
    setOutcome(null);
    try {
      const saved = await getStoreClient().command('setFollowUpDays', { days: Number(text) });
      setOutcome({ ok: true, text: `Follow-ups now fall due ${saved} days after a request.` });
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    }
  }
  return (
    <form
      className="field-row follow-up-days"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id}>Follow up after (days)</label>
      <input id={id} type="number" min={1} max={365} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <button type="submit" disabled={text === String(days)}>
        Save
      </button>
      {outcome && <OutcomeLine ok={outcome.ok}>{outcome.text}</OutcomeLine>}
    </form>
  );
}

export function RequestsScreen(): React.JSX.Element {
  const overview = useStoreQuery('requestOverview', {});
  const [now] = useState(() => Date.now());
  const data = overview.data;
  const due = data?.peers.filter((peer) => peer.due) ?? [];
  const waiting = data?.peers.filter((peer) => !peer.due) ?? [];

  return (
    <section className="view requests-view" aria-labelledby="requests-title">
      <div className="view-header">
        <h1 id="requests-title">Requests</h1>
      </div>
      {!overview.pending && overview.error !== null && (
        <div className="panel panel-error" role="alert">
          <p>The request log could not be read: {overview.error}</p>
        </div>
      )}
      <section className="panel" aria-labelledby="due-title">
        <h2 id="due-title">Follow-ups due ({due.length})</h2>
        <FollowUpDaysForm key={data?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS} days={data?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS} />
        {due.length > 0 ? (
          <PeerTable peers={due} now={now} label="Follow-ups due" />
        ) : (
          <p className="muted">No follow-up is due. Peers you ask appear here once their follow-up date has come.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting for an answer ({waiting.length})</h2>
        {waiting.length > 0 ? (
          <PeerTable peers={waiting} now={now} label="Waiting for an answer" />
        ) : (
          <p className="muted">Requests you open or copy from the Contacts screen are logged here.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="log-title">
        <h2 id="log-title">Request log</h2>
        {data && data.log.length > 0 ? (
          <table className="request-table" aria-label="Request log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Network</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Exchanges</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {data.log.map((entry) => (
                <tr key={entry.id ?? `${entry.peerAsn}-${entry.at}`}>
                  <td>{new Date(entry.at).toLocaleString('en-CA')}</td>
                  <th scope="row">
                    AS{entry.peerAsn} {entry.peerName}
                  </th>
                  <td>AS{entry.myAsn}</td>
                  <td>{entry.to.join(', ') || 'no address'}</td>
                  <td>{entry.ixps.join(', ') || '—'}</td>
                  <td>{entry.via === 'eml' ? 'mail program' : entry.via === 'mailto' ? 'mail link' : 'clipboard'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Nothing logged yet.</p>
        )}
      </section>
    </section>
  );
}
