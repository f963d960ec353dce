/**
 * Runs in the page before any of its scripts, in place of src/preload: `window.api` has one
 * method per IPC channel, listeners are wrapped so no transport object reaches the app, and
 * sync ports are posted to the window exactly as the preload posts them. The other end of each
 * port goes to the relay worker (port-relay.js), which plays main's side of it.
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
    importHistory: () => invoke('history:import'),
    cancelHistoryImport: () => invoke('history:cancel'),
    confirmFlush: () => invoke('flush:confirm'),
    saveExport: (request) => invoke('export:save', request),
    openBackup: () => invoke('backup:open'),
    openExternal: (url) => invoke('external:open', { url }),
    onMenuCommand: (listener) => subscribe('menu:command', listener),
    onSyncProgress: (listener) => subscribe('sync:progress', listener),
    onSettingsChanged: (listener) => subscribe('settings:changed', listener),
    onHistoryProgress: (listener) => subscribe('history:progress', listener),
  });
  Object.defineProperty(window, 'api', { value: api, enumerable: true });

  const dispatch = (channel, payload) => {
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
  };

  // Main's ends of the sync ports live in the relay worker (port-relay.js), started with the
  // first port: page bodies then go from the harness to the store worker without this thread.
  let relay = null;
  let relayBroken = null;
  const openJobs = new Set();
  const batchesInFlight = new Map();
  let nextBatch = 1;

  const loseRelay = (reason) => {
    relayBroken = reason;
    console.error(reason);
    for (const jobId of [...openJobs]) {
      openJobs.delete(jobId);
      void portClosed(jobId);
    }
    for (const [batch, { jobIds, resolve }] of batchesInFlight) {
      batchesInFlight.delete(batch);
      resolve(jobIds);
    }
  };

  /** Starts the relay with the first port; false once it failed, so no port can open. */
  const startRelay = () => {
    if (relayBroken) return false;
    if (relay) return true;
    relay = new Worker(config.relayUrl, { name: 'harness-port-relay' });
    relay.postMessage({ kind: 'configure', bulkUrlField: config.bulkUrlField });
    relay.onmessage = (event) => {
      const note = event.data;
      if (note.kind === 'out') {
        if (openJobs.has(note.jobId)) void portOut(note.jobId, note.message);
      } else if (note.kind === 'closed') {
        if (openJobs.delete(note.jobId)) void portClosed(note.jobId);
      } else if (note.kind === 'done') {
        const batch = batchesInFlight.get(note.batch);
        batchesInFlight.delete(note.batch);
        batch?.resolve(note.failed);
      }
    };
    relay.onerror = (event) => {
      event.preventDefault();
      loseRelay(`The harness's port relay failed: ${event.message || 'it did not start'}`);
    };
    return true;
  };

  const hooks = {
    /**
     * Carries out one batch of main's sends, in order: events are dispatched here, port
     * operations go to the relay worker in one message. Resolves, once the relay posted every
     * message of the batch into its port, with the jobs whose port is not open.
     */
    run(ops) {
      const portOps = [];
      const transfer = [];
      const failed = new Set();
      for (const op of ops) {
        if (op.kind === 'dispatch') {
          dispatch(op.channel, op.payload);
        } else if (op.kind === 'open') {
          if (!startRelay()) {
            failed.add(op.jobId);
            continue;
          }
          const channel = new MessageChannel();
          openJobs.add(op.jobId);
          portOps.push({ kind: 'open', jobId: op.jobId, port: channel.port1 });
          transfer.push(channel.port1);
          window.postMessage({ kind: config.syncPortMessage, jobId: op.jobId }, '*', [channel.port2]);
        } else if (!relay || relayBroken) {
          if (op.kind === 'deliver') failed.add(op.jobId);
        } else {
          // Main closed this end: nothing the store sends afterwards is for it.
          if (op.kind === 'close') openJobs.delete(op.jobId);
          portOps.push(op);
        }
      }
      if (portOps.length === 0) return Promise.resolve([...failed]);
      const batch = nextBatch++;
      const jobIds = [...new Set(portOps.map((op) => op.jobId))];
      const done = new Promise((resolve) => batchesInFlight.set(batch, { jobIds, resolve }));
      relay.postMessage({ kind: 'batch', batch, ops: portOps }, transfer);
      return done.then((relayFailed) => [...new Set([...failed, ...relayFailed])]);
    },
  };
  Object.defineProperty(window, config.hooksName, { value: Object.freeze(hooks) });
}
