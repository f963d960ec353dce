/**
 * What the user does with a filled draft: open it in the mail program, or copy it. Either can
 * mark the peer as requested today, keeping the note already written for that peer.
 */
import { buildMailto } from '../../../../../shared/export/mailto';
import type { FilledDraft } from '../../../../../shared/export/template';
import { getApi, ipcErrorMessage } from '../../bridge/api';
import { getStoreClient } from '../../store-client/client';

export function draftAsText(draft: FilledDraft): string {
  return [`To: ${draft.to.join(', ')}`, `Subject: ${draft.subject}`, '', draft.body].join('\n');
}

/** Local date, as the user reads the calendar. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function markRequested(peerAsn: number, date: string = todayIso()): Promise<void> {
  const client = getStoreClient();
  const states = await client.query('listPeerStates', {});
  const note = states.find((s) => s.asn === peerAsn)?.note ?? '';
  await client.command('setPeerState', { asn: peerAsn, state: 'requested', requestedAt: date, note });
}

export type DraftActionResult = { ok: true; message: string } | { ok: false; error: string };

export async function openDraftInMail(draft: FilledDraft): Promise<DraftActionResult> {
  if (draft.to.length === 0) {
    return { ok: false, error: 'This network lists no Policy contact with an email address: copy the draft instead.' };
  }
  const mailto = buildMailto(draft);
  if (mailto.ok && mailto.url.startsWith('mailto:?')) {
    return { ok: false, error: 'None of the Policy addresses is a plain email address: copy the draft instead.' };
  }
  if (!mailto.ok) return { ok: false, error: mailto.reason };
  try {
    const { opened } = await getApi().openExternal({ url: mailto.url });
    if (!opened) return { ok: false, error: 'The mail program could not be opened. Copy the draft instead.' };
  } catch (error) {
    return { ok: false, error: `The mail program could not be opened: ${ipcErrorMessage(error)}` };
  }
  const skipped = mailto.skippedAddresses.length;
  return {
    ok: true,
    message:
      skipped > 0
        ? `Draft opened in your mail program. ${skipped} address(es) that are not plain email addresses were left out.`
        : 'Draft opened in your mail program.',
  };
}

export async function copyDraft(draft: FilledDraft): Promise<DraftActionResult> {
  try {
    await navigator.clipboard.writeText(draftAsText(draft));
    return { ok: true, message: 'Draft copied to the clipboard.' };
  } catch (error) {
    return { ok: false, error: `The clipboard refused the draft: ${error instanceof Error ? error.message : String(error)}` };
  }
}
