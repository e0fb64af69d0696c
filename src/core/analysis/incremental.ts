/**
 * Re-analysis after an edit, without re-reading the whole document: only the
 * paragraphs around the change are analysed again; everything before stays and
 * everything after shifts. Plain data in and out (no `vscode`), so a test can
 * compare it with a full analysis.
 *
 * Why this gives the same result as a full analysis:
 * - Numbers and their verification look no further than their sentence, and a
 *   blank line ends a sentence; the window is widened to whole paragraphs (and
 *   one more on each side).
 * - Mentions depend on what came before only through short forms (DESIGN rule
 *   5): which entities were fully mentioned, and where last. The matcher is told
 *   (`fullyMentioned`), so the window's short forms resolve as they would in the
 *   whole text.
 * - After the window, the same holds as long as the window's full mentions name
 *   the same entities in the same order as before the edit. When they do not
 *   (a name was typed or deleted), the result is marked inexact: the caller
 *   shows it at once and runs a full analysis a little later.
 * - Glossa's directives (`glossa-disable`, `glossa-ignore`, …) reach past the
 *   window: the window is read with the whole text's, and an edit that changes
 *   them makes the result inexact too. Whether a text can hold one at all is
 *   kept beside its analysis (`textFacts.ts`): when the text before the edit
 *   held none, only the edit's window is read for one, so a keystroke in a
 *   long document reads no more than its paragraphs.
 */
import type { Analysis, Engine } from '../engine';
import type { Mention } from '../entities/types';
import type { CheckedNumber, NumberKind } from '../numbers/types';
import { checkedNumber } from '../numbers/verify';
import { mayHoldDirectives, mayHoldDirectivesAfterEdit, NO_DIRECTIVES } from '../text/directives';
import { markdownReanalysisWindow, type TextFormat } from '../text/markup';
import { recordTextFacts, textFactsOf, type FullyMentionedBefore } from './textFacts';

/** An edit as one window: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface ChangeWindow {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export interface Reanalysis {
  analysis: Analysis;
  /** False when mentions after the window may resolve differently: run a full analysis soon. */
  exact: boolean;
  /** The part of the new text that was analysed. */
  region: { start: number; end: number };
}

/** Merges a change into an earlier window (both in the coordinates of the text before `change`). */
export function mergeWindows(earlier: ChangeWindow | undefined, change: ChangeWindow): ChangeWindow {
  if (!earlier) return change;
  // `earlier` is in [old text → current text] terms; `change` applies to the current text.
  const start = Math.min(earlier.start, change.start);
  const endInCurrent = Math.max(earlier.newEnd, change.oldEnd);
  const delta = change.newEnd - change.oldEnd;
  const earlierDelta = earlier.newEnd - earlier.oldEnd;
  return { start, oldEnd: endInCurrent - earlierDelta, newEnd: endInCurrent + delta };
}

/**
 * The analysis of `text` (the new text) from the analysis of the old text and
 * the window that changed; undefined when it cannot be done safely (the caller
 * then analyses the whole text).
 */
