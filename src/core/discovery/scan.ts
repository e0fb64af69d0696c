/**
 * One pass over a text for discovery: the runs of capitalised words that may be
 * names (with the connectors between them), and the word counts that tell a
 * common word or a real acronym from a name (DESIGN.md, Discovery: candidates).
 * A hand-written loop over code units: the editor runs it on every analysis, so
 * lower-case words (most of a text) are hashed, never sliced.
 */

import { fold } from '../text/fold';
import { classifyCode, isAllCaps, WORD_CLASS } from '../text/chars';
import { isInUrlOrFileName, tokenAround } from '../text/tokens';
import { FUNCTION_WORDS } from '../text/wordLists';

/** What a corpus (or one document) says about its words; folded, lower-case keys unless said otherwise. */
export interface WordStats {
  /** Hashes (`wordHash`) of the words written in lower case somewhere. */
  lower: Set<number>;
  /** All-capitals words of two to five letters → how often they occur (folded, as written). */
  caps: Map<string, number>;
  /** Capitalised words → how often they stand alone (no capitalised word beside them) other than at a sentence start. */
  midCapital: Map<string, number>;
}

/** `RunWords.flags`: a lower-case connector (of, the, and, …) between two capitalised words. */
export const CONNECTOR = 1;
/** `RunWords.flags`: the first word of a sentence, a line or a heading. */
export const INITIAL = 2;
/** `RunWords.flags`: all capitals, two to five letters ("VNA", "BTV"). */
export const SHORT_CAPS = 4;

/**
 * The words of every run, one after the other, in parallel arrays (a text has
 * tens of thousands of them: no object per word). Run `r` is the words
 * `[runs.first[r], runs.end[r])`.
 */
export interface RunWords {
  start: Int32Array;
  end: Int32Array;
  /** Folded, lower-case. */
  key: string[];
  /** `CONNECTOR`, `INITIAL`, `SHORT_CAPS`. */
  flags: Uint8Array;
}

/** Maximal runs of capitalised words, possibly joined by connectors, each on one line. */
export interface Runs {
  count: number;
  first: Int32Array;
  end: Int32Array;
  /** 1 when the lower-case word right before the run is "in", "from" or "to" (a hint that it names a place). */
  afterPlacePreposition: Uint8Array;
  words: RunWords;
}

/** What `scanText` finds. */
export interface Scan {
  stats: WordStats;
  runs: Runs;
}

const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'from', 'to']);
// Sentence-initial one-word runs of these are never candidates (nor counted as mid-sentence capitals): not kept.
const INITIAL_SKIPPED = FUNCTION_WORDS;

/** Lower-case words that may join two capitalised words of one name. */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'de', 'van', 'von', 'bin', 'al']);

const NON_ASCII_RE = /[^\x00-\x7f]/;
const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LOWER_RE = /\p{Ll}/u;
// Characters that, glued to a word, may make it part of a URL, an address or a file name.
const URLISH = new Uint8Array(128);
for (const ch of './@:_\\=?&#%~') URLISH[ch.charCodeAt(0)] = 1;
// Before a word, these end a sentence or a heading's label ("MOSCOW — The", "Ngọc Vân | The").
const SENTENCE_END = new Set(['.', '!', '?', ':', '|', '—', '–', '•']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '*', '_', '#', '>', '«', '„']);
// Letter case of BMP code units, filled lazily: 0 unknown, 1 upper, 2 lower, 3 neither.
const CASE = new Uint8Array(0x10000);
const LOWER_OR_DIGIT = new Uint8Array(128);
for (let c = 0x61; c <= 0x7a; c++) LOWER_OR_DIGIT[c] = 1;
for (let c = 0x30; c <= 0x39; c++) LOWER_OR_DIGIT[c] = 1;
for (let c = 0; c < 128; c++) CASE[c] = c >= 0x41 && c <= 0x5a ? 1 : c >= 0x61 && c <= 0x7a ? 2 : 3;

