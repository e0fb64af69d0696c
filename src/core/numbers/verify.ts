/**
 * Verification: each number found in a text gets a status against the facts
 * ledger (DESIGN.md, "Numbers"):
 * - verified / disputed: a fact with the same value and unit, one of whose
 *   keywords (if it has any) is in the claim's sentence; its status decides;
 * - conflicting: otherwise, when a verified fact of the same kind and unit has
 *   a keyword within six words of the claim (at most six tokens between
 *   spaces, numbers and dashes included, between them, in the same sentence)
 *   and a different value; of several such facts, the one whose keyword is
 *   nearest;
 * - unverified: every other claim; ignored: years, dates and times.
 */

import { fold } from '../text/fold';
import { isWordCode } from '../text/chars';
import { isClaimKind } from './finder';
import { Sentences } from './sentences';
import type { CheckedNumber, ClaimKind, ClaimStatus, Fact, FoundNumber, Ledger, NumberKind } from './types';

/** How many words may stand between a keyword and a claim for the keyword to be "near" it. */
export const CONFLICT_WINDOW_WORDS = 6;

/** Relative tolerance when comparing values (computed and written amounts differ in the last bits). */
const RELATIVE_TOLERANCE = 1e-9;

/** A fact with its parsed value and keywords in matching form. */
export interface IndexedFact {
  fact: Fact;
  kind: ClaimKind;
  unit: string | null;
  value: number;
  /** Folded, lower-cased keywords, inner whitespace collapsed. */
  keywords: string[];
}

/** A ledger indexed for verification; build it once with `compileLedger` and reuse it for every text. */
export interface CompiledLedger {
  readonly ledger: Ledger;
  /** `valueKey(value)` → facts with about that value (any unit, verified and disputed), in ledger order. */
  readonly byValue: ReadonlyMap<number, readonly IndexedFact[]>;
  /** kind → unit → verified facts with keywords, the candidates for conflicts. */
  readonly byKindUnit: ReadonlyMap<ClaimKind, ReadonlyMap<string | null, readonly IndexedFact[]>>;
  /** The most words in any keyword, to size the window searched for conflicts. */
  readonly longestKeyword: number;
}

/** Folds and lower-cases for keyword matching ("Việt Nam" → "viet nam"); length may differ from the input. */
function keywordForm(s: string): string {
  return fold(s).toLowerCase();
}

/**
 * A number for looking values up: the value rounded to 12 significant digits,
 * so that 4.58 × 10⁹ computed in floating point and 4580000000 share a key.
 * (A numeric key: formatting strings for thousands of claims costs milliseconds.)
 */
function valueKey(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  let exp = Math.floor(Math.log10(Math.abs(value)));
  let mantissa = Math.round(value / 10 ** (exp - 11));
  if (Math.abs(mantissa) >= 1e12) {
    mantissa = Math.round(mantissa / 10);
    exp++;
  }
  return mantissa * 1024 + (exp + 512);
}

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * The words between a keyword and a claim, `s` being the text from the end of
 * one to the start of the other: every token between spaces ("2024", "—" and
 * "$5" count), but not what `s` starts or ends with when it touches no space,
 * the rest of the keyword's or the claim's own token ("trade's", "($5").
 */
function wordsBetween(s: string): number {
  let tokens = 0;
  let inToken = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) inToken = false;
    else if (!inToken) {
      tokens++;
      inToken = true;
    }
  }
  if (s.length === 0) return 0;
  if (!isSpace(s.charCodeAt(0))) tokens--;
  if (!isSpace(s.charCodeAt(s.length - 1))) tokens--;
  return Math.max(tokens, 0);
}

const compiledCache = new WeakMap<Ledger, CompiledLedger>();

