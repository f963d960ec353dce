/**
 * Runs in the page before any of its scripts, in place of src/preload: `window.api` has one
 * method per IPC channel, listeners are wrapped so no transport object reaches the app, and
 * sync ports are posted to the window exactly as the preload posts them.
 *
 * Plain JavaScript on purpose: it is injected as text, and a compiled TypeScript function
 * would carry the compiler's helpers (such as esbuild's __name) that do not exist in the page.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the text the harness appends
function installPeeringAssistantApi(config) {
  const invokeBinding = window[config.invokeBinding];
  const portOut = window[config.portOutBinding];
  const portClosed = window[config.portClosedBinding];
  const invoke = (channel, payload) => invokeBinding(channel, payload);

  const listeners = new Map();
  const subscribe = (channel, listener) => {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    const wrapped = (payload) => listener(payload);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  const api = Object.freeze({
    appInfo: () => invoke('app:info'),
    getSettings: () => invoke('settings:get'),
    setSettings: (patch) => invoke('settings:set', patch),
    startSync: (request) => invoke('sync:start', request ?? {}),
    cancelSync: () => invoke('sync:cancel'),
    importDump: () => invoke('dump:import'),
    confirmFlush: () => invoke('flush:confirm'),
    saveExport: (request) => invoke('export:save', request),
    openBackup: () => invoke('backup:open'),
    openExternal: (url) => invoke('external:open', { url }),
    onMenuCommand: (listener) => subscribe('menu:command', listener),
    onSyncProgress: (listener) => subscribe('sync:progress', listener),
    onSettingsChanged: (listener) => subscribe('settings:changed', listener),
  });
  Object.defineProperty(window, 'api', { value: api, enumerable: true });

  const ports = new Map();
  const hooks = {
    dispatch(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          // One failing listener must not starve the others, as with ipcRenderer.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    openPort(jobId) {
      const channel = new MessageChannel();
      ports.set(jobId, channel.port1);
      channel.port1.onmessage = (event) => void portOut(jobId, event.data);
      channel.port1.addEventListener('close', () => {
        if (ports.delete(jobId)) void portClosed(jobId);
      });
      window.postMessage({ kind: config.syncPortMessage, jobId }, '*', [channel.port2]);
    },
    async deliver(jobId, messages) {
      if (!ports.has(jobId)) throw new Error(`No sync port is open for job ${jobId}`);
      // Large pages wait on the loopback server; fetch them all, then post in the order sent.
      const bodies = await Promise.all(
        messages.map(async (message) => {
          const url = message[config.bulkUrlField];
          if (typeof url !== 'string') return null;
          const response = await fetch(url);
          if (!response.ok) throw new Error(`A sync page could not be read from the harness (${response.status})`);
          return response.text();
        }),
      );
      const port = ports.get(jobId);
      if (!port) return;
      messages.forEach((message, index) => {
        const rowsJson = bodies[index];
        if (rowsJson === null) {
          port.postMessage(message);
          return;
        }
        const { [config.bulkUrlField]: _url, ...rest } = message;
        port.postMessage({ ...rest, rowsJson });
      });
    },
    closePort(jobId) {
      ports.get(jobId)?.close();
      ports.delete(jobId);
    },
  };
  Object.defineProperty(window, config.hooksName, { value: Object.freeze(hooks) });
}
