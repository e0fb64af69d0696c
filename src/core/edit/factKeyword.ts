/**
 * The key word(s) of a sentence for a number claim: what "Record as verified fact"
 * writes as the fact's keyword, so the fact verifies this claim (and not every
 * number of its kind). A small, explainable heuristic, not a parser:
 *
 * 1. Only the claim's sentence counts, as verification splits sentences (so the keyword
 *    is found in the claim's sentence), and only its line.
 * 2. A count or an ordinal (as the number finder reads the claim) names what it counts right after it: the noun phrase
 *    after the number, up to three words ("199 investment projects in Vietnam" →
 *    "investment projects", "the 33rd largest economy" → "largest economy"). When that
 *    is a unit ("250 million tons of oil production", "75 years of diplomatic
 *    relations"), the phrase after its "of" ("oil production"); a unit on its own
 *    ("over the past 75 years,") falls through to step 3, and is the answer if step
 *    3 finds nothing.
 * 3. Money, percentages, and counts with nothing after them: the noun phrase nearest
 *    before the number. Walking back from it, skip verbs and function words ("reached",
 *    "is expected to grow by", "worth a combined", "in 2024"), then take up to three
 *    content words, across one "of"/"in"/"for"/"on" between two of them ("In 2024,
 *    bilateral trade reached USD 4.58 billion." → "bilateral trade"; "Vietnam has 16
 *    projects in Russia worth a combined USD 1.6 billion" → "projects in Russia").
 *    Punctuation other than a dash, and another number, end the walk (a unit right after
 *    another number is that number's: no keyword).
 *
 * The result is the text as written in the sentence (so it occurs there), or null.
 */

import { parseNumberValue } from '../numbers/finder';
import { Sentences } from '../numbers/sentences';

const MAX_WORDS = 3;

/** Function words, auxiliaries and the verbs and adverbs figures come with: never part of a keyword. */
const STOP_WORDS = new Set(
  (
    'a an the this that these those its their his her our my your it they he she we there which who whose what ' +
    'of in on at by for from to with within into onto over under about around across after before between since until ' +
    'up down than more less fewer most least only just some all each every any both several many much among amongst including ' +
    'and or but nor while whereas as so also too very now then currently already still yet even nearly almost ' +
    'approximately roughly about around some per ' +
    'is are was were be been being am has have had having will would could should may might can shall must do does did ' +
    'reach reaches reached reaching hit hits total totals totaled totalled totaling totalling stood stand stands ' +
    'amount amounts amounted exceed exceeds exceeded exceeding grow grows grew grown rise rises rose risen ' +
    'fall falls fell fallen increase increases increased decrease decreases decreased drop drops dropped ' +
    'climb climbs climbed decline declines declined expand expands expanded jump jumps jumped surge surged ' +
    'ease eased moderate slow slowed remain remains remained become becomes became forecast forecasts ' +
    'expected estimated projected worth combined overall whole strong past last next first year-on-year ' +
    'compared according said says reported'
  ).split(/\s+/),
);

/** Words that may join two parts of a noun phrase ("projects in Russia", "cost of living"). */
const CONNECTORS = new Set(['of', 'in', 'for', 'on']);

/** Units a number can be counted in: the keyword is what follows their "of". */
const UNITS = new Set(
  (
    'tons tonnes ton tonne kilograms kg kilometres kilometers km metres meters hectares ha litres liters barrels ' +
    'years year months month weeks week days day hours hour minutes times'
  ).split(' '),
);

const CURRENCY_OR_PERCENT_RE = /[%$€£¥₫]|\b(?:USD|US|VND|RUB|EUR|GBP|JPY|CNY|rubles?|roubles?|dong|per ?cent|percent)\b/i;
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‐-][\p{L}\p{N}\p{M}]+)*/uy;
const DASHES = new Set(['-', '–', '—', '‐', '(', ')', ':']);

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
}

/**
 * The key word(s) for the claim `[claimStart, claimEnd)` of `text` (see the module
 * comment for the heuristic), or null when the sentence offers none.
 */