/** Indexes `ledger` for `checkNumbers`. Facts whose value could not be parsed are left out. */
export function compileLedger(ledger: Ledger): CompiledLedger {
  const cached = compiledCache.get(ledger);
  if (cached !== undefined) return cached;
  const byValue = new Map<number, IndexedFact[]>();
  const byKindUnit = new Map<ClaimKind, Map<string | null, IndexedFact[]>>();
  let longestKeyword = 1;
  for (const fact of ledger.facts) {
    if (fact.parsed === null) continue;
    const keywords = fact.keywords.map((k) => keywordForm(k).replace(/\s+/g, ' ').trim()).filter((k) => k !== '');
    const indexed: IndexedFact = { fact, kind: fact.parsed.kind, unit: fact.parsed.unit, value: fact.parsed.value, keywords };
    for (const k of keywords) longestKeyword = Math.max(longestKeyword, k.split(' ').length);
    push(byValue, valueKey(indexed.value), indexed);
    if (fact.status === 'verified' && keywords.length > 0) {
      let byUnit = byKindUnit.get(indexed.kind);
      if (byUnit === undefined) byKindUnit.set(indexed.kind, (byUnit = new Map()));
      push(byUnit, indexed.unit, indexed);
    }
  }
  const compiled: CompiledLedger = { ledger, byValue, byKindUnit, longestKeyword };
  compiledCache.set(ledger, compiled);
  return compiled;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function isCompiled(ledger: Ledger | CompiledLedger): ledger is CompiledLedger {
  return 'byValue' in ledger;
}

/** Offsets of `keyword` in `haystack` on word boundaries (both already in keyword form). */
function findKeyword(haystack: string, keyword: string, from = 0): number {
  for (let i = haystack.indexOf(keyword, from); i >= 0; i = haystack.indexOf(keyword, i + 1)) {
    const before = i === 0 ? 32 : haystack.charCodeAt(i - 1);
    const after = i + keyword.length >= haystack.length ? 32 : haystack.charCodeAt(i + keyword.length);
    if (!isWordCode(before) && !isWordCode(after)) return i;
  }
  return -1;
}

/** Per-text state, built lazily: most claims match no fact and need no sentence at all. */
class TextContext {
  private sentences: Sentences | null = null;
  private readonly foldedSentences = new Map<number, string>();

  constructor(readonly text: string) {}

  sentence(offset: number): { start: number; end: number } {
    this.sentences ??= new Sentences(this.text);
    return this.sentences.at(offset);
  }

  /** The claim's sentence in keyword form. */
  foldedSentence(offset: number): string {
    const { start, end } = this.sentence(offset);
    let folded = this.foldedSentences.get(start);
    if (folded === undefined) {
      folded = keywordForm(this.text.slice(start, end));
      this.foldedSentences.set(start, folded);
    }
    return folded;
  }

  /** Start of the `count`-th word before `pos`, not before `floor`. */
  wordsBack(pos: number, count: number, floor: number): number {
    const t = this.text;
    let p = pos;
    for (let k = 0; k < count && p > floor; k++) {
      while (p > floor && isSpace(t.charCodeAt(p - 1))) p--;
      while (p > floor && !isSpace(t.charCodeAt(p - 1))) p--;
    }
    return p;
  }

  /** End of the `count`-th word after `pos`, not after `ceiling`. */
  wordsForward(pos: number, count: number, ceiling: number): number {
    const t = this.text;
    let p = pos;
    for (let k = 0; k < count && p < ceiling; k++) {
      while (p < ceiling && isSpace(t.charCodeAt(p))) p++;
      while (p < ceiling && !isSpace(t.charCodeAt(p))) p++;
    }
    return p;
  }
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x202f;
}

/** The kinds of numbers that are not claims unless a caller says otherwise (DESIGN.md). */
export const DEFAULT_IGNORED_NUMBER_KINDS: ReadonlySet<NumberKind> = new Set<NumberKind>(['year', 'date', 'time']);

/**
 * The status of each number of `text` against the ledger, in the same order as
 * `numbers` (from `findNumbers(text)`). `ledger` may be a `Ledger` (indexed on
 * first use and cached) or a `CompiledLedger`. Numbers of the `ignore` kinds
 * (default: years, dates and times) are `ignored`; a year that is not ignored
 * is checked as a plain number, and a date or time that is not ignored is
 * `unverified` (a ledger holds amounts, not dates). `fact` names the fact that
 * verifies, disputes or conflicts with a claim, else null.
 */
/**
 * A found number with its status, its span moved by `shift` (the editor's
 * re-analysis shifts the numbers after an edit). Fields written out: an object
 * spread here costs ten times as much on thousands of numbers.
 */
export function checkedNumber(n: FoundNumber, status: ClaimStatus, fact: string | null, shift = 0): CheckedNumber {
  return {
    start: n.start + shift,
    end: n.end + shift,
    text: n.text,
    kind: n.kind,
    value: n.value,
    unit: n.unit,
    qualifier: n.qualifier,
    context: n.context,
    status,
    fact,
  };
}

export function checkNumbers(
  text: string,
  numbers: readonly FoundNumber[],
  ledger: Ledger | CompiledLedger,
  ignore: ReadonlySet<NumberKind> = DEFAULT_IGNORED_NUMBER_KINDS,
): CheckedNumber[] {
  const compiled = isCompiled(ledger) ? ledger : compileLedger(ledger);
  const ctx = new TextContext(text);
  const out: CheckedNumber[] = new Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    let status: ClaimStatus = 'ignored';
    let fact: Fact | null = null;
    if (ignore.has(n.kind)) {
      // Not a claim here.
    } else if (n.kind === 'date' || n.kind === 'time') {
      status = 'unverified';
    } else if (isClaimKind(n.kind) || n.kind === 'year') {
      fact = matchingFact(n, compiled, ctx);
      if (fact !== null) status = fact.status;
      else {
        fact = conflictingFact(n, compiled, ctx);
        status = fact !== null ? 'conflicting' : 'unverified';
      }
    }
    out[i] = checkedNumber(n, status, fact?.id ?? null);
  }
  return out;
}

