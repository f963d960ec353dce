/**
 * What the user does with a filled draft: open it in the mail program (an .eml file main writes
 * and the OS opens, so no length limit applies), send it as a mailto: link when it is short
 * enough, or copy it. Whatever went out is logged per peer and marks the peer requested, which
 * Undo takes back.
 */
import { buildMailto } from '../../../../../shared/export/mailto';
import type { FilledDraft } from '../../../../../shared/export/template';
import type { RequestChannel } from '../../../../../shared/user-data';
import type { RecordedRequests } from '../../../protocol/operations';
import { localIsoDate } from '../../../../../shared/peer-marks';
import { getApi, ipcErrorMessage } from '../../bridge/window-api';
import { emitAppEvent } from '../../bridge/app-events';
import { getStoreClient } from '../../store-client/client';

export function draftAsText(draft: FilledDraft): string {
  return [`To: ${draft.to.join(', ')}`, `Subject: ${draft.subject}`, '', draft.body].join('\n');
}

/** A mailto: link for the draft, or null when mail programs would cut it (or it has no plain address). */
export function shortMailto(draft: FilledDraft): string | null {
  const mailto = buildMailto(draft);
  return mailto.ok && !mailto.url.startsWith('mailto:?') ? mailto.url : null;
}

export interface SentDraft {
  draft: FilledDraft;
  peerAsn: number;
  myAsn: number;
  /** Names of the exchanges the request offers. */
  ixps: string[];
}

/** `recorded`: what logging the request wrote, for Undo; absent when nothing was logged. */
export type DraftActionResult = { ok: true; message: string; recorded?: RecordedRequests } | { ok: false; error: string };

async function logRequest(sent: SentDraft, via: RequestChannel): Promise<RecordedRequests> {
  const recorded = await getStoreClient().command('recordRequests', {
    requests: [{ peerAsn: sent.peerAsn, myAsn: sent.myAsn, to: [...sent.draft.to], ixps: sent.ixps, via }],
    date: localIsoDate(),
  });
  emitAppEvent('request-logged', { peerAsn: sent.peerAsn, via });
  return recorded;
}

/** Logs the request; a draft that went out but could not be logged says so rather than failing. */
async function thenLog(sent: SentDraft, via: RequestChannel, message: string): Promise<DraftActionResult> {
  try {
    const recorded = await logRequest(sent, via);
    return { ok: true, message: `${message} Logged as requested today.`, recorded };
  } catch (error) {
    return { ok: false, error: `${message} But it could not be logged: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function openDraftInMail(sent: SentDraft): Promise<DraftActionResult> {
  const { draft } = sent;
  try {
    const result = await getApi().openDraft({ peerAsn: sent.peerAsn, to: [...draft.to], subject: draft.subject, body: draft.body });
    if (!result.opened) return { ok: false, error: result.reason };
    emitAppEvent('draft-opened', { peerAsn: sent.peerAsn, path: result.path });
  } catch (error) {
    return { ok: false, error: `The draft could not be opened: ${ipcErrorMessage(error)}` };
  }
  return thenLog(sent, 'eml', `Draft to AS${sent.peerAsn} opened in your mail program.`);
}

export async function openDraftAsLink(sent: SentDraft): Promise<DraftActionResult> {
  const url = shortMailto(sent.draft);
  if (!url) return openDraftInMail(sent);
  try {
    const { opened } = await getApi().openExternal({ url });
    if (!opened) return openDraftInMail(sent);
  } catch (error) {
    return { ok: false, error: `The mail link could not be opened: ${ipcErrorMessage(error)}` };
  }
  return thenLog(sent, 'mailto', `Draft to AS${sent.peerAsn} opened as a mail link.`);
}

export async function copyDraft(sent: SentDraft): Promise<DraftActionResult> {
  try {
    await navigator.clipboard.writeText(draftAsText(sent.draft));
  } catch (error) {
    return { ok: false, error: `The clipboard refused the draft: ${error instanceof Error ? error.message : String(error)}` };
  }
  emitAppEvent('draft-copied', { peerAsn: sent.peerAsn });
  return thenLog(sent, 'clipboard', `Draft to AS${sent.peerAsn} copied to the clipboard.`);
}

/**
 * Undo of the requests logged by one or several draft actions: their log entries go and the
 * peers are marked as they were (a draft opened by mistake is no request).
 */
export async function withdrawLoggedRequests(recorded: readonly RecordedRequests[]): Promise<void> {
  await getStoreClient().command('withdrawRequests', {
    ids: recorded.flatMap((entry) => entry.ids),
    marksBefore: recorded.flatMap((entry) => entry.marksBefore),
  });
}
