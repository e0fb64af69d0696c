/**
 * Completion of canonical names while writing: the words typed before the cursor
 * ("tran th", "Tran Th", "to la") are compared in folded, lower-case form with the
 * start of the words of every spelling (name, aliases, aka, short forms), and each
 * entity found is offered by its canonical name. When no spelling starts that way,
 * fuse.js finds the spellings that start almost that way ("Lavorv", "tarn thanh").
 */

import Fuse from 'fuse.js';
import type { Entity } from '../glossary/types';
import { searchForm, type SearchField } from './entitySearch';

/** The fields of an entry that completion reads: its spellings, not its titles or description. */
export type CompletionField = Extract<SearchField, 'name' | 'alias' | 'aka' | 'short'>;

/** One entity offered, best first. */
export interface NameCompletionHit {
  entity: Entity;
  /** The spelling the typed words matched, as the glossary writes it. */
  matched: string;
  field: CompletionField;
  /** True when found by fuse.js, not by word prefixes. */
  fuzzy: boolean;
}

/** What to offer for the text before the cursor. */
export interface NameCompletionResult {
  /** Where the typed words start in the text given; they end at its end. The accepted name replaces them. */
  start: number;
  /** The typed words, as written. */
  typed: string;
  hits: NameCompletionHit[];
  /** True when more entities matched than the limit let through. */
  truncated: boolean;
}

export interface NameCompletion {
  /**
   * The entities to offer when `before` is the text of the line up to the cursor,
   * best first, at most `limit` (default 50); undefined when the word at the cursor
   * has fewer than two letters or nothing matches. The typed words are the last
   * words of `before` separated by spaces or tabs only, at most as many as the
   * longest spelling has; the longest run of them that some spelling's words start
   * with is the query.
   */
  complete(before: string, limit?: number): NameCompletionResult | undefined;
}

const FIELD_ORDER: readonly CompletionField[] = ['name', 'alias', 'aka', 'short'];
const DEFAULT_LIMIT = 50;
const MIN_LETTERS = 2;
/** Fuzzy matching needs a few letters to mean anything, and looks back a few words only. */
const FUZZY_MIN_LENGTH = 4;
const FUZZY_MAX_WORDS = 3;

interface SpellingRecord {
  /** Folded and lower-cased, single-spaced: what fuse compares. */
  text: string;
  words: string[];
  spelling: string;
  field: CompletionField;
  entity: number;
}

/** One word of one spelling, in the sorted word index. */
interface WordEntry {
  word: string;
  record: number;
  position: number;
}

interface Candidate {
  record: SpellingRecord;
  /** The spelling word the query starts at (0: the spelling's first). */
  position: number;
  /** How many typed words are whole words of the spelling ("to" is all of Tô, a part of Tokyo). */
  wholeWords: number;
}

