/**
 * The number finder: every number of a text with its exact span, kind, parsed
 * value and unit, in one left-to-right pass. Years, dates and times are
 * reported too (kinds year, date, time) so that a listing can show them;
 * consumers filter them out as claims. Digits inside other tokens (file names,
 * ids, "U22", "COVID-19") are not reported at all.
 *
 * One native scan (CANDIDATE_RE) finds where a number can start; the sticky
 * regular expressions and look-arounds run only there, and the scan resumes
 * after what they consumed, so the text is read once. About 6 ms per MB of
 * news text.
 */

import { isWordAt, isWordCode } from '../text/chars';
import { isInUrlOrFileName } from '../text/tokens';
import type { ClaimKind, FoundNumber, NumberKind } from './types';
import {
  CONTEXT_STOP_WORDS,
  CURRENCY_SUFFIXES,
  LONGEST_WORD,
  MONTH_PATTERN,
  QUALIFIERS,
  QUANTITY_NOUNS,
  SCALE_EXPONENTS,
  TWO_WORD_QUALIFIERS,
  WORDS,
  type SpelledRole,
  type SpelledWord,
} from './words';

// Inline spaces only: a number never continues across a line break.
const SP = '[ \\t\\u00a0\\u202f]';
const DASH = '[-\\u2010\\u2011\\u2012\\u2013\\u2014]';
const END = '(?![\\p{L}\\p{N}\\p{M}])';
const ORD = '(?:st|nd|rd|th)';

/** A numeral: "40,000" (groups of three), "4.58", "199". */
const NUM_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/y;
const TIME_RE = new RegExp(`(\\d{1,2}):(\\d{2})(?::\\d{2})?(?:${SP}?([AaPp])\\.?[Mm]\\.?)?${END}`, 'uy');
const AMPM_RE = new RegExp(`(\\d{1,2})${SP}?(?:([AaPp])\\.[Mm]\\.|([AaPp])[Mm]${END})`, 'uy');
/** "30/06/2023", "30.06.2023", "30-06-2023", and "30 06 2023" (two-digit day and month when spaced). */
const NUM_DATE_RE = new RegExp(`(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})${END}|(\\d{2}) (\\d{2}) (\\d{4})${END}`, 'uy');
const ISO_DATE_RE = new RegExp(`(\\d{4})([-/])(\\d{2})\\2(\\d{2})${END}`, 'uy');
/** "22 Dec", "8-11 May 2025", "21st of June". */
const DAY_MONTH_RE = new RegExp(
  `(\\d{1,2})${ORD}?(?:${SP}?${DASH}${SP}?(\\d{1,2})${ORD}?)?${SP}+(?:of${SP}+)?(?:${MONTH_PATTERN})(?:,?${SP}+(\\d{4}))?${END}`,
  'uy',
);
/** "February 11", "May 8-11, 2025", "December 26, 2024", and the garbled "June 21,25". */
const MONTH_DATE_RE = new RegExp(
  `(?:${MONTH_PATTERN})\\.?${SP}+(\\d{1,2})${ORD}?(?:${SP}?${DASH}${SP}?(\\d{1,2})${ORD}?)?(?:,${SP}*(\\d{4})|${SP}+(\\d{4})|,\\d{2})?${END}`,
  'uy',
);
/** "October 2024". */
const MONTH_YEAR_RE = new RegExp(`(?:${MONTH_PATTERN})\\.?${SP}+(\\d{4})${END}`, 'uy');
/** "1941–1942", "2025-2030", "2024-25". */
const YEAR_RANGE_RE = new RegExp(`(${SP}?${DASH}${SP}?)(\\d{4}|\\d{2})${END}`, 'uy');
const SCALE_RE = new RegExp(`(?:${SP}+(thousand|million|billion|trillion|bn|mn)|(bn|mn))${END}`, 'iuy');
const PERCENT_RE = new RegExp(`${SP}?%|${SP}+per${SP}?cent${END}|${SP}+per-cent${END}`, 'iuy');
const CURRENCY_SUFFIX_RE = buildCurrencySuffixRe();
const CURRENCY_INITIALS = new Set(Object.keys(CURRENCY_SUFFIXES).map((k) => k.charCodeAt(0)));
const QUANTITY_NOUN_RE = new RegExp(`${SP}+(?:${QUANTITY_NOUNS.join('|')})${END}`, 'uy');
const ORDINAL_SUFFIX_RE = new RegExp(`${ORD}${END}`, 'iuy');
const FILE_EXTENSION_RE = new RegExp(`\\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif|pdf|docx?|xlsx?|pptx?|mp[34]|mov|avi|html?|txt|zip)${END}`, 'iuy');
/** A line that is only an image's file name ("anh 1 669.jpg"): no capitals, no sentence punctuation. */
const FILE_NAME_LINE_RE = /^[^A-Z,;:!?()"\u201c\u201d]*\.(?:jpe?g|JPE?G|png|PNG|gif|GIF|webp|WEBP)\s*$/;
const MAX_FILE_NAME_LINE = 300;
/** Longer runs of digits are serial numbers or ids, not figures. */
const MAX_NUMERAL = 24;
/** Bounds on look-arounds, so a pathological text (a megabyte without spaces) stays linear. */
const MAX_QUALIFIER_WORD = 16;
const MAX_CONTEXT_WORD = 40;
const LINE_BREAK_RE = /[\r\n]/g;

function buildCurrencySuffixRe(): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const spellings = new Set<string>();
  for (const key of Object.keys(CURRENCY_SUFFIXES)) {
    spellings.add(key);
    spellings.add(key.normalize('NFD')); // "đồng" as stored in an NFD file
  }
  const sorted = [...spellings].sort((a, b) => b.length - a.length);
  const symbols = sorted.filter((s) => /^[A-Z\u0110€]+$/.test(s.normalize('NFC')));
  const words = sorted.filter((s) => !symbols.includes(s));
  // Codes and symbols may touch the amount ("5€"); words need a space.
  return new RegExp(`${SP}*(${symbols.map(escape).join('|')})${END}|${SP}+(${words.map(escape).join('|')})${END}`, 'uy');
}

