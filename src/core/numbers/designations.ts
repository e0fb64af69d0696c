/**
 * Designations: a number that names something rather than counts it ("Decree
 * 13", "Resolution 57", "Boeing 787-9", "HIUP 27") is not a claim. The rule
 * here is the one after a capitalised word with only a space between, where
 * that word does not start a sentence and is not a currency, a month or a
 * weekday (or a function word, capitalised in a title), and the number is not
 * followed by a noun of quantity ("Vietnam–Russia 75 years", "a Russia 75-year
 * plan" stay counts). The other rule, a
 * number glued to letters and a hyphen ("Su-30MK2", "MiG-21", "COVID-19"), is
 * the finder's rule of digits inside another token. Internal to `numbers/`.
 */

import { isAllCaps, isWordCode } from '../text/chars';
import { FUNCTION_WORDS, MONTH_WORDS, WEEKDAY_WORDS } from '../text/wordLists';
import { Code, DASH, END, SP, isAsciiCapital, isDigit, isHyphen, isInlineSpace, isLineBreak, wordEnd } from './scan';
import { CURRENCY_CODES, CURRENCY_SUFFIXES, QUALIFIERS, QUANTITY_NOUNS } from './words';

/** Longer words before a number are not looked at (and a text without spaces stays linear). */
const MAX_NAME_WORD = 24;

const UPPER_RE = /\p{Lu}/u;

/** A noun of quantity after the number, spaced or hyphenated, singular or plural ("75 years", "75-year"). */
const QUANTITY_AFTER_RE = new RegExp(
  `(?:${SP}+|${DASH})(?:${QUANTITY_NOUNS.map((w) => (w.endsWith('s') ? `${w.slice(0, -1)}s?` : w)).join('|')})${END}`,
  'iuy',
);

/** What may stand between a sentence's end and its first word: quotes, brackets, Markdown marks. */
const OPENERS = new Set([...'"\'([\u201c\u2018*_#>'].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set([...'"\')]\u201d\u2019*_'].map((c) => c.charCodeAt(0)));
const SENTENCE_ENDS = new Set([...'.!?\u2026'].map((c) => c.charCodeAt(0)));

/** Does the word at `q` start a sentence: at the text's or a line's start, or after '.', '!', '?', '…'? */
function atSentenceStart(t: string, q: number): boolean {
  let p = q;
  while (p > 0 && (isInlineSpace(t.charCodeAt(p - 1)) || OPENERS.has(t.charCodeAt(p - 1)))) p--;
  if (p === 0 || isLineBreak(t.charCodeAt(p - 1))) return true;
  if (p === q) return false; // glued to what is before it ("Vietnam–Russia")
  while (p > 0 && CLOSERS.has(t.charCodeAt(p - 1))) p--;
  return p > 0 && SENTENCE_ENDS.has(t.charCodeAt(p - 1));
}

/** Words that, capitalised before a number, still leave it a claim. */
function keepsClaim(word: string): boolean {
  if (CURRENCY_CODES[word] !== undefined) return true;
  const lower = word.toLowerCase();
  return (
    CURRENCY_SUFFIXES[lower] !== undefined ||
    MONTH_WORDS.has(lower) ||
    WEEKDAY_WORDS.has(lower) ||
    FUNCTION_WORDS.has(lower) ||
    QUALIFIERS.has(lower)
  );
}

/**
 * Is the number at `s`..`e` (its digits, before any suffix) a designation by the rule of the
 * capitalised word before it? A word in capitals ("HIUP 27") is one even at a
 * sentence start; a word that is only capitalised ("Decree 13") is not then.
 */
export function isDesignation(t: string, s: number, e: number): boolean {
  if (s < 2 || !isInlineSpace(t.charCodeAt(s - 1))) return false;
  const p = s - 1;
  let q = p;
  while (q > 0 && p - q <= MAX_NAME_WORD && isWordCode(t.charCodeAt(q - 1))) q--;
  if (q === p || p - q > MAX_NAME_WORD) return false;
  const first = t.charCodeAt(q);
  if (!isAsciiCapital(first) && (first < 0x80 || !UPPER_RE.test(t[q]))) return false;
  for (let i = q + 1; i < p; i++) if (isDigit(t.charCodeAt(i))) return false; // "U22 3-2" is a score
  const word = t.slice(q, p);
  if (keepsClaim(word) || !((p - q >= 2 && isAllCaps(word)) || !atSentenceStart(t, q))) return false;
  QUANTITY_AFTER_RE.lastIndex = e;
  return !QUANTITY_AFTER_RE.test(t);
}

/** The end of a designation whose number ends at `e`: the rest of its token ("787-9", "57/263"). */
export function designationEnd(t: string, e: number): number {
  let p = e;
  for (;;) {
    const c = t.charCodeAt(p);
    if (!(isHyphen(c) || c === Code.Slash) || !isWordCode(t.charCodeAt(p + 1))) return p;
    p = wordEnd(t, p + 1);
  }
}
