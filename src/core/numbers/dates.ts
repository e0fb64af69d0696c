/**
 * Calendar years, dates and clock times, which the finder reports (kinds year,
 * date, time) but which are not claims. Each reader is tried at a position the
 * finder has chosen and answers with what it read there, or null; none emits.
 * Internal to `numbers/`.
 */

import { isWordCode } from '../text/chars';
import type { IgnoredKind } from './types';
import { ASCII_CASE_BIT, Code, DASH, END, ORD, SP, isAsciiCapital, isAsciiLetter, isDigit, isInlineSpace, spacesBefore } from './scan';
import { LONGEST_WORD, MONTH_PATTERN, QUANTITY_NOUNS, WORDS } from './words';

/** A year, date or time read at a known start: where it ends, and its value. */
export interface DateRead {
  end: number;
  kind: IgnoredKind;
  /** Years: the year; dates: the day (or the year of "October 2024"); times: minutes after midnight. */
  value: number;
}

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
const QUANTITY_NOUN_RE = new RegExp(`${SP}+(?:${QUANTITY_NOUNS.join('|')})${END}`, 'uy');
/** " o'clock" after an hour ("7 o'clock", "ten o’clock"). */
const O_CLOCK_RE = new RegExp(`${SP}o['\u2019]clock${END}`, 'iuy');

/** The capitals that can start a month name. */
const MONTH_INITIALS = 'JFMASOND';
/** How far after the digits a month name may start ("22 Dec", "8-11 May", "21st of June"). */
const MONTH_LOOKAHEAD = 12;

const MIN_YEAR = 1000;
const MAX_YEAR = 2100;

function isYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Where the month name before the digits at `s` starts ("February 11", "Dec. 22"),
 * or -1. The month is a capitalised word of its own, not before `floor`.
 */
export function monthStartBefore(t: string, s: number, floor: number): number {
  let p = spacesBefore(t, s);
  if (p === s || p === 0) return -1;
  if (t.charCodeAt(p - 1) === Code.Dot) p--;
  let q = p;
  while (q > 0 && p - q <= LONGEST_WORD && isAsciiLetter(t.charCodeAt(q - 1))) q--;
  if (q === p || !isAsciiCapital(t.charCodeAt(q)) || p - q > LONGEST_WORD || q < floor) return -1;
  if (q > 0 && isWordCode(t.charCodeAt(q - 1))) return -1;
  if (WORDS.get(t.slice(q, p).toLowerCase())?.month === undefined) return -1;
  return q;
}

/** A date that starts with a month name at `i`: "February 11", "May 8-11, 2025", "October 2024". */
export function readMonthDate(t: string, i: number): DateRead | null {
  MONTH_DATE_RE.lastIndex = i;
  const m = MONTH_DATE_RE.exec(t);
  if (m !== null) {
    const day = Number(m[1]);
    const toDay = m[2] === undefined ? day : Number(m[2]);
    if (isDay(day) && isDay(toDay)) return { end: MONTH_DATE_RE.lastIndex, kind: 'date', value: day };
  }
  MONTH_YEAR_RE.lastIndex = i;
  const y = MONTH_YEAR_RE.exec(t);
  if (y !== null) {
    const year = Number(y[1]);
    if (isYear(year)) return { end: MONTH_YEAR_RE.lastIndex, kind: 'date', value: year };
  }
  return null;
}

function isDay(day: number): boolean {
  return day >= 1 && day <= 31;
}

/**
 * The four plain digits `s`..`e` as a calendar year (1000–2100, not followed by
 * a noun of quantity such as "years" or "people"), with a range after it
 * ("1941–1942", "2024-25"); else null.
 */
export function readYear(t: string, s: number, e: number): DateRead | null {
  const year = Number(t.slice(s, e));
  QUANTITY_NOUN_RE.lastIndex = e;
  if (!isYear(year) || QUANTITY_NOUN_RE.test(t)) return null;
  YEAR_RANGE_RE.lastIndex = e;
  const m = YEAR_RANGE_RE.exec(t);
  if (m !== null) {
    const to = Number(m[2]);
    const ok = m[2].length === 4 ? to >= year && to <= MAX_YEAR : m[1].length === 1 && to > year % 100;
    if (ok) return { end: YEAR_RANGE_RE.lastIndex, kind: 'year', value: year };
  }
  return { end: e, kind: 'year', value: year };
}

function hours(h: number, half: string | undefined): number {
  if (half === 'p' && h < 12) return h + 12;
  if (half === 'a' && h === 12) return 0;
  return h;
}

/** The end of " o'clock" after an hour ending at `pos`, or -1. */
export function oClockAfter(t: string, pos: number): number {
  if (!isInlineSpace(t.charCodeAt(pos)) || (t.charCodeAt(pos + 1) | ASCII_CASE_BIT) !== Code.LowerO) return -1;
  O_CLOCK_RE.lastIndex = pos;
  return O_CLOCK_RE.test(t) ? O_CLOCK_RE.lastIndex : -1;
}

