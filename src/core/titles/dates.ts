/**
 * Calendar days as the title checks use them: `YYYY-MM-DD` strings, which
 * compare in calendar order as plain strings; the glossary's title dates are
 * written so, and a document's date is read into that form.
 */

const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `YYYY-MM-DD` for a real calendar day (year 1000–2999), else undefined. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this one.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day of a `YYYY-MM-DD` string that names a real calendar day ("2024-02-30" is none), else undefined. */
export function parseIsoDay(text: string): string | undefined {
  const m = ISO_DAY_RE.exec(text.trim());
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** "2024-05-22" → "22 May 2024", as messages and hover cards write a day. */
export function formatDay(day: string): string {
  const m = ISO_DAY_RE.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

/** The month (1–12) of an English month name or its abbreviation ("Feb", "Sept"), any case. */
export function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => {
    const full = name.toLowerCase();
    return full === lower || (lower.length >= 3 && full.startsWith(lower) && (lower.length === 3 || lower === 'sept'));
  });
  return index < 0 ? undefined : index + 1;
}