/**
 * Where a number can start: a digit, a currency symbol, or an anchor inside a
 * spelled-out number ("ty" of "seventy", "teen", "ten", "leven", "hundred",
 * "llion"). One native scan finds them all; the first characters of the
 * alternatives are few, which keeps it about as fast as a plain digit search.
 * Months and currency codes are found by looking back from the digits.
 */
const CANDIDATE_RE = /[0-9$\u20ac]|[tT](?:e(?:en(?:th)?|n(?:th)?)|y|ieth|wel(?:ve|fth)|housand(?:th)?|rillion)(?![a-z])|l(?:even(?:th)?|lion)(?![a-z])|hundred/g;

/** First letters (lower-cased) of the spelled-out number words. */
const SPELLED_INITIALS = new Set([...WORDS].filter(([, info]) => info.spelled !== undefined).map(([w]) => w.charCodeAt(0)));

const CLAIM_KINDS: ReadonlySet<NumberKind> = new Set<NumberKind>(['money', 'percent', 'count', 'ordinal']);

/** True for the kinds that are claims (money, percent, count, ordinal), false for year, date, time. */
export function isClaimKind(kind: NumberKind): kind is ClaimKind {
  return CLAIM_KINDS.has(kind);
}

/**
 * Every number of `text`, in text order, spans as UTF-16 offsets into `text`
 * as stored (NFC or NFD, LF or CRLF). Includes the ignored kinds (year, date,
 * time); digits inside other tokens are not reported. Spans never overlap.
 * Qualifiers ("nearly", "more than") are outside the span, lower-cased; counts
 * carry the noun after them as `context`. Never throws.
 */
export function findNumbers(text: string): FoundNumber[] {
  return new Finder(text).run();
}

/**
 * Parses a facts-ledger value ("USD 4.58 billion", "6.7%", "40,000", "75th",
 * "Seventy-five") with the finder's rules; the whole string must be one number
 * with no qualifier. A bare four-digit number is a count here ("2000"), not a
 * year. Dates, times and anything else give null.
 */
export function parseNumberValue(s: string): { kind: ClaimKind; value: number; unit: string | null } | null {
  const trimmed = s.trim();
  if (trimmed === '') return null;
  const found = findNumbers(trimmed);
  if (found.length !== 1) return null;
  const [n] = found;
  if (n.start !== 0 || n.end !== trimmed.length) return null;
  if (n.kind === 'year') return /^\d{4}$/.test(trimmed) ? { kind: 'count', value: n.value, unit: null } : null;
  if (!isClaimKind(n.kind)) return null;
  return { kind: n.kind, value: n.value, unit: n.unit };
}

interface Prefix {
  start: number;
  unit: string;
}

const enum Code {
  Tab = 9,
  Space = 32,
  Dollar = 36,
  Hyphen = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperA = 65,
  UpperZ = 90,
  Underscore = 95,
  Nbsp = 0xa0,
  Euro = 0x20ac,
}

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'staff', 'personnel', 'police', 'cattle', 'sheep', 'fish']);

function isDigit(c: number): boolean {
  return c >= Code.Zero && c <= Code.Nine;
}

function isInlineSpace(c: number): boolean {
  return c === Code.Space || c === Code.Tab || c === Code.Nbsp || c === 0x202f;
}

