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
 * news text. The readers live by responsibility: dates.ts (years, dates,
 * times), spelled.ts (spelled-out numbers), amounts.ts (currencies, scales,
 * percentages), designations.ts ("Decree 13"), phrases.ts (qualifier and
 * counted noun); this file decides which to try where, and emits.
 */

import { isWordAt, isWordCode } from '../text/chars';
import { isInUrlOrFileName, isSpaceCode } from '../text/tokens';
import { currencyBefore, decimalValue, scaleAfter, signBefore, signUnit, unitAfter, type Prefix } from './amounts';
import {
  isClockHour,
  monthStartBefore,
  oClockAfter,
  readDateOrTime,
  readIsoDate,
  readMonthDate,
  readNumericDate,
  readYear,
  type DateRead,
} from './dates';
import { designationEnd, isDesignation } from './designations';
import { contextAfter, qualifierBefore } from './phrases';
import { Code, END, ORD, isDigit, isHyphen, isInlineSpace, isLineBreak, wordEnd } from './scan';
import { readSpelled } from './spelled';
import type { ClaimKind, FoundNumber, NumberKind } from './types';

/** A numeral: "40,000" (groups of three), "4.58", "199". */
const NUM_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/y;
const ORDINAL_SUFFIX_RE = new RegExp(`${ORD}${END}`, 'iuy');
const FILE_EXTENSION_RE = new RegExp(`\\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif|pdf|docx?|xlsx?|pptx?|mp[34]|mov|avi|html?|txt|zip)${END}`, 'iuy');
/** A line that is only an image's file name ("anh 1 669.jpg"): no capitals, no sentence punctuation. */
const FILE_NAME_LINE_RE = /^[^A-Z,;:!?()"\u201c\u201d]*\.(?:jpe?g|JPE?G|png|PNG|gif|GIF|webp|WEBP)\s*$/;
const MAX_FILE_NAME_LINE = 300;
/** Longer runs of digits are serial numbers or ids, not figures. */
const MAX_NUMERAL = 24;
/** A Markdown ordered-list marker has at most nine digits. */
const MAX_LIST_MARKER_DIGITS = 9;
const LINE_BREAK_RE = /[\r\n]/g;

/**
 * Where a number can start: a digit, or an anchor inside a
 * spelled-out number ("ty" of "seventy", "teen", "ten", "leven", "hundred",
 * "llion"). One native scan finds them all; the first characters of the
 * alternatives are few, which keeps it about as fast as a plain digit search.
 * Months, currency codes and signs are found by looking back from the digits
 * (a longer first class, "[0-9$€£¥]", makes the scan a third slower).
 */
const CANDIDATE_RE = /[0-9]|[tT](?:e(?:en(?:th)?|n(?:th)?)|y|ieth|wel(?:ve|fth)|housand(?:th)?|rillion)(?![a-z])|l(?:even(?:th)?|lion)(?![a-z])|hundred/g;

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

/** The end of a Markdown ordered-list marker ("4. ", "12) ") starting at `s`, at the start of a line; else 0. */
function listMarkerEnd(t: string, s: number): number {
  let b = s;
  while (b > 0 && (t.charCodeAt(b - 1) === Code.Space || t.charCodeAt(b - 1) === Code.Tab)) b--;
  if (b > 0 && !isLineBreak(t.charCodeAt(b - 1))) return 0;
  let e = s;
  while (e < t.length && e - s < MAX_LIST_MARKER_DIGITS && isDigit(t.charCodeAt(e))) e++;
  const mark = t.charCodeAt(e);
  const space = t.charCodeAt(e + 1);
  if ((mark !== Code.Dot && mark !== Code.CloseParen) || (space !== Code.Space && space !== Code.Tab)) return 0;
  return e + 1;
}

/** The end of the white-space-delimited token containing `i`. */
function tokenEnd(t: string, i: number): number {
  while (i < t.length && !isSpaceCode(t.charCodeAt(i))) i++;
  return i;
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
      const next = isDigit(c) ? this.atDigit(i) : this.atSpelledAnchor(i);
      re.lastIndex = Math.max(next, i + 1);
    }
    return this.out;
  }

  private atSpelledAnchor(i: number): number {
    const r = readSpelled(this.t, i, this.floor);
    if (!r.found) return r.resume;
    let kind: ClaimKind = r.ordinal ? 'ordinal' : 'count';
    let unit: string | null = null;
    let end = r.end;
    if (!r.ordinal && isClockHour(r.value)) {
      const clock = oClockAfter(this.t, end); // "ten o'clock"
      if (clock > 0) return this.emitDate(r.start, { end: clock, kind: 'time', value: r.value * 60 });
    }
    if (!r.ordinal) {
      const tail = unitAfter(this.t, end);
      if (tail !== null) ({ kind, unit, end } = tail);
    }
    this.emit(r.start, end, kind, r.value, unit);
    return end;
  }

  /** Emits a year, date or time read at `start`; its end, or -1 when there is none. */
  private emitDate(start: number, read: DateRead | null): number {
    if (read === null) return -1;
    this.emit(start, read.end, read.kind, read.value, null);
    return read.end;
  }

  /** Digits inside another token: "COVID-19", "No.5", "a_1" (but "3-2" and "8/10" are two numbers). */
  private gluedBefore(s: number): boolean {
    if (s === 0) return false;
    const t = this.t;
    const p = t.charCodeAt(s - 1);
    if (isHyphen(p) || p === Code.EnDash || p === Code.Slash) {
      if (s < 2) return false;
      const q = t.charCodeAt(s - 2);
      return isWordCode(q) && !isDigit(q);
    }
    if (p === Code.Dot || p === Code.Underscore || p === Code.Colon) return s >= 2 && isWordAt(t, s - 2);
    return isWordCode(p);
  }

  private atDigit(s: number): number {
    const t = this.t;
    let prefix: Prefix | null = signBefore(t, s, this.floor); // "$5", "US$1.2 billion", "£2bn"
    if (prefix === null) {
      const listEnd = listMarkerEnd(t, s);
      if (listEnd > 0) return listEnd; // "4. **Normalize.**": a Markdown list's numbering
      if (isInUrlOrFileName(t, s, s + 1)) return tokenEnd(t, s); // "01-lavrov-meets-son.md", "https://…/2025/…"
    }
    let k = s;
    while (k < this.n && isDigit(t.charCodeAt(k))) k++;
    const lead = k - s;
    if (prefix === null && this.gluedBefore(s)) {
      prefix = currencyBefore(t, s, this.floor, true); // "USD4.58 billion"
      if (prefix === null) {
        const r = this.emitDate(s, readNumericDate(t, s, k)); // "…News15/03/2025"
        return r > 0 ? r : wordEnd(t, s);
      }
    }
    if (prefix === null) {
      if (lead <= 2 || lead === 4) {
        const month = monthStartBefore(t, s, this.floor);
        if (month >= 0) {
          const r = this.emitDate(month, readMonthDate(t, month));
          if (r > 0) return r;
        }
      }
      prefix = currencyBefore(t, s, this.floor);
    }
    if (prefix === null) {
      if (lead <= 2) {
        const r = this.emitDate(s, readDateOrTime(t, s, k));
        if (r > 0) return r;
      } else if (lead === 4 && (t.charCodeAt(k) === Code.Hyphen || t.charCodeAt(k) === Code.Slash)) {
        const r = this.emitDate(s, readIsoDate(t, s));
        if (r > 0) return r;
      }
    }
    NUM_RE.lastIndex = s;
    NUM_RE.test(t); // Always matches at a digit; test() allocates no match array.
    const e = NUM_RE.lastIndex;
    const numeral = t.slice(s, e);
    if (numeral.length > MAX_NUMERAL) return wordEnd(t, e); // a serial number, not a figure (and no Infinity)
    const plain = numeral.length === lead; // no comma, no decimals
    if (t.charCodeAt(e) === Code.Dot) {
      FILE_EXTENSION_RE.lastIndex = e;
      if (FILE_EXTENSION_RE.test(t)) return FILE_EXTENSION_RE.lastIndex; // "1826.jpg"
    }
    let exp = 0;
    let pos = e;
    // m and k are scales after a currency ("$750m", "USD 5m"), also a dollar not ours to name ("S$30m").
    const afterCurrency = prefix !== null || (s > 0 && signUnit(t.charCodeAt(s - 1)) !== null);
    const scale = scaleAfter(t, e, afterCurrency);
    if (scale !== null) ({ exp, end: pos } = scale);
    else if (e < this.n && isWordAt(t, e)) {
      ORDINAL_SUFFIX_RE.lastIndex = e;
      if (prefix === null && !numeral.includes('.') && ORDINAL_SUFFIX_RE.test(t)) {
        const end = ORDINAL_SUFFIX_RE.lastIndex;
        if (plain && isDesignation(t, s, e)) return end; // "Congress 13th" names a congress
        this.emit(s, end, 'ordinal', decimalValue(numeral, 0), null);
        return end;
      }
      return wordEnd(t, e); // "971d28cf", "3D", "5G": a token, not a number
    }
    let kind: ClaimKind = 'money';
    let unit: string | null = prefix?.unit ?? null;
    if (prefix === null) {
      const tail = unitAfter(t, pos);
      if (tail !== null) ({ kind, unit, end: pos } = tail);
      else kind = 'count';
    }
    if (kind === 'count' && exp === 0 && plain) {
      if (lead === 4) {
        const r = this.emitDate(s, readYear(t, s, e));
        if (r > 0) return r;
      }
      if (isDesignation(t, s, e)) return designationEnd(t, pos); // "Decree 13", "Boeing 787-9", "HIUP 27"
    }
    this.emit(prefix?.start ?? s, pos, kind, decimalValue(numeral, exp), unit);
    return pos;
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
      qualifier: claim ? qualifierBefore(this.t, start) : null,
      context: kind === 'count' ? contextAfter(this.t, end) : null,
    });
  }

  private onFileNameLine(pos: number): boolean {
    if (pos >= this.lineStart && pos <= this.lineEnd) return this.lineIsFileName;
    const t = this.t;
    LINE_BREAK_RE.lastIndex = pos;
    // test() rather than exec(): no match array per line.
    const b = LINE_BREAK_RE.test(t) ? LINE_BREAK_RE.lastIndex - 1 : this.n;
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
}
