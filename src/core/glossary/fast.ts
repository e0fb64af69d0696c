/**
 * The fast path of glossary parsing: a file read with `js-yaml`'s event parser
 * (yamlEvents.ts) and validated by the rules of parse.ts's entry reader, for a
 * file in which those rules find nothing to report. At the first thing that
 * would be a problem, or a shape whose positions the fast tree does not know,
 * it declines, and parse.ts reads the file with the `yaml` package as before:
 * every problem (and every syntax error) is still that path's, at its line and
 * column. The cross-entry checks (ambiguous spellings, links) run on what
 * either path read. Tests compare both paths on every glossary of the project.
 */

import { LineIndex } from '../text/lineIndex';
import { parseIsoDay } from '../titles/dates';
import type { SourceLocation } from '../types';
import {
  fastContentEnd,
  fastGet,
  fastRange,
  fastString,
  isFastNull,
  MAP,
  plainKind,
  readFastYaml,
  SCALAR,
  scalarText,
  scalarValue,
  SEQ,
  STYLE_PLAIN,
  type FastMap,
  type FastNode,
} from '../yamlFast';
import { cleanSpelling, COUNTRY_RE, defaultShortForms, KEBAB_RE, KNOWN_KEYS, nearKnownKey, unique, type ParsedEntry, type SpellingSite } from './entryRules';
import { ENTITY_KINDS, type DatedTitle, type Entity, type EntityKind, type IgnoredSpelling, type SourceFile, type SpellingRole } from './types';

export interface FastFile {
  entries: ParsedEntry[];
  /** The file's `ignore:` list; undefined when it has no `ignore` key. */
  ignore: IgnoredSpelling[] | undefined;
}

/** Thrown to decline; caught in `readGlossaryFast`. */
class Decline extends Error {}

const decline = (): never => {
  throw new Decline();
};

/**
 * One glossary file's entries, read fast, or undefined when the `yaml` path must
 * read it (it has a problem to report, or a shape the fast path leaves to it).
 * `ids` holds the ids of the files read before (an id used twice is a problem).
 */
