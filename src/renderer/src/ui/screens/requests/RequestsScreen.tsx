/**
 * Requests: the peers asked and not answered yet (follow-ups due first), and the log of every
 * draft that went out. All of it is the user's own data: it is there with or without a copy of
 * PeeringDB, and survives every sync and flush.
 */
import { useId, useState } from 'react';
import type { RequestChannel } from '../../../../../shared/user-data';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../../../../shared/user-data';
import type { RequestOverview } from '../../../protocol/operations';
import { DataTable, type Column } from '../../components/DataTable';
import { formatAsn, formatDayDistance, networkLabel, plural } from '../../components/format';
import { HumanDate } from '../../components/HumanDate';
import { NoCopyYet, useCopyState } from '../../components/NoCopyYet';
import { OutcomeLine } from '../../components/OutcomeLine';
import { markPeer, PeerMarkMenu } from '../../components/PeerMarkControl';
import { useAppState } from '../../state/app-state';
import { getStoreClient } from '../../store-client/client';
import { useStoreQuery } from '../../store-client/use-store-query';
import './requests.css';

type RequestedPeer = RequestOverview['peers'][number];
type LoggedRequest = RequestOverview['log'][number];

const CHANNEL_LABELS: Record<RequestChannel, string> = {
  eml: 'Mail program',
  mailto: 'Mail link',
  clipboard: 'Clipboard',
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function peerLabel(peer: RequestedPeer): string {
  return networkLabel(peer.name, peer.asn);
}

/** The note on a peer: kept whatever its state becomes; saving it can be undone like a mark. */
function NoteEditor({ peer }: { peer: RequestedPeer }): React.JSX.Element {
  const [text, setText] = useState(peer.note);
  const save = () => void markPeer(peerLabel(peer), { asn: peer.asn, state: 'requested', note: text }, true);
  return (
    <span className="note-editor">
      <input
        type="text"
        aria-label={`Note on ${formatAsn(peer.asn)}`}
        placeholder="Note"
        value={text}
        maxLength={10_000}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text !== peer.note) save();
        }}
      />
      <button type="button" aria-label={`Save note for ${formatAsn(peer.asn)}`} disabled={text === peer.note} onClick={save}>
        Save
      </button>
    </span>
  );
}

function peerColumns(now: number, openDraft: (asn: number) => void): Column<RequestedPeer>[] {
  return [
    {
      key: 'network',
      header: 'Network',
      width: 'minmax(12em, 2fr)',
      pin: 'start',
      sortValue: peerLabel,
      cell: (peer) => <span className="truncate">{peerLabel(peer)}</span>,
    },
    {
      key: 'asked',
      header: 'Asked',
      width: '9em',
      sortValue: (peer) => peer.lastRequestAt ?? 0,
      cell: (peer) =>
        peer.lastRequestAt === null ? (
          <span className="muted">no date</span>
        ) : (
          <>
            <HumanDate at={peer.lastRequestAt} label={formatDayDistance(peer.lastRequestAt, now)} />
            {peer.requestCount > 1 && <span className="muted"> · {peer.requestCount}×</span>}
          </>
        ),
    },
    {
      key: 'due',
      header: 'Follow-up due',
      width: '9.5em',
      sortValue: (peer) => peer.dueAt ?? 0,
      cell: (peer) =>
        peer.dueAt === null ? 'now (no date)' : <HumanDate at={peer.dueAt} label={formatDayDistance(peer.dueAt, now)} />,
    },
    { key: 'to', header: 'To', width: 'minmax(10em, 1.5fr)', sortValue: (peer) => peer.lastTo.join(', '), cell: (peer) => peer.lastTo.join(', ') || '—' },
    { key: 'note', header: 'Note', width: 'minmax(14em, 2fr)', sortValue: (peer) => peer.note, cell: (peer) => <NoteEditor key={peer.note} peer={peer} /> },
    {
      key: 'act',
      header: 'Follow up or mark',
      // Both buttons whole: "Draft follow-up" and the longest mark, "Requested ▾".
      width: '20em',
      pin: 'end',
      cell: (peer) => (
        <span className="row-actions">
          <button type="button" onClick={() => openDraft(peer.asn)}>
            Draft follow-up
          </button>
          <PeerMarkMenu asn={peer.asn} name={peerLabel(peer)} state="requested" note={peer.note} />
        </span>
      ),
    },
  ];
}

