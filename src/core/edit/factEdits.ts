/**
 * "Record as verified fact": appends an entry to the facts ledger's `facts:` list as
 * minimal text edits that keep the file's comments, layout and line breaks. The core
 * has no clock: the caller passes the date the figure was checked.
 */

import { suggestId } from '../glossary/parse';
import { parseLedger } from '../numbers/ledger';
import type { FactStatus } from '../numbers/types';
import type { EditResult } from './types';
import { appendItemEdits, applyChecked, cleanText, existingIds, fail, isFailure, listMaps, locate, newProblems, openYaml, scalarText, topList, uniqueId, type Field } from './yamlText';

const WHAT = 'the facts ledger';
const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A generated id keeps at most this many words of what it is made from. */
const ID_WORDS = 6;

/** A fact to record. */
export interface NewFact {
  /** A kebab-case id; by default one is made from `about`, else the first keyword, else the value. */
  id?: string;
  /** The figure as written in the text ("USD 4.58 billion", "199", "6.7%"); always written as a YAML string. */
  value: string;
  about?: string;
  /** Words one of which must occur in the same sentence as a claim (see `factKeyword`). */
  keywords?: readonly string[];
  /** Where the figure was checked. Required: a fact without a source is not a fact. */
  source: string;
  /** Default `verified`. */
  status?: FactStatus;
  /** The date it was checked, `YYYY-MM-DD` (today's date, from the caller). */
  checked?: string;
}

export interface FactEditOptions {
  /** The file name used in the `problems` of the result (default `facts.yaml`). */
  file?: string;
}

/**
 * Appends `fact` to the `facts:` list (creating it in an empty file), fields in the order
 * id, value, about, keywords, source, status, checked, indented like the last entry,
 * keyword lists in the style the other entries use. The result's `id` is the new fact's
 * id; its `problems` are what the ledger parser would newly report (say, a value it
 * cannot read as a number).
 */
export function appendFact(factsText: string, fact: NewFact, options: FactEditOptions = {}): EditResult<{ id: string }> {
  try {
    const value = cleanText(fact.value ?? '');
    if (value === '') return fail('A fact needs a value.');
    const source = cleanText(fact.source ?? '');
    if (source === '') return fail('A fact needs a source: where the figure was checked.');
    const status = fact.status ?? 'verified';
    if (status !== 'verified' && status !== 'disputed') return fail(`'${String(status)}' is not a status of a fact: use verified or disputed.`);
    const checked = fact.checked === undefined ? undefined : fact.checked.trim();
    if (checked !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(checked)) return fail(`'${fact.checked}' is not a date written YYYY-MM-DD.`);
    const about = fact.about === undefined ? undefined : cleanText(fact.about) || undefined;
    const keywords: string[] = [];
    for (const k of fact.keywords ?? []) {
      const c = cleanText(k);
      if (c !== '' && !keywords.includes(c)) keywords.push(c);
    }

    const file = openYaml(factsText, WHAT);
    if (isFailure(file)) return file;
    const list = topList(file, 'facts', WHAT);
    if (isFailure(list)) return list;
    const taken = existingIds(list);
    let id: string;
    if (fact.id !== undefined) {
      id = fact.id.trim();
      if (!KEBAB_RE.test(id)) return fail(`'${fact.id}' is not a valid id: use lower-case words joined by hyphens, such as 'trade-2024'.`);
      if (taken.has(id)) {
        const entry = listMaps(list).find(({ map }) => scalarText(map, 'id')?.trim() === id);
        return fail(`The id '${id}' is already used in ${WHAT}.`, entry ? locate(file, entry.map) : undefined);
      }
    } else {
      id = uniqueId(factIdBase(about, keywords[0], value), taken);
    }

    const fields: Field[] = [
      ['id', id],
      // A value made only of digits is quoted, as the ledgers do, so it reads as written ("80,000", "199").
      ['value', value, { quoted: /^[\d.,\s]+$/.test(value) }],
      ['about', about],
      ['keywords', keywords],
      ['source', source],
      ['status', status],
      ['checked', checked],
    ];
    const edits = appendItemEdits(file, list, 'facts', fields, ['keywords']);
    const after = applyChecked(factsText, edits, WHAT);
    if (isFailure(after)) return after;
    const fileName = options.file ?? 'facts.yaml';
    const before = parseLedger([{ file: fileName, text: factsText }]);
    const parsed = parseLedger([{ file: fileName, text: after }]);
    const added = parsed.facts.find((f) => f.id === id);
    if (!added || added.value !== value) {
      return fail(`Glossa could not find a safe way to edit ${WHAT} here (the new fact '${id}' does not read back); nothing was changed. Edit the file by hand, or report this if it looks ordinary.`);
    }
    const problems = newProblems(before.problems, parsed.problems);
    return { ok: true, edits, changed: true, message: `Recorded ${value} as a ${status} fact '${id}'.`, problems, id };
  } catch (error) {
    return fail(`Glossa could not edit ${WHAT}: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
  }
}

/**
 * A kebab-case id for a fact: from what it is about ("Vietnam–Russia bilateral trade,
 * 2024" → "vietnam-russia-bilateral-trade-2024"), else its keyword, else its value
 * ("USD 4.58 billion" → "usd-4-58-billion"), at most six words; "fact" when none gives one.
 */
export function factIdBase(about: string | undefined, keyword: string | undefined, value: string): string {
  for (const source of [about, keyword, value]) {
    if (!source) continue;
    const id = suggestId(source).split('-').filter((w) => w !== '').slice(0, ID_WORDS).join('-');
    if (id !== '') return id;
  }
  return 'fact';
}
