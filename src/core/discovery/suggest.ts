/**
 * The corpus-wide list of names the glossary lacks (DESIGN.md, Discovery 3):
 * unknown names of all files grouped into candidates, each with a proposed
 * name, id, kind and aliases, ready to become glossary entries.
 */

import type { EntityKind } from '../glossary/types';
import { suggestId } from '../glossary/parse';
import { fold } from '../text/fold';
import { LONG_WORD, romanized } from './compare';
import type { Discovery } from './discover';
import { NameIndex } from './nameIndex';
import { mergeWordStats, newWordStats, spellingWords, type WordStats } from './scan';

/** One unknown name where it was found; `at` is the caller's location (offsets, or line and character). */
export interface NameOccurrence<L> {
  file: string;
  text: string;
  afterPlacePreposition: boolean;
  at: L;
}

/** A proposed glossary entry. */
export interface SuggestedEntity<L> {
  /** The spelling with the most diacritics, then the most frequent. */
  name: string;
  /** Kebab-case, unique among the glossary's ids and the other suggestions. */
  id: string;
  kind: EntityKind;
  /** The other spellings found, most frequent first. */
  aliases: string[];
  count: number;
  files: number;
  spellings: { text: string; count: number }[];
  /** In the order given. */
  occurrences: NameOccurrence<L>[];
}

/**
 * One corpus file as the corpus-wide list reads it, in two passes: first what it
 * says about its words, then its discovery with what the whole corpus says.
 */
export interface SuggestFile<L> {
  /** Names the file in the occurrences (and counts the files of a candidate). */
  readonly name: string;
  /** Pass 1: the file's word statistics (`Engine.discoveryWords`). */
  words(): WordStats;
  /**
   * Pass 2: the file's discovery with the corpus's statistics (`Engine.discover`).
   * `changed` is false when those read as the previous call's (`previousWords`):
   * a file whose text did not change then has the same discovery.
   */
  discover(corpusWords: WordStats, changed: boolean): Discovery;
  /** Where an offset range of the file is, as the occurrences give it. */
  locate(start: number, end: number): L;
}

/** The corpus-wide list and what it was made with. */
export interface Suggestions<L> {
  candidates: SuggestedEntity<L>[];
  /** Each file's discovery with the corpus's statistics (its possible variants too), in the order given. */
  discoveries: { name: string; discovery: Discovery }[];
  /** The corpus's statistics: the next call's `previousWords`. */
  words: WordStats;
}

/**
 * The corpus-wide list of names the glossary lacks (DESIGN.md, Discovery 3), as
 * `glossa suggest` and the editor's Suggestions view make it: the files' word
 * statistics merged (a word the corpus writes in lower case somewhere only
 * begins a sentence anywhere), each file's unknown names found with them, and
 * those grouped into candidates (`groupUnknownNames`).
 */
export function suggestEntities<L>(files: readonly SuggestFile<L>[], takenIds: Iterable<string> = [], previousWords?: WordStats): Suggestions<L> {
  const words = newWordStats();
  for (const file of files) mergeWordStats(words, file.words());
  const changed = !previousWords || !sameDiscoveryWords(previousWords, words);
  const occurrences: NameOccurrence<L>[] = [];
  const discoveries: Suggestions<L>['discoveries'] = [];
  for (const file of files) {
    const discovery = file.discover(words, changed);
    discoveries.push({ name: file.name, discovery });
    for (const u of discovery.unknownNames) occurrences.push({ file: file.name, text: u.text, afterPlacePreposition: u.afterPlacePreposition, at: file.locate(u.start, u.end) });
  }
  return { candidates: groupUnknownNames(occurrences, takenIds), discoveries, words };
}

/**
 * Do two sets of word statistics tell discovery the same? It reads which words
 * are written in lower case, which short all-capitals words occur twice or more
 * and which capitalised words stand alone mid-sentence twice or more.
 */
export function sameDiscoveryWords(a: WordStats, b: WordStats): boolean {
  if (a.lower.size !== b.lower.size) return false;
  for (const w of a.lower) if (!b.lower.has(w)) return false;
  return sameRecurring(a.caps, b.caps) && sameRecurring(a.midCapital, b.midCapital);
}

function sameRecurring(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  let n = 0;
  for (const [w, count] of a) {
    if (count < 2) continue;
    n++;
    if ((b.get(w) ?? 0) < 2) return false;
  }
  for (const count of b.values()) if (count >= 2) n--;
  return n === 0;
}

const BODY_WORDS = new Set([
  'ministry', 'committee', 'party', 'assembly', 'agency', 'union', 'council', 'bank', 'company', 'corporation', 'group', 'university',
  'institute', 'center', 'centre', 'association', 'federation', 'organization', 'fund', 'court', 'front', 'library', 'news',
]);
const PLACE_WORDS = new Set(['city', 'province', 'district', 'river', 'street', 'island', 'lake', 'mountain']);
const MARKS_RE = /\p{M}/gu;

