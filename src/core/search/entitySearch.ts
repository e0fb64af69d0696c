/**
 * Fuzzy entity search (fuse.js) for "Link to Entity…", "Find Entity…" and the
 * normalize pick: over every spelling of an entity (name, aliases, aka, short forms),
 * its titles and its description, all compared in folded form, so "tran thanh man"
 * finds Trần Thanh Mẫn and "Lavorv" finds Sergey Lavrov.
 */

import Fuse from 'fuse.js';
import type { Entity } from '../glossary/types';
import { fold } from '../text/fold';

/** Which part of an entry a search result matched. */
export type SearchField = 'name' | 'alias' | 'aka' | 'short' | 'title' | 'description';

/** One entity found, best first. */
export interface EntitySearchResult {
  entity: Entity;
  /** The text that matched, as the glossary writes it ("Trần Thanh Mẫn", not its folded form). */
  matched: string;
  field: SearchField;
  /** 0 for an exact match, up to 1 for the weakest; a hit on a name beats the same hit on a description. */
  score: number;
}

export interface EntitySearch {
  /**
   * The entities matching `query` (folded and case-insensitive), best first, at most
   * `limit` (default 20), each once with its best-matching text. A blank query lists
   * the entities in glossary order, each by its name, with score 1.
   */
  search(query: string, limit?: number): EntitySearchResult[];
}

/**
 * What a hit on each field costs, added to the text's own score: spellings first (the
 * name a little above the others), then titles, then descriptions. An exact word of a
 * description ranks above a name misspelled by two letters ("Tatarstan" is meant), and
 * below any spelling that contains the query.
 */
const FIELD_PENALTY: Record<SearchField, number> = { name: 0, alias: 0.01, aka: 0.02, short: 0.03, title: 0.08, description: 0.1 };
const FIELD_ORDER: SearchField[] = ['name', 'alias', 'aka', 'short', 'title', 'description'];
const DEFAULT_LIMIT = 20;

interface SearchRecord {
  /** Folded and lower-cased: what fuse compares. */
  text: string;
  /** As written in the glossary. */
  spelling: string;
  field: SearchField;
  entity: number;
}

/** Builds the search index once per glossary; `search` is then cheap enough for every keystroke. */
export function createEntitySearch(entities: readonly Entity[]): EntitySearch {
  const records: SearchRecord[] = [];
  entities.forEach((entity, index) => {
    const seen = new Set<string>();
    const add = (spelling: string | undefined, field: SearchField): void => {
      if (!spelling) return;
      const text = searchForm(spelling);
      if (text === '' || seen.has(text)) return; // Each text once per entity, under its first field.
      seen.add(text);
      records.push({ text, spelling, field, entity: index });
    };
    add(entity.name, 'name');
    for (const s of entity.aliases) add(s, 'alias');
    for (const s of entity.aka) add(s, 'aka');
    for (const s of entity.short) add(s, 'short');
    for (const s of entity.titles) add(s, 'title');
    add(entity.description, 'description');
  });

  const fuse = new Fuse(records, {
    keys: ['text'],
    includeScore: true,
    // A word may be anywhere in a name or a description ("lavrov" in "sergey lavrov").
    ignoreLocation: true,
    threshold: 0.4,
    isCaseSensitive: true, // Both sides are lower-cased already.
  });

  return {
    search(query: string, limit = DEFAULT_LIMIT): EntitySearchResult[] {
      const max = Math.max(0, Math.floor(limit));
      const q = searchForm(query);
      if (q === '') {
        return entities.slice(0, max).map((entity) => ({ entity, matched: entity.name, field: 'name', score: 1 }));
      }
      const best = new Map<number, { record: SearchRecord; score: number; rank: number }>();
      for (const hit of fuse.search(q)) {
        const record = hit.item;
        const score = weighted(hit.score ?? 1, record, q);
        const rank = closeness(record.text, q);
        const current = best.get(record.entity);
        if (!current || better(score, rank, record, current.score, current.rank, current.record)) best.set(record.entity, { record, score, rank });
      }
      return [...best.values()]
        .sort((a, b) => (better(a.score, a.rank, a.record, b.score, b.rank, b.record) ? -1 : 1))
        .slice(0, max)
        .map(({ record, score }) => ({ entity: entities[record.entity], matched: record.spelling, field: record.field, score }));
    },
  };
}

/** Folded, lower-case, single-spaced: "Trần  Thanh Mẫn" → "tran thanh man". The form both searches compare. */
export function searchForm(s: string): string {
  return fold(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The score of a hit: 0 for the exact text of a name; else fuse's score (0 best), but at
 * least 0.02 for a prefix, 0.03 for a whole word and 0.04 for a part of a word, so that
 * exactness counts before the field; plus the field's penalty.
 */
function weighted(fuseScore: number, record: SearchRecord, query: string): number {
  const rank = closeness(record.text, query);
  const s = rank === 0 ? 0 : Math.max(fuseScore, 0.01 * (rank + 1));
  return Math.min(1, s + FIELD_PENALTY[record.field]);
}

/** How the query sits in the text: 0 the whole text, 1 a prefix, 2 a whole word, 3 anything else. */
function closeness(text: string, query: string): number {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  const at = text.indexOf(query);
  if (at >= 0 && !isWordChar(text[at - 1]) && !isWordChar(text[at + query.length])) return 2;
  return 3;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function better(scoreA: number, rankA: number, a: SearchRecord, scoreB: number, rankB: number, b: SearchRecord): boolean {
  if (Math.abs(scoreA - scoreB) > 1e-9) return scoreA < scoreB;
  if (rankA !== rankB) return rankA < rankB;
  const fieldA = FIELD_ORDER.indexOf(a.field);
  const fieldB = FIELD_ORDER.indexOf(b.field);
  if (fieldA !== fieldB) return fieldA < fieldB;
  if (a.text.length !== b.text.length) return a.text.length < b.text.length;
  return a.entity < b.entity;
}
