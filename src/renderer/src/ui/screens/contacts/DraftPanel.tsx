import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  DEFAULT_PEERING_TEMPLATE,
  fillTemplate,
  PEERING_TEMPLATE_KEY,
  PLACEHOLDER_NAMES,
  recipientNote,
  type DraftTemplate,
} from '../../../../../shared/export/template';
import { tooSoonToAskAgain } from '../../../../../shared/follow-ups';
import type { RequestLogRecord } from '../../../../../shared/user-data';
import { getStoreClient } from '../../store-client/client';
import type { ContactSources } from '../../../protocol/contacts';
import {
  copyDraft,
  openDraftAsLink,
  openDraftInMail,
  shortMailto,
  withdrawLoggedRequests,
  type DraftActionResult,
  type SentDraft,
} from './draft-actions';
import type { RecordedRequests } from '../../../protocol/operations';
import { ipcErrorMessage } from '../../bridge/window-api';
import { formatDayDistance, networkLabel, plural } from '../../components/format';
import { HumanDate } from '../../components/HumanDate';
import { useAppState } from '../../state/app-state';
import { parseAsnList } from './SelectionPicker';
import { useStoreQuery } from '../../store-client/use-store-query';
import { OutcomeLine } from '../../components/OutcomeLine';

/** Drafts shown at once; each is its own message, so a longer list is drafted in turns. */
const MAX_DRAFTS = 50;

