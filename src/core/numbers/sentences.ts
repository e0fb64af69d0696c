/**
 * Sentence boundaries, as verification needs them ("a keyword in the same
 * sentence"): a sentence ends at '.', '!', '?' or '…' (with any closing quotes
 * or brackets) followed by whitespace, or at a blank line. Decimal points
 * ("4.58") are not followed by whitespace; abbreviations and initials ("Mr.",
 * "U.S.") and a next word in lower case do not end a sentence; a single line
 * break does not either (a headline without a full stop runs into the next line).
 */

const BOUNDARY_RE = /[.!?\u2026]+["'\u2019\u201d)\]]*\s+|(?:\r\n?|\n)[ \t\u00a0]*(?:\r\n?|\n)\s*/g;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'capt', 'sen', 'rep', 'gov', 'no', 'vs', 'jr', 'sr', 'mt',
  'dept', 'approx', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

function isLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

/** Does the '.' at `dot` end an abbreviation or an initial ("Mr.", "U.S.", "J.")? */
function endsAbbreviation(text: string, dot: number): boolean {
  let p = dot;
  while (p > 0 && isLetter(text.charCodeAt(p - 1))) p--;
  const len = dot - p;
  if (len === 0) return false;
  if (len === 1 && text.charCodeAt(p) <= 90) return true; // a capital initial
  return len <= 5 && ABBREVIATIONS.has(text.slice(p, dot).toLowerCase());
}

/** Sorted offsets at which sentences start (the first is 0). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(text); m !== null; m = BOUNDARY_RE.exec(text)) {
    const next = BOUNDARY_RE.lastIndex;
    if (next >= text.length) break;
    const mark = text.charCodeAt(m.index);
    const blankLine = /[\r\n]{2}|\n\s*\n/.test(m[0]);
    if (mark !== 10 && mark !== 13 && !blankLine) {
      const c = text.charCodeAt(next);
      if (c >= 97 && c <= 122) continue; // "U.S. officials", "Wait... what", "“Stop!” she said"
      if (mark === 46 && m[0].charCodeAt(1) !== 46 && endsAbbreviation(text, m.index)) continue; // "Mr. Lavrov"
    }
    starts.push(next);
  }
  return starts;
}

/** Sentence boundaries of one text, with a lookup of the sentence holding an offset. */
export class Sentences {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = sentenceStarts(text);
  }

  /** The `[start, end)` of the sentence containing `offset` (trailing whitespace excluded). */
  at(offset: number): { start: number; end: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let end = lo + 1 < starts.length ? starts[lo + 1] : this.text.length;
    while (end > starts[lo] && /\s/.test(this.text[end - 1])) end--;
    return { start: starts[lo], end };
  }
}
