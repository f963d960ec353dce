import { describe, expect, it } from 'vitest';
import { parseTrafficLevel, TRAFFIC_LEVELS, trafficFloor } from './traffic';

const G = 1_000;
const T = 1_000_000;

describe('reading traffic levels', () => {
  it('reads every choice PeeringDB offers today, in increasing order', () => {
    const floors = TRAFFIC_LEVELS.map(trafficFloor);
    expect(floors.every((floor) => floor >= 0)).toBe(true);
    expect(floors).toEqual([...floors].sort((a, b) => a - b));
    expect(new Set(floors).size).toBe(TRAFFIC_LEVELS.length);
    expect(parseTrafficLevel('1-5Tbps')).toEqual({ low: 1 * T, high: 5 * T });
    expect(parseTrafficLevel('100-1000Mbps')).toEqual({ low: 100, high: 1000 });
    expect(parseTrafficLevel('100+Tbps')).toEqual({ low: 100 * T, high: Infinity });
  });

  it('reads the wording PeeringDB used until 2020 (django-peeringdb const.py, server migrations 0001 and 0035)', () => {
    const older: [string, number, number][] = [
      ['0-20 Mbps', 0, 20],
      ['20-50 Gbps', 20 * G, 50 * G],
      ['50-100 Gbps', 50 * G, 100 * G],
      ['100+ Gbps', 100 * G, Infinity],
      ['100-200 Gbps', 100 * G, 200 * G],
      ['200-300 Gbps', 200 * G, 300 * G],
      ['300-500 Gbps', 300 * G, 500 * G],
      ['500-1000 Gbps', 500 * G, 1000 * G],
      ['1 Tbps+', 1 * T, Infinity],
      ['10 Tbps+', 10 * T, Infinity],
      // What migration 0035 produced on the way, before mapping them to today's levels.
      ['1Tbps+', 1 * T, Infinity],
      ['10Tbps+', 10 * T, Infinity],
      ['100+Gbps', 100 * G, Infinity],
    ];
    for (const [text, low, high] of older) expect(parseTrafficLevel(text), text).toEqual({ low, high });
  });

  it('tolerates how people write them: case, spaces, dashes, units spelled out, decimal commas', () => {
    expect(parseTrafficLevel(' 1 - 5 tbps ')).toEqual({ low: T, high: 5 * T });
    expect(parseTrafficLevel('1–5 Tbit/s')).toEqual({ low: T, high: 5 * T });
    expect(parseTrafficLevel('20-50 Gb/s')).toEqual({ low: 20 * G, high: 50 * G });
    expect(parseTrafficLevel('500Mbit-1Gbit')).toEqual({ low: 500, high: 1000 });
    expect(parseTrafficLevel('1,5-2 Tbps')).toEqual({ low: 1.5 * T, high: 2 * T });
    expect(parseTrafficLevel('>1Tbps')).toEqual({ low: T, high: Infinity });
    expect(parseTrafficLevel('10 Gbps')).toEqual({ low: 10 * G, high: 10 * G });
  });

  it('reads nothing into what says nothing', () => {
    for (const text of ['', 'Not Disclosed', 'lots', '5-1Tbps', '1-5', 'Tbps']) {
      expect(parseTrafficLevel(text), text).toBeNull();
      expect(trafficFloor(text), text).toBe(-1);
    }
    for (const odd of [null, undefined, 5, {}, ['1-5Tbps']]) expect(trafficFloor(odd)).toBe(-1);
  });

  it('ranks old and new wordings of the same traffic together', () => {
    expect(trafficFloor('1 Tbps+')).toBe(trafficFloor('1-5Tbps'));
    expect(trafficFloor('20-50 Gbps')).toBe(trafficFloor('20-50Gbps'));
    expect(trafficFloor('10 Tbps+')).toBeGreaterThan(trafficFloor('5-10Tbps'));
    expect(trafficFloor('100+ Gbps')).toBe(trafficFloor('100-200Gbps'));
  });
});
