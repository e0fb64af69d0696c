/**
 * Folding: the form in which spellings are compared. Unicode NFD, combining
 * marks dropped, đ→d and Đ→D, typographic quotes and dashes to ASCII.
 * "Tô Lâm", "To Lam" and an NFD-encoded "Tô Lâm" all fold to "To Lam".
 */

import type { Span } from '../types';

const MARKS_RE = /\p{M}/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

const SINGLE_QUOTES = '\u2018\u2019\u201a\u201b\u2032\u02bc';
const DOUBLE_QUOTES = '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';

const PUNCT_RE = new RegExp(`[${SINGLE_QUOTES}${DOUBLE_QUOTES}${DASHES}\u0111\u0110]`, 'g');

function foldPunct(ch: string): string {
  if (ch === '\u0111') return 'd';
  if (ch === '\u0110') return 'D';
  if (SINGLE_QUOTES.includes(ch)) return "'";
  if (DOUBLE_QUOTES.includes(ch)) return '"';
  return '-';
}

// Fold of one non-ASCII code point, cached: most texts use few distinct ones.
const codePointCache = new Map<number, string>();

function foldCodePoint(cp: number): string {
  let folded = codePointCache.get(cp);
  if (folded === undefined) {
    const ch = String.fromCodePoint(cp);
    folded = ch.normalize('NFD').replace(MARKS_RE, '').replace(PUNCT_RE, foldPunct);
    codePointCache.set(cp, folded);
  }
  return folded;
}

/**
 * The folded form of `s`, without an offset map (the fast path for spellings and keywords).
 * Code point by code point, each fold cached: the same as folding the whole string, since
 * NFD decomposes each code point on its own and only reorders the marks, which are dropped.
 */
export function fold(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s;
  let out = '';
  // The start of the ASCII run not yet copied.
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) < 0x80) continue;
    const cp = s.codePointAt(i)!;
    out += s.slice(from, i) + foldCodePoint(cp);
    if (cp > 0xffff) i++;
    from = i + 1;
  }
  return from === 0 ? out : out + s.slice(from);
}

/** A folded text with, for each folded code unit, the offset in the original it came from. */
export interface FoldedText {
  readonly text: string;
  /**
   * `offsets[i]` is the original offset of folded code unit `i`; it has one more
   * entry than `text.length`, holding the original length. Dropped marks belong
   * to the character before them, so `[offsets[s], offsets[e])` covers them.
   */
  readonly offsets: Uint32Array;
}

/** Folds `original` and records where each folded code unit came from. */
export function foldWithMap(original: string): FoldedText {
  const n = original.length;
  if (!NON_ASCII_RE.test(original)) {
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) offsets[i] = i;
    return { text: original, offsets };
  }
  const out: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      out.push(original[i]);
      offsets.push(i);
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      out.push(folded[k]);
      offsets.push(i);
    }
    i += width;
  }
  offsets.push(n);
  return { text: out.join(''), offsets: Uint32Array.from(offsets) };
}

/** Maps a span of folded offsets back to the original text. */
export function toOriginalSpan(folded: FoldedText, start: number, end: number): Span {
  return { start: folded.offsets[start], end: folded.offsets[end] };
}
