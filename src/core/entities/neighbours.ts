/**
 * The words around a possible mention, as matching rules 9 and 10 read them:
 * the word that only white space separates from it on either side, whether a
 * word is capitalised, and whether it begins a sentence. Each function looks at
 * a few characters around one offset; none scans the text.
 */

import { isWordCode } from '../text/chars';

/** A word of the text: `[start, end)`. */
export interface WordSpan {
  start: number;
  end: number;
}

const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':'].map((c) => c.charCodeAt(0)));
// Quotes, brackets and Markdown emphasis, heading and quote marks that may stand before a sentence's first word.
const OPENERS = new Set([...'"\'“”‘’«»([{*_#>'].map((c) => c.charCodeAt(0)));
// List bullets, which begin a sentence only at the start of a line.
const BULLETS = new Set([...'-+*•–—'].map((c) => c.charCodeAt(0)));

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x0d;
}

/**
 * The word right before `offset` with only white space between: spaces and at
 * most one line break, as inside a name broken over a line. Undefined when
 * nothing, punctuation or a paragraph break stands between.
 */
export function wordBefore(text: string, offset: number): WordSpan | undefined {
  let p = offset;
  let breaks = 0;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (c === 0x0a) {
      if (++breaks > 1) return undefined;
    } else if (!isSpaceCode(c)) {
      break;
    }
    p--;
  }
  if (p === offset || p === 0 || !isWordCode(text.charCodeAt(p - 1))) return undefined;
  let start = p - 1;
  while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
  return { start, end: p };
}

/** The word right after `offset` with only white space between (see `wordBefore`). */
export function wordAfter(text: string, offset: number): WordSpan | undefined {
  const n = text.length;
  let p = offset;
  let breaks = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 0x0a) {
      if (++breaks > 1) return undefined;
    } else if (!isSpaceCode(c)) {
      break;
    }
    p++;
  }
  if (p === offset || p >= n || !isWordCode(text.charCodeAt(p))) return undefined;
  let end = p + 1;
  while (end < n && isWordCode(text.charCodeAt(end))) end++;
  return { start: p, end };
}

/** Does the word at `start` begin with an upper-case letter ("Thanh", "Đặng", "LA")? */
export function isCapitalisedAt(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const cp = text.codePointAt(start);
  return cp !== undefined && UPPER_RE.test(String.fromCodePoint(cp));
}

/**
 * Does the word at `start` begin a sentence: the start of the text or of a
 * line, or after a full stop, question or exclamation mark, ellipsis or colon,
 * with quotes, brackets, Markdown marks or a list bullet in between?
 */
export function isSentenceStart(text: string, start: number): boolean {
  let p = start;
  while (p > 0 && (isSpaceCode(text.charCodeAt(p - 1)) || OPENERS.has(text.charCodeAt(p - 1)))) p--;
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  if (BULLETS.has(c)) {
    let q = p - 1;
    while (q > 0 && isSpaceCode(text.charCodeAt(q - 1))) q--;
    return q === 0 || text.charCodeAt(q - 1) === 0x0a;
  }
  return c === 0x0a || SENTENCE_END.has(c);
}
