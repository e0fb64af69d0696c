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
import { grown, wordHash } from './scan';

/** Why a written name is a possible variant of a spelling. */
export type VariantReason = 'edit' | 'transposition' | 'romanization' | 'short-word';

interface Entry<T> {
  words: readonly string[];
  value: T;
}

/** One spelling a written name reads as. */
export interface NameMatch<T> {
  value: T;
  reason: VariantReason;
  /** Words that are not identical (1 or more). */
  distance: number;
}

const BUCKET_INDEX_ABOVE = 8;

/**
 * The index. A bucket holds the spellings filed under one key: the same words but the open one. Keys are hashes,
 * so two keys may share a bucket; each filing keeps its own open position, and `compareNames` sorts out what does
 * not match. The benchmark's 10,000-entity glossary files 47,556 word positions of 16,009 spellings in 24,259
 * buckets, most of one or two: each bucket is a chain of filings in typed arrays rather than an object and two
 * arrays (an array grown by `push` keeps room for sixteen). With its spellings' words in exact-length arrays
 * (`spellingWords`), the whole discovery index of that glossary went from 16 MiB of heap to 5.2.
 */
export class NameIndex<T> {
  /** Bucket key → bucket number. */
  private readonly bucketOf = new Map<number, number>();
  // Per bucket: its first and last filing, and how many it has.
  private head = new Int32Array(256);
  private tail = new Int32Array(256);
  private size = new Int32Array(256);
  private bucketCount = 0;
  // Per filing: the entry, its open word's position, and the next filing of its bucket (-1: none). In filing order.
  private filedEntry = new Int32Array(512);
  private filedOpen = new Int32Array(512);
  private filedNext = new Int32Array(512);
  private filedCount = 0;
  private readonly entries: Entry<T>[] = [];
  /** For a bucket of more than BUCKET_INDEX_ABOVE filings: its open words' neighbour keys → entries, built at its first lookup. */
  private readonly byOpenWord = new Map<number, Map<string, Entry<T>[]>>();
  private longest = 0;
  /** Recent lookups: a text repeats its names. */
  private readonly recent = new Map<string, NameMatch<T>[]>();

  /** Files a spelling given as folded, lower-case words (two or more). */
  add(words: readonly string[], value: T): void {
    if (words.length < 2) return;
    // (Clearing an empty map still allocates its table anew: a glossary adds tens of thousands of spellings.)
    if (this.recent.size > 0) this.recent.clear();
    this.longest = Math.max(this.longest, words.length);
    const entry: Entry<T> = { words, value };
    const entryNumber = this.entries.push(entry) - 1;
    const parts = wordParts(words);
    const sum = partsSum(parts);
    for (let open = 0; open < words.length; open++) {
      // In a two-word spelling, a word under five letters can only be identical (no short-word tier below three
      // words): a match differs in the other word, and is found under that position.
      if (words.length === 2 && words[open].length < LONG_WORD) continue;
      const key = bucketKey(parts, sum, open);
      const filing = this.file(entryNumber, open);
      const bucket = this.bucketOf.get(key);
      if (bucket === undefined) {
        this.bucketOf.set(key, this.newBucket(filing));
        continue;
      }
      this.filedNext[this.tail[bucket]] = filing;
      this.tail[bucket] = filing;
      this.size[bucket]++;
      const index = this.byOpenWord.get(bucket);
      if (index) addByOpenWord(index, entry, open);
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
    const parts = wordParts(words);
    const sum = partsSum(parts);
    const seen = new Set<Entry<T>>();
    const out: NameMatch<T>[] = [];
    const consider = (entry: Entry<T>): void => {
      if (seen.has(entry)) return;
      seen.add(entry);
      const match = compareNames(words, entry.words);
      if (match) out.push({ value: entry.value, ...match });
    };
    for (let open = 0; open < n; open++) {
      const bucket = this.bucketOf.get(bucketKey(parts, sum, open));
      if (bucket === undefined) continue;
      if (this.size[bucket] <= BUCKET_INDEX_ABOVE) {
        for (let f = this.head[bucket]; f !== -1; f = this.filedNext[f]) consider(this.entries[this.filedEntry[f]]);
      } else {
        for (const entry of this.indexedCandidates(bucket, words[open])) consider(entry);
      }
    }
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(key, out);
    return out;
  }

  /** The entries of a large bucket whose open word may relate to `word`: by its neighbour keys. */
  private indexedCandidates(bucket: number, word: string): Set<Entry<T>> {
    let index = this.byOpenWord.get(bucket);
    if (!index) {
      this.byOpenWord.set(bucket, (index = new Map()));
      for (let f = this.head[bucket]; f !== -1; f = this.filedNext[f]) addByOpenWord(index, this.entries[this.filedEntry[f]], this.filedOpen[f]);
    }
    const found = new Set<Entry<T>>();
    for (const key of neighbourKeys(word)) for (const entry of index.get(key) ?? []) found.add(entry);
    return found;
  }

  private file(entryNumber: number, open: number): number {
    if (this.filedCount === this.filedEntry.length) {
      this.filedEntry = grown(this.filedEntry);
      this.filedNext = grown(this.filedNext);
      this.filedOpen = grown(this.filedOpen);
    }
    const filing = this.filedCount++;
    this.filedEntry[filing] = entryNumber;
    this.filedOpen[filing] = open;
    this.filedNext[filing] = -1;
    return filing;
  }

  private newBucket(filing: number): number {
    if (this.bucketCount === this.head.length) {
      this.head = grown(this.head);
      this.tail = grown(this.tail);
      this.size = grown(this.size);
    }
    const bucket = this.bucketCount++;
    this.head[bucket] = filing;
    this.tail[bucket] = filing;
    this.size[bucket] = 1;
    return bucket;
  }
}

// A bucket's key is a hash of the romanized words but the open one, with their positions: a number rather than
// the words joined, since a 10,000-entity glossary files some 60,000 keys, a string each.

/** Each word's romanized form hashed together with its position. */
function wordParts(words: readonly string[]): number[] {
  const parts = new Array<number>(words.length);
  for (let i = 0; i < words.length; i++) parts[i] = mix((formHash(words[i]) + Math.imul(i + 1, 0x9e3779b1)) | 0);
  return parts;
}

function partsSum(parts: readonly number[]): number {
  let sum = 0;
  for (const part of parts) sum = (sum + part) | 0;
  return sum;
}

/** The key of the words but `open`: the other parts, the open position and the number of words (kept a small integer). */
function bucketKey(parts: readonly number[], sum: number, open: number): number {
  return mix((sum - parts[open] + Math.imul(open + 1, 0x27d4eb2f) + Math.imul(parts.length, 0x165667b1)) | 0) & 0x3fffffff;
}

/** The hash of a word's romanized form, remembered: names share their words. */
function formHash(word: string): number {
  let h = formHashes.get(word);
  if (h === undefined) {
    h = wordHash(romanized(word));
    if (formHashes.size > 50_000) formHashes.clear();
    formHashes.set(word, h);
  }
  return h;
}

const formHashes = new Map<string, number>();

/** MurmurHash3's finalizer: every bit of the input moves about half the output's. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function addByOpenWord<T>(index: Map<string, Entry<T>[]>, entry: Entry<T>, open: number): void {
  for (const key of new Set(neighbourKeys(entry.words[open]))) {
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
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
