/**
 * The text half of Rename Symbol (F2): after `renameEntity` gives the entity a new
 * canonical name (keeping the old one as an alias), the mentions spelled exactly as
 * the old name are rewritten to the new one. Other spellings (aliases, folded forms,
 * short forms, aka) stay: they are still linked, and Normalize takes care of them.
 */

import type { Mention } from '../entities/types';
import type { Entity } from '../glossary/types';
import { isInUrlOrFileName } from '../text/tokens';
import { keepLineBreaks } from '../normalize/normalize';
import type { SourceEdit } from './types';

/**
 * Edits that rewrite the mentions of `entity` written in its canonical spelling (also
 * NFD-encoded, also in capitals, which stay capitals; a line break inside the name is
 * kept when the new name has as many words) to `newName`, in text order. Mentions inside
 * URLs, e-mail addresses and file names, and Markdown reference labels, are left alone.
 */
export function renameMentionEdits(text: string, mentions: readonly Mention[], entity: Entity, newName: string): SourceEdit[] {
  const target = newName.replace(/\s+/g, ' ').trim().normalize('NFC');
  if (target === '' || target === entity.name) return [];
  const edits: SourceEdit[] = [];
  for (const mention of mentions) {
    if (mention.entityId !== entity.id || mention.matched !== entity.name) continue;
    if (mention.variant !== 'canonical' && mention.encoding !== 'nfd') continue;
    if (mention.referenceLabel || isInUrlOrFileName(text, mention.start, mention.end)) continue;
    const spelled = mention.allCaps ? target.toUpperCase() : target;
    const newText = keepLineBreaks(mention.text, spelled);
    if (newText !== mention.text) edits.push({ start: mention.start, end: mention.end, newText });
  }
  return edits.sort((a, b) => a.start - b.start);
}

