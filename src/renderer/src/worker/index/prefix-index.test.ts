import { describe, expect, it } from 'vitest';
import { runToEnd } from '../cooperative';
import { PrefixIndexBuilder } from './prefix-index';

/** As-set names as PeeringDB users write them: sources, ASNs, other scripts, odd characters. */
const WORDS = [
  'ripe::as-foo', 'as-foo', 'as13335:as-bar', 'as-bar', 'arin::as-baz', 'as-baz', 'as-b', 'as', 'a',
  '13335', '1', 'zz-last', 'as-ñandú', 'as-über', 'ас-кириллица', 'as-日本', '\u{1F600}as', '\uFFFD', '-as-', ':x', 'AS-UPPER',
];

describe('the prefix index', () => {
  it('finds by every prefix exactly the ids whose words start with it, words of every script included', () => {
    const builder = new PrefixIndexBuilder();
    WORDS.forEach((word, id) => builder.add(id, [word, word]));
    builder.add(100, ['as-foo', 'as-bar']);
    const index = runToEnd(builder.build());
    const idsOf = (word: string) => [...WORDS.keys()].filter((id) => WORDS[id] === word).concat(word === 'as-foo' || word === 'as-bar' ? [100] : []);
    for (const word of WORDS) {
      expect(index.exact(word)).toEqual(idsOf(word));
      for (let length = 1; length <= word.length; length++) {
        const prefix = word.slice(0, length);
        const found: number[] = [];
        index.forEachWithPrefix(prefix, (id) => found.push(id));
        const expected = WORDS.filter((other) => other.startsWith(prefix)).sort().flatMap((other) => idsOf(other));
        expect(found, prefix).toEqual(expected);
      }
    }
    expect(index.exact('as-f')).toEqual([]);
  });
});
