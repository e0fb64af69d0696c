/**
 * Spelled-out numbers from ten up: "Seventy-five", "fifteen", "twenty one",
 * "one hundred and five", "two million", "seventy-fifth". The finder's scan
 * stops at an anchor inside such a word ("ty", "teen", "ten", "hundred",
 * "llion"); `readSpelled` finds the word around it and reads the number.
 * Internal to `numbers/`.
 */

import { isWordCode, lowerAsciiHash } from '../text/chars';
import { ASCII_CASE_BIT, isAsciiLetter, isHyphen, spacesAfter, spacesBefore, wordEnd } from './scan';
import { LONGEST_WORD, WORDS, type SpelledRole, type SpelledWord } from './words';

/** A spelled-out number, or where the scan resumes when there is none. */
export type SpelledRead =
  | { found: true; start: number; end: number; value: number; ordinal: boolean }
  | { found: false; resume: number };

/** First letters (lower-cased) of the spelled-out number words. */
const SPELLED_INITIALS = new Set([...WORDS].filter(([, info]) => info.spelled !== undefined).map(([w]) => w.charCodeAt(0)));

/**
 * `lowerAsciiHash` of every spelled-out number word: most words at an anchor ("city", "party",
 * "security") are none, told without building their lower-case form.
 */
const SPELLED_HASHES: ReadonlySet<number> = new Set([...WORDS].filter(([, info]) => info.spelled !== undefined).map(([w]) => lowerAsciiHash(w, 0, w.length)));

/** The longest unit word ("seven", "three"), the bound of the look-back from a scale word. */
const LONGEST_UNIT = 5;

/** Below ten a spelled-out number is not a claim ("two", "six", "first"). */
const SMALLEST_SPELLED_CLAIM = 10;

function spelledAllowed(last: SpelledRole | null, w: SpelledWord, group: number, lastScale: number): boolean {
  switch (w.role) {
    case 'unit':
      return last === null || last === 'tens' || last === 'hundred' || last === 'scale';
    case 'teen':
    case 'tens':
      return last === null || last === 'hundred' || last === 'scale';
    case 'hundred':
      return (last === 'unit' || last === 'teen') && group < 100;
    case 'scale':
      return last !== null && last !== 'scale' && w.value < lastScale;
  }
}

/**
 * At the anchor `i` of the finder's candidate pattern: the spelled-out number
 * whose word holds the anchor, read from that word's start, or from the unit
 * before a scale word ("one hundred", "two million"). Nothing before `floor`
 * is read.
 */
export function readSpelled(t: string, i: number, floor: number): SpelledRead {
  let ws = i;
  while (ws > 0 && isAsciiLetter(t.charCodeAt(ws - 1))) ws--;
  let we = i;
  while (we < t.length && isAsciiLetter(t.charCodeAt(we))) we++;
  const none: SpelledRead = { found: false, resume: we };
  if (we - ws > LONGEST_WORD || !SPELLED_INITIALS.has(t.charCodeAt(ws) | ASCII_CASE_BIT)) return none; // "city", "party", "often"
  if (ws < floor || (ws > 0 && isWordCode(t.charCodeAt(ws - 1))) || (we < t.length && isWordCode(t.charCodeAt(we)))) return none;
  if (!SPELLED_HASHES.has(lowerAsciiHash(t, ws, we))) return none;
  const word = WORDS.get(t.slice(ws, we).toLowerCase())?.spelled;
  if (word === undefined) return none;
  if (word.role === 'unit' || word.role === 'teen' || word.role === 'tens') return readFrom(t, ws, we, word) ?? none;
  // A scale word: start from the unit before it, if there is one.
  let p = ws;
  if (p > 0 && isHyphen(t.charCodeAt(p - 1))) p--;
  else p = spacesBefore(t, p);
  if (p === ws) return none;
  let q = p;
  while (q > 0 && isAsciiLetter(t.charCodeAt(q - 1))) q--;
  if (q === p || p - q > LONGEST_UNIT || q < floor || (q > 0 && isWordCode(t.charCodeAt(q - 1)))) return none;
  const unit = WORDS.get(t.slice(q, p).toLowerCase())?.spelled;
  if (unit === undefined || unit.role !== 'unit' || unit.ordinal) return none;
  return readFrom(t, q, p, unit) ?? none;
}

/** The number whose first word, `first`, is `i`..`j`; null below ten. */
function readFrom(t: string, i: number, j: number, first: SpelledWord): SpelledRead | null {
  let total = 0;
  let group = 0;
  let last: SpelledRole | null = null;
  let lastScale = Infinity;
  let ordinal = false;
  let end = j;
  let w: SpelledWord = first;
  let wEnd = j;
  for (;;) {
    if (!spelledAllowed(last, w, group, lastScale)) break;
    if (w.role === 'hundred') group *= 100;
    else if (w.role === 'scale') {
      total += group * w.value;
      group = 0;
      lastScale = w.value;
    } else group += w.value;
    last = w.role;
    end = wEnd;
    if (w.ordinal) {
      ordinal = true;
      break;
    }
    const next = nextSpelledWord(t, end, last);
    if (next === null) break;
    w = next.word;
    wEnd = next.end;
  }
  const value = total + group;
  if (value < SMALLEST_SPELLED_CLAIM) return null;
  return { found: true, start: i, end, value, ordinal };
}

function nextSpelledWord(t: string, p: number, last: SpelledRole): { word: SpelledWord; end: number } | null {
  let q = p;
  const hyphen = isHyphen(t.charCodeAt(q));
  if (hyphen) q++;
  else {
    q = spacesAfter(t, q);
    if (q === p) return null;
  }
  let r = wordEnd(t, q);
  if (r === q || r - q > LONGEST_WORD) return null;
  let word = t.slice(q, r).toLowerCase();
  if (word === 'and' && !hyphen && (last === 'hundred' || last === 'scale')) {
    // "one hundred and five": 'and' joins only before the tens and units
    const s = spacesAfter(t, r);
    if (s === r) return null;
    r = wordEnd(t, s);
    word = t.slice(s, r).toLowerCase();
    const after = WORDS.get(word)?.spelled;
    if (after === undefined || after.role === 'hundred' || after.role === 'scale') return null;
    return { word: after, end: r };
  }
  const spelled = WORDS.get(word)?.spelled;
  return spelled === undefined ? null : { word: spelled, end: r };
}
