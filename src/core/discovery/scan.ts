/**
 * One pass over a text for discovery: the runs of capitalised words that may be
 * names (with the connectors between them), and the word counts that tell a
 * common word or a real acronym from a name (DESIGN.md, Discovery: candidates).
 * A hand-written loop over code units: the editor runs it on every analysis, so
 * lower-case words (most of a text) are hashed, never sliced.
 */

import { fold } from '../text/fold';
import { classifyCode, isAllCaps, WORD_CLASS } from '../text/chars';
import { isInUrlOrFileName, isSpaceCode, tokenAround } from '../text/tokens';
import { FUNCTION_WORDS } from '../text/wordLists';

/** What a corpus (or one document) says about its words; folded, lower-case keys unless said otherwise. */
export interface WordStats {
  /** Hashes (`wordHash`) of the words written in lower case somewhere. */
  lower: WordHashes;
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

/**
 * Maximal runs of capitalised words, possibly joined by connectors, each on one
 * line. The arrays are longer than `count` (and the words') and are reused by
 * the next `scanText`: read them before scanning again.
 */
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
// Looking back from a word (`isSentenceStart`): BACK_SKIP is passed over (blanks, quotes, brackets, Markdown
// marks), BACK_END ends a sentence, a line or a heading's label ("MOSCOW — The", "Ngọc Vân | The").
const BACK_SKIP = 1;
const BACK_END = 2;
const BACK = new Uint8Array(0x2030);
for (const ch of ' \t\u00a0"“‘\'([*_#>«„') BACK[ch.charCodeAt(0)] = BACK_SKIP;
for (const ch of '\n\r.!?:|—–•') BACK[ch.charCodeAt(0)] = BACK_END;
// Letter case of BMP code units, filled lazily: 0 unknown, 1 upper, 2 lower, 3 neither.
const CASE = new Uint8Array(0x10000);
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

// 30 bits: small integers, which V8 keeps unboxed.
const HASH_MASK = 0x3fffffff;

/**
 * A set of word hashes (`wordHash`, 30 bits), for `WordStats.lower`. Every
 * text adds its distinct lower-case words: open addressing in one Int32Array
 * (a slot holds the hash plus one, 0 is empty; linear probing, at most half
 * full) costs a fraction of a `Set<number>` insert, and merging two is a loop
 * over an array. Iteration order is the table's, not insertion order.
 */
export class WordHashes implements Iterable<number> {
  private slots: Int32Array;
  private shift: number;
  private count = 0;

  /** Room for `expected` hashes before the table grows. */
  constructor(expected = 64) {
    let bits = 4;
    while (1 << (bits - 1) < expected && bits < 30) bits++;
    this.slots = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count;
  }

