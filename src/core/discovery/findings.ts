/**
 * Discovery's findings (DESIGN.md, Discovery 1 and 2): possible variants at
 * Warning (the weaker `short-word` tier at Information) and unknown names at
 * Hint, with their messages. `findings()` adds them when an analysis carries
 * its discovery, so the editor's diagnostics and the CLI's problems agree.
 */

import { FindingCode, type Finding, type FindingLevel } from '../types';
import type { Discovery, PossibleVariant } from './discover';

export interface DiscoveryLevels {
  possibleVariant: FindingLevel;
  /** A possible variant of the `short-word` tier: may be another person. */
  shortWordVariant: FindingLevel;
  unknownName: FindingLevel;
}

export const DEFAULT_DISCOVERY_LEVELS: DiscoveryLevels = {
  possibleVariant: 'warning',
  shortWordVariant: 'info',
  unknownName: 'hint',
};


/** The findings of one text's discovery, in text order. */
export function discoveryFindings(discovery: Discovery, levels: Partial<DiscoveryLevels> = {}): Finding[] {
  const level = { ...DEFAULT_DISCOVERY_LEVELS, ...levels };
  const out: Finding[] = [];
  for (const v of discovery.variants) {
    const severity = v.reason === 'short-word' ? level.shortWordVariant : level.possibleVariant;
    if (severity === 'off') continue;
    out.push({ start: v.start, end: v.end, severity, code: FindingCode.possibleVariant, message: variantMessage(v), entityId: v.entityId, replacement: v.canonical });
  }
  if (level.unknownName !== 'off') {
    for (const u of discovery.unknownNames) {
      out.push({ start: u.start, end: u.end, severity: level.unknownName, code: FindingCode.unknownName, message: `"${u.text}" is not in the glossary: add it to the glossary, or to the glossary's ignore list if it is no name to track.` });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const REASONS: Record<PossibleVariant['reason'], string> = {
  edit: 'one letter differs',
  transposition: 'two letters are swapped',
  romanization: 'another romanization',
  'short-word': 'one short word differs',
};

/** `Not in the glossary: "Serguei Lavrov" looks like Sergey Lavrov (another romanization). Add it as an alias of Sergey Lavrov, or write "Sergey Lavrov".` */
export function variantMessage(v: PossibleVariant): string {
  const like = v.closestTo === v.canonical ? v.canonical : `${v.canonical} ("${v.closestTo}")`;
  if (v.reason === 'short-word') {
    return `Not in the glossary: "${v.text}" looks like ${like}, but one short word differs: it may be another person. If it is ${v.canonical}, add it as an alias; if not, add the other person to the glossary.`;
  }
  return `Not in the glossary: "${v.text}" looks like ${like} (${REASONS[v.reason]}). Add it as an alias of ${v.canonical}, or write "${v.canonical}".`;
}
