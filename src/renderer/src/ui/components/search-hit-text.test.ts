import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../protocol/discovery';
import { hitText } from './search-hit-text';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  key: 'net:1',
  kind: 'net',
  id: 1,
  title: 'Example',
  subtitle: 'AS64500 · NSP · Open policy',
  match: 'name',
  detail: '',
  asn: 64500,
  ...over,
});

describe('search hit text', () => {
  it('says a network’s ASN once, in the title', () => {
    expect(hitText(hit({}))).toEqual({ title: 'Example (AS64500)', subtitle: 'NSP · Open policy' });
    expect(hitText(hit({ title: 'Vernix (AS64500)' }))).toEqual({ title: 'Vernix (AS64500)', subtitle: 'NSP · Open policy' });
    expect(hitText(hit({ subtitle: 'AS64500' })).subtitle).toBe('');
  });

  it('leaves other kinds as they are', () => {
    expect(hitText(hit({ kind: 'ix', asn: undefined, title: 'Test IX', subtitle: 'Frankfurt, DE' }))).toEqual({
      title: 'Test IX',
      subtitle: 'Frankfurt, DE',
    });
  });
});
