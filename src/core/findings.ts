/**
 * Findings: what a reviewer is told about a text (unverified, conflicting and
 * disputed numbers; non-canonical spellings; titles that are another person's
 * or not held on the document's date), with stable codes and messages.
 * One source for the editor's diagnostics and the CLI's problems.
 */

import { discoveryFindings, type DiscoveryLevels } from './discovery/findings';
import type { Analysis, Engine } from './engine';
import type { Entity } from './glossary/types';
import { normalizedSpelling, type NormalizeOptions } from './normalize/normalize';
import { formatValue } from './numbers/format';
import type { CheckedNumber, Fact } from './numbers/types';
import { formatDay } from './titles/dates';
import { currentTitle, holdsOn, type TitleVerdict } from './titles/titles';
import type { DatedTitle } from './glossary/types';
import { FindingCode, type Finding, type FindingLevel } from './types';


/** A severity, or `off` to report nothing of that kind. */

export interface FindingLevels {
  unverifiedNumber: FindingLevel;
  conflictingNumber: FindingLevel;
  disputedNumber: FindingLevel;
  nonCanonicalSpelling: FindingLevel;
  titleMismatch: FindingLevel;
  outdatedTitle: FindingLevel;
}

export const DEFAULT_FINDING_LEVELS: FindingLevels = {
  unverifiedNumber: 'warning',
  conflictingNumber: 'error',
  disputedNumber: 'warning',
  nonCanonicalSpelling: 'info',
  titleMismatch: 'warning',
  outdatedTitle: 'warning',
};


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
  // Appended one by one: a spread of a long list into push's arguments can overflow the stack.
  if (levels.titleMismatch !== 'off' || levels.outdatedTitle !== 'off') for (const f of titleFindings(analysis, engine, levels)) out.push(f);
  const factById = new Map(engine.ledger.facts.map((f) => [f.id, f]));
  for (const number of analysis.numbers) {
    const finding = numberFinding(number, number.fact ? factById.get(number.fact) : undefined, levels);
    if (finding) out.push(finding);
  }
  if (analysis.discovery) for (const f of discoveryFindings(analysis.discovery, options.levels)) out.push(f);
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

function titleFindings(analysis: Analysis, engine: Engine, levels: FindingLevels): Finding[] {
  const out: Finding[] = [];
  const day = analysis.date?.day;
  for (const mention of analysis.mentions) {
    if (!mention.title) continue;
    const entity = engine.entity(mention.entityId);
    if (!entity) continue;
    const verdict = engine.titles.judge(entity, mention.title, day);
    if (!verdict || verdict.kind === 'held') continue;
    const level = verdict.kind === 'mismatch' ? levels.titleMismatch : levels.outdatedTitle;
    if (level === 'off') continue;
    const written = mention.title.text.slice(verdict.start - mention.title.start, verdict.end - mention.title.start).replace(/\s+/g, ' ');
    const current = currentTitle(entity, day);
    // An outdated title is replaced only by one the person holds on the document's date.
    const fits = current !== undefined && current !== written && (verdict.kind === 'mismatch' || holdsOn(entity, current, day!));
    const finding: Finding = {
      start: verdict.start,
      end: verdict.end,
      severity: level,
      code: verdict.kind === 'mismatch' ? FindingCode.titleMismatch : FindingCode.outdatedTitle,
      message: titleMessage(verdict, written, entity, fits ? current : undefined, day),
      entityId: entity.id,
    };
    if (fits) finding.replacement = current;
    out.push(finding);
  }
  return out;
}

function titleMessage(verdict: Exclude<TitleVerdict, { kind: 'held' }>, written: string, entity: Entity, current: string | undefined, day: string | undefined): string {
  const others = names(verdict.holders);
  if (verdict.kind === 'mismatch') {
    const on = verdict.onDay ? ` on ${formatDay(day!)}` : '';
    const whose = current !== undefined ? `; ${entity.name}'s title${on ? ' then' : ''} is "${current}".` : '.';
    return `Title mismatch: "${written}" is the title of ${others}${on}, not of ${entity.name}${whose}`;
  }
  const then = verdict.holders.length > 0 ? ` On that date it is the title of ${others}.` : '';
  const suggestion = current !== undefined ? ` ${entity.name}'s title then is "${current}".` : '';
  return `Outdated title: "${verdict.title}" is ${entity.name}'s title ${describeTerms(verdict.terms)}, not on ${formatDay(day!)} (the document's date).${then}${suggestion}`;
}

/** "Lương Cường", "Phạm Minh Chính and Mikhail Mishustin", "A, B and C". */
function names(entities: readonly Entity[]): string {
  const list = entities.map((e) => e.name);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "from 22 May 2024 to 21 October 2024", "since 3 August 2024", "until 1 May 2020", joined by "and". */
export function describeTerms(terms: readonly DatedTitle[]): string {
  return terms
    .map((t) =>
      t.from && t.until ? `from ${formatDay(t.from)} to ${formatDay(t.until)}` : t.from ? `since ${formatDay(t.from)}` : t.until ? `until ${formatDay(t.until)}` : 'at any date',
    )
    .join(' and ');
}

function numberFinding(number: CheckedNumber, fact: Fact | undefined, levels: FindingLevels): Finding | null {
  const read = describeNumber(number);
  const base = { start: number.start, end: number.end, factId: fact?.id };
  switch (number.status) {
    case 'unverified':
      if (levels.unverifiedNumber === 'off') return null;
      // A literal, not a spread of `base`: nearly every number of a corpus comes through here.
      return {
        start: number.start,
        end: number.end,
        factId: fact?.id,
        severity: levels.unverifiedNumber,
        code: FindingCode.unverifiedNumber,
        message: `Unverified number: ${read}. No fact in the ledger confirms it.`,
      };
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