/** Builds the index once per glossary: sorted words for prefixes, a fuse.js index for typos. */
export function createNameCompletion(entities: readonly Entity[]): NameCompletion {
  const records: SpellingRecord[] = [];
  entities.forEach((entity, index) => {
    const seen = new Set<string>();
    const add = (spelling: string, field: CompletionField): void => {
      const text = searchForm(spelling);
      if (text === '' || seen.has(text)) return;
      seen.add(text);
      records.push({ text, words: text.split(' '), spelling, field, entity: index });
    };
    add(entity.name, 'name');
    for (const s of entity.aliases) add(s, 'alias');
    for (const s of entity.aka) add(s, 'aka');
    for (const s of entity.short) add(s, 'short');
  });
  const words: WordEntry[] = [];
  records.forEach((record, r) => record.words.forEach((word, position) => words.push({ word, record: r, position })));
  words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const maxWords = records.reduce((max, r) => Math.max(max, r.words.length), 0);

  let fuse: Fuse<SpellingRecord> | undefined; // Built on the first typo: most sessions never need it.
  const fuzzy = (): Fuse<SpellingRecord> =>
    (fuse ??= new Fuse(records, {
      keys: ['text'],
      includeScore: true,
      // Anchored at the start of the spelling: a completion is typed from a name's beginning.
      location: 0,
      distance: 20,
      threshold: 0.34,
      isCaseSensitive: true,
    }));

  /** The spellings whose words, from some word on, start with the query words. */
  const prefixMatches = (query: readonly string[]): Candidate[] => {
    const found: Candidate[] = [];
    const first = query[0];
    for (let i = lowerBound(words, first); i < words.length && words[i].word.startsWith(first); i++) {
      const { record: r, position } = words[i];
      const record = records[r];
      if (position + query.length > record.words.length) continue;
      let ok = true;
      let wholeWords = 0;
      for (let k = 0; k < query.length && ok; k++) {
        const word = record.words[position + k];
        ok = word.startsWith(query[k]);
        if (ok && word === query[k]) wholeWords++;
      }
      if (ok) found.push({ record, position, wholeWords });
    }
    return found;
  };

  return {
    complete(before: string, limit = DEFAULT_LIMIT): NameCompletionResult | undefined {
      const typedWords = trailingWords(before, maxWords);
      if (typedWords.length === 0) return undefined;
      const last = typedWords[typedWords.length - 1];
      if (countLetters(before.slice(last.start)) < MIN_LETTERS) return undefined;
      const max = Math.max(0, Math.floor(limit));
      const folded = typedWords.map((w) => searchForm(before.slice(w.start, w.end)));

      for (let k = typedWords.length; k >= 1; k--) {
        const found = prefixMatches(folded.slice(-k));
        if (found.length === 0) continue;
        const best = new Map<number, Candidate>();
        for (const c of found) {
          const current = best.get(c.record.entity);
          if (!current || compareCandidates(c, current) < 0) best.set(c.record.entity, c);
        }
        const ranked = [...best.values()].sort(compareCandidates);
        const start = typedWords[typedWords.length - k].start;
        return {
          start,
          typed: before.slice(start),
          hits: ranked.slice(0, max).map((c) => ({ entity: entities[c.record.entity], matched: c.record.spelling, field: c.record.field, fuzzy: false })),
          truncated: ranked.length > max,
        };
      }

      for (let k = Math.min(typedWords.length, FUZZY_MAX_WORDS); k >= 1; k--) {
        const query = folded.slice(-k).join(' ');
        if (query.length < FUZZY_MIN_LENGTH) continue;
        const seen = new Set<number>();
        const hits: NameCompletionHit[] = [];
        let truncated = false;
        for (const hit of fuzzy().search(query)) {
          const record = hit.item;
          // A typo seldom hits the first letter; holding it keeps "met tarn" from eating "met".
          if (record.text[0] !== query[0] || seen.has(record.entity)) continue;
          seen.add(record.entity);
          if (hits.length === max) {
            truncated = true;
            break;
          }
          hits.push({ entity: entities[record.entity], matched: record.spelling, field: record.field, fuzzy: true });
        }
        if (hits.length === 0) continue;
        const start = typedWords[typedWords.length - k].start;
        return { start, typed: before.slice(start), hits, truncated };
      }
      return undefined;
    },
  };
}

/** Best first: a match from a spelling's first word, more whole words, the name before other spellings, shorter, earlier. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(a.position > 0) - Number(b.position > 0) ||
    b.wholeWords - a.wholeWords ||
    FIELD_ORDER.indexOf(a.record.field) - FIELD_ORDER.indexOf(b.record.field) ||
    a.record.words.length - b.record.words.length ||
    a.record.text.length - b.record.text.length ||
    a.record.entity - b.record.entity
  );
}

/** The first entry whose word is not below `word`. */
function lowerBound(entries: readonly WordEntry[], word: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].word < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Joins the parts of one word: "Jean-Pierre", "O'Brien". */
const JOINERS = "-'\u2019";

/**
 * The last words of `text` (at most `max`), in order, with their offsets: runs of
 * letters, marks and digits (hyphens and apostrophes inside them included), separated
 * by spaces or tabs. Empty when `text` does not end in a word; any other character
 * (punctuation, a quote, a bracket) ends the run, so a sentence before is left alone.
 */
export function trailingWords(text: string, max: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let i = text.length;
  while (found.length < max) {
    const end = i;
    for (let width = charBefore(text, i); width > 0; width = charBefore(text, i)) i -= width;
    if (i === end) break;
    found.unshift({ start: i, end });
    let gap = i;
    while (gap > 0 && (text[gap - 1] === ' ' || text[gap - 1] === '\t')) gap--;
    if (gap === i) break;
    i = gap;
  }
  return found;
}

/** The width (1 or 2 code units) of the word character before `at`, or 0 when none is there. */
function charBefore(text: string, at: number): number {
  if (at === 0) return 0;
  const code = text.charCodeAt(at - 1);
  // A letter outside the Basic Multilingual Plane is two code units: test them together.
  if (code >= 0xdc00 && code <= 0xdfff && at > 1) return WORD_CHAR.test(text.slice(at - 2, at)) ? 2 : 0;
  return WORD_CHAR.test(text[at - 1]) || isInnerJoiner(text, at - 1) ? 1 : 0;
}

function isInnerJoiner(text: string, at: number): boolean {
  return JOINERS.includes(text[at]) && at > 0 && at + 1 < text.length && WORD_CHAR.test(text[at - 1]) && WORD_CHAR.test(text[at + 1]);
}

function countLetters(word: string): number {
  let n = 0;
  for (const ch of word) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}