function TemplateEditor({ saved }: { saved: DraftTemplate | null }): React.JSX.Element {
  const start = saved ?? DEFAULT_PEERING_TEMPLATE;
  const [subject, setSubject] = useState(start.subject);
  const [body, setBody] = useState(start.body);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const subjectId = useId();
  const bodyId = useId();
  const changed = subject !== start.subject || body !== start.body;

  async function save(template: DraftTemplate) {
    setStatus(null);
    try {
      await getStoreClient().command('saveTemplate', { key: PEERING_TEMPLATE_KEY, ...template });
      setStatus({ tone: 'ok', text: 'Template saved.' });
    } catch (error) {
      setStatus({ tone: 'error', text: `The template was not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <details className="template-editor">
      <summary>Edit the request template{saved ? '' : ' (default)'}</summary>
      <div className="field-row">
        <label htmlFor={subjectId}>Subject</label>
        <input id={subjectId} type="text" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
      </div>
      <label htmlFor={bodyId}>Body</label>
      <textarea id={bodyId} rows={14} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      <p className="muted">
        Jinja2, as in the session templates (local_as, autonomous_system, ixps, sessions…), plus the short names{' '}
        {PLACEHOLDER_NAMES.map((name) => `{{${name}}}`).join(' ')}
      </p>
      <div className="actions">
        <button type="button" disabled={!changed} onClick={() => void save({ subject, body })}>
          Save template
        </button>
        <button
          type="button"
          onClick={() => {
            setSubject(DEFAULT_PEERING_TEMPLATE.subject);
            setBody(DEFAULT_PEERING_TEMPLATE.body);
          }}
        >
          Reset to default
        </button>
      </div>
      {status && <OutcomeLine ok={status.tone === 'ok'}>{status.text}</OutcomeLine>}
    </details>
  );
}

function drafts(count: number): string {
  return plural(count, 'draft');
}

/** A card the panel can send the default way, for "open all". */
interface Sender {
  /** The peer as the card names it. */
  name: string;
  send: () => Promise<DraftActionResult | null>;
}

/**
 * Marking peers requested is a mark like any other: the toast that says so offers Undo, which
 * takes the requests out of the log and puts back the marks they had.
 */
function offerUndo(names: readonly string[], recorded: readonly RecordedRequests[]): void {
  const { showNotice } = useAppState.getState();
  const one = names.length === 1;
  const who = one ? names[0]! : plural(names.length, 'network');
  showNotice('success', `${who} ${one ? 'is' : 'are'} marked as requested and ${one ? 'the request' : 'the requests'} logged.`, {
    label: 'Undo',
    run: async () => {
      try {
        await withdrawLoggedRequests(recorded);
        showNotice('info', one ? `Request to ${who} taken back: out of the log, mark as it was.` : `Requests to ${who} taken back: out of the log, marks as they were.`);
      } catch (error) {
        showNotice('error', `The request to ${who} could not be taken back: ${ipcErrorMessage(error)}`);
      }
    },
  });
}

function TooSoonWarning({
  peerAsn,
  last,
  followUpDays,
  now,
  onAskAnyway,
}: {
  peerAsn: number;
  last: RequestLogRecord;
  followUpDays: number;
  now: number;
  onAskAnyway: () => void;
}): React.JSX.Element {
  const due = last.at + followUpDays * 24 * 60 * 60 * 1000;
  return (
    <div className="note too-soon" role="alert">
      <p>
        You asked AS{peerAsn} <HumanDate at={last.at} label={formatDayDistance(last.at, now)} />
        {last.to.length > 0 ? `, to ${last.to.join(', ')}` : ''}. The follow-up is due{' '}
        <HumanDate at={due} label={formatDayDistance(due, now)} />.
      </p>
      <button type="button" onClick={onAskAnyway}>
        Ask AS{peerAsn} again anyway
      </button>
    </div>
  );
}

function DraftCard({
  myAsn,
  peerAsn,
  template,
  history,
  register,
}: {
  myAsn: number;
  peerAsn: number;
  template: DraftTemplate;
  history: { followUpDays: number; entries: RequestLogRecord[] } | undefined;
  register: (peerAsn: number, sender: Sender | null) => void;
}): React.JSX.Element {
  const built = useStoreQuery('peeringDraft', { myAsn, peerAsn });
  const [outcome, setOutcome] = useState<DraftActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [askAnyway, setAskAnyway] = useState(false);
  // When the card was opened: "asked 3 days ago" need not tick while it is on screen.
  const [now] = useState(() => Date.now());

  const context = built.data?.ok ? built.data.context : null;
  const filled = context ? fillTemplate(template, context) : null;
  const sent: SentDraft | null =
    context && filled?.ok ? { draft: filled.draft, peerAsn, myAsn, ixps: context.sharedIxps.map((ix) => ix.name) } : null;
  const last = history ? tooSoonToAskAgain(history.entries, peerAsn, history.followUpDays, now) : null;
  const blocked = last !== null && !askAnyway;

  const peerName = built.data?.ok ? networkLabel(built.data.context.peer.name, peerAsn) : `AS${peerAsn}`;

  /** `announce`: a request sent from this card's own button offers its Undo at once; "open all" offers one for all. */
  async function act(action: (sent: SentDraft) => Promise<DraftActionResult>, announce: boolean): Promise<DraftActionResult | null> {
    if (!sent) return null;
    setBusy(true);
    const result = await action(sent);
    setOutcome(result);
    setBusy(false);
    if (announce && result.ok && result.recorded) offerUndo([peerName], [result.recorded]);
    return result;
  }

  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  });
  const ready = sent !== null && !blocked;
  useEffect(() => {
    register(peerAsn, ready ? { name: peerName, send: () => actRef.current(openDraftInMail, false) } : null);
    return () => register(peerAsn, null);
  }, [peerAsn, peerName, ready, register]);

  if (!built.data) {
    return <p className="muted">{built.error ? `The draft to AS${peerAsn} could not be built: ${built.error}` : `Drafting AS${peerAsn}…`}</p>;
  }
  if (!built.data.ok) {
    return (
      <p className="field-error" role="alert">
        {built.data.error}
      </p>
    );
  }
  const peer = built.data.context.peer;
  const note = recipientNote(built.data.context);
  const mailto = sent ? shortMailto(sent.draft) : null;

  return (
    <article className="draft-card" aria-label={`Draft to AS${peerAsn}`}>
      <h3>{networkLabel(peer.name, peerAsn)}</h3>
      {filled && !filled.ok ? (
        <p className="field-error" role="alert">
          The template’s {filled.part} has an error on line {filled.error.line}: {filled.error.message}
        </p>
      ) : (
        sent && (
          <>
            <dl className="facts">
              <dt>To</dt>
              <dd>{sent.draft.to.length > 0 ? sent.draft.to.join(', ') : 'No e-mail address in the copy'}</dd>
              <dt>Subject</dt>
              <dd>{sent.draft.subject}</dd>
              <dt>Shared</dt>
              <dd>{plural(built.data.context.sharedIxps.length, 'IXP')}</dd>
            </dl>
            {note && <p className={built.data.context.recipientRole ? 'note' : 'field-error'}>{note}</p>}
            <pre className="draft-body" aria-label="Draft body">
              {sent.draft.body}
            </pre>
            {sent.draft.unknownPlaceholders.length > 0 && (
              <p className="note">
                Unknown placeholders, left empty: {sent.draft.unknownPlaceholders.map((p) => `{{${p}}}`).join(', ')}
              </p>
            )}
            {blocked && last && history ? (
              <TooSoonWarning peerAsn={peerAsn} last={last} followUpDays={history.followUpDays} now={now} onAskAnyway={() => setAskAnyway(true)} />
            ) : (
              <div className="actions">
                <button type="button" disabled={busy} onClick={() => void act(openDraftInMail, true)}>
                  Open in mail program
                </button>
                <button type="button" disabled={busy} onClick={() => void act(copyDraft, true)}>
                  Copy to clipboard
                </button>
                {mailto && (
                  <button type="button" disabled={busy} onClick={() => void act(openDraftAsLink, true)}>
                    Open as mail link
                  </button>
                )}
              </div>
            )}
          </>
        )
      )}
      {outcome && <OutcomeLine ok={outcome.ok}>{outcome.ok ? outcome.message : outcome.error}</OutcomeLine>}
    </article>
  );
}

export function DraftPanel({ sources }: { sources: ContactSources | null }): React.JSX.Element {
  const handedPeer = useAppState((s) => s.handedDraft?.peerAsn ?? null);
  const handedMine = useAppState((s) => s.handedDraft?.myAsn ?? null);
  const [peerText, setPeerText] = useState(handedPeer ? String(handedPeer) : '');
  const [myAsn, setMyAsn] = useState<number | null>(handedMine);
  const [bulkOutcome, setBulkOutcome] = useState<DraftActionResult | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const senders = useRef(new Map<number, Sender>());
  const [senderCount, setSenderCount] = useState(0);
  const peerId = useId();
  const mineId = useId();

  const [seen, setSeen] = useState({ handedPeer, handedMine });
  if (seen.handedPeer !== handedPeer || seen.handedMine !== handedMine) {
    setSeen({ handedPeer, handedMine });
    if (handedPeer) setPeerText(String(handedPeer));
    if (handedMine) setMyAsn(handedMine);
  }

  const mine = myAsn ?? sources?.myNetworks[0]?.asn ?? null;
  const { asns, invalid } = parseAsnList(peerText);
  const peers = asns.filter((asn) => asn !== mine).slice(0, MAX_DRAFTS);
  const targetKey = `${mine}:${peers.join(',')}`;
  const [seenTarget, setSeenTarget] = useState(targetKey);
  if (seenTarget !== targetKey) {
    // Another target: what the last one's actions said no longer applies.
    setSeenTarget(targetKey);
    setBulkOutcome(null);
  }
  const template = useStoreQuery('getTemplate', { key: PEERING_TEMPLATE_KEY });
  const history = useStoreQuery('requestHistory', peers.length > 0 ? { asns: peers } : null);
  const saved = template.data ?? null;

  const register = useCallback((peerAsn: number, sender: Sender | null) => {
    if (sender) senders.current.set(peerAsn, sender);
    else senders.current.delete(peerAsn);
    setSenderCount(senders.current.size);
  }, []);

  async function openAll() {
    setBulkBusy(true);
    setBulkOutcome(null);
    let opened = 0;
    const failed: number[] = [];
    const logged: { name: string; recorded: RecordedRequests }[] = [];
    // One message per peer, one after the other: never one mail to many.
    for (const [peerAsn, { name, send }] of [...senders.current]) {
      const result = await send();
      if (result?.ok) opened++;
      else failed.push(peerAsn);
      if (result?.ok && result.recorded) logged.push({ name, recorded: result.recorded });
    }
    setBulkBusy(false);
    if (logged.length > 0) offerUndo(logged.map((entry) => entry.name), logged.map((entry) => entry.recorded));
    setBulkOutcome(
      failed.length === 0
        ? { ok: true, message: `${drafts(opened)} opened, one message per network, and logged.` }
        : { ok: false, error: `${drafts(opened)} opened; ${failed.map((a) => `AS${a}`).join(', ')} could not be: see below.` },
    );
  }

  const skipped = peers.length - senderCount;
  return (
    <section className="panel" aria-labelledby="draft-title">
      <h2 id="draft-title">Peering request drafts</h2>
      <div className="field-row">
        <label htmlFor={mineId}>From</label>
        <select id={mineId} value={mine ?? ''} onChange={(e) => setMyAsn(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          {(sources?.myNetworks.length ?? 0) === 0 && <option value="">Add your networks first</option>}
          {sources?.myNetworks.map((net) => (
            <option key={net.asn} value={net.asn}>
              {networkLabel(net.name, net.asn)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={peerId}>To networks (ASNs)</label>
        <input
          id={peerId}
          type="text"
          spellCheck={false}
          placeholder="e.g. 64501, 64502"
          value={peerText}
          onChange={(e) => setPeerText(e.currentTarget.value)}
        />
      </div>
      {invalid.length > 0 && <p className="field-error">Not an ASN: {invalid.slice(0, 3).join(', ')}</p>}
      {asns.length > MAX_DRAFTS && (
        <p className="note">
          The first {MAX_DRAFTS} of {plural(asns.length, 'network')} are drafted; send these, then the rest.
        </p>
      )}
      {template.answered && <TemplateEditor key={saved?.updatedAt ?? 'default'} saved={saved} />}
      {(mine === null || peers.length === 0) && <p className="muted">Choose one of your networks and the ASNs to write to.</p>}
      {mine !== null && peers.length > 1 && (
        <div className="actions bulk-actions">
          <button type="button" disabled={bulkBusy || senderCount === 0} onClick={() => void openAll()}>
            Open {drafts(senderCount)} in the mail program
          </button>
          <span className="muted">
            One message per network{skipped > 0 ? `; ${plural(skipped, 'network')} not included (asked too recently or not ready)` : ''}.
          </span>
        </div>
      )}
      {bulkOutcome && <OutcomeLine ok={bulkOutcome.ok}>{bulkOutcome.ok ? bulkOutcome.message : bulkOutcome.error}</OutcomeLine>}
      {mine !== null &&
        peers.map((peerAsn) => (
          <DraftCard
            key={`${mine}:${peerAsn}`}
            myAsn={mine}
            peerAsn={peerAsn}
            template={saved ?? DEFAULT_PEERING_TEMPLATE}
            history={history.data}
            register={register}
          />
        ))}
    </section>
  );
}
