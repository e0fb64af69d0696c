/**
 * What the engine learnt about the whole text an analysis came from, kept
 * beside the analysis for the editor's re-analysis after an edit: a keystroke
 * then costs its window, not a scan of the whole document. Kept in a WeakMap on
 * the analysis's mentions list, the one object every shallow copy of an
 * analysis shares (the editor keeps `{ mentions, numbers: claims }`), so no
 * field is added to the plain data. Missing facts are never wrong: the caller
 * then reads the whole text.
 */
import type { Mention } from '../entities/types';

export interface TextFacts {
  /** Can the text hold a Glossa directive ("glossa-" anywhere)? */
  mayHoldDirectives: boolean;
  /** The entities fully mentioned before the window the last re-analysis read (`reanalyze`): the next keystroke there reads the same. */
  fullyMentionedBefore?: FullyMentionedBefore;
}

/**
 * Where each entity was last fully mentioned before `start`, relative to it: what
 * the matcher is told of the text before a window. It holds for an analysis whose
 * first `count` mentions, ending with `last`, are the ones it was made from.
 */
export interface FullyMentionedBefore {
  start: number;
  count: number;
  /** The same object in every analysis that keeps these mentions (a re-analysis copies the mentions before its window by reference). */
  last: Mention | undefined;
  lastFull: ReadonlyMap<string, number>;
}

const facts = new WeakMap<readonly Mention[], TextFacts>();

/** The facts recorded for the text of `analysis`, if any. */
export function textFactsOf(analysis: { mentions: readonly Mention[] }): TextFacts | undefined {
  return facts.get(analysis.mentions);
}

/** Records what is known of the text `analysis` was made from. */
export function recordTextFacts(analysis: { mentions: readonly Mention[] }, known: TextFacts): void {
  facts.set(analysis.mentions, known);
}
