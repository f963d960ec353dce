import { describe, expect, it } from 'vitest';
import type { MainToStore } from '../../shared/sync';
import { asciiJson } from './ascii-json';
import { StoreSession } from './store-session';

const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

describe('JSON text as ASCII', () => {
  it('escapes every character past ASCII, and JSON.parse reads the same rows', () => {
    const rows = [
      { id: 1, name: 'Zürich Internet Exchange', aka: 'ZüriX', notes: '“Peering” — open\u00a0policy' },
      { id: 2, name: 'Москва-IX', city: 'Москва', notes: 'a\\"b\nc', irr_as_set: null },
      { id: 3, name: '東京 IX', social_media: [{ service: 'website', identifier: 'https://例え.jp/' }] },
      { id: 4, name: 'plain ASCII', info_prefixes4: 12 },
    ];
    const text = JSON.stringify(rows);
    const ascii = asciiJson(text);
    expect(ascii).toMatch(ASCII_ONLY);
    expect(ascii).toContain('\\u041c'); // М
    expect(ascii).toContain('Z\\u00fcrich');
    expect(JSON.parse(ascii)).toEqual(rows);
  });

  it('leaves text that is ASCII already as it is', () => {
    const text = JSON.stringify([{ id: 1, name: 'DE-CIX Frankfurt', notes: 'say \\u00fc "quoted"' }]);
    expect(asciiJson(text)).toBe(text);
  });

  it('escapes the few accented letters of a text one byte a character already, but not the many', () => {
    const rows = [{ id: 1, name: 'Zürich Internet Exchange', notes: 'Open peering policy; route servers at every site. '.repeat(10) }];
    const few = JSON.stringify(rows);
    expect(asciiJson(few)).toMatch(ASCII_ONLY);
    expect(JSON.parse(asciiJson(few))).toEqual(rows);
    const many = JSON.stringify([{ id: 2, name: 'Société Générale Réseau Électrique', city: 'Genève' }]);
    expect(asciiJson(many)).toBe(many);
  });

  it('leaves text holding a surrogate as it came: the store checks surrogate escapes for lone halves', () => {
    const emoji = JSON.stringify([{ id: 1, name: 'Москва 😀 Networks' }]);
    expect(asciiJson(emoji)).toBe(emoji);
    const lone = `[{"id": 2, "name": "Москва \ud800"}]`;
    expect(asciiJson(lone)).toBe(lone);
  });

  it('leaves text mostly past ASCII as it came, where escapes would make it longer', () => {
    const text = JSON.stringify([{ id: 1, name: '東京インターネットエクスチェンジ株式会社', city: '東京都千代田区' }]);
    expect(asciiJson(text)).toBe(text);
  });

  it('keeps text that is not JSON from being read as JSON', () => {
    // A character past ASCII outside a string stays an error once escaped.
    expect(() => JSON.parse(asciiJson('[{"id": 1, "name": "М"}, М]'))).toThrow(SyntaxError);
  });

  it('is what main sends the store as a page', () => {
    const sent: MainToStore[] = [];
    const link = { send: (message: MainToStore) => sent.push(message), onMessage: () => undefined, onClose: () => undefined, close: () => undefined };
    const session = new StoreSession(link, new AbortController().signal, 5000, 'cache', () => undefined);
    const rows = [{ id: 1, name: 'Москва', status: 'ok' }];
    void session.page({ type: 'org', rowsJson: JSON.stringify(rows), complete: true, fetchedRows: 1, bytes: 40 }).catch(() => undefined);
    const page = sent[0] as Extract<MainToStore, { t: 'page' }>;
    expect(page.rowsJson).toMatch(ASCII_ONLY);
    expect(JSON.parse(page.rowsJson)).toEqual(rows);
  });
});