function caseOf(code: number): number {
  let k = CASE[code];
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = UPPER_RE.test(ch) ? 1 : LOWER_RE.test(ch) ? 2 : 3;
    CASE[code] = k;
  }
  return k;
}

function isWordUnit(code: number): boolean {
  const cls = WORD_CLASS[code];
  return (cls === 0 ? classifyCode(code) : cls) === 1;
}

/** The hash under which a folded, lower-case word is kept in `WordStats.lower`. */
export function wordHash(key: string): number {
  let h = 0;
  for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
  return h & HASH_MASK;
}

/** `wordHash(key + suffix)` from `wordHash(key)`. */
export function extendHash(hash: number, suffix: string): number {
  let h = hash;
  for (let k = 0; k < suffix.length; k++) h = (Math.imul(h, 31) + suffix.charCodeAt(k)) | 0;
  return h & HASH_MASK;
}

// 30 bits: small integers, which V8 keeps unboxed (a Set of them allocates nothing per word).
const HASH_MASK = 0x3fffffff;
const ADDED_SLOTS = 4096;

// Capitalised words seen lately (as written, under 32 code units), by their hash: folded key, short all-capitals
// flag and that form for `WordStats.caps`.
const CAPITAL_SLOTS = 4096;
const CAPITAL_WORDS: string[] = new Array<string>(CAPITAL_SLOTS).fill('');
const CAPITAL_KEYS: string[] = new Array<string>(CAPITAL_SLOTS).fill('');
const CAPITAL_CAPS: string[] = new Array<string>(CAPITAL_SLOTS).fill('');
const CAPITAL_SHORT_CAPS = new Uint8Array(CAPITAL_SLOTS);

export function newWordStats(): WordStats {
  return { lower: new Set<number>(), caps: new Map(), midCapital: new Map() };
}

/** Adds `from` into `into` (the corpus-wide knowledge of the CLI's first pass). */
export function mergeWordStats(into: WordStats, from: WordStats): WordStats {
  for (const w of from.lower) into.lower.add(w);
  for (const [w, n] of from.caps) into.caps.set(w, (into.caps.get(w) ?? 0) + n);
  for (const [w, n] of from.midCapital) into.midCapital.set(w, (into.midCapital.get(w) ?? 0) + n);
  return into;
}

// Folded lower-case forms of words seen lately: a corpus repeats its vocabulary.
const keyCache = new Map<string, string>();

function keyOf(word: string): string {
  if (!NON_ASCII_RE.test(word)) return word.toLowerCase();
  let key = keyCache.get(word);
  if (key === undefined) {
    key = fold(word.normalize('NFC')).toLowerCase();
    if (word.length < 16) {
      if (keyCache.size > 50_000) keyCache.clear();
      // A copy, so the cache does not keep a view on the whole text alive.
      keyCache.set(` ${word}`.slice(1), key);
    }
  }
  return key;
}

/** The folded, lower-case words of a spelling, split as a text's words are. */
export function spellingWords(spelling: string): string[] {
  const out: string[] = [];
  forEachWord(spelling, (start, end) => {
    out.push(keyOf(spelling.slice(start, end)));
  });
  return out;
}

/** Calls `visit` with each word of `text`: letters, digits and marks, joined by apostrophes or hyphens ("O’Brien", "Jean-Pierre"), a possessive 's left out. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, i + 1);
    visit(start, possessiveEnd(text, start, i));
  }
}

function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** The end of the word whose letters continue at `i`. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = WORD_CLASS[c];
    if ((cls === 0 ? classifyCode(c) : cls) === 1) continue;
    if (isJoiner(c) && i + 1 < n && isWordUnit(text.charCodeAt(i + 1)) && !isDigitCode(text.charCodeAt(i + 1))) continue;
    break;
  }
  return i;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `end`, or before a trailing possessive 's. */