/** An hour of the clock face, as read before "o'clock". */
export function isClockHour(h: number): boolean {
  return h >= 1 && h <= 12;
}

/**
 * A date in digits with separators at `s` ("15/03/2025", "30.06.2023",
 * "2025-03-15"): the only dates read when the digits are glued to a word
 * before them ("…News15/03/2025" in a scraped page).
 */
export function readNumericDate(t: string, s: number, k: number): DateRead | null {
  const c = t.charCodeAt(k);
  if (k - s === 4) return c === Code.Hyphen || c === Code.Slash ? readIsoDate(t, s) : null;
  if (k - s > 2 || (c !== Code.Dot && c !== Code.Slash && c !== Code.Hyphen)) return null;
  NUM_DATE_RE.lastIndex = s;
  return numericDate(NUM_DATE_RE.exec(t));
}

function numericDate(m: RegExpExecArray | null): DateRead | null {
  if (m === null) return null;
  const a = Number(m[1] ?? m[5]);
  const b = Number(m[3] ?? m[6]);
  const year = Number(m[4] ?? m[7]);
  // Day first (as in Vietnam and Russia), else month first.
  const day = isDay(a) && b >= 1 && b <= 12 ? a : a >= 1 && a <= 12 && isDay(b) ? b : 0;
  return day > 0 && isYear(year) ? { end: NUM_DATE_RE.lastIndex, kind: 'date', value: day } : null;
}

/** Dates and times that start with the one or two digits `s`..`k`; cheap checks decide which patterns to try. */
export function readDateOrTime(t: string, s: number, k: number): DateRead | null {
  const c = t.charCodeAt(k);
  let m: RegExpExecArray | null = null;
  if (c === Code.Colon) {
    TIME_RE.lastIndex = s;
    m = TIME_RE.exec(t);
  }
  if (m !== null) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    const half = m[3]?.toLowerCase();
    if (min <= 59 && (half === undefined ? h <= 24 : h >= 1 && h <= 12)) {
      return { end: TIME_RE.lastIndex, kind: 'time', value: hours(h, half) * 60 + min };
    }
  }
  m = null;
  if (c === Code.Dot || c === Code.Slash || c === Code.Hyphen || (c === Code.Space && isDigit(t.charCodeAt(k + 1)))) {
    NUM_DATE_RE.lastIndex = s;
    m = NUM_DATE_RE.exec(t);
  }
  const date = numericDate(m);
  if (date !== null) return date;
  m = null;
  if (monthInitialSoon(t, k)) {
    DAY_MONTH_RE.lastIndex = s;
    m = DAY_MONTH_RE.exec(t);
  }
  if (m !== null) {
    const day = Number(m[1]);
    const toDay = m[2] === undefined ? day : Number(m[2]);
    if (isDay(day) && isDay(toDay)) return { end: DAY_MONTH_RE.lastIndex, kind: 'date', value: day };
  }
  m = null;
  const clock = oClockAfter(t, k);
  if (clock > 0) {
    const h = Number(t.slice(s, k));
    if (isClockHour(h)) return { end: clock, kind: 'time', value: h * 60 };
  }
  const half = (isInlineSpace(c) ? t.charCodeAt(k + 1) : c) | ASCII_CASE_BIT;
  if (half === Code.LowerA || half === Code.LowerP) {
    AMPM_RE.lastIndex = s;
    m = AMPM_RE.exec(t);
  }
  if (m !== null) {
    const h = Number(m[1]);
    const half = (m[2] ?? m[3]).toLowerCase();
    if (h >= 1 && h <= 12) return { end: AMPM_RE.lastIndex, kind: 'time', value: hours(h, half) * 60 };
  }
  return null;
}

/** Is a capital that can start a month name ahead, before any sentence punctuation ("22 Dec", "8-11 May")? */
function monthInitialSoon(t: string, k: number): boolean {
  const end = Math.min(t.length, k + MONTH_LOOKAHEAD);
  for (let j = k; j < end; j++) {
    const c = t.charCodeAt(j);
    if (isAsciiCapital(c)) return MONTH_INITIALS.includes(t[j]);
    if (c === Code.LineFeed || c === Code.CarriageReturn || c === Code.Comma || c === Code.Dot || c === Code.Semicolon) return false;
  }
  return false;
}

/** "2025-05-08", "2025/05/08" at `s`. */
export function readIsoDate(t: string, s: number): DateRead | null {
  ISO_DATE_RE.lastIndex = s;
  const m = ISO_DATE_RE.exec(t);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (!isYear(year) || month < 1 || month > 12 || !isDay(day)) return null;
  return { end: ISO_DATE_RE.lastIndex, kind: 'date', value: day };
}