/**
 * The fact with the claim's value that applies here. A fact whose keyword is in
 * the sentence beats a fact without keywords; then one of the claim's own kind
 * ("75th" prefers a fact written "75th" to one written "75"); then ledger order.
 */
function matchingFact(n: FoundNumber, ledger: CompiledLedger, ctx: TextContext): Fact | null {
  if (ledger.byValue.size === 0) return null; // No facts (no ledger): not even the value's key to compute.
  const candidates = ledger.byValue.get(valueKey(n.value));
  if (candidates === undefined) return null;
  let best: Fact | null = null;
  let bestRank = -1;
  for (const c of candidates) {
    if (c.unit !== n.unit || !sameValue(c.value, n.value)) continue;
    let rank: number;
    if (c.keywords.length === 0) rank = 0;
    else {
      const sentence = ctx.foldedSentence(n.start);
      if (!c.keywords.some((k) => findKeyword(sentence, k) >= 0)) continue;
      rank = 2;
    }
    if (c.kind === n.kind) rank++;
    if (rank > bestRank) {
      best = c.fact;
      bestRank = rank;
    }
  }
  return best;
}

/** The verified fact of the same kind and unit, with another value, whose keyword is nearest the claim. */
function conflictingFact(n: FoundNumber, ledger: CompiledLedger, ctx: TextContext): Fact | null {
  const candidates = ledger.byKindUnit.get(n.kind as ClaimKind)?.get(n.unit);
  if (candidates === undefined) return null;
  // Most sentences hold none of the keywords: check the (cached) folded sentence first.
  const folded = ctx.foldedSentence(n.start);
  let before: string | null = null;
  let after = '';
  let best: Fact | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (sameValue(c.value, n.value)) continue;
    for (const k of c.keywords) {
      if (folded.indexOf(k) < 0) continue;
      if (before === null) {
        const sentence = ctx.sentence(n.start);
        const reach = CONFLICT_WINDOW_WORDS + ledger.longestKeyword;
        before = keywordForm(ctx.text.slice(ctx.wordsBack(n.start, reach, sentence.start), n.start));
        after = keywordForm(ctx.text.slice(n.end, ctx.wordsForward(n.end, reach, Math.max(sentence.end, n.end))));
      }
      const distance = Math.min(distanceBefore(before, k), distanceAfter(after, k));
      if (distance <= CONFLICT_WINDOW_WORDS && distance < bestDistance) {
        best = c.fact;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** Words between the last occurrence of `keyword` in `before` and the claim (which follows `before`). */
function distanceBefore(before: string, keyword: string): number {
  let last = -1;
  for (let i = findKeyword(before, keyword); i >= 0; i = findKeyword(before, keyword, i + 1)) last = i;
  return last < 0 ? Infinity : wordsBetween(before.slice(last + keyword.length));
}

/** Words between the claim and the first occurrence of `keyword` in `after` (which follows the claim). */
function distanceAfter(after: string, keyword: string): number {
  const i = findKeyword(after, keyword);
  return i < 0 ? Infinity : wordsBetween(after.slice(0, i));
}
