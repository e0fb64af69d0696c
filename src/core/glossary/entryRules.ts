/**
 * What the two readers of a glossary entry share (the `yaml` one in parse.ts and
 * the fast one in fast.ts): the field rules and the shape of a read entry.
 */

import type { SourceLocation } from '../types';
import type { Entity, SpellingRole } from './types';

/** The keys an entry may have; any other key is kept in `extra`. */
export const KNOWN_KEYS = ['id', 'kind', 'name', 'aliases', 'aka', 'short', 'titles', 'description', 'country', 'links'] as const;

export const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COUNTRY_RE = /^[A-Z]{2}$/;
// Generational suffixes are never what a person is called on second mention.
const NAME_SUFFIXES = new Set(['Jr', 'Jr.', 'Sr', 'Sr.', 'II', 'III', 'IV']);

/**
 * The default short form of a person's name: its last word ("Sergey Lavrov" → "Lavrov",
 * "Bùi Thanh Sơn" → "Sơn"), skipping generational suffixes; none for a one-word name.
 */
export function defaultShortForms(name: string): string[] {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1].replace(/,$/, ''))) words.pop();
  if (words.length < 2) return [];
  const last = words[words.length - 1].replace(/[,.;:]+$/, '');
  return /[\p{L}\p{N}]/u.test(last) ? [last] : [];
}

/** Where an entity's spelling was written: for ambiguity warnings at the exact value. */
export interface SpellingSite {
  text: string;
  role: SpellingRole;
  location: SourceLocation;
}

/** One entry read and validated, with where its spellings and links were written. */
export interface ParsedEntry {
  entity: Entity;
  sites: SpellingSite[];
  /** Each link's value node location, for the cross-reference check. */
  linkSites: { key: string; value: string; location: SourceLocation; label: string }[];
}

/** Trimmed and NFC, so that the canonical spelling compares exactly with NFC text. */
export function cleanSpelling(s: string): string {
  return s.trim().normalize('NFC');
}

export function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** A known key the unknown `key` is probably a typo of ('alias' → 'aliases', 'titel' → 'titles', 'desc' → 'description'). */
export function nearKnownKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (lower.length < 3) return undefined;
  for (const known of KNOWN_KEYS) {
    if (lower === known) return known; // The same word in other case: 'Name'.
    if (lower.length >= 4 && known.startsWith(lower)) return known;
    if (editDistance(lower, known) <= (known.length > 4 ? 2 : 1)) return known;
  }
  return undefined;
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
