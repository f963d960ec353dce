/**
 * Runs in the page before any of its scripts, in place of src/preload: `window.api` has one
 * method per entry of the contract's method table (config.methods), listeners are wrapped so
 * no transport object reaches the app, and sync ports are posted to the window exactly as the
 * preload posts them. The other end of each port goes to the relay worker (port-relay.js),
 * which plays main's side of it.
 *
 * Plain JavaScript on purpose: it is injected as text, and a compiled TypeScript function
 * would carry the compiler's helpers (such as esbuild's __name) that do not exist in the page.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the text the harness appends
function installPeeringAssistantApi(config) {
  const invokeBinding = window[config.invokeBinding];
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

  // The contract's method table arrives as data, so this file never restates a method.
  const api = {};
  for (const [name, method] of Object.entries(config.methods)) {
    if (method.kind === 'invoke') {
      // Only the one argument travels, as in the preload: main checks it against its schema.
      api[name] = (payload) => invoke(method.channel, payload);
    } else if (method.kind === 'event') {
      api[name] = (listener) => subscribe(method.channel, listener);
    } else {
      throw new Error(`The harness cannot serve '${name}': unknown kind '${method.kind}'`);
    }
  }
  Object.freeze(api);
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
  // first port: what goes through a port then travels between main's side and the store worker
  // without this thread. A shared worker, not a dedicated one: Playwright watches a dedicated
  // worker's network and not a shared one's (see port-relay.js). It is this page's alone: no
  // other document knows its name, and it ends with the page.
  let relay = null;
  let relayBroken = null;
  /** Jobs whose port went to the relay: all of them count as lost should the relay fail. */
  const relayedJobs = new Set();

  const loseRelay = (reason) => {
    relayBroken = reason;
    console.error(reason);
    for (const jobId of relayedJobs) void portClosed(jobId);
    relayedJobs.clear();
  };

  /** Starts the relay with the first port; false once it failed, so no port can open. */
  const startRelay = () => {
    if (relayBroken) return false;
    if (relay) return true;
    const shared = new SharedWorker(config.relayUrl, { name: `harness-port-relay-${crypto.randomUUID()}` });
    shared.onerror = (event) => {
      event.preventDefault();
      loseRelay(`The harness's port relay failed: ${event.message || 'it did not start'}`);
    };
    relay = shared.port;
    relay.onmessage = (event) => {
      if (event.data?.kind === 'lost') loseRelay("The harness's port relay lost its socket to main");
    };
    relay.start();
    return true;
  };

  const hooks = {
    /**
     * Carries out one batch of main's sends to this page, in order: events are dispatched
     * here, and each new sync port is posted to the window (for the store worker) and its other
     * end to the relay, with the socket main's side reaches the relay through. Resolves with the
     * jobs whose port could not open.
     */
    run(ops) {
      const failed = [];
      for (const op of ops) {
        if (op.kind === 'dispatch') {
          dispatch(op.channel, op.payload);
        } else if (op.kind === 'open') {
          if (!startRelay()) {
            failed.push(op.jobId);
            continue;
          }
          const channel = new MessageChannel();
          relayedJobs.add(op.jobId);
          relay.postMessage({ kind: 'open', jobId: op.jobId, port: channel.port1, socketPath: op.socketPath }, [channel.port1]);
          window.postMessage({ kind: config.syncPortMessage, jobId: op.jobId }, '*', [channel.port2]);
        }
      }
      return Promise.resolve(failed);
    },
  };
  Object.defineProperty(window, config.hooksName, { value: Object.freeze(hooks) });
}
