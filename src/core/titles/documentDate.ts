/**
 * The date of a document, for the `outdated-title` check (DESIGN.md, Titles and
 * roles): the `date:` of Markdown front matter, else the first full date (month,
 * day and year) in the first five lines of the text after any front matter.
 */

import { isMap, isScalar, parseDocument } from 'yaml';
import { isoDay, monthNumber, parseIsoDay } from './dates';

/** A document's date: the day, and where it is written. */
export interface DocumentDate {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Where the date is written: `[start, end)` of the text. */
  start: number;
  end: number;
  source: 'front-matter' | 'text';
}

/** How many lines of the text (after front matter) may hold its date. */
export const DATE_LINES = 5;

const FRONT_MATTER_RE = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER_END_RE = /^(?:---|\.\.\.)[ \t]*$/m;

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
// A day range ("May 8-11, 2025") dates the document by its first day.
const TO_DAY = '(?:[ \\t]*[-\u2013\u2014][ \\t]*\\d{1,2}(?:st|nd|rd|th)?)?';
const SP = '[ \\t\\u00a0]';
const YEAR = '(\\d{4})(?![\\p{L}\\p{N}])';
/** "February 11, 2025", "Feb. 11 2025", "May 8-11, 2025". */
const MONTH_FIRST = `(?<![\\p{L}\\p{N}])${MONTH}${SP}+${DAY}${TO_DAY},?${SP}+${YEAR}`;
/** "11 February 2025", "8-11 May 2025", "11th of February, 2025". */
const DAY_FIRST = `(?<![\\p{L}\\p{N}])${DAY}${TO_DAY}${SP}+(?:of${SP}+)?${MONTH},?${SP}+${YEAR}`;
/** "2025-02-11" (a time may follow). */
const ISO = '(?<![\\p{L}\\p{N}])(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{N}])';
/** "11/02/2025", "11.02.2025": day first, as in Vietnam and Russia, unless only month first reads. */
// Group 11 is the separator once the three patterns before are joined in DATE_RE.
const NUMERIC = '(?<![\\p{L}\\p{N}./])(\\d{1,2})([./])(\\d{1,2})\\11(\\d{4})(?![\\p{N}])';
const DATE_RE = new RegExp(`${MONTH_FIRST}|${DAY_FIRST}|${ISO}|${NUMERIC}`, 'giu');

/**
 * The document's date, or undefined when it has none: front matter's `date:` when it
 * reads as a day, else the first full date in the first `DATE_LINES` lines of the rest.
 */
export function documentDate(text: string): DocumentDate | undefined {
  let bodyStart = 0;
  const open = FRONT_MATTER_RE.exec(text);
  if (open) {
    const rest = text.slice(open[0].length);
    const close = FRONT_MATTER_END_RE.exec(rest);
    if (close) {
      const blockStart = open[0].length;
      const fromFrontMatter = frontMatterDate(text.slice(blockStart, blockStart + close.index), blockStart);
      if (fromFrontMatter) return fromFrontMatter;
      const lineEnd = text.indexOf('\n', blockStart + close.index);
      bodyStart = lineEnd < 0 ? text.length : lineEnd + 1;
    }
  }
  let end = bodyStart;
  for (let line = 0; line < DATE_LINES && end < text.length; line++) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? text.length : next + 1;
  }
  const found = firstDate(text.slice(bodyStart, end));
  return found && { ...found, start: found.start + bodyStart, end: found.end + bodyStart, source: 'text' };
}

/** The first full date written in `text`, with its span. */
export function firstDate(text: string): { day: string; start: number; end: number } | undefined {
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m !== null; m = DATE_RE.exec(text)) {
    const day = dayOf(m);
    if (day) return { day, start: m.index, end: m.index + m[0].length };
    DATE_RE.lastIndex = m.index + 1;
  }
  return undefined;
}

function dayOf(m: RegExpExecArray): string | undefined {
  if (m[1] !== undefined) return capitalised(m[1]) ? isoDay(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2])) : undefined;
  if (m[4] !== undefined) return capitalised(m[5]) ? isoDay(Number(m[6]), monthNumber(m[5]) ?? 0, Number(m[4])) : undefined;
  if (m[7] !== undefined) return isoDay(Number(m[7]), Number(m[8]), Number(m[9]));
  const a = Number(m[10]);
  const b = Number(m[12]);
  const year = Number(m[13]);
  return isoDay(year, b, a) ?? isoDay(year, a, b);
}

/** Month names are capitalised (or in capitals): "may 8, 2025" is not read as a date. */
function capitalised(word: string): boolean {
  return word[0] >= 'A' && word[0] <= 'Z';
}

/** `date:` of the front matter `block` (which starts at `offset` of the text), when it reads as a day. */
function frontMatterDate(block: string, offset: number): DocumentDate | undefined {
  const doc = parseDocument(block, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'date');
  const node = pair?.value;
  if (!isScalar(node) || node.value === null) return undefined;
  const [start, end] = node.range ?? [0, 0];
  const written = node.value instanceof Date ? node.value.toISOString().slice(0, 10) : String(node.source ?? node.value);
  // "2025-02-11", "2025-02-11T09:30:00+07:00", or a date as the text writes one.
  const day = parseIsoDay(written.slice(0, 10)) ?? firstDate(written)?.day;
  return day ? { day, start: offset + start, end: offset + end, source: 'front-matter' } : undefined;
}
