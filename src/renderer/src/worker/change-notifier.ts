/**
 * Telling the UI that data changed, without flooding it: during a sync pages commit many
 * times a second, and each 'changed' makes views re-query. At most one message per interval,
 * always ending with the latest version; `now` skips the wait (a sync ended, the user wrote).
 */
export interface ChangeNotifier {
  committed(dataVersion: number): void;
  now(dataVersion: number): void;
  dispose(): void;
}

export interface ChangeNotifierOptions {
  minIntervalMs?: number;
  clock?: () => number;
}

export function createChangeNotifier(
  send: (dataVersion: number) => void,
  { minIntervalMs = 250, clock = () => Date.now() }: ChangeNotifierOptions = {},
): ChangeNotifier {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let lastSentVersion = -1;
  let pendingVersion = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function sendNow(dataVersion: number): void {
    if (timer) clearTimeout(timer);
    timer = null;
    pendingVersion = -1;
    lastSentAt = clock();
    lastSentVersion = Math.max(lastSentVersion, dataVersion);
    send(lastSentVersion);
  }

  return {
    committed(dataVersion) {
      if (dataVersion <= lastSentVersion && pendingVersion < 0) return;
      const wait = lastSentAt + minIntervalMs - clock();
      if (wait <= 0) return sendNow(dataVersion);
      pendingVersion = Math.max(pendingVersion, dataVersion);
      timer ??= setTimeout(() => sendNow(pendingVersion), wait);
    },
    now(dataVersion) {
      sendNow(Math.max(dataVersion, pendingVersion));
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