export function readGlossaryFast(
  file: SourceFile,
  ids: ReadonlyMap<string, SourceLocation>,
  read: (text: string) => { contents: FastNode | null } | undefined = readFastYaml,
): FastFile | undefined {
  const tree = read(file.text);
  if (!tree) return undefined;
  try {
    return new FastReader(file, ids).read(tree.contents);
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

class FastReader {
  private readonly text: string;
  private lines: LineIndex | undefined;
  private readonly seen = new Map<string, SourceLocation>();

  constructor(
    private readonly file: SourceFile,
    private readonly ids: ReadonlyMap<string, SourceLocation>,
  ) {
    this.text = file.text;
  }

  read(contents: FastNode | null): FastFile {
    const entries: ParsedEntry[] = [];
    // An empty file (or only comments) is an empty glossary: the `yaml` path says so as cheaply.
    if (contents === null || contents.type !== MAP) return decline();
    const list = fastGet(contents, 'entities');
    if (list === undefined) return decline(); // A missing list is a problem.
    if (!isFastNull(list)) {
      if (list.type !== SEQ) return decline();
      list.items.forEach((item, index) => entries.push(this.entry(item, index)));
    }
    let ignore: IgnoredSpelling[] | undefined;
    const ignoreNode = fastGet(contents, 'ignore');
    if (ignoreNode !== undefined) {
      ignore = [];
      if (!isFastNull(ignoreNode)) {
        if (ignoreNode.type !== SEQ) return decline();
        for (const item of ignoreNode.items) {
          const spelling = cleanSpelling(this.string(item));
          if (spelling === '') return decline();
          ignore.push({ text: spelling, location: this.locate(item) });
        }
      }
    }
    return { entries, ignore };
  }

  private position(offset: number): { line: number; character: number } {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset);
  }

  private locateOffsets(start: number, end: number): SourceLocation {
    const s = this.position(start);
    const e = this.position(end);
    return { file: this.file.file, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
  }

  /** A scalar's location (its value, quotes included), as yamlSource's `locate`. */
  private locate(node: FastNode): SourceLocation {
    const range = fastRange(node) ?? decline();
    return this.locateOffsets(range[0], range[1]);
  }

  /** A text scalar's decoded value, or decline. */
  private string(node: FastNode | undefined): string {
    return fastString(node) ?? decline();
  }

  private entry(item: FastNode, index: number): ParsedEntry {
    if (item.type !== MAP || item.names.length === 0) return decline();
    const text = this.text;
    const sites: SpellingSite[] = [];
    const linkSites: ParsedEntry['linkSites'] = [];

    // id, kind, name: required text.
    const idNode = fastGet(item, 'id');
    const id = this.string(idNode).trim();
    if (!KEBAB_RE.test(id) || this.ids.has(id) || this.seen.has(id)) return decline();
    const label = `entities[${index}] (${id})`;
    const kind = this.string(fastGet(item, 'kind')).trim();
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) return decline();
    const nameNode = fastGet(item, 'name')!;
    const name = cleanSpelling(this.string(nameNode));
    if (name === '') return decline();
    const nameLocation = this.locate(nameNode);
    sites.push({ text: name, role: 'name', location: nameLocation });

    const aliases = this.spellings(item, 'aliases', 'alias', sites);
    const aka = this.spellings(item, 'aka', 'aka', sites);
    const shortNode = fastGet(item, 'short');
    const shortGiven = shortNode !== undefined && !isFastNull(shortNode);
    const explicitShort = this.spellings(item, 'short', 'short', sites);
    const titles = this.titles(item);
    const description = this.description(fastGet(item, 'description'));
    const country = this.description(fastGet(item, 'country'));
    if (country !== undefined && !COUNTRY_RE.test(country)) return decline();
    const links = this.links(item, label, linkSites);
    const extra = this.extra(item);

    let short = explicitShort;
    let shortIsDefault = false;
    if (!shortGiven && kind === 'person') {
      short = defaultShortForms(name);
      shortIsDefault = true;
      for (const s of short) sites.push({ text: s, role: 'short', location: nameLocation });
    }
    const end = fastContentEnd(item) ?? decline();
    const entity: Entity = {
      id,
      kind: kind as EntityKind,
      name,
      aliases: once(aliases),
      aka: once(aka),
      short: once(short),
      shortIsDefault,
      titles: once(titles.titles),
      links,
      extra,
      location: this.locateOffsets(item.start, Math.max(item.start, trimEnd(text, end))),
      nameLocation,
    };
    if (titles.dated.length > 0) entity.datedTitles = titles.dated;
    if (description !== undefined) entity.description = description;
    if (country !== undefined) entity.country = country;
    this.seen.set(id, entity.location);
    return { entity, sites, linkSites };
  }

  /** A list of spellings (absent or empty: none); a lone text, an empty spelling or an item that is not text declines. */
  private spellings(map: FastMap, key: string, role: SpellingRole, sites: SpellingSite[]): string[] {
    const node = fastGet(map, key);
    if (node === undefined || isFastNull(node)) return [];
    if (node.type !== SEQ) return decline();
    const out: string[] = [];
    for (const item of node.items) {
      const spelling = cleanSpelling(this.string(item));
      if (spelling === '') return decline();
      out.push(spelling);
      sites.push({ text: spelling, role, location: this.locate(item) });
    }
    return out;
  }

  private titles(map: FastMap): { titles: string[]; dated: DatedTitle[] } {
    const titles: string[] = [];
    const dated: DatedTitle[] = [];
    const node = fastGet(map, 'titles');
    if (node === undefined || isFastNull(node)) return { titles, dated };
    if (node.type !== SEQ) return decline();
    for (const item of node.items) {
      if (item.type === MAP) {
        const term = this.datedTitle(item);
        titles.push(term.title);
        dated.push(term);
        continue;
      }
      const title = this.string(item).trim();
      if (title !== '') titles.push(title);
    }
    return { titles, dated };
  }

  private datedTitle(map: FastMap): DatedTitle {
    const title = this.string(fastGet(map, 'title')).trim();
    if (title === '') return decline();
    const term: DatedTitle = { title };
    const days: Partial<Record<'from' | 'until', string>> = {};
    map.names.forEach((key, i) => {
      if (key === 'title') return;
      if (key !== 'from' && key !== 'until') return decline();
      const node = map.values[i];
      if (isFastNull(node)) return;
      if (node.type !== SCALAR) return decline();
      // As the `yaml` path reads it: the scalar's source text, whatever its type.
      const day = parseIsoDay(scalarText(node)) ?? decline();
      days[key] = day;
    });
    if (days.from && days.until && days.from > days.until) return decline();
    if (days.from) term.from = days.from;
    if (days.until) term.until = days.until;
    return term;
  }

  /** `description` or `country`: text, trimmed; a number or a yes/no as written; absent or null: undefined. */
  private description(node: FastNode | undefined): string | undefined {
    if (node === undefined || isFastNull(node)) return undefined;
    if (node.type !== SCALAR) return decline();
    const value = scalarText(node);
    return node.style === STYLE_PLAIN && plainKind(value) !== 'string' ? value : value.trim();
  }

  private links(map: FastMap, label: string, linkSites: ParsedEntry['linkSites']): Record<string, string> {
    const links: Record<string, string> = {};
    const node = fastGet(map, 'links');
    if (node === undefined || isFastNull(node)) return links;
    if (node.type !== MAP) return decline();
    node.names.forEach((key, i) => {
      const valueNode = node.values[i];
      const value = this.string(valueNode).trim();
      if (value === '') return decline();
      links[key] = value;
      linkSites.push({ key, value, location: this.locate(valueNode), label });
    });
    return links;
  }

  private extra(map: FastMap): Record<string, unknown> {
    const extra: Record<string, unknown> = {};
    map.names.forEach((key, i) => {
      if ((KNOWN_KEYS as readonly string[]).includes(key)) return;
      if (nearKnownKey(key)) return decline(); // A likely typo is reported.
      extra[key] = this.plain(map.values[i]);
    });
    return extra;
  }

  /** A JSON-like value, as the `yaml` package's `toJS` gives it. */
  private plain(node: FastNode): unknown {
    if (node.type === SCALAR) {
      const value = scalarValue(node);
      return value === undefined ? decline() : value;
    }
    if (node.type === SEQ) return node.items.map((item) => this.plain(item));
    const out: Record<string, unknown> = {};
    node.names.forEach((key, i) => {
      out[key] = this.plain(node.values[i]);
    });
    return out;
  }
}

/** `unique` without a set for the short lists most are (each list here is this entry's own). */
function once(list: string[]): string[] {
  return list.length < 2 ? list : unique(list);
}

function trimEnd(text: string, end: number): number {
  let e = Math.min(end, text.length);
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
