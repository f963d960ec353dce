/**
 * The renderer's only door to main: typed access to what the preload exposes, and the
 * hand-off of sync job ports from the preload to the store worker.
 */
import { SYNC_PORT_MESSAGE, type Api } from '../../../../shared/ipc';

export function getApi(): Api {
  const api = (globalThis as { api?: Api }).api;
  if (!api) throw new Error('The app bridge (window.api) is missing: the preload did not load.');
  return api;
}

interface MessageLike {
  source: unknown;
  data: unknown;
  ports: readonly MessagePort[];
}

/**
 * The preload posts the port to its own window; anything else (another frame, a page script
 * posting a look-alike from elsewhere, a message without a port) is ignored.
 */
export function syncPortFromMessage(
  event: MessageLike,
  ownWindow: unknown,
): { port: MessagePort; jobId: string } | null {
  if (event.source !== ownWindow) return null;
  const data = event.data as { kind?: unknown; jobId?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.kind !== SYNC_PORT_MESSAGE) return null;
  if (typeof data.jobId !== 'string' || data.jobId.length === 0) return null;
  const port = event.ports[0];
  if (!port) return null;
  return { port, jobId: data.jobId };
}

/** Passes every sync port the preload receives to `attach`; returns the unsubscribe. */
export function listenForSyncPorts(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  ownWindow: unknown,
  attach: (port: MessagePort, jobId: string) => void,
): () => void {
  const onMessage = (event: MessageEvent) => {
    const handoff = syncPortFromMessage(event, ownWindow);
    if (handoff) attach(handoff.port, handoff.jobId);
  };
  target.addEventListener('message', onMessage);
  return () => target.removeEventListener('message', onMessage);
}

/** Electron prefixes errors that cross IPC; users need only the sentence main wrote. */
export function ipcErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, '').trim();
  return firstValidationIssue(message) ?? (message || 'Unknown error');
}

/** A schema failure arrives as the JSON list of its issues: the first one says what is wrong. */
function firstValidationIssue(message: string): string | null {
  if (!message.startsWith('[')) return null;
  try {
    const issues = JSON.parse(message) as unknown;
    if (Array.isArray(issues)) {
      const first = issues[0] as { message?: unknown } | undefined;
      if (typeof first?.message === 'string') return first.message;
    }
  } catch {
    // Not JSON after all: the text itself is the message.
  }
  return null;
}