interface Group<L> {
  key: string;
  words: string[];
  occurrences: NameOccurrence<L>[];
  spellings: Map<string, number>;
  parent: Group<L>;
}

/**
 * Groups unknown names into candidates: spellings that fold to the same form
 * (ignoring case), or are close as possible variants are to an entity (same
 * words but one romanized or one edit away; not the `short-word` tier), are one
 * candidate. Candidates come most files first, then most occurrences.
 * `takenIds` are the glossary's ids, which a proposed id must avoid.
 */
export function groupUnknownNames<L>(occurrences: Iterable<NameOccurrence<L>>, takenIds: Iterable<string> = []): SuggestedEntity<L>[] {
  const byKey = new Map<string, Group<L>>();
  // A corpus writes each name many times: each spelling as written is read once.
  const byWritten = new Map<string, { text: string; group: Group<L> }>();
  for (const occurrence of occurrences) {
    let seen = byWritten.get(occurrence.text);
    if (!seen) {
      const text = occurrence.text.normalize('NFC').replace(/\s+/g, ' ');
      const key = fold(text).toLowerCase();
      let group = byKey.get(key);
      if (!group) {
        group = { key, words: spellingWords(text), occurrences: [], spellings: new Map(), parent: undefined as unknown as Group<L> };
        group.parent = group;
        byKey.set(key, group);
      }
      byWritten.set(occurrence.text, (seen = { text, group }));
    }
    const { text, group } = seen;
    group.occurrences.push(occurrence.text === text ? occurrence : { ...occurrence, text });
    group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1);
  }

  // Close spellings: multi-word ones through the name index, one-word ones by their romanized form.
  const index = new NameIndex<Group<L>>();
  const byRomanized = new Map<string, Group<L>>();
  for (const group of byKey.values()) {
    if (group.words.length >= 2) {
      index.add(group.words, group);
    } else if (group.words.length === 1 && group.words[0].length >= LONG_WORD) {
      const form = romanized(group.words[0]);
      const other = byRomanized.get(form);
      if (other) union(other, group);
      else byRomanized.set(form, group);
    }
  }
  for (const group of byKey.values()) {
    if (group.words.length < 2) continue;
    for (const match of index.lookup(group.words)) if (match.reason !== 'short-word') union(group, match.value);
  }

  const merged = new Map<Group<L>, Group<L>[]>();
  for (const group of byKey.values()) {
    const root = find(group);
    const list = merged.get(root);
    if (list) list.push(group);
    else merged.set(root, [group]);
  }

  const taken = new Set(takenIds);
  const out: SuggestedEntity<L>[] = [];
  for (const groups of merged.values()) {
    const spellings = new Map<string, number>();
    const all: NameOccurrence<L>[] = [];
    for (const g of groups) {
      for (const [text, n] of g.spellings) spellings.set(text, (spellings.get(text) ?? 0) + n);
      for (const o of g.occurrences) all.push(o);
    }
    const ranked = [...spellings].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || byCodeUnits(a.text, b.text));
    const name = [...ranked].sort((a, b) => diacritics(b.text) - diacritics(a.text) || b.count - a.count || byCodeUnits(a.text, b.text))[0].text;
    const aliases = ranked.map((s) => s.text).filter((t) => t !== name && !(t === t.toUpperCase() && fold(t) === fold(name).toUpperCase()));
    const count = all.length;
    out.push({
      name,
      id: '',
      kind: proposedKind(name, all.filter((o) => o.afterPlacePreposition).length * 2 > count),
      aliases,
      count,
      files: new Set(all.map((o) => o.file)).size,
      spellings: ranked,
      occurrences: all,
    });
  }
  out.sort((a, b) => b.files - a.files || b.count - a.count || byCodeUnits(a.name, b.name));
  for (const candidate of out) {
    const base = suggestId(candidate.name) || 'entity';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    candidate.id = id;
  }
  return out;
}

/** `body` when a word names an institution, `place` when it names a place or the name mostly follows in/from/to, else `person`. */
export function proposedKind(name: string, mostlyAfterPlacePreposition: boolean): EntityKind {
  const words = spellingWords(name);
  if (words.some((w) => BODY_WORDS.has(w))) return 'body';
  if (words.some((w) => PLACE_WORDS.has(w)) || mostlyAfterPlacePreposition) return 'place';
  return 'person';
}

/** A fixed order, whatever the machine's locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function diacritics(text: string): number {
  return (text.normalize('NFD').match(MARKS_RE)?.length ?? 0) + (text.match(/[đĐ]/g)?.length ?? 0);
}

function find<L>(g: Group<L>): Group<L> {
  while (g.parent !== g) {
    g.parent = g.parent.parent;
    g = g.parent;
  }
  return g;
}

function union<L>(a: Group<L>, b: Group<L>): void {
  const ra = find(a);
  const rb = find(b);
  if (ra !== rb) rb.parent = ra;
}
