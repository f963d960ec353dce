import { describe, expect, it } from 'vitest';
import type { MainToStore } from '../../shared/sync';
import { oneByteJson } from './one-byte-json';
import { StoreSession } from './store-session';

/** Every character fits in one byte (up to U+00FF). */
const ONE_BYTE = /^[^\u0100-\uffff]*$/;

describe('JSON text at one byte a character', () => {
  it('escapes every character past U+00FF, keeps the rest as they are, and JSON.parse reads the same rows', () => {
    const rows = [
      { id: 1, name: 'Zürich Internet Exchange', aka: 'ZüriX', notes: '“Peering” — open\u00a0policy' },
      { id: 2, name: 'Москва-IX', city: 'Москва', notes: 'a\\"b\nc', irr_as_set: null },
      { id: 3, name: '東京 IX', social_media: [{ service: 'website', identifier: 'https://例え.jp/' }] },
      { id: 4, name: 'plain ASCII', info_prefixes4: 12 },
    ];
    const text = JSON.stringify(rows);
    const oneByte = oneByteJson(text);
    expect(oneByte).toMatch(ONE_BYTE);
    expect(oneByte).toContain('\\u041c'); // М
    expect(oneByte).toContain('Zürich');
    expect(JSON.parse(oneByte)).toEqual(rows);
  });

  it('leaves text whose characters all fit in one byte as it is', () => {
    const ascii = JSON.stringify([{ id: 1, name: 'DE-CIX Frankfurt', notes: 'say \\u00fc "quoted"' }]);
    expect(oneByteJson(ascii)).toBe(ascii);
    const latin1 = JSON.stringify([{ id: 2, name: 'Zürich Café', city: 'Genève' }]);
    expect(oneByteJson(latin1)).toBe(latin1);
  });

  it('leaves text holding a surrogate as it came: the store checks surrogate escapes for lone halves', () => {
    const emoji = JSON.stringify([{ id: 1, name: 'Москва 😀 Networks' }]);
    expect(oneByteJson(emoji)).toBe(emoji);
    const lone = `[{"id": 2, "name": "Москва \ud800"}]`;
    expect(oneByteJson(lone)).toBe(lone);
  });

  it('leaves text mostly past U+00FF as it came, where escapes would make it longer', () => {
    const text = JSON.stringify([{ id: 1, name: '東京インターネットエクスチェンジ株式会社', city: '東京都千代田区' }]);
    expect(oneByteJson(text)).toBe(text);
  });

  it('keeps text that is not JSON from being read as JSON', () => {
    // A character past U+00FF outside a string stays an error once escaped.
    expect(() => JSON.parse(oneByteJson('[{"id": 1, "name": "М"}, М]'))).toThrow(SyntaxError);
  });

  it('is what main sends the store as a page', () => {
    const sent: MainToStore[] = [];
    const link = { send: (message: MainToStore) => sent.push(message), onMessage: () => undefined, onClose: () => undefined, close: () => undefined };
    const session = new StoreSession(link, new AbortController().signal, 5000, 'cache', () => undefined);
    const rows = [{ id: 1, name: 'Москва', status: 'ok' }];
    void session.page({ type: 'org', rowsJson: JSON.stringify(rows), complete: true, fetchedRows: 1, bytes: 40 }).catch(() => undefined);
    const page = sent[0] as Extract<MainToStore, { t: 'page' }>;
    expect(page.rowsJson).toMatch(ONE_BYTE);
    expect(JSON.parse(page.rowsJson)).toEqual(rows);
  });
});
