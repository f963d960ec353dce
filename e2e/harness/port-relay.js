/**
 * The harness's end of every sync port, in a shared worker of its own (one page's alone): what
 * Electron's main process is to the port. Main's side (page-bridge.ts) talks to it through one
 * WebSocket: what main sends into a port comes in on it, and what the store worker posts, or a
 * port's end, goes back on it. So a multi-megabyte sync page reaches the store worker as in the
 * app, one copy from main into the renderer and one into the store worker, without passing the
 * page's main thread or Playwright.
 *
 * Why a shared worker and a socket: Playwright watches a dedicated worker's network (an event
 * for every chunk of a download, and the body kept for the debugger), and every call through it
 * costs a round trip of the debugging protocol; a sync page's trip then cost several times what
 * a message from Electron's main costs. Playwright does not watch a shared worker.
 *
 * From the page (through the shared worker's port):
 *   { kind: 'open', jobId, port, socketPath }   main's end of a new job's port
 * On the socket, from main (text frames, in order):
 *   { kind: 'deliver', jobId, message, body }   a message for the port; when `body` is true the
 *                                               next frame is its `rowsJson`, as text
 *   { kind: 'close', jobId }                    main closed its end
 *   { kind: 'ping', n }                         answered with pong once all before it was posted
 * On the socket, to main:
 *   { kind: 'out', jobId, message }             a message the store worker posted
 *   { kind: 'closed', jobId }                   the port's other end went away (or never came)
 *   { kind: 'pong', n }
 *
 * Served only by the harness's renderer server (never part of the app build). Plain
 * JavaScript, as page-api.js is.
 */
/** The port of the one page this relay serves. */
let page = null;
/** The socket to main's side, opened with the first port. */
let socket = null;
/** jobId -> main's end of its port. */
const ports = new Map();
/** jobId -> messages main sent before the page handed over the job's port. */
const early = new Map();
/** Jobs whose port closed: what comes for them afterwards is answered with 'closed'. */
const ended = new Set();
/** A delivery whose `rowsJson` is the next frame. */
let awaitingBody = null;

/** Notes for main written while the socket was still connecting. */
let unsent = [];

function toMain(note) {
  if (socket?.readyState === WebSocket.CONNECTING) unsent.push(note);
  else if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(note));
}

/** Closes main's end of a job's port; false if it had ended already. */
function forget(jobId) {
  const port = ports.get(jobId);
  ports.delete(jobId);
  early.delete(jobId);
  if (ended.has(jobId)) return false;
  ended.add(jobId);
  port?.close();
  return true;
}

/** The port's other end went away: main hears it once. */
function end(jobId) {
  if (forget(jobId)) toMain({ kind: 'closed', jobId });
}

function post(jobId, message) {
  const port = ports.get(jobId);
  if (port) port.postMessage(message);
  else if (ended.has(jobId)) toMain({ kind: 'closed', jobId });
  else if (early.has(jobId)) early.get(jobId).push(message);
  else early.set(jobId, [message]);
}

function attach(jobId, port) {
  if (ended.has(jobId)) {
    port.close();
    return;
  }
  ports.set(jobId, port);
  port.onmessage = (event) => toMain({ kind: 'out', jobId, message: event.data });
  // The store worker closed its end or went away with its page: tell main, once.
  port.addEventListener('close', () => {
    if (ports.get(jobId) === port) end(jobId);
  });
  for (const message of early.get(jobId) ?? []) port.postMessage(message);
  early.delete(jobId);
}

function fromMain(text) {
  if (awaitingBody) {
    const { jobId, message } = awaitingBody;
    awaitingBody = null;
    post(jobId, { ...message, rowsJson: text });
    return;
  }
  const frame = JSON.parse(text);
  switch (frame.kind) {
    case 'deliver':
      if (frame.body) awaitingBody = frame;
      else post(frame.jobId, frame.message);
      break;
    case 'close':
      // What was sent before the close still reaches the store, as through a real port.
      forget(frame.jobId);
      break;
    case 'ping':
      // Every message before it was posted in turn (or is held for a port still to come).
      toMain({ kind: 'pong', n: frame.n });
      break;
  }
}

function connect(socketPath) {
  socket = new WebSocket(new URL(socketPath, self.location.origin).href.replace(/^http/, 'ws'));
  socket.onopen = () => {
    for (const note of unsent) socket.send(JSON.stringify(note));
    unsent = [];
  };
  socket.onmessage = (event) => fromMain(event.data);
  // The ports are of no use without it. Main's side learns of a lost socket from its own end,
  // and the page too, for a socket that never opened.
  socket.onclose = () => {
    for (const jobId of [...ports.keys()]) end(jobId);
    page?.postMessage({ kind: 'lost' });
  };
}

self.onconnect = (connected) => {
  page = connected.ports[0];
  page.onmessage = (event) => {
    const request = event.data;
    if (request.kind !== 'open') return;
    if (!socket) connect(request.socketPath);
    attach(request.jobId, request.port);
  };
};
