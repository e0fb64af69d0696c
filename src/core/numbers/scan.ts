/**
 * The character codes the number finder compares against, and the small
 * scanning helpers its parts share (dates, spelled-out numbers, amounts).
 * Internal to `numbers/`.
 */

import { isWordCode } from '../text/chars';

/** UTF-16 code units, by name. */
export const enum Code {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Percent = 0x25,
  Apostrophe = 0x27,
  CloseParen = 0x29,
  Comma = 0x2c,
  Hyphen = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  Semicolon = 0x3b,
  UpperA = 0x41,
  UpperZ = 0x5a,
  Underscore = 0x5f,
  LowerA = 0x61,
  LowerB = 0x62,
  LowerM = 0x6d,
  LowerO = 0x6f,
  LowerP = 0x70,
  LowerT = 0x74,
  LowerZ = 0x7a,
  Nbsp = 0xa0,
  /** "Đ" of "VNĐ". */
  UpperDStroke = 0x110,
  Hyphen2010 = 0x2010,
  NonBreakingHyphen = 0x2011,
  EnDash = 0x2013,
  RightSingleQuote = 0x2019,
  NarrowNbsp = 0x202f,
}

/** OR-ing an ASCII letter with this gives its lower case. */
export const ASCII_CASE_BIT = 0x20;

// Regular-expression pieces. Inline spaces only: a number never continues across a line break.
export const SP = '[ \\t\\u00a0\\u202f]';
export const DASH = '[-\\u2010\\u2011\\u2012\\u2013\\u2014]';
export const END = '(?![\\p{L}\\p{N}\\p{M}])';
export const ORD = '(?:st|nd|rd|th)';

export function isDigit(c: number): boolean {
  return c >= Code.Zero && c <= Code.Nine;
}

export function isInlineSpace(c: number): boolean {
  return c === Code.Space || c === Code.Tab || c === Code.Nbsp || c === Code.NarrowNbsp;
}

export function isHyphen(c: number): boolean {
  return c === Code.Hyphen || c === Code.Hyphen2010 || c === Code.NonBreakingHyphen;
}

export function isLineBreak(c: number): boolean {
  return c === Code.LineFeed || c === Code.CarriageReturn;
}

export function isAsciiLetter(c: number): boolean {
  const l = c | ASCII_CASE_BIT;
  return l >= Code.LowerA && l <= Code.LowerZ;
}

export function isAsciiCapital(c: number): boolean {
  return c >= Code.UpperA && c <= Code.UpperZ;
}

export function isLetterCode(c: number): boolean {
  return !isDigit(c) && isWordCode(c);
}

/** End of the run of word characters (letters, digits, marks) starting at `i`. */
export function wordEnd(t: string, i: number): number {
  while (i < t.length && isWordCode(t.charCodeAt(i))) i++;
  return i;
}

/** Start of the inline spaces ending at `p` (`p` itself when there are none). */
export function spacesBefore(t: string, p: number): number {
  while (p > 0 && isInlineSpace(t.charCodeAt(p - 1))) p--;
  return p;
}

/** End of the inline spaces starting at `p` (`p` itself when there are none). */
export function spacesAfter(t: string, p: number): number {
  while (p < t.length && isInlineSpace(t.charCodeAt(p))) p++;
  return p;
}
