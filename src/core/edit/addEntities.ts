/**
 * Several new glossary entries in one edit (the Suggestions view's "Add to
 * Glossary" on a selection, `glossa.addSuggested`): each is appended as
 * `addEntity` appends one, in the given order, and the whole is one minimal
 * replacement of the file's text, so it applies as one WorkspaceEdit (one Undo)
 * and keeps the file's comments and layout.
 */

import { addEntity, type GlossaryEditOptions, type NewEntity } from './glossaryEdits';
import type { Problem } from '../types';
import type { EditResult, SourceEdit } from './types';
import { applyChecked, isFailure } from './yamlText';

/** Adds every entity, or none: the first that cannot be added fails the whole edit, with its name. The result's `ids` are the new entries' ids, in order. */
export function addEntities(glossaryText: string, entities: readonly NewEntity[], options: GlossaryEditOptions = {}): EditResult<{ ids: string[] }> {
  if (entities.length === 0) return { ok: true, edits: [], changed: false, message: 'There is no entry to add.', problems: [], ids: [] };
  let text = glossaryText;
  const ids: string[] = [];
  const problems: Problem[] = [];
  for (const entity of entities) {
    const result = addEntity(text, entity, options);
    if (!result.ok) return entities.length === 1 ? result : { ...result, error: `${entity.name}: ${result.error}` };
    const next = applyChecked(text, result.edits, 'the glossary');
    if (isFailure(next)) return next;
    text = next;
    ids.push(result.id);
    problems.push(...result.problems);
  }
  const names = entities.map((e) => e.name.trim());
  const message = entities.length === 1 ? `Added ${names[0]} to the glossary as '${ids[0]}'.` : `Added ${entities.length} entries to the glossary: ${names.join(', ')}.`;
  return { ok: true, edits: [difference(glossaryText, text)], changed: true, message, problems, ids };
}

/** The one replacement that turns `before` into `after`: their common start and end kept, never splitting a surrogate pair. */
function difference(before: string, after: string): SourceEdit {
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  if (head > 0 && isHighSurrogate(before.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start: head, end: before.length - tail, newText: after.slice(head, after.length - tail) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
