import type { Work } from '../cooperative';

/**
 * Words to ids, looked up by word prefix: a sorted array of distinct words and, per word, the
 * ids that contain it. A prefix is a contiguous run of the sorted array, found by binary search.
 */
export class PrefixIndex {
  constructor(
    private readonly words: readonly string[],
    private readonly postings: readonly (readonly number[])[],
  ) {}

  /** Adds to `into` the ids having a word that starts with `prefix`, until it holds `cap`. */
  collect(prefix: string, into: Set<number>, cap = Infinity): void {
    for (let i = this.firstAtOrAfter(prefix); i < this.words.length && into.size < cap; i++) {
      if (!this.words[i]!.startsWith(prefix)) break;
      for (const id of this.postings[i]!) into.add(id);
    }
  }

  /** Calls `visit` for each id having a word that starts with `prefix` (an id may repeat). */
  forEachWithPrefix(prefix: string, visit: (id: number) => void): void {
    for (let i = this.firstAtOrAfter(prefix); i < this.words.length; i++) {
      if (!this.words[i]!.startsWith(prefix)) break;
      const ids = this.postings[i]!;
      for (let j = 0; j < ids.length; j++) visit(ids[j]!);
    }
  }

  /** The ids having exactly `word`. */
  exact(word: string): readonly number[] {
    const i = this.firstAtOrAfter(word);
    return this.words[i] === word ? this.postings[i]! : [];
  }

  private firstAtOrAfter(word: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.words[mid]! < word) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Collects words per id while an index is being built. */
export class PrefixIndexBuilder {
  private readonly wordIds = new Map<string, number[]>();

  add(id: number, words: Iterable<string>): void {
    for (const word of words) {
      const ids = this.wordIds.get(word);
      if (!ids) this.wordIds.set(word, [id]);
      // Words repeat within one entity ("Frankfurt ... Frankfurt"); ids arrive in order.
      else if (ids[ids.length - 1] !== id) ids.push(id);
    }
  }

  /**
   * Sorts the words a first character at a time, yielding in between: one sort of the as-set
   * names of a full copy is a long step on its own, and groups of words starting with different
   * characters are in order end to end.
   */
  *build(): Work<PrefixIndex> {
    const byFirst = new Map<number, string[]>();
    for (const word of this.wordIds.keys()) {
      const first = word.length > 0 ? word.charCodeAt(0) : -1;
      const group = byFirst.get(first);
      if (group) group.push(word);
      else byFirst.set(first, [word]);
    }
    yield;
    const words: string[] = [];
    for (const first of [...byFirst.keys()].sort((a, b) => a - b)) {
      const group = byFirst.get(first)!.sort();
      for (const word of group) words.push(word);
      yield;
    }
    const postings = words.map((word) => this.wordIds.get(word)!);
    return new PrefixIndex(words, postings);
  }
}
