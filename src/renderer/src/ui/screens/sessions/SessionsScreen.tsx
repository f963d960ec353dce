import { useId, useState } from 'react';
import { parseAsn } from '../../../../../shared/asn';
import { BUILTIN_SESSION_TEMPLATES, type SessionTemplate } from '../../../../../shared/session/builtin-templates';
import { renderSessionConfig } from '../../../../../shared/session/render';
import { compileTemplate } from '../../../../../shared/templating/jinja';
import { emitAppEvent } from '../../bridge/app-events';
import type { DraftContext } from '../../../../../shared/export/template';
import { networkLabel, plural } from '../../components/format';
import { CopyGate } from '../../components/NoCopyYet';
import { OutcomeLine } from '../../components/OutcomeLine';
import { saveExportFile } from '../../components/export/save-export';
import { getStoreClient } from '../../store-client/client';
import { useStoreQuery } from '../../store-client/use-store-query';
import './sessions.css';

type Outcome = { ok: boolean; text: string } | null;

/** "Wide Net (AS64520) at 9 exchanges shared with Home Net (AS64500): 18 sessions." */
function sessionsSummary(context: DraftContext): string {
  const sessions = context.sharedIxps.reduce(
    (sum, ix) => sum + ix.theirs.reduce((count, port) => count + (port.ipv4 ? 1 : 0) + (port.ipv6 ? 1 : 0), 0),
    0,
  );
  return `${networkLabel(context.peer.name, context.peer.asn)} at ${plural(context.sharedIxps.length, 'exchange')} shared with ${networkLabel(
    context.me.name,
    context.me.asn,
  )}: ${plural(sessions, 'neighbor address', 'neighbor addresses')}.`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Edits a copy of a template or one of the user's; a template error shows its line before it is saved. */
function TemplateEditor({
  template,
  onSaved,
  onDeleted,
}: {
  template: SessionTemplate;
  onSaved: (key: string) => void;
  onDeleted: () => void;
}): React.JSX.Element {
  const [name, setName] = useState(template.builtin ? `${template.name} (my copy)` : template.name);
  const [body, setBody] = useState(template.body);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const nameId = useId();
  const bodyId = useId();
  const check = compileTemplate(body);

  async function save() {
    setOutcome(null);
    try {
      const saved = await getStoreClient().command('saveSessionTemplate', {
        ...(template.builtin ? {} : { key: template.key }),
        name,
        body,
      });
      setOutcome({ ok: true, text: `Template “${saved.name}” saved.` });
      onSaved(saved.key);
    } catch (error) {
      setOutcome({ ok: false, text: `The template was not saved: ${errorText(error)}` });
    }
  }

  async function remove() {
    try {
      await getStoreClient().command('deleteSessionTemplate', { key: template.key });
      onDeleted();
    } catch (error) {
      setOutcome({ ok: false, text: `The template was not deleted: ${errorText(error)}` });
    }
  }

  return (
    <div className="session-template-editor">
      <div className="field-row">
        <label htmlFor={nameId}>Template name</label>
        <input id={nameId} type="text" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </div>
      <label htmlFor={bodyId}>Template (Jinja2)</label>
      <textarea id={bodyId} rows={16} spellCheck={false} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      {!check.ok && (
        <p className="field-error" role="alert">
          Line {check.error.line}: {check.error.message}
        </p>
      )}
      <p className="muted">
        Variables: local_as, autonomous_system (asn, name, irr_as_set_at, irr_as_set_colon, ipv4_max_prefixes…), ixps (name,
        local_ipv4, remote_ipv6, sessions…), sessions, ipv4_sessions, ipv6_sessions; each session has ip_address, ip_version,
        local_ip_address, remote_asn (the port’s ASN), max_prefix, slug. Filters as in Peering Manager: ip, ipv4, ipv6,
        ip_version, max_prefix, safe_string, quote, local_ips, sessions, iterate, strip_irr_sources.
      </p>
      <div className="actions">
        <button type="button" disabled={!name.trim()} onClick={() => void save()}>
          {template.builtin ? 'Save as my template' : 'Save template'}
        </button>
        {!template.builtin && (
          <button type="button" onClick={() => void remove()}>
            Delete template
          </button>
        )}
      </div>
      {outcome && <OutcomeLine ok={outcome.ok}>{outcome.text}</OutcomeLine>}
    </div>
  );
}

export function SessionsScreen(): React.JSX.Element {
  return (
    <section className="view sessions-view" aria-labelledby="sessions-title">
      <div className="view-header">
        <h1 id="sessions-title">Sessions</h1>
      </div>
      <CopyGate what="Session configurations (both sides’ addresses at the exchanges you share)">
        <SessionConfiguration />
      </CopyGate>
    </section>
  );
}

function SessionConfiguration(): React.JSX.Element {
  const sources = useStoreQuery('contactSources', {});
  const userTemplates = useStoreQuery('listSessionTemplates', {});
  const [myAsn, setMyAsn] = useState<number | null>(null);
  const [peerText, setPeerText] = useState('');
  const [templateKey, setTemplateKey] = useState(BUILTIN_SESSION_TEMPLATES[0]!.key);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const mineId = useId();
  const peerId = useId();
  const templateId = useId();

  const myNetworks = sources.data?.myNetworks ?? [];
  const mine = myAsn ?? myNetworks[0]?.asn ?? null;
  const peerAsn = parseAsn(peerText);
  const templates: SessionTemplate[] = [
    ...BUILTIN_SESSION_TEMPLATES,
    ...(userTemplates.data ?? []).map((t) => ({ key: t.key, name: t.name, body: t.body, builtin: false })),
  ];
  const template = templates.find((t) => t.key === templateKey) ?? BUILTIN_SESSION_TEMPLATES[0]!;
  const draft = useStoreQuery('peeringDraft', mine !== null && peerAsn !== null ? { myAsn: mine, peerAsn } : null);
  const context = draft.data?.ok ? draft.data.context : null;
  const rendered = context ? renderSessionConfig(template.body, context) : null;

  const target = `${mine}:${peerAsn}:${template.key}`;
  const [seenTarget, setSeenTarget] = useState(target);
  if (seenTarget !== target) {
    // Another peer or template: the last copy or save said nothing about this one.
    setSeenTarget(target);
    setOutcome(null);
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ ok: true, text: 'Configuration copied to the clipboard.' });
      emitAppEvent('session-copied', { peerAsn, template: template.key });
    } catch (error) {
      setOutcome({ ok: false, text: `The clipboard refused the configuration: ${errorText(error)}` });
    }
  }

  async function save(text: string) {
    const slug = template.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
    const result = await saveExportFile({ format: 'txt', suggestedName: `AS${peerAsn}-${slug}.txt`, content: text }, 'the configuration');
    if (result.saved) setOutcome({ ok: true, text: `Configuration saved to ${result.path}.` });
    else if (result.error) setOutcome({ ok: false, text: result.error });
  }

  return (
    <section className="panel" aria-labelledby="session-config-title">
      <h2 id="session-config-title">BGP session configuration</h2>
      <div className="field-row">
        <label htmlFor={mineId}>From</label>
        <select id={mineId} value={mine ?? ''} onChange={(e) => setMyAsn(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          {myNetworks.length === 0 && <option value="">Add your networks first</option>}
          {myNetworks.map((net) => (
            <option key={net.asn} value={net.asn}>
              {networkLabel(net.name, net.asn)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={peerId}>Peer (ASN)</label>
        <input
          id={peerId}
          type="text"
          spellCheck={false}
          placeholder="e.g. 64501"
          value={peerText}
          onChange={(e) => setPeerText(e.currentTarget.value)}
        />
      </div>
      <div className="field-row">
        <label htmlFor={templateId}>Template</label>
        <select
          id={templateId}
          value={template.key}
          onChange={(e) => {
            setTemplateKey(e.currentTarget.value);
            setEditing(false);
          }}
        >
          <optgroup label="Built in">
            {BUILTIN_SESSION_TEMPLATES.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </optgroup>
          {(userTemplates.data?.length ?? 0) > 0 && (
            <optgroup label="My templates">
              {userTemplates.data?.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {template.builtin ? 'Copy and edit…' : 'Edit…'}
        </button>
      </div>
      {editing && (
        <TemplateEditor
          key={template.key}
          template={template}
          onSaved={(key) => setTemplateKey(key)}
          onDeleted={() => {
            setTemplateKey(BUILTIN_SESSION_TEMPLATES[0]!.key);
            setEditing(false);
          }}
        />
      )}
      {(mine === null || peerAsn === null) && (
        <p className="muted">Choose one of your networks and the peer’s ASN: the sessions come from the exchanges you share.</p>
      )}
      {draft.data && !draft.data.ok && (
        <p className="field-error" role="alert">
          {draft.data.error}
        </p>
      )}
      {rendered && !rendered.ok && (
        <p className="field-error" role="alert">
          The template “{template.name}” has an error on line {rendered.error.line}: {rendered.error.message}
        </p>
      )}
      {rendered?.ok && context && (
        <>
          {/* What is about to be copied, and the buttons, above a configuration that can run for pages. */}
          <div className="session-result">
            <p>{sessionsSummary(context)}</p>
            <div className="actions">
              <button type="button" onClick={() => void copy(rendered.text)}>
                Copy to clipboard
              </button>
              <button type="button" onClick={() => void save(rendered.text)}>
                Save as file…
              </button>
            </div>
          </div>
          {outcome && <OutcomeLine ok={outcome.ok}>{outcome.text}</OutcomeLine>}
          <pre className="session-config" aria-label="Session configuration">
            {rendered.text}
          </pre>
        </>
      )}
    </section>
  );
}
