/**
 * Normalization edits (DESIGN.md rule 8): rewrite `alias` and `folded`
 * mentions, and short forms spelled differently from their canonical short
 * form, to the canonical spelling. `canonical`, `aka` and exact short forms
 * stay; a mention written in capitals stays in capitals. Edits are computed,
 * never applied here; adapters apply them (one WorkspaceEdit, or the CLI).
 */

import type { Mention } from '../entities/types';
import type { Entity } from '../glossary/types';
import { fold } from '../text/fold';
import { isInUrlOrFileName } from '../text/tokens';

/** The spelling style normalization targets. */
export type NormalizeStyle = 'canonical' | 'ascii';

export interface NormalizeOptions {
  /** `canonical`: the glossary's spelling; `ascii`: its diacritic-free folded form. Default `canonical`. */
  style?: NormalizeStyle;
}

/** One replacement of a mention by its normalized spelling. */
export interface NormalizeEdit {
  start: number;
  end: number;
  oldText: string;
  newText: string;
  entityId: string;
  variant: Mention['variant'];
}

/**
 * What `mention` should read as, or null when it is left as it is. A Markdown
 * reference label (`[To Lam]` naming its definition) is left as it is: rewriting
 * it would break the link.
 */
export function normalizedSpelling(mention: Mention, entity: Entity, options: NormalizeOptions = {}): string | null {
  if (mention.referenceLabel) return null;
  const style = options.style ?? 'canonical';
  let target: string;
  switch (mention.variant) {
    case 'aka':
      return null;
    case 'short':
      target = mention.matched;
      break;
    case 'canonical':
      if (style === 'canonical') return null;
      target = entity.name;
      break;
    default:
      target = entity.name;
  }
  if (style === 'ascii') target = fold(target);
  if (mention.allCaps) target = target.toUpperCase();
  target = keepLineBreaks(mention.text, target);
  return target === mention.text ? null : target;
}

/** Carries the white space of a name broken over lines ("To\nLam") into its new spelling. */
export function keepLineBreaks(written: string, target: string): string {
  if (!/[^\S ]/.test(written)) return target;
  const writtenParts = written.split(/(\s+)/);
  const targetWords = target.split(' ');
  if (targetWords.length * 2 - 1 !== writtenParts.length) return target;
  return targetWords.map((word, k) => (k === 0 ? word : writtenParts[2 * k - 1] + word)).join('');
}

/**
 * The edits that normalize `mentions` of `text`, in text order. Mentions inside
 * URLs, e-mail addresses and file names, and Markdown reference labels, are never
 * touched (markup itself holds no mentions: see text/markup.ts).
 */
export function normalizeEdits(
  text: string,
  mentions: readonly Mention[],
  entityById: (id: string) => Entity | undefined,
  options: NormalizeOptions = {},
): NormalizeEdit[] {
  const edits: NormalizeEdit[] = [];
  for (const mention of mentions) {
    const entity = entityById(mention.entityId);
    if (!entity) continue;
    const newText = normalizedSpelling(mention, entity, options);
    if (newText === null) continue;
    if (isInUrlOrFileName(text, mention.start, mention.end)) continue;
    edits.push({
      start: mention.start,
      end: mention.end,
      oldText: mention.text,
      newText,
      entityId: mention.entityId,
      variant: mention.variant,
    });
  }
  return edits;
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`Overlapping edits at offset ${edit.start}`);
    parts.push(text.slice(at, edit.start), edit.newText);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
