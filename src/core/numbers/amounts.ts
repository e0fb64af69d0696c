/**
 * Amounts: the currency before or after a numeral ("USD 4.58 billion", "$5",
 * "990 million USD", "10,000 đồng"), its scale ("billion", "bn") and percent
 * forms ("6.7%", "10.5 per cent"), and the exact value of a numeral times its
 * scale. Internal to `numbers/`.
 */

import { isWordAt, isWordCode } from '../text/chars';
import type { ClaimKind } from './types';
import { ASCII_CASE_BIT, Code, END, SP, isAsciiCapital, isDigit, isInlineSpace, spacesAfter, spacesBefore } from './scan';
import { CURRENCY_SUFFIXES, SCALE_EXPONENTS, WORDS } from './words';

/** A currency written before the amount: where it starts, and its code. */
export interface Prefix {
  start: number;
  unit: string;
}

/** Percent or currency after an amount, with the end of what it consumed. */
export interface UnitRead {
  kind: ClaimKind;
  unit: string;
  end: number;
}

const SCALE_RE = new RegExp(`(?:${SP}+(thousand|million|billion|trillion|bn|mn)|(bn|mn))${END}`, 'iuy');
const PERCENT_RE = new RegExp(`${SP}?%|${SP}+per${SP}?cent${END}|${SP}+per-cent${END}`, 'iuy');
const CURRENCY_SUFFIX_RE = buildCurrencySuffixRe();
const CURRENCY_INITIALS = new Set(Object.keys(CURRENCY_SUFFIXES).map((k) => k.charCodeAt(0)));
/** Currency codes before an amount are three letters ("USD", "VNĐ"). */
const CODE_LENGTH = 3;

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
 * "USD 4.58 billion", "VNĐ 5 trillion" (or `glued`, "USD4.58"): a currency code
 * in capitals before the amount at `s`, not before `floor`; else null.
 */
export function currencyBefore(t: string, s: number, floor: number, glued = false): Prefix | null {
  const p = spacesBefore(t, s);
  if ((p === s) !== glued || p < CODE_LENGTH) return null;
  const last = t.charCodeAt(p - 1);
  if (last !== Code.UpperDStroke && !isAsciiCapital(last)) return null;
  const start = p - CODE_LENGTH;
  if (start < floor || (start > 0 && isWordCode(t.charCodeAt(start - 1)))) return null;
  const code = t.slice(start, p);
  if (code === 'VN\u0110') return { start, unit: 'VND' };
  const unit = WORDS.get(code.toLowerCase())?.currencyPrefix;
  return unit !== undefined && unit === code ? { start, unit } : null;
}

/**
 * At the currency symbol `i` ("$", "€") of `unit`: the prefix and the start of
 * the digits after it, or null when no amount follows or the symbol belongs to
 * another currency ("HK$": its amount is read as a plain number).
 */
export function symbolPrefix(t: string, i: number, unit: string, floor: number): { prefix: Prefix; digits: number } | null {
  let start = i;
  if (i > 0 && isWordAt(t, i - 1)) {
    // "US$5"; another dollar ("HK$5") is not ours to name.
    if (i < 2 || !t.startsWith('US', i - 2) || (i > 2 && isWordAt(t, i - 3)) || i - 2 < floor) return null;
    start = i - 2;
  }
  const p = spacesAfter(t, i + 1);
  if (p >= t.length || !isDigit(t.charCodeAt(p))) return null;
  return { prefix: { start, unit }, digits: p };
}

/** The currency a symbol stands for, or null when `c` is not one. */
export function symbolUnit(c: number): string | null {
  if (c === Code.Dollar) return 'USD';
  if (c === Code.Euro) return 'EUR';
  return null;
}

/** A scale after the numeral ending at `e` ("4.58 billion", "4.5bn"): its power of ten and end, or null. */
export function scaleAfter(t: string, e: number): { exp: number; end: number } | null {
  const after = t.charCodeAt(e);
  const initial = (isInlineSpace(after) ? t.charCodeAt(e + 1) : after) | ASCII_CASE_BIT;
  if (initial !== Code.LowerT && initial !== Code.LowerM && initial !== Code.LowerB) return null;
  SCALE_RE.lastIndex = e;
  const scale = SCALE_RE.exec(t);
  if (scale === null) return null;
  return { exp: SCALE_EXPONENTS[(scale[1] ?? scale[2]).toLowerCase()], end: SCALE_RE.lastIndex };
}

/** Percent or currency after an amount ending at `pos`, with the end of what it consumed. */
export function unitAfter(t: string, pos: number): UnitRead | null {
  const c0 = t.charCodeAt(pos);
  const c = isInlineSpace(c0) ? t.charCodeAt(pos + 1) : c0;
  if (c === Code.Percent || (c | ASCII_CASE_BIT) === Code.LowerP) {
    PERCENT_RE.lastIndex = pos;
    if (PERCENT_RE.test(t)) return { kind: 'percent', unit: '%', end: PERCENT_RE.lastIndex };
  }
  if (!CURRENCY_INITIALS.has(c)) return null;
  CURRENCY_SUFFIX_RE.lastIndex = pos;
  const m = CURRENCY_SUFFIX_RE.exec(t);
  if (m !== null) return { kind: 'money', unit: CURRENCY_SUFFIXES[(m[1] ?? m[2]).normalize('NFC')], end: CURRENCY_SUFFIX_RE.lastIndex };
  return null;
}

/** The exact value of a numeral times 10^exp, without the rounding of 4.58 * 1e9. */
export function decimalValue(numeral: string, exp: number): number {
  let mantissa = 0;
  let decimals = -1;
  for (let i = 0; i < numeral.length; i++) {
    const c = numeral.charCodeAt(i);
    if (c === Code.Dot) decimals = 0;
    else if (c !== Code.Comma) {
      mantissa = mantissa * 10 + (c - Code.Zero);
      if (decimals >= 0) decimals++;
    }
  }
  if (decimals <= 0) return mantissa * 10 ** exp;
  return exp >= decimals ? mantissa * 10 ** (exp - decimals) : mantissa / 10 ** (decimals - exp);
}
