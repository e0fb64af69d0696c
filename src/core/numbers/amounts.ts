/**
 * Amounts: the currency before or after a numeral ("USD 4.58 billion", "$5",
 * "£2bn", "990 million USD", "10,000 đồng"), its scale ("billion", "bn",
 * "$300-million", and m or k glued after a currency sign: "$750m", "€30k") and
 * percent forms ("6.7%", "10.5 per cent", "12.5-percent"), and the exact value
 * of a numeral times its scale. Internal to `numbers/`.
 */

import { isWordAt, isWordCode } from '../text/chars';
import type { ClaimKind } from './types';
import { ASCII_CASE_BIT, Code, END, SP, isAsciiCapital, isHyphen, isInlineSpace, spacesBefore } from './scan';
import { CURRENCY_CODES, CURRENCY_SIGNS, CURRENCY_SUFFIXES, SCALE_EXPONENTS, SIGN_SCALE_EXPONENTS } from './words';

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

/** Hyphens of a compound ("$300-million", "12.5-percent"); a dash between numbers is a range instead. */
const HYPHEN = '[-\\u2010\\u2011]';
const SCALE_WORD = 'thousand|million|billion|trillion';
const SCALE_RE = new RegExp(`(?:${SP}+(${SCALE_WORD}|bn|mn)|(bn|mn)|${HYPHEN}(${SCALE_WORD}))${END}`, 'iuy');
const SIGN_SCALE_RE = new RegExp(`([${Object.keys(SIGN_SCALE_EXPONENTS).join('')}])${END}`, 'iuy');
const PERCENT_RE = new RegExp(`${SP}?%|${SP}+per${SP}?cent${END}|${SP}+per-cent${END}|${HYPHEN}per(?:${SP}|-)?cent${END}`, 'iuy');
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
  const symbols = sorted.filter((s) => /^[A-Z\u0110]+$/.test(s.normalize('NFC')) || s in CURRENCY_SIGNS);
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
  const unit = CURRENCY_CODES[t.slice(start, p)];
  return unit === undefined ? null : { start, unit };
}

/**
 * A currency sign before the amount at `s` ("$5", "US$1.2 billion", "£ 30"),
 * not before `floor`; null when there is none or it belongs to another
 * currency ("HK$5", "S$30m": their amounts are read as plain numbers).
 */
export function signBefore(t: string, s: number, floor: number): Prefix | null {
  const p = spacesBefore(t, s);
  const i = p - 1;
  if (i < floor) return null;
  const unit = signUnit(t.charCodeAt(i));
  if (unit === null) return null;
  if (i > 0 && isWordAt(t, i - 1)) {
    // "US$5"; another dollar ("HK$5") is not ours to name.
    if (i < 2 || !t.startsWith('US', i - 2) || (i > 2 && isWordAt(t, i - 3)) || i - 2 < floor) return null;
    return { start: i - 2, unit };
  }
  return { start: i, unit };
}

const SIGN_UNITS = new Map(Object.entries(CURRENCY_SIGNS).map(([sign, unit]) => [sign.charCodeAt(0), unit]));

/** The currency a sign stands for ("$" → USD, "£" → GBP), or null when `c` is not one. */
export function signUnit(c: number): string | null {
  return SIGN_UNITS.get(c) ?? null;
}

/**
 * A scale after the numeral ending at `e` ("4.58 billion", "4.5bn",
 * "300-million"; with `afterCurrency`, also "750m", "30k" glued to it): its
 * power of ten and end, or null.
 */
export function scaleAfter(t: string, e: number, afterCurrency: boolean): { exp: number; end: number } | null {
  const after = t.charCodeAt(e);
  const initial = (isInlineSpace(after) || isHyphen(after) ? t.charCodeAt(e + 1) : after) | ASCII_CASE_BIT;
  if (initial === Code.LowerT || initial === Code.LowerM || initial === Code.LowerB) {
    SCALE_RE.lastIndex = e;
    const scale = SCALE_RE.exec(t);
    if (scale !== null) return { exp: SCALE_EXPONENTS[(scale[1] ?? scale[2] ?? scale[3]).toLowerCase()], end: SCALE_RE.lastIndex };
  }
  if (!afterCurrency || (after | ASCII_CASE_BIT) !== initial) return null;
  SIGN_SCALE_RE.lastIndex = e;
  const letter = SIGN_SCALE_RE.exec(t);
  return letter === null ? null : { exp: SIGN_SCALE_EXPONENTS[letter[1].toLowerCase()], end: SIGN_SCALE_RE.lastIndex };
}

/** Percent or currency after an amount ending at `pos`, with the end of what it consumed. */
export function unitAfter(t: string, pos: number): UnitRead | null {
  const c0 = t.charCodeAt(pos);
  const c = isInlineSpace(c0) || isHyphen(c0) ? t.charCodeAt(pos + 1) : c0;
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
