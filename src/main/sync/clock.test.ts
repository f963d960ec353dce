import { describe, expect, it } from 'vitest';
import { Pacer, WALL_CLOCK, type PacingRule } from './clock';
import { SkippingClock } from './skipping-clock.test-support';

const ANONYMOUS: PacingRule = { minIntervalMs: 2000, perMinute: 20 };
const WITH_KEY: PacingRule = { minIntervalMs: 2000, perMinute: 40 };

/** Start times of `count` requests through one pacer, relative to the first. */
async function startTimes(rule: PacingRule | null, count: number, clock = new SkippingClock()): Promise<number[]> {
  const pacer = new Pacer(clock);
  const signal = new AbortController().signal;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const answered = await pacer.turn(rule, signal);
    starts.push(clock.now());
    answered();
  }
  return starts.map((t) => t - starts[0]!);
}

/** The most starts that fall within any window of 60 s. */
function busiestMinute(starts: number[]): number {
  let most = 0;
  for (const from of starts) most = Math.max(most, starts.filter((t) => t >= from && t < from + 60_000).length);
  return most;
}

describe('Pacer', () => {
  it('keeps anonymous requests 2 s apart and no more while the minute has room', async () => {
    const starts = await startTimes(ANONYMOUS, 13);
    // A resync of 13 types: twelve gaps of exactly two seconds.
    expect(starts).toEqual(Array.from({ length: 13 }, (_, i) => i * 2000));
  });

  it('never lets a 21st anonymous request into a rolling minute, and waits no longer than that', async () => {
    const starts = await startTimes(ANONYMOUS, 45);
    expect(busiestMinute(starts)).toBe(20);
    // The 21st waits for the 1st to leave the minute; later ones keep both rules.
    expect(starts[19]).toBe(38_000);
    expect(starts[20]).toBe(60_000);
    expect(starts[21]).toBe(62_000);
    expect(starts[40]).toBe(120_000);
    for (let i = 1; i < starts.length; i++) {
      const earliest = Math.max(starts[i - 1]! + 2000, i >= 20 ? starts[i - 20]! + 60_000 : 0);
      expect(starts[i], `request ${i}`).toBe(earliest);
    }
  });

  it('allows 40 a minute with a key: two seconds apart already keeps them under it', async () => {
    const starts = await startTimes(WITH_KEY, 45);
    expect(starts).toEqual(Array.from({ length: 45 }, (_, i) => i * 2000));
    expect(busiestMinute(starts)).toBe(30);
  });

  it('holds the minute cap on its own when the spacing is shorter', async () => {
    const starts = await startTimes({ minIntervalMs: 100, perMinute: 40 }, 81);
    expect(busiestMinute(starts)).toBe(40);
    expect(starts[39]).toBe(3900);
    expect(starts[40]).toBe(60_000);
    expect(starts[80]).toBe(120_000);
  });

  it('lets requests go at once without a rule (mirrors, loopback)', async () => {
    const clock = new SkippingClock();
    expect(await startTimes(null, 30, clock)).toEqual(Array(30).fill(0));
    expect(clock.waits).toEqual([]);
  });

  it('counts from the previous answer, so PeeringDB sees the gap however long the request was on its way', async () => {
    const clock = new SkippingClock();
    const pacer = new Pacer(clock);
    const signal = new AbortController().signal;
    const answered = await pacer.turn(ANONYMOUS, signal);
    await clock.sleep(1500, signal); // the request and its answer took 1.5 s
    answered();
    const reported: number[] = [];
    (await pacer.turn(ANONYMOUS, signal, (ms) => reported.push(ms)))();
    expect(reported).toEqual([2000]);
  });

  it('lets one paced request out at a time', async () => {
    const clock = new SkippingClock();
    const pacer = new Pacer(clock);
    const signal = new AbortController().signal;
    const first = await pacer.turn(ANONYMOUS, signal);
    let secondStarted = false;
    const second = pacer.turn(ANONYMOUS, signal).then((answered) => {
      secondStarted = true;
      return answered;
    });
    await clock.sleep(5000, signal);
    expect(secondStarted).toBe(false);
    const answeredAt = clock.now();
    first();
    (await second)();
    expect(clock.now() - answeredAt).toBe(2000);
  });

  it('reports each wait before it begins', async () => {
    const clock = new SkippingClock();
    const pacer = new Pacer(clock);
    const signal = new AbortController().signal;
    const reported: number[] = [];
    for (let i = 0; i < 3; i++) (await pacer.turn(ANONYMOUS, signal, (ms) => reported.push(ms)))();
    expect(reported).toEqual([2000, 2000]);
    expect(clock.waits).toEqual([2000, 2000]);
  });

  it('counts the starts of one rule against the next: adding a key mid-minute does not reset the count', async () => {
    const clock = new SkippingClock();
    const pacer = new Pacer(clock);
    const signal = new AbortController().signal;
    const spacedOnly = { minIntervalMs: 0, perMinute: 20 };
    for (let i = 0; i < 20; i++) (await pacer.turn(spacedOnly, signal))();
    (await pacer.turn({ minIntervalMs: 0, perMinute: 40 }, signal))();
    expect(clock.now() - Date.UTC(2026, 3, 16, 12)).toBe(0);
    (await pacer.turn(spacedOnly, signal))();
    expect(clock.now() - Date.UTC(2026, 3, 16, 12)).toBe(60_000);
  });

  it('stops waiting when the sync is cancelled', async () => {
    const rule = { minIntervalMs: 60_000, perMinute: 20 };
    const pacer = new Pacer(WALL_CLOCK);
    const abort = new AbortController();
    (await pacer.turn(rule, abort.signal))();
    const waiting = pacer.turn(rule, abort.signal);
    abort.abort(new Error('cancelled by the user'));
    await expect(waiting).rejects.toThrow('cancelled by the user');
  });
});