function possessiveEnd(text: string, start: number, end: number): number {
  if (end - start > 2) {
    const s = text.charCodeAt(end - 1);
    const q = text.charCodeAt(end - 2);
    if ((s === 0x73 || s === 0x53) && (q === 0x27 || q === 0x2019)) return end - 2;
  }
  return end;
}

function isHorizontalSpace(text: string, start: number, end: number): boolean {
  if (end - start === 1 && text.charCodeAt(start) === 0x20) return true;
  if (end <= start) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x202f) return false;
  }
  return true;
}

function isSentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  // The usual case, at once: a space after a letter.
  if (k >= 1 && text.charCodeAt(k) === 0x20 && isWordUnit(text.charCodeAt(k - 1))) return false;
  while (k >= 0) {
    const ch = text[k];
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || OPENERS.has(ch)) k--;
    else break;
  }
  if (k < 0) return true;
  const ch = text[k];
  if (ch === '\n' || ch === '\r' || SENTENCE_END.has(ch)) return true;
  // A hyphen standing alone is a dash ("Vietnam - A Marathon of Knowledge") or a bullet.
  return ch === '-' && k < start - 1 && (k === 0 || /\s/.test(text[k - 1]));
}

/** Is a URL-ish character glued to the word with more of the token beyond it ("vietnamnews.vn", "https://…/Tô_Lâm", not "Russia. The")? */
function gluedToUrlish(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  if (after < 128 && URLISH[after] === 1 && end + 1 < text.length) {
    const next = text.charCodeAt(end + 1);
    if (isWordUnit(next) || next === 0x2f) return true;
  }
  const at = text.charCodeAt(start - 1);
  if (start >= 2 && at < 128 && URLISH[at] === 1) {
    const prev = text.charCodeAt(start - 2);
    if (prev !== 0x20 && prev !== 0x0a && prev !== 0x09 && prev !== 0x0d) return true;
  }
  return false;
}

// A token that ends in a file extension: on a line of its own words, the whole line is a file name.
const FILE_TOKEN_RE = /\.[a-z0-9]{2,5}$/i;
const PROSE_RE = /[,;!?]|\.\s/;

/** Growable parallel arrays for `Runs` and `RunWords`. */
class RunBuffer {
  count = 0;
  first: Int32Array;
  end: Int32Array;
  place: Uint8Array;
  words = 0;
  start: Int32Array;
  wordEnd: Int32Array;
  key: string[] = [];
  flags: Uint8Array;

  /** Sized for a text of `length` code units (news text has a run every 60 or so); grown as needed. */
  constructor(length: number) {
    const runs = Math.max(16, Math.min(1 << 16, length >> 6));
    this.first = new Int32Array(runs);
    this.end = new Int32Array(runs);
    this.place = new Uint8Array(runs);
    this.start = new Int32Array(runs * 2);
    this.wordEnd = new Int32Array(runs * 2);
    this.flags = new Uint8Array(runs * 2);
  }

  addWord(start: number, end: number, key: string, flags: number): void {
    if (this.words === this.start.length) {
      this.start = grown(this.start);
      this.wordEnd = grown(this.wordEnd);
      const f = new Uint8Array(this.flags.length * 2);
      f.set(this.flags);
      this.flags = f;
    }
    this.start[this.words] = start;
    this.wordEnd[this.words] = end;
    this.key[this.words] = key;
    this.flags[this.words++] = flags;
  }

  addRun(first: number, place: boolean): void {
    if (this.count === this.first.length) {
      this.first = grown(this.first);
      this.end = grown(this.end);
      const p = new Uint8Array(this.place.length * 2);
      p.set(this.place);
      this.place = p;
    }
    this.first[this.count] = first;
    this.end[this.count] = this.words;
    this.place[this.count++] = place ? 1 : 0;
  }

