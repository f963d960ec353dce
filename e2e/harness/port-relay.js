/**
 * The harness's end of every sync port, in a worker of its own: what Electron's main process
 * is to the port. Page bodies are downloaded here from the harness's loopback server and
 * posted into the port, so, as in the app, a multi-megabyte page never passes through the
 * page's main thread on its way to the store worker.
 *
 * The page talks to this worker in batches (see page-api.js) and gets back:
 *   { kind: 'out', jobId, message }   a message the store worker posted (state, ack, nack)
 *   { kind: 'closed', jobId }         the port closed from the store's side, or a body was lost
 *   { kind: 'done', batch, failed }   every operation of the batch was carried out
 *
 * Served only by the harness's renderer server (never part of the app build). Plain
 * JavaScript, for the same reason as page-api.js.
 */
let bulkUrlField = null;
/** jobId -> { port, tail }: `tail` settles when everything sent so far was posted in order. */
const jobs = new Map();

function forget(jobId) {
  const job = jobs.get(jobId);
  if (!job) return false;
  jobs.delete(jobId);
  job.port.close();
  return true;
}

function attach(jobId, port) {
  const job = { port, tail: Promise.resolve() };
  jobs.set(jobId, job);
  port.onmessage = (event) => self.postMessage({ kind: 'out', jobId, message: event.data });
  // The store worker closed its end or went away with its page: tell main, once.
  port.addEventListener('close', () => {
    if (jobs.get(jobId) === job && forget(jobId)) self.postMessage({ kind: 'closed', jobId });
  });
}

async function readBody(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`A sync page could not be read from the harness (${response.status})`);
  return response.text();
}

/**
 * Starts every download at once (each is a one-time loopback stash), then posts the messages
 * in the order main sent them, after whatever this job had queued before.
 */
function deliver(jobId, job, messages) {
  const bodies = messages.map((message) => {
    const url = bulkUrlField === null ? undefined : message[bulkUrlField];
    return typeof url === 'string' ? readBody(url) : null;
  });
  // A body that fails is reported below; keep it from counting as unhandled meanwhile.
  for (const body of bodies) body?.catch(() => {});
  job.tail = job.tail.then(async () => {
    try {
      for (let index = 0; index < messages.length; index++) {
        const body = bodies[index];
        if (body === null) {
          job.port.postMessage(messages[index]);
          continue;
        }
        const { [bulkUrlField]: _url, ...rest } = messages[index];
        const rowsJson = await body;
        if (jobs.get(jobId) !== job) return;
        job.port.postMessage({ ...rest, rowsJson });
      }
    } catch (error) {
      // A page that cannot reach the store must not be skipped silently: the link is lost.
      console.error(error instanceof Error ? error.message : String(error));
      if (forget(jobId)) self.postMessage({ kind: 'closed', jobId });
    }
  });
  return job.tail;
}

self.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'configure') {
    bulkUrlField = request.bulkUrlField;
    return;
  }
  const pending = [];
  const failed = new Set();
  for (const op of request.ops) {
    const job = jobs.get(op.jobId);
    switch (op.kind) {
      case 'open':
        attach(op.jobId, op.port);
        break;
      case 'deliver':
        if (job) pending.push(deliver(op.jobId, job, op.messages));
        else failed.add(op.jobId);
        break;
      case 'close':
        // What was sent before the close still reaches the store, as through a real port.
        if (job) pending.push((job.tail = job.tail.then(() => void forget(op.jobId))));
        break;
    }
  }
  void Promise.all(pending).then(() => self.postMessage({ kind: 'done', batch: request.batch, failed: [...failed] }));
};
