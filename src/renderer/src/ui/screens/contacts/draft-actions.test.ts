import { describe, expect, it } from 'vitest';
import type { FilledDraft } from '../../../../../shared/export/template';
import { shortMailto } from './draft-actions';

describe('a draft as a mail link', () => {
  it('is built, rather than jammed, when PeeringDB text holds a lone surrogate', () => {
    const draft: FilledDraft = {
      to: ['peering@example.net'],
      subject: 'Peering request: AS64500 / AS64501 Broken \uD800 Name',
      body: 'Hello Broken \uDC00 Name peering team,\nWe would like to peer.',
      unknownPlaceholders: [],
    };
    const url = shortMailto(draft);
    expect(url).not.toBeNull();
    expect(decodeURIComponent(url!)).toContain('Broken \uFFFD Name');
  });

  it('leaves out an address that would add recipients', () => {
    const url = shortMailto({
      to: ['peer@x.example?bcc=attacker@y.example&body=x', 'noc@example.net'],
      subject: 's',
      body: 'b',
      unknownPlaceholders: [],
    });
    expect(url).toBe('mailto:noc@example.net?subject=s&body=b');
  });

  it('is not offered when no address is a plain one', () => {
    expect(shortMailto({ to: ['a@b.example?cc=c@d.example'], subject: 's', body: 'b', unknownPlaceholders: [] })).toBeNull();
  });
});