export function factKeyword(text: string, claimStart: number, claimEnd: number): string | null {
  if (!(claimStart >= 0 && claimEnd > claimStart && claimEnd <= text.length)) return null;
  const { start, end } = sentenceAround(text, claimStart, claimEnd);
  const before = tokenize(text, start, claimStart);
  const after = tokenize(text, claimEnd, end);
  const claim = text.slice(claimStart, claimEnd);
  const kind = parseNumberValue(claim)?.kind ?? (CURRENCY_OR_PERCENT_RE.test(claim.normalize('NFD').replace(/\p{M}/gu, '')) ? 'money' : 'count');

  if (kind === 'count' || kind === 'ordinal') {
    const counted = phraseAfter(after);
    if (counted && !counted.unitOnly) return slice(text, counted.words);
    const preceding = phraseBefore(before);
    if (preceding) return slice(text, preceding);
    return counted ? slice(text, counted.words) : null;
  }
  const preceding = phraseBefore(before);
  return preceding ? slice(text, preceding) : null;
}

/** The noun phrase right after a count: up to three content words; a unit's "of" phrase. */
function phraseAfter(tokens: Token[]): { words: Token[]; unitOnly: boolean } | null {
  const words = nounPhrase(tokens, 0);
  if (words.length === 0) return null;
  if (words.length === 1 && UNITS.has(words[0].lower)) {
    const next = tokens[1];
    if (next?.lower === 'of') {
      let i = 2;
      while (tokens[i]?.word && ['the', 'a', 'an'].includes(tokens[i].lower)) i++;
      const of = nounPhrase(tokens, i);
      if (of.length > 0) return { words: of, unitOnly: false };
    }
    return { words, unitOnly: true };
  }
  return { words, unitOnly: false };
}

/** Content words from `tokens[i]` on, up to three; a participle ends the phrase unless it comes first ("founding anniversary"). */
function nounPhrase(tokens: Token[], i: number): Token[] {
  const words: Token[] = [];
  for (; i < tokens.length && words.length < MAX_WORDS; i++) {
    const t = tokens[i];
    if (!isContent(t)) break;
    if (words.length > 0 && /(?:ing|ed)$/.test(t.text)) break;
    words.push(t);
  }
  return words;
}

/** The noun phrase nearest before the claim, walking back over verbs and function words. */
function phraseBefore(tokens: Token[]): Token[] | null {
  let i = tokens.length - 1;
  // Skip what stands between the phrase and the number: verbs, qualifiers, "in 2024", dashes.
  while (i >= 0) {
    const t = tokens[i];
    if (!t.word) {
      if (!DASHES.has(t.text)) return null;
    } else if (/^\d{4}$/.test(t.text) && i > 0 && ['in', 'since', 'by', 'of'].includes(tokens[i - 1].lower)) {
      i--; // "in 2024": the preposition is skipped with the year.
    } else if (/^\p{N}/u.test(t.text)) {
      return null; // Another number: the phrase would belong to it.
    } else if (!(STOP_WORDS.has(t.lower) || /^\p{Ll}.*(?:ed|ing|ly)$/u.test(t.text))) {
      break;
    }
    i--;
  }
  const words: Token[] = [];
  let content = 0;
  for (; i >= 0 && content < MAX_WORDS; i--) {
    const t = tokens[i];
    if (isContent(t)) {
      words.unshift(t);
      content++;
    } else if (t.word && CONNECTORS.has(t.lower) && content > 0 && content < MAX_WORDS - 1 && i > 0 && isContent(tokens[i - 1])) {
      words.unshift(t);
    } else {
      // "5 tons reached USD 3 million": a unit belongs to its own number.
      if (t.word && /^\p{N}/u.test(t.text) && words.length === 1 && UNITS.has(words[0].lower)) return null;
      break;
    }
  }
  return content > 0 ? words : null;
}

function isContent(t: Token | undefined): boolean {
  return t !== undefined && t.word && !STOP_WORDS.has(t.lower) && !/^\p{N}/u.test(t.text);
}

function slice(text: string, words: Token[]): string {
  return text.slice(words[0].start, words[words.length - 1].end);
}

/** The claim's sentence as verification sees it, cut to the claim's line. */
function sentenceAround(text: string, claimStart: number, claimEnd: number): { start: number; end: number } {
  const sentence = new Sentences(text).at(claimStart);
  let start = claimStart;
  while (start > sentence.start && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = claimEnd;
  while (end < sentence.end && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** Words (with inner hyphens and apostrophes: "sister-city", "Vietnam’s") and single punctuation marks. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(text);
    if (m && m.index === i && i + m[0].length <= end) {
      tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: i, end: i + m[0].length, word: true });
      i += m[0].length;
    } else {
      tokens.push({ text: c, lower: c, start: i, end: i + 1, word: false });
      i++;
    }
  }
  return tokens;
}
