/**
 * The mention index: for each entity, how often it is mentioned, in how many
 * files, and how often each spelling occurs ("Sergey Lavrov 5: Sergey Lavrov 2,
 * Sergei Lavrov 1, Lavrov 2"), most mentioned first. Files are added one at a
 * time and only counts are kept, so that a corpus of any size fits in memory;
 * `glossa stats` and the editor's entity index are both this one index.
 */
import { entitySpellings } from '../glossary/parse';
import type { Entity } from '../glossary/types';
import type { Mention } from '../entities/types';

/**
 * How an entity's spellings are listed: `glossary` puts the glossary's own in its
 * order (name, aliases, aka, short forms) and then the other written forms, most
 * frequent first; `frequency` lists all of them most frequent first.
 */
export type SpellingOrder = 'glossary' | 'frequency';

export interface MentionIndexEntry {
  /** The scope the file was added under (a workspace folder with its own glossary), '' by default. */
  scope: string;
  entity: Entity;
  mentions: number;
  files: number;
  spellings: { text: string; count: number }[];
}

interface Counts {
  scope: string;
  entity: Entity;
  mentions: number;
  files: number;
  lastFile: number;
  spellings: Map<string, number>;
}

/** Text that a spelling key must normalize: anything but printable ASCII and single spaces. */
const NEEDS_NORMALIZING = /[^\x20-\x7e]| {2}/;

/** The key a written spelling is counted under: NFD-encoded and line-broken forms count with their ordinary form. */
export function spellingKey(text: string): string {
  return NEEDS_NORMALIZING.test(text) ? text.normalize('NFC').replace(/\s+/g, ' ') : text;
}

/** An index's counts without the entity objects: `[scope, entity id, mentions, files, [spelling, count][]]`, in first-seen order. */
export interface MentionIndexSnapshot {
  files: number;
  entries: [string, string, number, number, [string, number][]][];
}

export class MentionIndex {
  private readonly counts = new Map<string, Counts>();
  private fileCount = 0;

  /**
   * Counts the mentions of one file. `entityOf` resolves their entity ids (a
   * mention of an unknown id is left out); entities of different `scope`s are
   * counted apart, as two glossaries may define the same id differently.
   */
  add(mentions: Iterable<Mention>, entityOf: (id: string) => Entity | undefined, scope = ''): void {
    const file = ++this.fileCount;
    for (const m of mentions) {
      const key = scope === '' ? m.entityId : `${scope}#${m.entityId}`;
      let entry = this.counts.get(key);
      if (!entry) {
        const entity = entityOf(m.entityId);
        if (!entity) continue;
        this.counts.set(key, (entry = { scope, entity, mentions: 0, files: 0, lastFile: 0, spellings: new Map() }));
      }
      entry.mentions++;
      if (entry.lastFile !== file) {
        entry.lastFile = file;
        entry.files++;
      }
      const spelling = spellingKey(m.text);
      const count = entry.spellings.get(spelling);
      // A new key is copied: the mention's text is a view on the whole file, which the key would keep alive.
      if (count === undefined) entry.spellings.set(detached(spelling), 1);
      else entry.spellings.set(spelling, count + 1);
    }
  }

  /**
   * The counts in a compact form (entity ids, no entity objects), in the order they
   * were first seen: what a worker thread sends back for `merge`.
   */
  snapshot(): MentionIndexSnapshot {
    const entries: MentionIndexSnapshot['entries'] = [];
    for (const c of this.counts.values()) entries.push([c.scope, c.entity.id, c.mentions, c.files, [...c.spellings]]);
    return { files: this.fileCount, entries };
  }

  /**
   * Adds the counts of files indexed elsewhere (`snapshot` of another index), as if
   * they had been added here one by one: merging the snapshots of consecutive runs of
   * files in order gives the index of all of them, entries in the same order.
   */
  merge(snapshot: MentionIndexSnapshot, entityOf: (id: string) => Entity | undefined): void {
    this.fileCount += snapshot.files;
    for (const [scope, id, mentions, files, spellings] of snapshot.entries) {
      const key = scope === '' ? id : `${scope}#${id}`;
      let entry = this.counts.get(key);
      if (!entry) {
        const entity = entityOf(id);
        if (!entity) continue;
        this.counts.set(key, (entry = { scope, entity, mentions: 0, files: 0, lastFile: 0, spellings: new Map() }));
      }
      entry.mentions += mentions;
      entry.files += files;
      entry.lastFile = 0; // A file added later is a new one.
      for (const [text, count] of spellings) entry.spellings.set(text, (entry.spellings.get(text) ?? 0) + count);
    }
  }

  /** Every entity mentioned, most mentioned first (then by canonical name), with its spellings in `order`. */
  entries(order: SpellingOrder = 'glossary'): MentionIndexEntry[] {
    const out: MentionIndexEntry[] = [];
    for (const { scope, entity, mentions, files, spellings } of this.counts.values()) {
      const list = [...spellings].map(([text, count]) => ({ text, count }));
      if (order === 'glossary') {
        const rank = new Map(entitySpellings(entity).map((s, i) => [s.text, i]));
        const of = (text: string) => rank.get(text) ?? Number.MAX_SAFE_INTEGER;
        list.sort((a, b) => of(a.text) - of(b.text) || b.count - a.count || a.text.localeCompare(b.text));
      } else {
        list.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
      }
      out.push({ scope, entity, mentions, files, spellings: list });
    }
    return out.sort((a, b) => b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name));
  }
}

/**
 * A copy of `s` that shares no memory with the text it was sliced from: V8
 * flattens the concatenation into a new string before slicing it.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}