function logColumns(): Column<LoggedRequest>[] {
  return [
    { key: 'when', header: 'When', width: '9em', sortValue: (entry) => entry.at, cell: (entry) => <HumanDate at={entry.at} /> },
    {
      key: 'network',
      header: 'Network',
      width: 'minmax(12em, 2fr)',
      pin: 'start',
      sortValue: (entry) => networkLabel(entry.peerName, entry.peerAsn),
      cell: (entry) => <span className="truncate">{networkLabel(entry.peerName, entry.peerAsn)}</span>,
    },
    { key: 'from', header: 'From', width: '7.5em', sortValue: (entry) => entry.myAsn, cell: (entry) => formatAsn(entry.myAsn) },
    { key: 'to', header: 'To', width: 'minmax(11em, 2fr)', sortValue: (entry) => entry.to.join(', '), cell: (entry) => entry.to.join(', ') || 'no address' },
    {
      key: 'ixps',
      header: 'Exchanges offered',
      width: 'minmax(12em, 3fr)',
      sortValue: (entry) => entry.ixps.length,
      cell: (entry) => entry.ixps.join(', ') || '—',
    },
    { key: 'via', header: 'How', width: '8em', sortValue: (entry) => CHANNEL_LABELS[entry.via], cell: (entry) => CHANNEL_LABELS[entry.via] },
  ];
}

function FollowUpDaysForm({ days }: { days: number }): React.JSX.Element {
  const [text, setText] = useState(String(days));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  async function save() {
    setOutcome(null);
    try {
      const saved = await getStoreClient().command('setFollowUpDays', { days: Number(text) });
      setOutcome({ ok: true, text: `Follow-ups now fall due ${plural(saved, 'day')} after a request.` });
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
  const copy = useCopyState();
  const overview = useStoreQuery('requestOverview', {});
  const openPeeringDraft = useAppState((s) => s.openPeeringDraft);
  // When the screen was opened: "asked 3 days ago" need not tick while it is looked at.
  const [now] = useState(() => Date.now());
  const data = overview.data;
  const due = data?.peers.filter((peer) => peer.due) ?? [];
  const waiting = data?.peers.filter((peer) => !peer.due) ?? [];
  const columns = peerColumns(now, openPeeringDraft);

  return (
    <section className="view requests-view" aria-labelledby="requests-title">
      <div className="view-header">
        <h1 id="requests-title">Requests</h1>
      </div>
      {copy === 'empty' && (
        <NoCopyYet
          explanation={
            <>
              Your requests, follow-ups and notes are kept on this computer apart from PeeringDB’s data, and are listed below.
              Drafting a request needs the peer’s contacts and the exchanges you share, which come from a copy of PeeringDB,
              and there is none yet.
            </>
          }
        />
      )}
      {!overview.pending && overview.error !== null && (
        <div className="panel panel-error" role="alert">
          <p>The request log could not be read: {overview.error}</p>
        </div>
      )}
      <section className="panel" aria-labelledby="due-title">
        <div className="view-header">
          <h2 id="due-title">Follow-ups due ({due.length})</h2>
          <FollowUpDaysForm key={data?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS} days={data?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS} />
        </div>
        {due.length > 0 ? (
          <DataTable label="Follow-ups due" rows={due} columns={columns} rowKey={(peer) => peer.asn} maxHeight="40vh" estimatedRowHeight={32} />
        ) : (
          <p className="muted">No follow-up is due. A peer you asked shows here once its follow-up date has come.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting for an answer ({waiting.length})</h2>
        {waiting.length > 0 ? (
          <DataTable label="Waiting for an answer" rows={waiting} columns={columns} rowKey={(peer) => peer.asn} maxHeight="40vh" estimatedRowHeight={32} />
        ) : (
          <p className="muted">Requests you open or copy from the Contacts screen wait here for an answer until their follow-up is due.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="log-title">
        <h2 id="log-title">Request log ({data?.log.length ?? 0})</h2>
        {data && data.log.length > 0 ? (
          <DataTable
            label="Request log"
            rows={data.log}
            columns={logColumns()}
            rowKey={(entry) => entry.id ?? `${entry.peerAsn}-${entry.at}`}
            initialSort={{ key: 'when', descending: true }}
            maxHeight="40vh"
          />
        ) : (
          <p className="muted">Nothing logged yet: every draft you open in the mail program, as a mail link or copy is logged here.</p>
        )}
      </section>
    </section>
  );
}