export function reanalyze(
  engine: Engine,
  previous: Analysis,
  text: string,
  change: ChangeWindow,
  keepNumber: (n: CheckedNumber) => boolean = () => true,
  ignoreNumberKinds?: ReadonlySet<NumberKind>,
  markup: { format: TextFormat; previousText?: string } = { format: 'plain' },
): Reanalysis | undefined {
  const delta = change.newEnd - change.oldEnd;
  let start = blockStart(text, change.start, 2);
  let end = blockEnd(text, change.newEnd, 2);
  // Markdown: a window of whole blocks, and whether the markup beyond it stayed the same.
  let markupExact = true;
  if (markup.format === 'markdown') ({ start, end, exact: markupExact } = markdownReanalysisWindow(markup.previousText, text, change, start, end));
  const oldEnd = end - delta;
  if (oldEnd < start) return undefined;

  const mentions = partition(previous.mentions, start, oldEnd);
  const numbers = partition(previous.numbers, start, oldEnd);
  if (!mentions || !numbers) return undefined;

  // The entities fully mentioned before the window, where last (in the window's coordinates): as the previous
  // keystroke's when its window started here too (typing in one paragraph), else read from the mentions before it.
  const facts = textFactsOf(previous);
  const fullBefore = fullyMentionedBefore(facts?.fullyMentionedBefore, mentions.before, start);
  // Whether either text can hold a directive, without reading the whole text when the previous one is known to hold none.
  const heldDirectives = facts?.mayHoldDirectives;
  const holdsDirectives = heldDirectives === undefined ? mayHoldDirectives(text) : mayHoldDirectivesAfterEdit(text, change.start, change.newEnd, heldDirectives);
  const region = engine.analyzeRegion(text, start, end, { fullyMentioned: fullBefore.lastFull, ignoreNumberKinds, format: markup.format }, holdsDirectives ? undefined : NO_DIRECTIVES);

  const inside: Mention[] = region.mentions.map((m) => shifted(m, start, true));
  const insideNumbers: CheckedNumber[] = [];
  for (const n of region.numbers) {
    if (keepNumber(n)) insideNumbers.push(shiftedNumber(n, start));
  }

  // Mentions after the window: shifted; a short form licensed inside the window follows its licence.
  const oldFull = mentions.inside.filter((m) => m.variant !== 'short');
  const newFull = inside.filter((m) => m.variant !== 'short');
  const directivesSame = heldDirectives === false && !holdsDirectives ? true : sameDirectives(engine, markup, text);
  const exact = markupExact && directivesSame && oldFull.length === newFull.length && oldFull.every((m, i) => m.entityId === newFull[i].entityId);
  const licence = new Map<number, number>();
  if (exact) oldFull.forEach((m, i) => licence.set(m.start, newFull[i].start));
  // The lists are `partition`'s copies of what lies before the window, the rest appended: a long document's
  // thousands of items are copied once, not again into a list of their own and then into the whole.
  const allMentions = mentions.before;
  for (const m of inside) allMentions.push(m);
  for (const m of mentions.after) {
    const moved = shifted(m, delta);
    if (m.licensedBy !== undefined) {
      if (m.licensedBy >= oldEnd) moved.licensedBy = m.licensedBy + delta;
      else if (m.licensedBy >= start) moved.licensedBy = licence.get(m.licensedBy) ?? m.licensedBy;
    }
    allMentions.push(moved);
  }
  const allNumbers = numbers.before;
  for (const n of insideNumbers) allNumbers.push(n);
  for (const n of numbers.after) allNumbers.push(shiftedNumber(n, delta));

  const analysis = withDate({ mentions: allMentions, numbers: allNumbers }, engine.documentDate(text));
  recordTextFacts(analysis, { mayHoldDirectives: holdsDirectives, fullyMentionedBefore: fullBefore });
  return { analysis, exact, region: { start, end } };
}

/**
 * The entities fully mentioned in `before` (the mentions before `start`), where last relative to `start`: `known` when
 * it was made from these very mentions (the text before `start` is the same: an edit is never before its window), else
 * read from them. A long document has thousands of mentions before a keystroke; reading them made half its cost.
 */
function fullyMentionedBefore(known: FullyMentionedBefore | undefined, before: readonly Mention[], start: number): FullyMentionedBefore {
  const last = before.length > 0 ? before[before.length - 1] : undefined;
  if (known && known.start === start && known.count === before.length && known.last === last) return known;
  const lastFull = new Map<string, number>();
  for (const m of before) if (m.variant !== 'short') lastFull.set(m.entityId, m.start - start);
  return { start, count: before.length, last, lastFull };
}

