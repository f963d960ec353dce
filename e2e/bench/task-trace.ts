/**
 * The store worker's and the page's tasks during a sync, read from a Chromium trace: each
 * task's wall time and the thread's own CPU time in it. The timer probe (probes.ts) sees how
 * long a thread could not answer, which on a busy machine includes time spent waiting for a
 * core; the trace tells that wait apart from the app's own work. Tracing slows the load it
 * watches, so the bench traces a load of its own and reports it as context, never as a target.
 */
import type { CDPSession, Page } from '@playwright/test';

/** Task events (the `toplevel` category) and the worker's address (`devtools.timeline`). */
const CATEGORIES = ['toplevel', 'devtools.timeline'];
const TASK_EVENT = 'ThreadControllerImpl::RunTask';
/** Tasks at least this long (wall) are listed with their CPU time. */
const LISTED_FROM_MS = 50;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start and wall duration, in microseconds. */
  ts: number;
  dur?: number;
  /** CPU time of the thread in the event, in microseconds. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface ThreadTasks {
  tasks: number;
  /** The longest task by wall time, and the CPU time of the thread in it. */
  longestWallMs: number;
  cpuOfLongestMs: number;
  /** The task in which the thread itself ran longest. */
  longestCpuMs: number;
  /** Every task of LISTED_FROM_MS or more (wall): [wall, cpu] in ms, longest first. */
  over50WallMs: [number, number][];
  /** Wall and CPU time of all its tasks together. */
  busyWallMs: number;
  busyCpuMs: number;
}

export interface TracedTasks {
  storeWorker: ThreadTasks;
  page: ThreadTasks;
}

const ms = (microseconds: number): number => Math.round(microseconds / 100) / 10;

function tasksOf(events: TraceEvent[]): ThreadTasks {
  let longest: TraceEvent | null = null;
  let longestCpu = 0;
  let busyWall = 0;
  let busyCpu = 0;
  const over: [number, number][] = [];
  for (const event of events) {
    const wall = event.dur ?? 0;
    const cpu = event.tdur ?? 0;
    busyWall += wall;
    busyCpu += cpu;
    if (!longest || wall > (longest.dur ?? 0)) longest = event;
    longestCpu = Math.max(longestCpu, cpu);
    if (wall >= LISTED_FROM_MS * 1000) over.push([ms(wall), ms(cpu)]);
  }
  return {
    tasks: events.length,
    longestWallMs: ms(longest?.dur ?? 0),
    cpuOfLongestMs: ms(longest?.tdur ?? 0),
    longestCpuMs: ms(longestCpu),
    over50WallMs: over.sort((a, b) => b[0] - a[0]),
    busyWallMs: Math.round(busyWall / 1000),
    busyCpuMs: Math.round(busyCpu / 1000),
  };
}

/** The store worker's and the page thread's tasks in a trace of the app's renderer. */
export function readTracedTasks(events: TraceEvent[], storeWorkerUrlPart = 'store.worker'): TracedTasks {
  // The thread that runs the store worker's script (devtools.timeline names the script of each call).
  const worker = events.find((event) => event.name === 'FunctionCall' && event.args?.data?.url?.includes(storeWorkerUrlPart));
  if (!worker) throw new Error('The trace shows no call into the store worker');
  const workerTid = worker.tid;
  const pageThread = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === worker.pid && event.args?.name === 'CrRendererMain');
  if (!pageThread) throw new Error("The trace does not name the page's thread");
  const tasksOn = (tid: number) => events.filter((event) => event.ph === 'X' && event.name === TASK_EVENT && event.pid === worker.pid && event.tid === tid);
  return { storeWorker: tasksOf(tasksOn(workerTid)), page: tasksOf(tasksOn(pageThread.tid)) };
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  // Bytes, decoded once at the end: a chunk may end inside a character.
  const parts: Buffer[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 4 * 1024 * 1024 });
    parts.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  return Buffer.concat(parts).toString('utf8');
}

/** Ends the trace and returns its text. */
async function endTrace(cdp: CDPSession): Promise<string> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('The trace came without a stream to read it from');
  return readStream(cdp, stream);
}

/** Runs `run` under a trace of the browser and reads the store worker's and the page's tasks from it. */
export async function traceTasks<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; tasks: TracedTasks }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await endTrace(cdp).catch(() => undefined);
      throw error;
    }
    const parsed = JSON.parse(await endTrace(cdp)) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return { result, tasks: readTracedTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents) };
  } finally {
    await cdp.detach();
  }
}
