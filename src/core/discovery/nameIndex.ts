/**
 * An index of multi-word spellings for the possible-variant comparison: every
 * word the same, equal under romanization, or one edit away, at least one word
 * identical (DESIGN.md, Discovery 1). A spelling is filed under each of its word
 * positions with that position left open and the other words romanized, so a
 * written name finds, by hashing, the spellings that agree with it everywhere
 * but in one word; a large bucket is indexed again by the open word's
 * neighbour keys. The cost of a lookup does not grow with the glossary.
 */

import { LONG_WORD, neighbourKeys, relate, romanized, type WordRelation } from './compare';

/** Why a written name is a possible variant of a spelling. */
export type VariantReason = 'edit' | 'transposition' | 'romanization' | 'short-word';

interface Entry<T> {
  words: readonly string[];
  value: T;
}

interface Bucket<T> {
  entries: Entry<T>[];
  /** The open word's neighbour keys → entries, built when the bucket grows large. */
  byOpenWord?: Map<string, Entry<T>[]>;
  open: number;
}

/** One spelling a written name reads as. */
export interface NameMatch<T> {
  value: T;
  reason: VariantReason;
  /** Words that are not identical (1 or more). */
  distance: number;
}

const BUCKET_INDEX_ABOVE = 8;

export class NameIndex<T> {
  private readonly buckets = new Map<string, Bucket<T>>();
  private longest = 0;
  /** Recent lookups: a text repeats its names. */
  private readonly recent = new Map<string, NameMatch<T>[]>();

  /** Files a spelling given as folded, lower-case words (two or more). */
  add(words: readonly string[], value: T): void {
    if (words.length < 2) return;
    this.recent.clear();
    this.longest = Math.max(this.longest, words.length);
    const entry: Entry<T> = { words, value };
    const forms = words.map(romanized);
    for (let open = 0; open < words.length; open++) {
      // In a two-word spelling, a word under five letters can only be identical (no short-word tier below three
      // words): a match differs in the other word, and is found under that position.
      if (words.length === 2 && words[open].length < LONG_WORD) continue;
      const key = bucketKey(forms, open);
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = { entries: [], open }));
      bucket.entries.push(entry);
      if (bucket.byOpenWord) addByOpenWord(bucket.byOpenWord, entry, open);
    }
  }

  /** The most words any spelling has. */
  get maxWords(): number {
    return this.longest;
  }

  /**
   * The spellings `words` (folded, lower-case) reads as, each once: same number of
   * words, at least one identical, the others romanized-equal or one edit away
   * (five letters or more); or, for three words or more, all identical but one
   * shorter word one edit away (`short-word`). Exact equality is not a match.
   */
  lookup(words: readonly string[]): NameMatch<T>[] {
    const n = words.length;
    if (n < 2 || n > this.longest) return [];
    const key = words.join(' ');
    const cached = this.recent.get(key);
    if (cached) return cached;
    const forms = words.map(romanized);
    const seen = new Set<Entry<T>>();
    const out: NameMatch<T>[] = [];
    for (let open = 0; open < n; open++) {
      const bucket = this.buckets.get(bucketKey(forms, open));
      if (!bucket) continue;
      for (const entry of candidatesIn(bucket, words[open])) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const match = compareNames(words, entry.words);
        if (match) out.push({ value: entry.value, ...match });
      }
    }
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(key, out);
    return out;
  }
}

function bucketKey(forms: readonly string[], open: number): string {
  // Joined rather than concatenated: a flat string hashes at once, a concatenation is flattened first.
  const parts = forms.slice();
  parts[open] = '*';
  return parts.join(' ');
}

function addByOpenWord<T>(index: Map<string, Entry<T>[]>, entry: Entry<T>, open: number): void {
  for (const key of new Set(neighbourKeys(entry.words[open]))) {
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
}

function candidatesIn<T>(bucket: Bucket<T>, word: string): Iterable<Entry<T>> {
  if (bucket.entries.length <= BUCKET_INDEX_ABOVE) return bucket.entries;
  if (!bucket.byOpenWord) {
    bucket.byOpenWord = new Map();
    for (const entry of bucket.entries) addByOpenWord(bucket.byOpenWord, entry, bucket.open);
  }
  const found = new Set<Entry<T>>();
  for (const key of neighbourKeys(word)) for (const entry of bucket.byOpenWord.get(key) ?? []) found.add(entry);
  return found;
}

/** Compares a written name with a spelling word by word (both folded, lower-case, same length). */
export function compareNames(written: readonly string[], known: readonly string[]): { reason: VariantReason; distance: number } | null {
  if (written.length !== known.length) return null;
  let identical = 0;
  let reason: WordRelation | null = null;
  let shortEdits = 0;
  for (let i = 0; i < written.length; i++) {
    const relation = relate(written[i], known[i]);
    if (relation === 'identical') {
      identical++;
      continue;
    }
    if (relation === null) {
      // The short-word tier: one word under five letters one edit away, every other word identical.
      if ((written[i].length < LONG_WORD || known[i].length < LONG_WORD) && relate(written[i], known[i], true)) {
        shortEdits++;
        continue;
      }
      return null;
    }
    // The reason a reader is told: a typing slip before a transliteration.
    if (reason === null || rank(relation) > rank(reason)) reason = relation;
  }
  if (identical === 0 || identical === written.length) return null;
  if (shortEdits > 0) {
    return shortEdits === 1 && reason === null && written.length >= 3 ? { reason: 'short-word', distance: 1 } : null;
  }
  return { reason: reason as VariantReason, distance: written.length - identical };
}

function rank(relation: WordRelation): number {
  return relation === 'edit' ? 3 : relation === 'transposition' ? 2 : relation === 'romanization' ? 1 : 0;
}
