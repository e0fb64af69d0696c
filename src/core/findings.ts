/**
 * Findings: what a reviewer is told about a text (unverified, conflicting and
 * disputed numbers; non-canonical spellings), with stable codes and messages.
 * One source for the editor's diagnostics and the CLI's problems.
 */

import { discoveryFindings, type DiscoveryLevels } from './discovery/findings';
import type { Analysis, Engine } from './engine';
import type { Entity } from './glossary/types';
import { normalizedSpelling, type NormalizeOptions } from './normalize/normalize';
import { formatValue } from './numbers/format';
import type { CheckedNumber, Fact } from './numbers/types';
import { FindingCode, type Severity } from './types';


/** A severity, or `off` to report nothing of that kind. */
export type FindingLevel = Severity | 'off';

export interface FindingLevels {
  unverifiedNumber: FindingLevel;
  conflictingNumber: FindingLevel;
  disputedNumber: FindingLevel;
  nonCanonicalSpelling: FindingLevel;
}

export const DEFAULT_FINDING_LEVELS: FindingLevels = {
  unverifiedNumber: 'warning',
  conflictingNumber: 'error',
  disputedNumber: 'warning',
  nonCanonicalSpelling: 'info',
};

export interface Finding {
  start: number;
  end: number;
  severity: Severity;
  code: FindingCode;
  message: string;
  /** The entity of a spelling finding. */
  entityId?: string;
  /** The fact a number finding is about. */
  factId?: string;
  /** For spellings: the replacement text a quick fix applies. */
  replacement?: string;
}

export interface FindingOptions extends NormalizeOptions {
  levels?: Partial<FindingLevels & DiscoveryLevels>;
}

/** The findings of an analysed text, in text order. */
export function findings(analysis: Analysis, engine: Engine, options: FindingOptions = {}): Finding[] {
  const levels = { ...DEFAULT_FINDING_LEVELS, ...options.levels };
  const out: Finding[] = [];
  if (levels.nonCanonicalSpelling !== 'off') {
    for (const mention of analysis.mentions) {
      const entity = engine.entity(mention.entityId);
      if (!entity) continue;
      const replacement = normalizedSpelling(mention, entity, options);
      if (replacement === null) continue;
      out.push({
        start: mention.start,
        end: mention.end,
        severity: levels.nonCanonicalSpelling,
        code: FindingCode.nonCanonicalSpelling,
        message: spellingMessage(mention.text, mention.variant, mention.encoding === 'nfd', entity, replacement),
        entityId: entity.id,
        replacement,
      });
    }
  }
  const factById = new Map(engine.ledger.facts.map((f) => [f.id, f]));
  for (const number of analysis.numbers) {
    const finding = numberFinding(number, number.fact ? factById.get(number.fact) : undefined, levels);
    if (finding) out.push(finding);
  }
  if (analysis.discovery) out.push(...discoveryFindings(analysis.discovery, options.levels));
  return out.sort((a, b) => a.start - b.start);
}

function spellingMessage(written: string, variant: string, nfd: boolean, entity: Entity, replacement: string): string {
  if (nfd) return `"${written}" is stored as decomposed Unicode (NFD): write "${replacement}", the same letters composed.`;
  switch (variant) {
    case 'alias':
      return `"${written}" is an alias of ${entity.name}: write "${replacement}".`;
    case 'short':
      return `"${written}" is a short form of ${entity.name}: write "${replacement}".`;
    case 'canonical':
      // Only with the diacritic-free style: the glossary's own spelling is the variant then.
      return `"${written}" has diacritics, and this workspace writes names without them: write "${replacement}".`;
    default:
      return `"${written}" is a variant spelling of ${entity.name}: write "${replacement}".`;
  }
}

function numberFinding(number: CheckedNumber, fact: Fact | undefined, levels: FindingLevels): Finding | null {
  const read = describeNumber(number);
  const base = { start: number.start, end: number.end, factId: fact?.id };
  switch (number.status) {
    case 'unverified':
      if (levels.unverifiedNumber === 'off') return null;
      return { ...base, severity: levels.unverifiedNumber, code: FindingCode.unverifiedNumber, message: `Unverified number: ${read}. No fact in the ledger confirms it.` };
    case 'conflicting':
      if (levels.conflictingNumber === 'off' || !fact) return null;
      return {
        ...base,
        severity: levels.conflictingNumber,
        code: FindingCode.conflictingNumber,
        message: `Conflicting number: ${read}, but fact '${fact.id}' says ${fact.value}${fact.about ? ` (${fact.about})` : ''}.`,
      };
    case 'disputed':
      if (levels.disputedNumber === 'off' || !fact) return null;
      return {
        ...base,
        severity: levels.disputedNumber,
        code: FindingCode.disputedNumber,
        message: `Disputed number: ${read} matches fact '${fact.id}', which is marked disputed${fact.source ? ` (source: ${fact.source})` : ''}.`,
      };
    default:
      return null;
  }
}

/** `"USD 4.58 billion" read as 4,580,000,000 USD (nearly)`. */
export function describeNumber(number: CheckedNumber): string {
  const qualifier = number.qualifier ? ` (${number.qualifier})` : '';
  return `"${number.text}" read as ${formatValue(number)}${qualifier}`;
}