  has(hash: number): boolean {
    if ((hash & HASH_MASK) !== hash) return false;
    const slots = this.slots;
    const mask = slots.length - 1;
    const v = hash + 1;
    for (let i = Math.imul(hash, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const s = slots[i];
      if (s === v) return true;
      if (s === 0) return false;
    }
  }

  /** Adds a hash (a `wordHash` value; anything else throws); true when it was not there yet. */
  add(hash: number): boolean {
    if ((hash & HASH_MASK) !== hash) throw new RangeError(`not a word hash: ${hash}`);
    const slots = this.slots;
    const mask = slots.length - 1;
    const v = hash + 1;
    let i = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (; ; i = (i + 1) & mask) {
      const s = slots[i];
      if (s === v) return false;
      if (s === 0) break;
    }
    slots[i] = v;
    if (++this.count * 2 > slots.length) this.grow();
    return true;
  }

  /** Removes a hash; true when it was there. */
  delete(hash: number): boolean {
    if ((hash & HASH_MASK) !== hash) return false;
    const slots = this.slots;
    const mask = slots.length - 1;
    const v = hash + 1;
    let i = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (; slots[i] !== v; i = (i + 1) & mask) if (slots[i] === 0) return false;
    // Backward-shift deletion: each later entry of the cluster that may sit in the freed slot moves into it.
    for (let j = (i + 1) & mask; slots[j] !== 0; j = (j + 1) & mask) {
      const home = Math.imul(slots[j] - 1, 0x9e3779b1) >>> this.shift;
      // Stays when its home lies cyclically in (i, j].
      if (i < j ? home > i && home <= j : home > i || home <= j) continue;
      slots[i] = slots[j];
      i = j;
    }
    slots[i] = 0;
    this.count--;
    return true;
  }

  /** Adds every hash of `other`. */
  addAll(other: WordHashes): void {
    const from = other.slots;
    for (let k = 0; k < from.length; k++) if (from[k] !== 0) this.add(from[k] - 1);
  }

  forEach(visit: (hash: number) => void): void {
    const slots = this.slots;
    for (let k = 0; k < slots.length; k++) if (slots[k] !== 0) visit(slots[k] - 1);
  }

  [Symbol.iterator](): Iterator<number> {
    const all: number[] = [];
    this.forEach((h) => all.push(h));
    return all[Symbol.iterator]();
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.shift--;
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let k = 0; k < old.length; k++) {
      const v = old[k];
      if (v === 0) continue;
      let i = Math.imul(v - 1, 0x9e3779b1) >>> this.shift;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = v;
    }
  }
}

export function newWordStats(): WordStats {
  return { lower: new WordHashes(), caps: new Map(), midCapital: new Map() };
}

/** Adds `from` into `into` (the corpus-wide knowledge of the CLI's first pass). */
export function mergeWordStats(into: WordStats, from: WordStats): WordStats {
  into.lower.addAll(from.lower);
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

/**
 * The folded, lower-case words of a spelling, split as a text's words are: in an array of the exact length, since
 * the glossary's indexes keep tens of thousands of them (an array grown by `push` keeps room for sixteen).
 */
export function spellingWords(spelling: string): string[] {
  const out: string[] = [];
  forEachWord(spelling, (start, end) => {
    out.push(keyOf(spelling.slice(start, end)));
  });
  return out.slice();
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
  let c = 0;
  for (; k >= 0; k--) {
    c = text.charCodeAt(k);
    if (c >= BACK.length || BACK[c] !== BACK_SKIP) break;
  }
  if (k < 0) return true;
  if (c < BACK.length && BACK[c] === BACK_END) return true;
  // A hyphen standing alone is a dash ("Vietnam - A Marathon of Knowledge") or a bullet.
  return c === 0x2d && k < start - 1 && (k === 0 || isSpaceCode(text.charCodeAt(k - 1)));
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

/** Is `text.slice(start, end)` "in", "from" or "to", in any case? (Without slicing: a run start asks.) */
function isPlacePreposition(text: string, start: number, end: number): boolean {
  // `| 0x20` lower-cases an ASCII letter, and only an ASCII letter gives one of these.
  const a = text.charCodeAt(start) | 0x20;
  const b = text.charCodeAt(start + 1) | 0x20;
  if (end - start === 2) return (a === 0x69 && b === 0x6e) || (a === 0x74 && b === 0x6f);
  return end - start === 4 && a === 0x66 && b === 0x72 && (text.charCodeAt(start + 2) | 0x20) === 0x6f && (text.charCodeAt(start + 3) | 0x20) === 0x6d;
}

const HASH_IN = wordHash('in');
const HASH_TO = wordHash('to');
const HASH_FROM = wordHash('from');

// The connectors by their hash, to tell one without slicing the text.
const CONNECTOR_BY_HASH = new Map<number, string>([...CONNECTORS].map((w) => [wordHash(w), w]));

/** The connector `text.slice(start, end)` is (its hash `hash`, a plain lower-case word), or undefined. */
function connectorAt(text: string, start: number, end: number, hash: number): string | undefined {
  const word = CONNECTOR_BY_HASH.get(hash);
  return word !== undefined && word.length === end - start && text.startsWith(word, start) ? word : undefined;
}

// A token that ends in a file extension: on a line of its own words, the whole line is a file name.
const FILE_TOKEN_RE = /\.[a-z0-9]{2,5}$/i;
const PROSE_RE = /[,;!?]|\.\s/;

// Capitalised words seen lately (as written, under 32 code units), by their hash and length: the hash, the word,
// its folded key, CAPITAL_BITS (short all-capitals, a function word) and the form for `WordStats.caps`. Names
// repeat, across texts too.
const CAPITAL_SLOTS = 4096;
const CAPITAL_SLOT_SHIFT = 20;
const CAPITAL_HASHES = new Int32Array(CAPITAL_SLOTS);
const CAPITAL_LENGTHS = new Int32Array(CAPITAL_SLOTS);
const CAPITAL_WORDS: string[] = new Array<string>(CAPITAL_SLOTS).fill('');
// The code units of each cached word of up to CAPITAL_UNITS of them, side by side: a hit is checked there,
// without reaching for the cached string (one-byte or two-byte, anywhere in the heap).
const CAPITAL_UNITS = 16;
const CAPITAL_CHARS = new Uint16Array(CAPITAL_SLOTS * CAPITAL_UNITS);
const CAPITAL_KEYS: string[] = new Array<string>(CAPITAL_SLOTS).fill('');
const CAPITAL_CAPS: string[] = new Array<string>(CAPITAL_SLOTS).fill('');
const CAPITAL_BITS = new Uint8Array(CAPITAL_SLOTS);
const BIT_SHORT_CAPS = 1;
const BIT_FUNCTION_WORD = 2;
// `WordStats.midCapital` counted by cache slot during a scan (MID_SCAN says which scan), then added to the Map
// once per word (when its slot is taken by another word, and at the end from MID_TOUCHED): one Map update per
// word instead of two per occurrence.
const MID_SCAN = new Int32Array(CAPITAL_SLOTS);
const MID_COUNT = new Int32Array(CAPITAL_SLOTS);
const MID_TOUCHED = new Int32Array(CAPITAL_SLOTS);
let midTouched = 0;
let scanNumber = 0;

function flushMid(midCapital: Map<string, number>, slot: number): void {
  const key = CAPITAL_KEYS[slot];
  midCapital.set(key, (midCapital.get(key) ?? 0) + MID_COUNT[slot]);
  MID_COUNT[slot] = 0;
}

// The flags again, as module constants: the compiled module reads an exported one from its exports object.
const F_CONNECTOR = 1;
const F_INITIAL = 2;
const F_SHORT_CAPS = 4;

/**
 * The parallel arrays of `Runs` and `RunWords`, kept from one scan to the next:
 * a text has thousands of runs, and allocating (and for the keys, filling)
 * arrays for them on every call cost more than a tenth of the scan. Grown as
 * needed, never shrunk.
 */
const SCRATCH = {
  first: new Int32Array(1024),
  end: new Int32Array(1024),
  place: new Uint8Array(1024),
  start: new Int32Array(2048),
  wordEnd: new Int32Array(2048),
  key: new Array<string>(2048).fill(''),
  flags: new Uint8Array(2048),
};

function growRuns(): void {
  SCRATCH.first = grown(SCRATCH.first);
  SCRATCH.end = grown(SCRATCH.end);
  const p = new Uint8Array(SCRATCH.place.length * 2);
  p.set(SCRATCH.place);
  SCRATCH.place = p;
}

function growWords(): void {
  SCRATCH.start = grown(SCRATCH.start);
  SCRATCH.wordEnd = grown(SCRATCH.wordEnd);
  const f = new Uint8Array(SCRATCH.flags.length * 2);
  f.set(SCRATCH.flags);
  SCRATCH.flags = f;
  SCRATCH.key = SCRATCH.key.concat(new Array<string>(SCRATCH.key.length).fill(''));
}

/**
 * Grows the scratch arrays, before the loop, to what a text of `length` code
 * units usually needs (news text has a run every 60 or so code units, a word in
 * a run every 30), with room to spare: growing them inside the loop is a path
 * the first call's optimised loop has never taken, and taking it throws that
 * code away (in a cold process, another compilation of the loop while it runs
 * slowly: tens of milliseconds on a 1 MB text).
 */
function reserve(length: number): void {
  while (SCRATCH.first.length < length >> 5) growRuns();
  while (SCRATCH.start.length < length >> 4) growWords();
}

/** A copy of `a` twice as long. */
export function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const NO_RUNS: Runs = {
  count: 0,
  first: new Int32Array(0),
  end: new Int32Array(0),
  afterPlacePreposition: new Uint8Array(0),
  words: { start: new Int32Array(0), end: new Int32Array(0), key: [], flags: new Uint8Array(0) },
};

// The connectors read since the last capitalised word of the current run, waiting to join it if another follows
// (a few at most; scratch space too).
const PENDING = { start: new Int32Array(16), end: new Int32Array(16), key: new Array<string>(16).fill('') };

function growPending(): void {
  PENDING.start = grown(PENDING.start);
  PENDING.end = grown(PENDING.end);
  PENDING.key = PENDING.key.concat(new Array<string>(PENDING.key.length).fill(''));
}

// `kind` of the end of the text: it ends the last run like any word that is not a name's.
const END_OF_TEXT = -1;

/**
 * Scans `text` once: its runs of capitalised words (when `runs` is true) and
 * its word statistics. Words inside URLs, e-mail addresses and file names take
 * no part in either; nor do the words of a line that is a file name written
 * with spaces ("30 06 2023 khanh thanh tuong 333.jpg"). A sentence-initial run
 * of one function word ("The", "In") is left out of the runs: it is never a
 * candidate.
 *
 * The runs' arrays are scratch space, valid until the next call (discovery
 * reads them at once); the statistics are the caller's.
 *
 * One loop over code units, one word a turn, without a closure (its state
 * stays in registers as far as it can), and no string made for a lower-case
 * word (most of a text): each is hashed as it is read and goes straight into
 * `lower`; a capitalised word's key comes from a cache when the word was seen
 * lately.
 */
export function scanText(text: string, runs = true): Scan {
  const stats: WordStats = { lower: new WordHashes(Math.min(4096, text.length >> 5)), caps: new Map(), midCapital: new Map() };
  // A number of its own for this scan (never 0, which marks a slot no scan is counting in).
  const scan = (scanNumber = (scanNumber + 1) | 0 || 1);
  midTouched = 0;
  if (runs) reserve(text.length);
  const count = scanInto(text, runs, stats, scan);
  for (let k = 0; k < midTouched; k++) {
    const slot = MID_TOUCHED[k];
    if (MID_SCAN[slot] === scan && MID_COUNT[slot] > 0) flushMid(stats.midCapital, slot);
    MID_SCAN[slot] = 0;
  }
  if (!runs) return { stats, runs: NO_RUNS };
  const s = SCRATCH;
  return { stats, runs: { count, first: s.first, end: s.end, afterPlacePreposition: s.place, words: { start: s.start, end: s.wordEnd, key: s.key, flags: s.flags } } };
}

/**
 * `scanText`'s loop: fills `stats`, and `SCRATCH` with the runs when `runs` is
 * true; returns the number of runs. Nothing follows the loop but the return:
 * code there would have no type feedback when the loop is optimised during the
 * first call, and would leave the optimised code on every later call.
 */
function scanInto(text: string, runs: boolean, stats: WordStats, scan: number): number {
  const n = text.length;
  const { lower, caps, midCapital } = stats;
  const wordClass = WORD_CLASS;
  const scratch = SCRATCH;
  let wStart = scratch.start;
  let wEnd = scratch.wordEnd;
  let wKey = scratch.key;
  let wFlags = scratch.flags;
  let words = 0;
  let rFirst = scratch.first;
  let rEnd = scratch.end;
  let rPlace = scratch.place;
  let runCount = 0;
  // The current run: its first word (words are written as they come), its word count, the first word's key and
  // flags, whether it follows "in", "from" or "to"; the connectors waiting to join it.
  let runFirst = 0;
  let wordCount = 0;
  let firstKey = '';
  let firstFlags = 0;
  let firstSkipped = false;
  let firstSlot = 0;
  let runPlace = 0;
  let pendingCount = 0;
  const pending = PENDING;
  let lastEnd = 0;
  // The code unit before the current word (the last one passed over), and where the word before it stopped:
  // together they answer the usual questions about the gap (a single space after a word?) without reading it.
  let prev = 0;
  let lastStop = -2;
  // The last lower-case word: where it ends, and whether it is a place preposition.
  let lastLowerEnd = -1;
  let lastLowerPlace = false;
  // The hashes this line put into `lower`: taken out again if the line proves to be a file name.
  let lineAdded = new Int32Array(64);
  let lineCount = 0;
  let lineStart = 0;
  let i = 0;
  for (;;) {
    // What lies between two words (most often one space) is passed over here, not by a turn of the whole loop.
    let c = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      // A lower-case ASCII letter, the usual first letter, takes one test.
      if (c - 0x61 >>> 0 < 26) break;
      const cls = wordClass[c];
      if ((cls === 0 ? classifyCode(c) : cls) === 1) break;
      if (c === 0x0a) {
        lineCount = 0;
        lineStart = i + 1;
      }
      prev = c;
    }
    let kind = END_OF_TEXT;
    let start = n;
    let end = n;
    let h = 0;
    let plain = false;
    let ascii = false;
    // The code units right before and right after the word.
    const before = prev;
    let after = 0;
    if (i < n) {
      kind = c - 0x61 >>> 0 < 26 ? 2 : c < 128 ? CASE[c] : caseOf(c);
      start = i;
      // Hashed as it is read; a word with other than lower-case ASCII letters is folded instead.
      h = c;
      plain = ascii = c < 128;
      let joined = false;
      // ASCII letters and digits, nearly every word, in a loop without a call: nothing in it leaves a register.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d - 0x61 >>> 0 < 26) {
          h = (Math.imul(h, 31) + d) | 0;
        } else if (d - 0x41 >>> 0 < 26) {
          plain = false;
          h = (Math.imul(h, 31) + d) | 0;
        } else if (d - 0x30 >>> 0 < 10) {
          h = (Math.imul(h, 31) + d) | 0;
        } else {
          break;
        }
      }
      after = i < n ? text.charCodeAt(i) : 0;
      // What else may go on with the word (a letter or mark beyond ASCII, a joiner) takes the general loop.
      if (after >= 128 || isJoiner(after)) for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d - 0x61 >>> 0 < 26) {
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
      after = i < n ? text.charCodeAt(i) : 0;
      end = i;
      if (joined) {
        end = possessiveEnd(text, start, i);
        if (end !== i) {
          after = text.charCodeAt(end);
          if (plain) h = wordHash(text.slice(start, end));
        }
      }
    }
    // Does this word end the current run? (Each kind says; the run is ended below, in one place.)
    let ends = true;
    let key = '';
    let flags = 0;
    let bits = 0;
    let slot = 0;
    if (kind === END_OF_TEXT) {
      // Ends the last run.
    } else if (kind !== 3 && ((after < 128 && URLISH[after] === 1) || (before < 128 && URLISH[before] === 1)) && gluedToUrlish(text, start, end) && isInUrlOrFileName(text, start, end)) {
      if (FILE_TOKEN_RE.test(tokenAround(text, start, end)) && !PROSE_RE.test(text.slice(lineStart, start))) {
        for (let k = 0; k < lineCount; k++) lower.delete(lineAdded[k]);
        lineCount = 0;
      }
      kind = 0;
    } else if (kind === 2) {
      const lowerHash = plain ? h & HASH_MASK : wordHash(keyOf(text.slice(start, end)));
      if (lower.add(lowerHash)) {
        if (lineCount === lineAdded.length) lineAdded = grown(lineAdded);
        lineAdded[lineCount++] = lowerHash;
      }
      ends = false;
      if (wordCount > 0) {
        const connector = plain && end - start <= 3 && isHorizontalSpace(text, lastEnd, start) ? connectorAt(text, start, end, lowerHash) : undefined;
        if (connector !== undefined) {
          if (pendingCount === pending.start.length) growPending();
          pending.start[pendingCount] = start;
          pending.end[pendingCount] = end;
          pending.key[pendingCount++] = connector;
        } else {
          ends = true;
        }
      }
      // Is it "in", "from" or "to" (a place may follow)? A plain word's hash answers at once.
      lastLowerPlace = end - start <= 4 && (!plain || lowerHash === HASH_IN || lowerHash === HASH_TO || lowerHash === HASH_FROM) && isPlacePreposition(text, start, end);
      lastLowerEnd = end;
    } else if (kind === 1) {
      // What depends on the word alone comes from the cache when the word was seen lately (names repeat).
      const length = end - start;
      slot = Math.imul(h ^ length, 0x9e3779b1) >>> CAPITAL_SLOT_SHIFT;
      let hit = CAPITAL_HASHES[slot] === h && CAPITAL_LENGTHS[slot] === length;
      if (hit && length <= CAPITAL_UNITS) {
        const base = slot * CAPITAL_UNITS;
        for (let k = 0; hit && k < length; k++) hit = CAPITAL_CHARS[base + k] === text.charCodeAt(start + k);
      } else if (hit) {
        hit = text.startsWith(CAPITAL_WORDS[slot], start);
      }
      if (hit) {
        key = CAPITAL_KEYS[slot];
        bits = CAPITAL_BITS[slot];
      } else {
        const word = text.slice(start, end);
        key = ascii ? word.toLowerCase() : keyOf(word);
        const shortCaps = length <= 5 && length >= 2 && isAllCaps(word);
        bits = (shortCaps ? BIT_SHORT_CAPS : 0) | (INITIAL_SKIPPED.has(key) ? BIT_FUNCTION_WORD : 0);
        if (length < 32) {
          // A copy, so the cache does not keep a view on the whole text alive.
          CAPITAL_WORDS[slot] = length < 13 ? word : ` ${word}`.slice(1);
          CAPITAL_HASHES[slot] = h;
          CAPITAL_LENGTHS[slot] = length;
          if (length <= CAPITAL_UNITS) for (let k = 0; k < length; k++) CAPITAL_CHARS[slot * CAPITAL_UNITS + k] = word.charCodeAt(k);
          if (MID_SCAN[slot] === scan && MID_COUNT[slot] > 0) flushMid(midCapital, slot);
          CAPITAL_KEYS[slot] = key;
          CAPITAL_BITS[slot] = bits;
          CAPITAL_CAPS[slot] = shortCaps ? (plain ? word : fold(word)) : '';
        }
      }
      const shortCaps = (bits & BIT_SHORT_CAPS) !== 0;
      if (shortCaps) {
        const form = CAPITAL_CAPS[slot];
        caps.set(form, (caps.get(form) ?? 0) + 1);
      }
      // After a space right after a word, no sentence starts.
      const initial = !(before === 0x20 && lastStop === start - 1) && isSentenceStart(text, start);
      flags = (initial ? F_INITIAL : 0) | (shortCaps ? F_SHORT_CAPS : 0);
      // It joins the run after a capitalised word or a connector (any other word ended it), with only blanks between.
      ends = !(wordCount > 0 && ((before === 0x20 && lastEnd === start - 1) || isHorizontalSpace(text, lastEnd, start)));
    }
    lastEnd = end;
    lastStop = i;
    if (ends) {
      if (wordCount > 0) {
        const initial = (firstFlags & F_INITIAL) !== 0;
        if (wordCount === 1 && !initial) {
          // Counted in the cache slot while the word holds it (its key, equal or the same string), else at once.
          if (CAPITAL_KEYS[firstSlot] === firstKey) {
            if (MID_SCAN[firstSlot] !== scan) {
              MID_SCAN[firstSlot] = scan;
              MID_COUNT[firstSlot] = 0;
              MID_TOUCHED[midTouched++] = firstSlot;
            }
            MID_COUNT[firstSlot]++;
          } else {
            midCapital.set(firstKey, (midCapital.get(firstKey) ?? 0) + 1);
          }
        }
        if (wordCount === 1 && initial && firstSkipped) {
          words = runFirst;
        } else if (runs) {
          if (runCount === rFirst.length) {
            growRuns();
            rFirst = scratch.first;
            rEnd = scratch.end;
            rPlace = scratch.place;
          }
          rFirst[runCount] = runFirst;
          rEnd[runCount] = words;
          rPlace[runCount++] = runPlace;
        }
        wordCount = 0;
      }
      pendingCount = 0;
      // The end of the text comes through here, the run-ending code the loop has run already.
      if (kind === END_OF_TEXT) break;
    }
    if (kind !== 1) continue;
    if (wordCount === 0) {
      runFirst = words;
      firstKey = key;
      firstSlot = slot;
      firstFlags = flags;
      firstSkipped = (bits & BIT_FUNCTION_WORD) !== 0;
      runPlace = lastLowerPlace && isHorizontalSpace(text, lastLowerEnd, start) ? 1 : 0;
    }
    if (!runs) {
      wordCount += pendingCount + 1;
      pendingCount = 0;
      continue;
    }
    if (words + pendingCount >= wStart.length) {
      growWords();
      wStart = scratch.start;
      wEnd = scratch.wordEnd;
      wKey = scratch.key;
      wFlags = scratch.flags;
    }
    for (let k = 0; k < pendingCount; k++) {
      wStart[words] = pending.start[k];
      wEnd[words] = pending.end[k];
      wKey[words] = pending.key[k];
      wFlags[words++] = F_CONNECTOR;
    }
    wStart[words] = start;
    wEnd[words] = end;
    wKey[words] = key;
    wFlags[words++] = flags;
    wordCount += pendingCount + 1;
    pendingCount = 0;
  }
  return runCount;
}
