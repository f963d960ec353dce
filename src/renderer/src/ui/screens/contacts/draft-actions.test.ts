import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilledDraft } from '../../../../../shared/export/template';
import { createFakeApi } from '../../fakes.test-support';
import { openDraftInMail } from './draft-actions';

let fake: ReturnType<typeof createFakeApi>;
let opened: string[];

beforeEach(() => {
  fake = createFakeApi();
  opened = [];
  fake.api.openExternal = async ({ url }) => {
    opened.push(url);
    return { opened: true };
  };
  (globalThis as { api?: unknown }).api = fake.api;
});

afterEach(() => {
  delete (globalThis as { api?: unknown }).api;
});

describe('opening a draft in the mail program', () => {
  it('opens, rather than jams, when PeeringDB text holds a lone surrogate', async () => {
    const draft: FilledDraft = {
      to: ['peering@example.net'],
      subject: 'Peering request: AS64500 / AS64501 Broken \uD800 Name',
      body: 'Hello Broken \uDC00 Name peering team,\nWe would like to peer.',
      unknownPlaceholders: [],
    };
    const result = await openDraftInMail(draft);
    expect(result).toEqual({ ok: true, message: 'Draft opened in your mail program.' });
    expect(opened).toHaveLength(1);
    const url = opened[0]!;
    expect(decodeURIComponent(url)).toContain('Broken \uFFFD Name');
  });

  it('leaves out an address that would add recipients, and says so', async () => {
    const result = await openDraftInMail({
      to: ['peer@x.example?bcc=attacker@y.example&body=x', 'noc@example.net'],
      subject: 's',
      body: 'b',
      unknownPlaceholders: [],
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/1 address\(es\).*left out/) });
    expect(opened).toEqual(['mailto:noc@example.net?subject=s&body=b']);
  });
});
