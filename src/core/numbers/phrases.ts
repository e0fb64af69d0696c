/**
 * The words around a claim that a reviewer reads with it: the approximation
 * before it ("nearly", "more than") and the noun a count counts ("75-year" →
 * "year", "5,000 Vietnamese students" → "students"). Internal to `numbers/`.
 */

import { isWordCode, lowerAsciiHash } from '../text/chars';
import { Code, isAsciiLetter, isHyphen, isLetterCode, spacesAfter, spacesBefore } from './scan';
import { CONTEXT_STOP_WORDS, QUALIFIERS, TWO_WORD_QUALIFIERS } from './words';

/** Bounds on look-arounds, so a pathological text (a megabyte without spaces) stays linear. */
export const MAX_QUALIFIER_WORD = 16;
const MAX_CONTEXT_WORD = 40;
/** The phrase after a count ends after this many words. */
const MAX_CONTEXT_WORDS = 3;

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'staff', 'personnel', 'police', 'cattle', 'sheep', 'fish']);

/** "studying", "established", "roughly": where the noun phrase after a count has ended. */
function looksLikeVerbOrAdverb(lower: string): boolean {
  return lower.endsWith('ing') || lower.endsWith('ed') || lower.endsWith('ly');
}

/** "students", "people": a counted noun, which ends the phrase after a count. */
function isPlural(lower: string): boolean {
  return (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) || IRREGULAR_PLURALS.has(lower);
}

/** The ASCII word ending at `end` as [its start, lower-cased], or null. */
function wordBefore(t: string, end: number): [number, string] | null {
  let p = end;
  while (p > 0 && end - p <= MAX_QUALIFIER_WORD && isAsciiLetter(t.charCodeAt(p - 1))) p--;
  if (p === end || (p > 0 && isWordCode(t.charCodeAt(p - 1)))) return null;
  return [p, t.slice(p, end).toLowerCase()];
}

/** `lowerAsciiHash` of the words a qualifier can end with ("nearly", "than" of "more than"). */
const QUALIFIER_LAST_HASHES: ReadonlySet<number> = new Set([...QUALIFIERS, ...TWO_WORD_QUALIFIERS.keys()].map((w) => lowerAsciiHash(w, 0, w.length)));

/** The approximation word(s) before a claim starting at `start`, lower-cased ("nearly", "more than"), or null. */
export function qualifierBefore(t: string, start: number): string | null {
  const p = spacesBefore(t, start);
  if (p === start) return null;
  // Most claims have none: the word before is told apart by its hash, without building its lower-case form.
  let s = p;
  while (s > 0 && p - s <= MAX_QUALIFIER_WORD && isAsciiLetter(t.charCodeAt(s - 1))) s--;
  if (s === p || !QUALIFIER_LAST_HASHES.has(lowerAsciiHash(t, s, p))) return null;
  const w1 = wordBefore(t, p);
  if (w1 === null) return null;
  if (QUALIFIERS.has(w1[1])) return w1[1];
  const firsts = TWO_WORD_QUALIFIERS.get(w1[1]);
  if (firsts === undefined) return null;
  const q = spacesBefore(t, w1[0]);
  if (q === w1[0]) return null;
  const w0 = wordBefore(t, q);
  return w0 !== null && firsts.includes(w0[1]) ? `${w0[1]} ${w1[1]}` : null;
}

/** A letters-only word at `p` (inner hyphens and apostrophes allowed): its end, or `p`. */
function letterWordEnd(t: string, p: number): number {
  let q = p;
  for (;;) {
    while (q < t.length && isLetterCode(t.charCodeAt(q))) q++;
    if (q === p) return p;
    const c = t.charCodeAt(q);
    if ((isHyphen(c) || c === Code.Apostrophe || c === Code.RightSingleQuote) && q + 1 < t.length && isLetterCode(t.charCodeAt(q + 1))) {
      q++;
      continue;
    }
    return q;
  }
}

/**
 * The noun a count ending at `end` counts: "75-year" → "year", "250 million tons
 * of" → "tons", "5,000 Vietnamese students studying" → "students": the last word
 * of the short phrase after the number, which ends at a plural, a function word,
 * a verb form or punctuation, and has at most three words.
 */
export function contextAfter(t: string, end: number): string | null {
  let p = spacesAfter(t, end);
  if (p < t.length && isHyphen(t.charCodeAt(p)) && p + 1 < t.length && isLetterCode(t.charCodeAt(p + 1))) {
    let q = p + 1;
    while (q < t.length && isLetterCode(t.charCodeAt(q))) q++;
    return t.slice(p + 1, q);
  }
  if (p === end) return null;
  let head: string | null = null;
  for (let words = 0; words < MAX_CONTEXT_WORDS; words++) {
    const q = letterWordEnd(t, p);
    if (q === p || q - p > MAX_CONTEXT_WORD) break;
    const word = t.slice(p, q);
    const lower = word.toLowerCase();
    if (CONTEXT_STOP_WORDS.has(lower)) break;
    if (words > 0 && looksLikeVerbOrAdverb(lower)) break;
    head = word;
    if (isPlural(lower)) break;
    p = spacesAfter(t, q);
    if (p === q) break;
  }
  return head;
}