/** Do the old and new text have the same directives (what they mask and ignore)? Unknown old text: only if neither can hold one. */
function sameDirectives(engine: Engine, markup: { format: TextFormat; previousText?: string }, text: string): boolean {
  const { previousText, format } = markup;
  const after = engine.directives(text, format);
  if (previousText === undefined) return !mayHoldDirectives(text);
  const before = engine.directives(previousText, format);
  if (before.list.length !== after.list.length || before.ignored.size !== after.ignored.size) return false;
  if ([...before.ignored].some((key) => !after.ignored.has(key))) return false;
  // The masked spans may only have moved with the edit: compare their text.
  if (before.masked.length !== after.masked.length) return false;
  return before.masked.every((s, i) => previousText.slice(s.start, s.end) === text.slice(after.masked[i].start, after.masked[i].end));
}

/** The analysis with the whole document's date (the window's own text may not hold it). */
function withDate(analysis: Analysis, date: Analysis['date']): Analysis {
  if (date) analysis.date = date;
  return analysis;
}

// Copies with every field named: far faster than object spread on the thousands of
// items after an edit in a long document. A field the core adds must be added here
// (the incremental test compares with a full analysis field by field).
function shifted(m: Mention, by: number, licenceToo = false): Mention {
  const out: Mention = { start: m.start + by, end: m.end + by, text: m.text, entityId: m.entityId, variant: m.variant, matched: m.matched, allCaps: m.allCaps };
  if (m.licensedBy !== undefined) out.licensedBy = licenceToo ? m.licensedBy + by : m.licensedBy;
  if (m.licensedByTitle) out.licensedByTitle = true;
  if (m.encoding !== undefined) out.encoding = m.encoding;
  if (m.referenceLabel) out.referenceLabel = true;
  if (m.title !== undefined) {
    out.title = { start: m.title.start + by, end: m.title.end + by, text: m.title.text };
    if (m.title.past) out.title.past = true;
  }
  return out;
}

function shiftedNumber(n: CheckedNumber, by: number): CheckedNumber {
  return checkedNumber(n, n.status, n.fact, by);
}

/** Splits sorted spans into those before `start`, inside, and from `end` on; undefined if one straddles a boundary. */
function partition<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): { before: T[]; inside: T[]; after: T[] } | undefined {
  const first = lowerBound(items, start);
  let last = first;
  while (last < items.length && items[last].start < end) last++;
  if (first > 0 && items[first - 1].end > start) return undefined;
  if (last > first && items[last - 1].end > end) return undefined;
  return { before: items.slice(0, first), inside: items.slice(first, last), after: items.slice(last) };
}

/** The index of the first item starting at or after `offset`. */
function lowerBound(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is the line starting at `lineStart` (up to `lineEnd`) blank? */
function isBlank(text: string, lineStart: number, lineEnd: number): boolean {
  for (let i = lineStart; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xa0) return false;
  }
  return true;
}

/** The start of the line holding `offset`, moved up past `count` blank lines (or to the start of the text). */
export function blockStart(text: string, offset: number, count: number): number {
  let lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  if (offset === 0) lineStart = 0;
  let blanks = 0;
  while (lineStart > 0) {
    const prevEnd = lineStart - 1; // the '\n' ending the previous line
    // (At the text's first code unit there is nothing before: lastIndexOf would read from 0 again, and find this '\n'.)
    const prevStart = prevEnd === 0 ? 0 : text.lastIndexOf('\n', prevEnd - 1) + 1;
    if (isBlank(text, prevStart, prevEnd) && ++blanks >= count) return lineStart;
    lineStart = prevStart;
  }
  return 0;
}

/** The end of the line holding `offset` (after its line break), moved down past `count` blank lines (or to the end). */
export function blockEnd(text: string, offset: number, count: number): number {
  let next = text.indexOf('\n', offset);
  if (next < 0) return text.length;
  let blanks = 0;
  for (;;) {
    const lineStart = next + 1;
    if (lineStart >= text.length) return text.length;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (isBlank(text, lineStart, lineEnd) && ++blanks >= count) return lineStart;
    next = lineEnd;
    if (next >= text.length) return text.length;
  }
}