  runs(): Runs {
    return {
      count: this.count,
      first: this.first,
      end: this.end,
      afterPlacePreposition: this.place,
      words: { start: this.start, end: this.wordEnd, key: this.key, flags: this.flags },
    };
  }
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Scans `text` once: its runs of capitalised words (when `runs` is true) and
 * its word statistics. Words inside URLs, e-mail addresses and file names take
 * no part in either; nor do the words of a line that is a file name written
 * with spaces ("30 06 2023 khanh thanh tuong 333.jpg"). A sentence-initial run
 * of one function word ("The", "In") is left out of the runs: it is never a
 * candidate.
 */
export function scanText(text: string, runs = true): Scan {
  const stats = newWordStats();
  const lowerSet = stats.lower;
  const midCapital = stats.midCapital;
  const out = new RunBuffer(runs ? text.length : 0);
  const n = text.length;
  const wordClass = WORD_CLASS;
  // The current run: its first word in `out` (words are written as they come), its word count, the first
  // word's key and flags; the connectors waiting to join it, by offsets.
  let runFirst = 0;
  let wordCount = 0;
  let firstKey = '';
  let firstFlags = 0;
  let runPlace = false;
  let lastWordEnd = 0;
  let pendingStart = new Int32Array(64);
  let pendingEnd = new Int32Array(64);
  const pendingKey: string[] = [];
  let pendingCount = 0;
  let lastEnd = 0;
  let lastLowerStart = -1;
  let lastLowerEnd = -1;
  // Hashes of the current line's lower-case words, kept until the line proves not to be a file name.
  let lineBuffer = new Int32Array(256);
  let lineCount = 0;
  let lineStart = 0;
  // Hashes already in `lower`, by their low bits: a text repeats its common words, and a Set insert costs more than this check.
  const added = new Int32Array(ADDED_SLOTS).fill(-1);
  const flushLine = (): void => {
    for (let k = 0; k < lineCount; k++) {
      const h = lineBuffer[k];
      const slot = h & (ADDED_SLOTS - 1);
      if (added[slot] === h) continue;
      added[slot] = h;
      lowerSet.add(h);
    }
    lineCount = 0;
  };
  const close = (): void => {
    if (wordCount > 0) {
      const initial = (firstFlags & INITIAL) !== 0;
      if (wordCount === 1 && !initial) midCapital.set(firstKey, (midCapital.get(firstKey) ?? 0) + 1);
      if (runs) {
        if (wordCount === 1 && initial && INITIAL_SKIPPED.has(firstKey)) out.words = runFirst;
        else out.addRun(runFirst, runPlace);
      }
      wordCount = 0;
    }
    pendingCount = 0;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = wordClass[c];
    if ((cls === 0 ? classifyCode(c) : cls) !== 1) {
      if (c === 0x0a) {
        flushLine();
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const start = i;
    const kind = c < 128 ? CASE[c] : caseOf(c);
    // Hashed as it is read; a word with other than lower-case ASCII letters is folded instead.
    let h = c;
    let plain = c < 128;
    let ascii = plain;
    let joined = false;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      // Lower-case ASCII letters and digits, most of every word, take one test.
      if (d < 128 && LOWER_OR_DIGIT[d] === 1) {
        h = (Math.imul(h, 31) + d) | 0;
        continue;
      }
      const k = wordClass[d];
      if ((k === 0 ? classifyCode(d) : k) === 1) {
        if (d >= 128) ascii = plain = false;
        else if (d >= 0x41 && d <= 0x5a) plain = false;
        h = (Math.imul(h, 31) + d) | 0;
        continue;
      }
      if (isJoiner(d) && i + 1 < n && isWordUnit(text.charCodeAt(i + 1)) && !isDigitCode(text.charCodeAt(i + 1))) {
        if (d >= 128) ascii = plain = false;
        joined = true;
        h = (Math.imul(h, 31) + d) | 0;
        continue;
      }
      break;
    }
    let end = i;
    if (joined) {
      end = possessiveEnd(text, start, i);
      if (end !== i && plain) h = wordHash(text.slice(start, end));
    }
    if (kind !== 3 && gluedToUrlish(text, start, end) && isInUrlOrFileName(text, start, end)) {
      close();
      if (FILE_TOKEN_RE.test(tokenAround(text, start, end)) && !PROSE_RE.test(text.slice(lineStart, start))) lineCount = 0;
      lastEnd = end;
      continue;
    }
    if (kind === 2) {
      const lowerHash = plain ? h & HASH_MASK : wordHash(keyOf(text.slice(start, end)));
      // A word already in `lower` need not wait for the end of its line.
      if (added[lowerHash & (ADDED_SLOTS - 1)] !== lowerHash) {
        if (lineCount === lineBuffer.length) lineBuffer = grown(lineBuffer);
        lineBuffer[lineCount++] = lowerHash;
      }
      if (wordCount > 0) {
        if (end - start <= 3 && isHorizontalSpace(text, lastEnd, start) && CONNECTORS.has(text.slice(start, end))) {
          if (pendingCount === pendingStart.length) {
            pendingStart = grown(pendingStart);
            pendingEnd = grown(pendingEnd);
          }
          pendingStart[pendingCount] = start;
          pendingEnd[pendingCount] = end;
          pendingKey[pendingCount++] = text.slice(start, end);
        } else {
          close();
        }
      }
      lastLowerStart = start;
      lastLowerEnd = end;
      lastEnd = end;
      continue;
    }
    if (kind !== 1) {
      if (wordCount > 0) close();
      lastEnd = end;
      continue;
    }
    // What depends on the word alone comes from the cache when the word was seen lately (names repeat).
    const length = end - start;
    const slot = (h ^ length) & (CAPITAL_SLOTS - 1);
    let key = CAPITAL_KEYS[slot];
    let shortCaps: boolean;
    if (CAPITAL_WORDS[slot].length === length && text.startsWith(CAPITAL_WORDS[slot], start)) {
      shortCaps = CAPITAL_SHORT_CAPS[slot] === 1;
    } else {
      const word = text.slice(start, end);
      key = ascii ? word.toLowerCase() : keyOf(word);
      shortCaps = length <= 5 && length >= 2 && isAllCaps(word);
      if (length < 32) {
        // A copy, so the cache does not keep a view on the whole text alive.
        CAPITAL_WORDS[slot] = length < 13 ? word : ` ${word}`.slice(1);
        CAPITAL_KEYS[slot] = key;
        CAPITAL_SHORT_CAPS[slot] = shortCaps ? 1 : 0;
        CAPITAL_CAPS[slot] = shortCaps ? (plain ? word : fold(word)) : '';
      }
    }
    if (shortCaps) {
      const caps = CAPITAL_CAPS[slot];
      stats.caps.set(caps, (stats.caps.get(caps) ?? 0) + 1);
    }
    const flags = (isSentenceStart(text, start) ? INITIAL : 0) | (shortCaps ? SHORT_CAPS : 0);
    const joins = wordCount > 0 && isHorizontalSpace(text, pendingCount > 0 ? pendingEnd[pendingCount - 1] : lastEnd, start) && (pendingCount > 0 || lastEnd === lastWordEnd);
    if (!joins) {
      close();
      runFirst = out.words;
      firstKey = key;
      firstFlags = flags;
      runPlace = lastLowerEnd >= 0 && lastLowerEnd - lastLowerStart <= 4 && isHorizontalSpace(text, lastLowerEnd, start) && PLACE_PREPOSITIONS.has(text.slice(lastLowerStart, lastLowerEnd).toLowerCase());
    } else if (pendingCount > 0) {
      if (runs) for (let k = 0; k < pendingCount; k++) out.addWord(pendingStart[k], pendingEnd[k], pendingKey[k], CONNECTOR);
      wordCount += pendingCount;
      pendingCount = 0;
    }
    if (runs) out.addWord(start, end, key, flags);
    wordCount++;
    lastWordEnd = end;
    lastEnd = end;
  }
  close();
  flushLine();
  return { stats, runs: out.runs() };
}
