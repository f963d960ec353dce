import { useId, useState } from 'react';
import {
  DEFAULT_PEERING_TEMPLATE,
  fillTemplate,
  PEERING_TEMPLATE_KEY,
  PLACEHOLDER_NAMES,
  type DraftContext,
  type DraftTemplate,
} from '../../../../../shared/export/template';
import { getStoreClient } from '../../store-client/client';
import type { ContactSources } from '../../../protocol/contacts';
import { copyDraft, markRequested, openDraftInMail, type DraftActionResult } from './draft-actions';
import { useAppState } from '../../state/app-state';
import { parseAsnList } from './SelectionPicker';
import { useStoreQuery } from '../../store-client/use-store-query';
import { OutcomeLine } from '../../components/OutcomeLine';

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
        Placeholders: {PLACEHOLDER_NAMES.map((name) => `{{${name}}}`).join(' ')}
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
      {status && (
        <OutcomeLine ok={status.tone === 'ok'}>{status.text}</OutcomeLine>
      )}
    </details>
  );
}

function DraftPreview({ context, template }: { context: DraftContext; template: DraftTemplate }): React.JSX.Element {
  const draft = fillTemplate(template, context);
  const [markAsRequested, setMarkAsRequested] = useState(true);
  const [outcome, setOutcome] = useState<DraftActionResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<DraftActionResult>) {
    setBusy(true);
    let result = await action();
    if (result.ok && markAsRequested) {
      try {
        await markRequested(context.peer.asn);
        result = { ok: true, message: `${result.message} AS${context.peer.asn} is marked as requested today.` };
      } catch (error) {
        result = { ok: false, error: `${result.message} But the request could not be recorded: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    setOutcome(result);
    setBusy(false);
  }

  return (
    <div className="draft-preview">
      <dl className="facts">
        <dt>To</dt>
        <dd>{draft.to.length > 0 ? draft.to.join(', ') : 'No Policy contact email in the copy: add the recipient in your mail program.'}</dd>
        <dt>Subject</dt>
        <dd>{draft.subject}</dd>
        <dt>Shared IXPs</dt>
        <dd>{context.sharedIxps.length}</dd>
      </dl>
      <pre className="draft-body" aria-label="Draft body">
        {draft.body}
      </pre>
      {draft.unknownPlaceholders.length > 0 && (
        <p className="note">
          Unknown placeholders left as written: {draft.unknownPlaceholders.map((p) => `{{${p}}}`).join(', ')}
        </p>
      )}
      <label>
        <input type="checkbox" checked={markAsRequested} onChange={(e) => setMarkAsRequested(e.currentTarget.checked)} />
        Mark AS{context.peer.asn} as requested today
      </label>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void act(() => openDraftInMail(draft))}>
          Open in mail program
        </button>
        <button type="button" disabled={busy} onClick={() => void act(() => copyDraft(draft))}>
          Copy to clipboard
        </button>
      </div>
      {outcome && (
        <OutcomeLine ok={outcome.ok}>{outcome.ok ? outcome.message : outcome.error}</OutcomeLine>
      )}
    </div>
  );
}

export function DraftPanel({ sources }: { sources: ContactSources | null }): React.JSX.Element {
  const handedPeer = useAppState((s) => s.handedDraft?.peerAsn ?? null);
  const handedMine = useAppState((s) => s.handedDraft?.myAsn ?? null);
  const [peerText, setPeerText] = useState(handedPeer ? String(handedPeer) : '');
  const [myAsn, setMyAsn] = useState<number | null>(handedMine);
  const peerId = useId();
  const mineId = useId();

  const [seen, setSeen] = useState({ handedPeer, handedMine });
  if (seen.handedPeer !== handedPeer || seen.handedMine !== handedMine) {
    setSeen({ handedPeer, handedMine });
    if (handedPeer) setPeerText(String(handedPeer));
    if (handedMine) setMyAsn(handedMine);
  }

  const mine = myAsn ?? sources?.myNetworks[0]?.asn ?? null;
  const { asns } = parseAsnList(peerText);
  const peerAsn = asns.length === 1 ? asns[0]! : null;
  const args = mine !== null && peerAsn !== null ? { myAsn: mine, peerAsn } : null;
  const draft = useStoreQuery('peeringDraft', args);
  const template = useStoreQuery('getTemplate', { key: PEERING_TEMPLATE_KEY });
  const saved = template.data ?? null;

  return (
    <section className="panel" aria-labelledby="draft-title">
      <h2 id="draft-title">Peering request draft</h2>
      <div className="field-row">
        <label htmlFor={mineId}>From</label>
        <select id={mineId} value={mine ?? ''} onChange={(e) => setMyAsn(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          {(sources?.myNetworks.length ?? 0) === 0 && <option value="">Add your networks first</option>}
          {sources?.myNetworks.map((net) => (
            <option key={net.asn} value={net.asn}>
              AS{net.asn} {net.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={peerId}>To network (ASN)</label>
        <input
          id={peerId}
          type="text"
          inputMode="numeric"
          spellCheck={false}
          placeholder="e.g. 64501"
          value={peerText}
          onChange={(e) => setPeerText(e.currentTarget.value)}
        />
      </div>
      {template.answered && <TemplateEditor key={saved?.updatedAt ?? 'default'} saved={saved} />}
      {!args && <p className="muted">Choose one of your networks and the ASN to write to.</p>}
      {args && draft.data && !draft.data.ok && (
        <p className="field-error" role="alert">
          {draft.data.error}
        </p>
      )}
      {args && !draft.pending && draft.error !== null && (
        <p className="field-error" role="alert">
          The draft could not be built: {draft.error}
        </p>
      )}
      {args && draft.data?.ok && (
        <DraftPreview context={draft.data.context} template={saved ?? DEFAULT_PEERING_TEMPLATE} />
      )}
    </section>
  );
}