function isHyphen(c: number): boolean {
  return c === Code.Hyphen || c === 0x2010 || c === 0x2011;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isAsciiLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

function isLetterCode(c: number): boolean {
  return !isDigit(c) && isWordCode(c);
}

/** "studying", "established", "roughly": where the noun phrase after a count has ended. */
function looksLikeVerbOrAdverb(lower: string): boolean {
  return lower.endsWith('ing') || lower.endsWith('ed') || lower.endsWith('ly');
}

/** "students", "people": a counted noun, which ends the phrase after a count. */
function isPlural(lower: string): boolean {
  return (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) || IRREGULAR_PLURALS.has(lower);
}

/** End of the run of word characters (letters, digits, marks) starting at `i`. */
/** The end of a Markdown ordered-list marker ("4. ", "12) ") starting at `s`, at the start of a line; else 0. */
function listMarkerEnd(t: string, s: number): number {
  let b = s;
  while (b > 0 && (t.charCodeAt(b - 1) === 0x20 || t.charCodeAt(b - 1) === 0x09)) b--;
  if (b > 0 && t.charCodeAt(b - 1) !== 0x0a && t.charCodeAt(b - 1) !== 0x0d) return 0;
  let e = s;
  while (e < t.length && e - s < 9 && t.charCodeAt(e) >= 0x30 && t.charCodeAt(e) <= 0x39) e++;
  const mark = t.charCodeAt(e);
  if ((mark !== 0x2e && mark !== 0x29) || (t.charCodeAt(e + 1) !== 0x20 && t.charCodeAt(e + 1) !== 0x09)) return 0;
  return e + 1;
}

/** The end of the white-space-delimited token containing `i`. */
function tokenEnd(t: string, i: number): number {
  while (i < t.length && !/\s/.test(t[i])) i++;
  return i;
}

function wordEnd(t: string, i: number): number {
  while (i < t.length && isWordCode(t.charCodeAt(i))) i++;
  return i;
}

/** The exact value of a numeral times 10^exp, without the rounding of 4.58 * 1e9. */
function decimalValue(numeral: string, exp: number): number {
  let mantissa = 0;
  let decimals = -1;
  for (let i = 0; i < numeral.length; i++) {
    const c = numeral.charCodeAt(i);
    if (c === Code.Dot) decimals = 0;
    else if (c !== 44 /* , */) {
      mantissa = mantissa * 10 + (c - Code.Zero);
      if (decimals >= 0) decimals++;
    }
  }
  if (decimals <= 0) return mantissa * 10 ** exp;
  return exp >= decimals ? mantissa * 10 ** (exp - decimals) : mantissa / 10 ** (decimals - exp);
}

function spelledAllowed(last: SpelledRole | null, w: SpelledWord, group: number, lastScale: number): boolean {
  switch (w.role) {
    case 'unit':
      return last === null || last === 'tens' || last === 'hundred' || last === 'scale';
    case 'teen':
    case 'tens':
      return last === null || last === 'hundred' || last === 'scale';
    case 'hundred':
      return (last === 'unit' || last === 'teen') && group < 100;
    case 'scale':
      return last !== null && last !== 'scale' && w.value < lastScale;
  }
}

class Finder {
  private readonly out: FoundNumber[] = [];
  private readonly n: number;
  // The last line checked for being a file name, so each line is scanned once.
  private lineStart = -1;
  private lineEnd = -1;
  private lineIsFileName = false;
  /** End of the last number reported: look-backs (months, currencies, units) never reach before it. */
  private floor = 0;

  constructor(private readonly t: string) {
    this.n = t.length;
  }

  run(): FoundNumber[] {
    const t = this.t;
    const re = CANDIDATE_RE;
    re.lastIndex = 0;
    // test() rather than exec(): no match arrays. A digit or symbol match is one character;
    // an anchor ends in a letter, and its word is found around it.
    while (re.test(t)) {
      const i = re.lastIndex - 1;
      const c = t.charCodeAt(i);
      let next: number;
      if (isDigit(c)) next = this.atDigit(i, null);
      else if (c === Code.Dollar || c === Code.Euro) next = this.atSymbol(i, c === Code.Dollar ? 'USD' : 'EUR');
      else next = this.atSpelledAnchor(i);
      re.lastIndex = Math.max(next, i + 1);
    }
    return this.out;
  }

  // ---- words before a number: months and currency codes ------------------------------------

  /** "February 11", "October 2024", "Dec. 22": the date starts at the month before the digits at `s`. */
  private monthBefore(s: number): number {
    const t = this.t;
    let p = s;
    while (p > 0 && isInlineSpace(t.charCodeAt(p - 1))) p--;
    if (p === s || p === 0) return -1;
    if (t.charCodeAt(p - 1) === Code.Dot) p--;
    let q = p;
    while (q > 0 && p - q <= LONGEST_WORD && isAsciiLetter(t.charCodeAt(q - 1))) q--;
    const c = t.charCodeAt(q);
    if (q === p || c < Code.UpperA || c > Code.UpperZ || p - q > LONGEST_WORD || q < this.floor) return -1;
    if (q > 0 && isWordCode(t.charCodeAt(q - 1))) return -1;
    if (WORDS.get(t.slice(q, p).toLowerCase())?.month === undefined) return -1;
    return this.monthDate(q);
  }

  /** "USD 4.58 billion", "VNĐ 5 trillion" (or `glued`, "USD4.58"): a currency code in capitals before the amount. */
  private currencyBefore(s: number, glued = false): Prefix | null {
    const t = this.t;
    let p = s;
    while (p > 0 && isInlineSpace(t.charCodeAt(p - 1))) p--;
    if ((p === s) !== glued || p < 3) return null;
    const last = t.charCodeAt(p - 1);
    if (last !== 0x110 && (last < Code.UpperA || last > Code.UpperZ)) return null;
    const start = p - 3;
    if (start < this.floor || (start > 0 && isWordCode(t.charCodeAt(start - 1)))) return null;
    const code = t.slice(start, p);
    if (code === 'VN\u0110') return { start, unit: 'VND' };
    const unit = WORDS.get(code.toLowerCase())?.currencyPrefix;
    return unit !== undefined && unit === code ? { start, unit } : null;
  }

  private atSymbol(i: number, unit: string): number {
    const t = this.t;
    let start = i;
    if (i > 0 && isWordAt(t, i - 1)) {
      // "US$5"; another dollar ("HK$5") is not ours to name, and its amount is read as a plain number.
      if (i < 2 || !t.startsWith('US', i - 2) || (i > 2 && isWordAt(t, i - 3)) || i - 2 < this.floor) return i + 1;
      start = i - 2;
    }
    let p = i + 1;
    while (p < this.n && isInlineSpace(t.charCodeAt(p))) p++;
    if (p >= this.n || !isDigit(t.charCodeAt(p))) return i + 1;
    return this.atDigit(p, { start, unit });
  }

  // ---- spelled-out numbers ----------------------------------------------------------------

  /**
   * At an anchor of the candidate pattern ("ty" of "Seventy", "teen", "ten",
   * "hundred"...): find the word around it and read a spelled-out number from
   * its start, or from the unit before it ("one hundred", "two million").
   */
  private atSpelledAnchor(i: number): number {
    const t = this.t;
    let ws = i;
    while (ws > 0 && isAsciiLetter(t.charCodeAt(ws - 1))) ws--;
    let we = i;
    while (we < this.n && isAsciiLetter(t.charCodeAt(we))) we++;
    if (we - ws > LONGEST_WORD || !SPELLED_INITIALS.has(t.charCodeAt(ws) | 32)) return we; // "city", "party", "often"
    if (ws < this.floor || (ws > 0 && isWordCode(t.charCodeAt(ws - 1))) || (we < this.n && isWordCode(t.charCodeAt(we)))) return we;
    const word = WORDS.get(t.slice(ws, we).toLowerCase())?.spelled;
    if (word === undefined) return we;
    if (word.role === 'unit' || word.role === 'teen' || word.role === 'tens') {
      const r = this.spelled(ws, we, word);
      return r > 0 ? r : we;
    }
    // A scale word: start from the unit before it, if there is one.
    let p = ws;
    if (p > 0 && isHyphen(t.charCodeAt(p - 1))) p--;
    else while (p > 0 && isInlineSpace(t.charCodeAt(p - 1))) p--;
    if (p === ws) return we;
    let q = p;
    while (q > 0 && isAsciiLetter(t.charCodeAt(q - 1))) q--;
    if (q === p || p - q > 5 || q < this.floor || (q > 0 && isWordCode(t.charCodeAt(q - 1)))) return we;
    const unit = WORDS.get(t.slice(q, p).toLowerCase())?.spelled;
    if (unit === undefined || unit.role !== 'unit' || unit.ordinal) return we;
    const r = this.spelled(q, p, unit);
    return r > 0 ? r : we;
  }

  private monthDate(i: number): number {
    const t = this.t;
    MONTH_DATE_RE.lastIndex = i;
    const m = MONTH_DATE_RE.exec(t);
    if (m !== null) {
      const day = Number(m[1]);
      const toDay = m[2] === undefined ? day : Number(m[2]);
      if (day >= 1 && day <= 31 && toDay >= 1 && toDay <= 31) {
        this.emit(i, MONTH_DATE_RE.lastIndex, 'date', day, null);
        return MONTH_DATE_RE.lastIndex;
      }
    }
    MONTH_YEAR_RE.lastIndex = i;
    const y = MONTH_YEAR_RE.exec(t);
    if (y !== null) {
      const year = Number(y[1]);
      if (year >= 1000 && year <= 2100) {
        this.emit(i, MONTH_YEAR_RE.lastIndex, 'date', year, null);
        return MONTH_YEAR_RE.lastIndex;
      }
    }
    return -1;
  }

  /** "Seventy-five", "fifteen", "twenty one", "one hundred and five", "two million", "seventy-fifth". */
  private spelled(i: number, j: number, first: SpelledWord): number {
    let total = 0;
    let group = 0;
    let last: SpelledRole | null = null;
    let lastScale = Infinity;
    let ordinal = false;
    let end = j;
    let w: SpelledWord = first;
    let wEnd = j;
    for (;;) {
      if (!spelledAllowed(last, w, group, lastScale)) break;
      if (w.role === 'hundred') group *= 100;
      else if (w.role === 'scale') {
        total += group * w.value;
        group = 0;
        lastScale = w.value;
      } else group += w.value;
      last = w.role;
      end = wEnd;
      if (w.ordinal) {
        ordinal = true;
        break;
      }
      const next = this.nextSpelledWord(end, last);
      if (next === null) break;
      w = next.word;
      wEnd = next.end;
    }
    const value = total + group;
    if (value < 10) return -1; // "two", "six", "nine", "first" are not claims
    let pos = end;
    let kind: ClaimKind = ordinal ? 'ordinal' : 'count';
    let unit: string | null = null;
    if (!ordinal) {
      const tail = this.unitAfter(pos);
      if (tail !== null) ({ kind, unit, end: pos } = tail);
    }
    this.emit(i, pos, kind, value, unit);
    return pos;
  }

  private nextSpelledWord(p: number, last: SpelledRole): { word: SpelledWord; end: number } | null {
    const t = this.t;
    let q = p;
    const hyphen = isHyphen(t.charCodeAt(q));
    if (hyphen) q++;
    else {
      while (q < this.n && isInlineSpace(t.charCodeAt(q))) q++;
      if (q === p) return null;
    }
    let r = wordEnd(t, q);
    if (r === q || r - q > LONGEST_WORD) return null;
    let word = t.slice(q, r).toLowerCase();
    if (word === 'and' && !hyphen && (last === 'hundred' || last === 'scale')) {
      // "one hundred and five": 'and' joins only before the tens and units
      let s = r;
      while (s < this.n && isInlineSpace(t.charCodeAt(s))) s++;
      if (s === r) return null;
      r = wordEnd(t, s);
      word = t.slice(s, r).toLowerCase();
      const after = WORDS.get(word)?.spelled;
      if (after === undefined || after.role === 'hundred' || after.role === 'scale') return null;
      return { word: after, end: r };
    }
    const spelled = WORDS.get(word)?.spelled;
    return spelled === undefined ? null : { word: spelled, end: r };
  }

  // ---- digits -----------------------------------------------------------------------------

  /** Digits inside another token: "COVID-19", "No.5", "a_1" (but "3-2" and "8/10" are two numbers). */
  private gluedBefore(s: number): boolean {
    if (s === 0) return false;
    const t = this.t;
    const p = t.charCodeAt(s - 1);
    if (isHyphen(p) || p === 0x2013 || p === Code.Slash) {
      if (s < 2) return false;
      const q = t.charCodeAt(s - 2);
      return isWordCode(q) && !isDigit(q);
    }
    if (p === Code.Dot || p === Code.Underscore || p === Code.Colon) return s >= 2 && isWordAt(t, s - 2);
    return isWordCode(p);
  }

  private atDigit(s: number, prefix: Prefix | null): number {
    const t = this.t;
    if (prefix === null) {
      const listEnd = listMarkerEnd(t, s);
      if (listEnd > 0) return listEnd; // "4. **Normalize.**": a Markdown list's numbering
      if (isInUrlOrFileName(t, s, s + 1)) return tokenEnd(t, s); // "01-lavrov-meets-son.md", "https://…/2025/…"
    }
    if (prefix === null && this.gluedBefore(s)) {
      prefix = this.currencyBefore(s, true); // "USD4.58 billion"
      if (prefix === null) return wordEnd(t, s);
    }
    let k = s;
    while (k < this.n && isDigit(t.charCodeAt(k))) k++;
    const lead = k - s;
    if (prefix === null) {
      if (lead <= 2 || lead === 4) {
        const r = this.monthBefore(s);
        if (r > 0) return r;
      }
      prefix = this.currencyBefore(s);
    }
    if (prefix === null) {
      if (lead <= 2) {
        const r = this.dateOrTime(s, k);
        if (r > 0) return r;
      } else if (lead === 4 && (t.charCodeAt(k) === Code.Hyphen || t.charCodeAt(k) === Code.Slash)) {
        const r = this.isoDate(s);
        if (r > 0) return r;
      }
    }
    NUM_RE.lastIndex = s;
    const numeral = NUM_RE.exec(t)![0];
    const e = s + numeral.length;
    if (numeral.length > MAX_NUMERAL) return wordEnd(t, e); // a serial number, not a figure (and no Infinity)
    const plain = numeral.length === lead; // no comma, no decimals
    if (t.charCodeAt(e) === Code.Dot) {
      FILE_EXTENSION_RE.lastIndex = e;
      if (FILE_EXTENSION_RE.test(t)) return FILE_EXTENSION_RE.lastIndex; // "1826.jpg"
    }
    let exp = 0;
    let pos = e;
    let scale: RegExpExecArray | null = null;
    const after = t.charCodeAt(e);
    const scaleInitial = (isInlineSpace(after) ? t.charCodeAt(e + 1) : after) | 32;
    if (scaleInitial === 116 || scaleInitial === 109 || scaleInitial === 98) {
      SCALE_RE.lastIndex = e;
      scale = SCALE_RE.exec(t);
    }
    if (scale !== null) {
      exp = SCALE_EXPONENTS[(scale[1] ?? scale[2]).toLowerCase()];
      pos = SCALE_RE.lastIndex;
    } else if (e < this.n && isWordAt(t, e)) {
      ORDINAL_SUFFIX_RE.lastIndex = e;
      if (prefix === null && !numeral.includes('.') && ORDINAL_SUFFIX_RE.test(t)) {
        this.emit(s, ORDINAL_SUFFIX_RE.lastIndex, 'ordinal', decimalValue(numeral, 0), null);
        return ORDINAL_SUFFIX_RE.lastIndex;
      }
      return wordEnd(t, e); // "971d28cf", "3D", "5G": a token, not a number
    }
    let kind: ClaimKind = 'money';
    let unit: string | null = prefix?.unit ?? null;
    if (prefix === null) {
      const tail = this.unitAfter(pos);
      if (tail !== null) ({ kind, unit, end: pos } = tail);
      else kind = 'count';
    }
    if (kind === 'count' && exp === 0 && plain) {
      if (lead === 4) {
        const year = Number(numeral);
        QUANTITY_NOUN_RE.lastIndex = e;
        if (year >= 1000 && year <= 2100 && !QUANTITY_NOUN_RE.test(t)) return this.year(s, e, year);
      }
      if (this.afterCapitalsName(s)) return pos; // "HIUP 27": part of a product name
    }
    this.emit(prefix?.start ?? s, pos, kind, decimalValue(numeral, exp), unit);
    return pos;
  }

  /** Percent or currency after an amount, with the end of what it consumed. */
  private unitAfter(pos: number): { kind: ClaimKind; unit: string; end: number } | null {
    const t = this.t;
    const c0 = t.charCodeAt(pos);
    const c = isInlineSpace(c0) ? t.charCodeAt(pos + 1) : c0;
    if (c === 37 /* % */ || (c | 32) === 112 /* p */) {
      PERCENT_RE.lastIndex = pos;
      if (PERCENT_RE.test(t)) return { kind: 'percent', unit: '%', end: PERCENT_RE.lastIndex };
    }
    if (!CURRENCY_INITIALS.has(c)) return null;
    CURRENCY_SUFFIX_RE.lastIndex = pos;
    const m = CURRENCY_SUFFIX_RE.exec(t);
    if (m !== null) return { kind: 'money', unit: CURRENCY_SUFFIXES[(m[1] ?? m[2]).normalize('NFC')], end: CURRENCY_SUFFIX_RE.lastIndex };
    return null;
  }

  private year(s: number, e: number, year: number): number {
    YEAR_RANGE_RE.lastIndex = e;
    const m = YEAR_RANGE_RE.exec(this.t);
    if (m !== null) {
      const to = Number(m[2]);
      const ok = m[2].length === 4 ? to >= year && to <= 2100 : m[1].length === 1 && to > year % 100;
      if (ok) {
        this.emit(s, YEAR_RANGE_RE.lastIndex, 'year', year, null);
        return YEAR_RANGE_RE.lastIndex;
      }
    }
    this.emit(s, e, 'year', year, null);
    return e;
  }

  /** Dates and times that start with one or two digits (`s`..`k`); cheap checks decide which patterns to try. */
  private dateOrTime(s: number, k: number): number {
    const t = this.t;
    const c = t.charCodeAt(k);
    let m: RegExpExecArray | null = null;
    if (c === Code.Colon) {
      TIME_RE.lastIndex = s;
      m = TIME_RE.exec(t);
    }
    if (m !== null) {
      let h = Number(m[1]);
      const min = Number(m[2]);
      const half = m[3]?.toLowerCase();
      if (min <= 59 && (half === undefined ? h <= 24 : h >= 1 && h <= 12)) {
        if (half === 'p' && h < 12) h += 12;
        if (half === 'a' && h === 12) h = 0;
        this.emit(s, TIME_RE.lastIndex, 'time', h * 60 + min, null);
        return TIME_RE.lastIndex;
      }
    }
    m = null;
    if (c === Code.Dot || c === Code.Slash || c === Code.Hyphen || (c === Code.Space && isDigit(t.charCodeAt(k + 1)))) {
      NUM_DATE_RE.lastIndex = s;
      m = NUM_DATE_RE.exec(t);
    }
    if (m !== null) {
      const a = Number(m[1] ?? m[5]);
      const b = Number(m[3] ?? m[6]);
      const year = Number(m[4] ?? m[7]);
      // Day first (as in Vietnam and Russia), else month first.
      const day = a >= 1 && a <= 31 && b >= 1 && b <= 12 ? a : a >= 1 && a <= 12 && b >= 1 && b <= 31 ? b : 0;
      if (day > 0 && year >= 1000 && year <= 2100) {
        this.emit(s, NUM_DATE_RE.lastIndex, 'date', day, null);
        return NUM_DATE_RE.lastIndex;
      }
    }
    m = null;
    if (this.monthInitialSoon(k)) {
      DAY_MONTH_RE.lastIndex = s;
      m = DAY_MONTH_RE.exec(t);
    }
    if (m !== null) {
      const day = Number(m[1]);
      const toDay = m[2] === undefined ? day : Number(m[2]);
      if (day >= 1 && day <= 31 && toDay >= 1 && toDay <= 31) {
        this.emit(s, DAY_MONTH_RE.lastIndex, 'date', day, null);
        return DAY_MONTH_RE.lastIndex;
      }
    }
    m = null;
    const half = (isInlineSpace(c) ? t.charCodeAt(k + 1) : c) | 32;
    if (half === 97 || half === 112) {
      AMPM_RE.lastIndex = s;
      m = AMPM_RE.exec(t);
    }
    if (m !== null) {
      let h = Number(m[1]);
      const half = (m[2] ?? m[3]).toLowerCase();
      if (h >= 1 && h <= 12) {
        if (half === 'p' && h < 12) h += 12;
        if (half === 'a' && h === 12) h = 0;
        this.emit(s, AMPM_RE.lastIndex, 'time', h * 60, null);
        return AMPM_RE.lastIndex;
      }
    }
    return -1;
  }

  /** Is a capital that can start a month name ahead, before any sentence punctuation ("22 Dec", "8-11 May")? */
  private monthInitialSoon(k: number): boolean {
    const t = this.t;
    const end = Math.min(this.n, k + 12);
    for (let j = k; j < end; j++) {
      const c = t.charCodeAt(j);
      if (c >= Code.UpperA && c <= Code.UpperZ) return 'JFMASOND'.includes(t[j]);
      if (c === 10 || c === 13 || c === 44 || c === Code.Dot || c === 59) return false;
    }
    return false;
  }

  private isoDate(s: number): number {
    ISO_DATE_RE.lastIndex = s;
    const m = ISO_DATE_RE.exec(this.t);
    if (m === null) return -1;
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (year < 1000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
    this.emit(s, ISO_DATE_RE.lastIndex, 'date', day, null);
    return ISO_DATE_RE.lastIndex;
  }

  /** Right after a word in capitals ("HIUP 27"): a model or product number, not a count. */
  private afterCapitalsName(s: number): boolean {
    const t = this.t;
    if (s < 3 || t.charCodeAt(s - 1) !== Code.Space) return false;
    let k = s - 1;
    while (k > 0 && s - k <= MAX_QUALIFIER_WORD) {
      const c = t.charCodeAt(k - 1);
      if (c < Code.UpperA || c > Code.UpperZ) break;
      k--;
    }
    return s - 1 - k >= 2 && !isWordAt(t, k - 1);
  }

  // ---- output -----------------------------------------------------------------------------

  private emit(start: number, end: number, kind: NumberKind, value: number, unit: string | null): void {
    const claim = isClaimKind(kind);
    if (claim && this.onFileNameLine(start)) return;
    this.floor = end;
    this.out.push({
      start,
      end,
      text: this.t.slice(start, end),
      kind,
      value,
      unit,
      qualifier: claim ? this.qualifierBefore(start) : null,
      context: kind === 'count' ? this.contextAfter(end) : null,
    });
  }

  private onFileNameLine(pos: number): boolean {
    if (pos >= this.lineStart && pos <= this.lineEnd) return this.lineIsFileName;
    const t = this.t;
    LINE_BREAK_RE.lastIndex = pos;
    const b = LINE_BREAK_RE.exec(t)?.index ?? this.n;
    this.lineStart = pos; // later numbers on this line are after `pos`
    this.lineEnd = b;
    this.lineIsFileName = false;
    // Only a line ending in an image extension is looked at further ("….jpg", "….jpeg").
    let e = b;
    while (e > pos && isInlineSpace(t.charCodeAt(e - 1))) e--;
    if (t.charCodeAt(e - 4) !== Code.Dot && t.charCodeAt(e - 5) !== Code.Dot) return false;
    let a = pos;
    while (a > 0 && pos - a <= MAX_FILE_NAME_LINE && !isLineBreak(t.charCodeAt(a - 1))) a--;
    if (a > 0 && !isLineBreak(t.charCodeAt(a - 1))) return false;
    this.lineIsFileName = b - a <= MAX_FILE_NAME_LINE && FILE_NAME_LINE_RE.test(t.slice(a, b));
    return this.lineIsFileName;
  }

  /** The ASCII word ending at `end`, or null; `start` of it via the returned pair. */
  private wordBefore(end: number): [number, string] | null {
    const t = this.t;
    let p = end;
    while (p > 0 && end - p <= MAX_QUALIFIER_WORD && isAsciiLetter(t.charCodeAt(p - 1))) p--;
    if (p === end || (p > 0 && isWordCode(t.charCodeAt(p - 1)))) return null;
    return [p, t.slice(p, end).toLowerCase()];
  }

  private qualifierBefore(start: number): string | null {
    const t = this.t;
    let p = start;
    while (p > 0 && isInlineSpace(t.charCodeAt(p - 1))) p--;
    if (p === start) return null;
    const w1 = this.wordBefore(p);
    if (w1 === null) return null;
    if (QUALIFIERS.has(w1[1])) return w1[1];
    const firsts = TWO_WORD_QUALIFIERS.get(w1[1]);
    if (firsts === undefined) return null;
    let q = w1[0];
    while (q > 0 && isInlineSpace(t.charCodeAt(q - 1))) q--;
    if (q === w1[0]) return null;
    const w0 = this.wordBefore(q);
    return w0 !== null && firsts.includes(w0[1]) ? `${w0[1]} ${w1[1]}` : null;
  }

  /** A letters-only word at `p` (inner hyphens and apostrophes allowed): its end, or `p`. */
  private letterWordEnd(p: number): number {
    const t = this.t;
    let q = p;
    for (;;) {
      while (q < this.n && isLetterCode(t.charCodeAt(q))) q++;
      if (q === p) return p;
      const c = t.charCodeAt(q);
      if ((isHyphen(c) || c === 39 || c === 0x2019) && q + 1 < this.n && isLetterCode(t.charCodeAt(q + 1))) {
        q++;
        continue;
      }
      return q;
    }
  }

  /**
   * The noun a count counts: "75-year" → "year", "250 million tons of" → "tons",
   * "5,000 Vietnamese students studying" → "students": the last word of the short
   * phrase after the number, which ends at a plural, a function word, a verb form
   * or punctuation, and has at most three words.
   */
  private contextAfter(end: number): string | null {
    const t = this.t;
    let p = end;
    while (p < this.n && isInlineSpace(t.charCodeAt(p))) p++;
    if (p < this.n && isHyphen(t.charCodeAt(p)) && p + 1 < this.n && isLetterCode(t.charCodeAt(p + 1))) {
      let q = p + 1;
      while (q < this.n && isLetterCode(t.charCodeAt(q))) q++;
      return t.slice(p + 1, q);
    }
    if (p === end) return null;
    let head: string | null = null;
    for (let words = 0; words < 3; words++) {
      const q = this.letterWordEnd(p);
      if (q === p || q - p > MAX_CONTEXT_WORD) break;
      const word = t.slice(p, q);
      const lower = word.toLowerCase();
      if (CONTEXT_STOP_WORDS.has(lower)) break;
      if (words > 0 && looksLikeVerbOrAdverb(lower)) break;
      head = word;
      if (isPlural(lower)) break;
      p = q;
      while (p < this.n && isInlineSpace(t.charCodeAt(p))) p++;
      if (p === q) break;
    }
    return head;
  }
}
