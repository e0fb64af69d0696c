/**
 * Glossary parsing: YAML text in, validated entities and positioned problems
 * out. Never throws; a broken entry is skipped with its problems while the
 * others stay, and a file with YAML syntax errors contributes no entities.
 */

import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { fold } from '../text/fold';
import type { Problem, ProblemCode, Severity, SourceLocation } from '../types';
import { readListInFragments } from '../yamlFragments';
import { describe, getPair, requiredScalar, resolve, toPlain, YamlSource, type RequiredField } from '../yamlSource';
import { parseIsoDay } from '../titles/dates';
import { readFastYaml, readYamlEvents } from '../yamlFast';
import { readGlossaryFast } from './fast';
import { cleanSpelling, COUNTRY_RE, defaultShortForms, editDistance, KEBAB_RE, KNOWN_KEYS, nearKnownKey, unique, type ParsedEntry, type SpellingSite } from './entryRules';
import { ENTITY_KINDS, type DatedTitle, type Entity, type EntityKind, type EntitySpelling, type Glossary, type IgnoredSpelling, type SourceFile, type SpellingRole } from './types';

export { defaultShortForms } from './entryRules';

const URL_RE = /^[a-z][a-z0-9+.-]*:/i;

// Kinds people tend to write instead of the three we know, and what they mean.
const KIND_SYNONYMS: Record<string, EntityKind> = {
  people: 'person',
  persons: 'person',
  human: 'person',
  organisation: 'body',
  organization: 'body',
  org: 'body',
  institution: 'body',
  company: 'body',
  party: 'body',
  country: 'place',
  city: 'place',
  location: 'place',
  region: 'place',
  river: 'place',
};

/**
 * Parses and merges glossary files, in order, into one glossary.
 *
 * - Each file must hold a top-level `entities:` list (an empty file is an empty glossary).
 * - An entry needs `id` (kebab-case, unique across all files), `kind` (person, body or place)
 *   and `name`; an entry failing one of these is skipped with an error.
 * - Optional fields of the wrong type are reported (`wrong-type`) and dropped; the entry stays.
 * - Spellings (name, aliases, aka, short) are trimmed and NFC-normalized, so an NFD-encoded
 *   glossary file still yields canonical spellings that match NFC text exactly.
 * - A person without a `short` key gets the last word of the name as short form
 *   (`shortIsDefault: true`); `short: []` turns short forms off.
 * - A name, alias or aka whose folded form another entity also claims is an
 *   `ambiguous-alias` warning at the later spelling; so is a short form equal to another
 *   entity's name, alias or aka (the two would compete for the same span). Short forms
 *   shared by two entities are fine: the matcher resolves them by the latest full mention.
 *   So are names of entities of two different countries (both with a `country`): a
 *   demonym before the name tells them apart (rule 10), and without one the entity
 *   mentioned last, else the first listed, is meant.
 * - An optional top-level `ignore:` list holds spellings discovery never reports: a list of
 *   text (a lone string is a list of one, with a warning); other items are `wrong-type` errors
 *   and dropped, empty ones a warning.
 * - Problems use 0-based line/character (UTF-16) like VS Code; `file:line` references inside
 *   messages are 1-based, as an editor shows them.
 */
export function parseGlossary(files: readonly SourceFile[], options: GlossaryParseOptions = {}): Glossary {
  const parser = new GlossaryParser(options.fragmentAbove ?? FRAGMENT_ABOVE, options.entriesPerFragment, options.fastPath ?? true);
  for (const file of files) parser.addFile(file);
  return parser.finish();
}

export interface GlossaryParseOptions {
  /**
   * Files longer than this (UTF-16 code units) and of the plain `entities:` list
   * shape are parsed a few dozen entries at a time: same result, a fraction of
   * the peak memory. Tests set it to 0 to compare both paths.
   */
  fragmentAbove?: number;
  /** Entries per fragment on that path (default 50). */
  entriesPerFragment?: number;
  /**
   * Read each file with the fast path first (fast.ts), which declines a file with
   * anything to report; default true. Tests set it to false to compare both paths,
   * and to 'events' for the fast path without its line scanner (js-yaml's events only).
   */
  fastPath?: boolean | 'events';
}

const FRAGMENT_ABOVE = 256 * 1024;

/**
 * The distinct spellings of an entity in matching priority: the name, then aliases, aka and
 * short forms, each spelling once (with the first role it appears under).
 */
export function entitySpellings(entity: Entity): EntitySpelling[] {
  const seen = new Set<string>();
  const out: EntitySpelling[] = [];
  const add = (text: string, role: SpellingRole): void => {
    if (text === '' || seen.has(text)) return;
    seen.add(text);
    out.push({ text, role });
  };
  add(entity.name, 'name');
  for (const s of entity.aliases) add(s, 'alias');
  for (const s of entity.aka) add(s, 'aka');
  for (const s of entity.short) add(s, 'short');
  return out;
}


/**
 * A kebab-case id suggested for a name ("Tô Lâm" → "to-lam", "Hồ Chí Minh City" →
 * "ho-chi-minh-city"); for "add to glossary" and for the invalid-id hint.
 */
export function suggestId(name: string): string {
  return fold(name.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}



/** The first claim on a folded spelling. */
interface Claim {
  entity: Entity;
  site: SpellingSite;
}

class GlossaryParser {
  private readonly problems: Problem[] = [];
  private readonly entries: ParsedEntry[] = [];
  private readonly ignore: IgnoredSpelling[] = [];
  private hasIgnore = false;
  /** id → where its entry was first defined. */
  private readonly ids = new Map<string, SourceLocation>();
  private readonly fileOrder = new Map<string, number>();

  constructor(
    private readonly fragmentAbove: number,
    private readonly entriesPerFragment: number | undefined,
    private readonly fastPath: boolean | 'events',
  ) {}

  addFile(file: SourceFile): void {
    if (!this.fileOrder.has(file.file)) this.fileOrder.set(file.file, this.fileOrder.size);
    if (this.fastPath && this.addFileFast(file)) return;
    if (file.text.length > this.fragmentAbove && this.addFileInFragments(file)) return;
    let source: YamlSource | undefined;
    try {
      source = new YamlSource(file.file, file.text);
      if (!source.hasSyntaxErrors) {
        // YAML errors: keep nothing from this file.
        this.readEntities(source);
        this.readIgnore(source);
      }
    } catch (error) {
      // A bug of ours must not take the glossary down: report it on the file instead.
      const message = error instanceof Error ? error.message : String(error);
      this.problems.push({ file: file.file, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: 'error', code: 'yaml-syntax', message: `Glossa could not read this glossary file: ${message}` });
    }
    if (source) this.problems.push(...source.problems);
  }

  /** The fast path (fast.ts); false, having changed nothing, when it declines the file. */
  private addFileFast(file: SourceFile): boolean {
    const read = readGlossaryFast(file, this.ids, this.fastPath === 'events' ? readYamlEvents : readFastYaml);
    if (!read) return false;
    for (const entry of read.entries) {
      this.entries.push(entry);
      this.ids.set(entry.entity.id, entry.entity.location);
    }
    if (read.ignore) {
      this.hasIgnore = true;
      this.ignore.push(...read.ignore);
    }
    return true;
  }

  /**
   * The fragment-by-fragment path for a large file (see `readListInFragments`).
   * Returns false, having changed nothing, when that path cannot read it: the
   * whole-file parse then reports what is wrong as usual.
   */
  private addFileInFragments(file: SourceFile): boolean {
    const ids = new Map(this.ids);
    const read = readListInFragments(file, 'entities', this.entriesPerFragment, (source, item, index) => {
      const entry = new EntryReader(source, item, index).read(ids);
      if (entry) ids.set(entry.entity.id, entry.entity.location);
      return entry;
    });
    if (!read) return false;
    for (const entry of read.items) {
      this.entries.push(entry);
      this.ids.set(entry.entity.id, entry.entity.location);
    }
    this.problems.push(...read.problems);
    return true;
  }

  private readEntities(source: YamlSource): void {
    const items = source.topLevelList('entities', 'entities');
    if (items === null) return;
    items.forEach((item, index) => {
      const entry = new EntryReader(source, item, index).read(this.ids);
      if (entry) {
        this.entries.push(entry);
        this.ids.set(entry.entity.id, entry.entity.location);
      }
    });
  }

  /** The top-level `ignore:` list, when the file has one. */
  private readIgnore(source: YamlSource): void {
    const contents = source.doc.contents;
    if (!contents || !isMap(contents)) return;
    const pair = getPair(contents, 'ignore');
    if (!pair) return;
    this.hasIgnore = true;
    const value = resolve(source.doc, pair.value);
    if (value === null || (isScalar(value) && value.value === null)) return;
    const add = (node: Node, text: string): void => {
      const spelling = cleanSpelling(text);
      if (spelling === '') source.add(node, 'warning', 'invalid-value', `ignore: an empty spelling is ignored.`);
      else this.ignore.push({ text: spelling, location: source.locate(node) });
    };
    if (isScalar(value) && typeof value.value === 'string') {
      source.add(value, 'warning', 'wrong-type', `'ignore' should be a list, e.g. ignore: [${value.value}]; read as a list of one.`);
      add(value, value.value);
      return;
    }
    if (!isSeq(value)) {
      source.add(value, 'error', 'wrong-type', `'ignore' must be a list of spellings that discovery never reports, found ${describe(value)}.`);
      return;
    }
    value.items.forEach((raw, i) => {
      const item = resolve(source.doc, raw as Node | null);
      if (item !== null && isScalar(item) && typeof item.value === 'string') add(item, item.value);
      else source.add((item ?? raw) as Node | null, 'error', 'wrong-type', `'ignore[${i}]' must be text, found ${describe(item)}.`);
    });
  }

  finish(): Glossary {
    this.checkAmbiguity();
    this.checkLinks();
    // File order, then position: the order a keeper reads them in.
    const order = (p: Problem): number => this.fileOrder.get(p.file) ?? Number.MAX_SAFE_INTEGER;
    const problems = this.problems
      .map((p, i) => ({ p, i }))
      .sort((a, b) => order(a.p) - order(b.p) || a.p.line - b.p.line || a.p.character - b.p.character || a.i - b.i)
      .map(({ p }) => p);
    const glossary: Glossary = { entities: this.entries.map((e) => e.entity), problems };
    if (this.hasIgnore) glossary.ignore = this.ignore;
    return glossary;
  }

  /** Names, aliases and aka claimed by two entities; short forms equal to another entity's full spelling. */
  private checkAmbiguity(): void {
    const claims = new Map<string, Claim>();
    for (const { entity, sites } of this.entries) {
      for (const site of sites) {
        if (site.role === 'short') continue;
        const key = fold(site.text);
        const claim = claims.get(key);
        if (!claim) {
          claims.set(key, { entity, site });
        } else if (claim.entity !== entity && !toldApartByCountry(entity, claim.entity)) {
          this.warnAmbiguous(entity, site, claim);
        }
      }
    }
    for (const { entity, sites } of this.entries) {
      for (const site of sites) {
        if (site.role !== 'short') continue;
        const claim = claims.get(fold(site.text));
        if (claim && claim.entity !== entity) this.warnAmbiguous(entity, site, claim);
      }
    }
  }

  private warnAmbiguous(entity: Entity, site: SpellingSite, claim: Claim): void {
    const isDefaultShort = site.role === 'short' && entity.shortIsDefault === true;
    const here = isDefaultShort ? 'default short form' : roleLabel(site.role);
    const hint =
      site.role !== 'short'
        ? ' A mention of it cannot be linked to one entity; remove it from one of the two entries.'
        : isDefaultShort
          ? ` Give ${entity.id} an explicit 'short:' list (or 'short: []').`
          : ' Remove it from one of the two entries.';
    this.problems.push({
      ...site.location,
      severity: 'warning',
      code: 'ambiguous-alias',
      message:
        `'${site.text}' (${here} of ${entity.id}) is also claimed by ${claim.entity.id} ` +
        `(${roleLabel(claim.site.role)} '${claim.site.text}', ${where(claim.site.location)}).${hint}`,
    });
  }

  /** A link value that is not a URL must be the id of an entity. */
  private checkLinks(): void {
    const known = new Set(this.entries.map((e) => e.entity.id));
    for (const { linkSites } of this.entries) {
      for (const link of linkSites) {
        if (URL_RE.test(link.value) || known.has(link.value)) continue;
        this.problems.push({
          ...link.location,
          severity: 'warning',
          code: 'invalid-value',
          message: `${link.label}: 'links.${link.key}' is '${link.value}', which is neither a URL nor the id of an entity in the glossary.`,
        });
      }
    }
  }
}

/**
 * Two entities of different countries may share a name ("Ministry of Foreign Affairs" of
 * VN and of RU): rule 10 links "the Russian Ministry of Foreign Affairs" to the one of RU,
 * which a keeper means by giving both a country.
 */
function toldApartByCountry(a: Entity, b: Entity): boolean {
  return a.country !== undefined && b.country !== undefined && a.country.toUpperCase() !== b.country.toUpperCase();
}

function roleLabel(role: SpellingRole): string {
  return role === 'name' ? 'name' : role === 'alias' ? 'alias' : role === 'aka' ? 'aka' : 'short form';
}

/** "glossary.yaml:12", 1-based as editors show lines. */
function where(location: SourceLocation): string {
  return `${location.file}:${location.line + 1}`;
}

/** Reads one `entities[i]` item. */
class EntryReader {
  private label: string;
  private readonly map: YAMLMap | null;
  private fatal = false;
  private readonly sites: SpellingSite[] = [];
  private readonly linkSites: ParsedEntry['linkSites'] = [];

  constructor(
    private readonly source: YamlSource,
    private readonly item: Node,
    private readonly index: number,
  ) {
    this.label = `entities[${index}]`;
    const resolved = resolve(source.doc, item);
    this.map = resolved && isMap(resolved) ? resolved : null;
  }

  read(ids: ReadonlyMap<string, SourceLocation>): ParsedEntry | undefined {
    const { source, item } = this;
    if (source.reportEmptyItem(item, `${this.label} is empty: an entity needs at least 'id', 'kind' and 'name'.`)) return undefined;
    const node = resolve(source.doc, item);
    if (!this.map) {
      source.add(item, 'error', 'wrong-type', `${this.label}: an entity must be a mapping of fields (id, kind, name, …), found ${describe(node)}.`);
      return undefined;
    }
    const map = this.map;
    if (map.items.length === 0) {
      source.add(item, 'warning', 'empty-entry', `${this.label} is empty: an entity needs at least 'id', 'kind' and 'name'.`);
      return undefined;
    }

    const id = this.readId(ids);
    const kind = this.readKind();
    const nameField = this.readName();

    const aliases = this.readSpellingList('aliases', 'alias');
    const aka = this.readSpellingList('aka', 'aka');
    const shortPair = getPair(map, 'short');
    const shortValue = shortPair ? resolve(source.doc, shortPair.value) : null;
    // 'short:' with no value reads as "not given": the default applies; 'short: []' turns it off.
    const shortGiven = shortValue !== null && !(isScalar(shortValue) && shortValue.value === null);
    const explicitShort = this.readSpellingList('short', 'short');
    const titles = this.readTitles();
    const description = this.readText('description');
    const country = this.readCountry();
    const links = this.readLinks();
    const extra = this.readExtra();

    if (this.fatal || id === undefined || kind === undefined || nameField === undefined) return undefined;

    let short = explicitShort;
    let shortIsDefault = false;
    if (!shortGiven && kind === 'person') {
      short = defaultShortForms(nameField.text);
      shortIsDefault = true;
      for (const s of short) this.sites.push({ text: s, role: 'short', location: nameField.location });
    }

    const entity: Entity = {
      id,
      kind,
      name: nameField.text,
      aliases: unique(aliases),
      aka: unique(aka),
      short: unique(short),
      shortIsDefault,
      titles: unique(titles.titles),
      links,
      extra,
      location: this.entryLocation(),
      nameLocation: nameField.location,
    };
    if (titles.dated.length > 0) entity.datedTitles = titles.dated;
    if (description !== undefined) entity.description = description;
    if (country !== undefined) entity.country = country;
    return { entity, sites: this.sites, linkSites: this.linkSites };
  }

  /** Reports on `node`, or, for a missing field, on the entry's id pair (else its first pair). */
  private problem(node: Node | null | undefined, severity: Severity, code: ProblemCode, message: string): void {
    this.source.addToEntry(this.item, this.map, node, severity, code, `${this.label}: ${message}`);
  }

  private entryLocation(): SourceLocation {
    return this.source.entryLocation(this.item);
  }

  /** A required text field; undefined (the entry skipped) after reporting it missing or of the wrong type. */
  private required(key: string, field: RequiredField): Scalar<string> | undefined {
    const found = requiredScalar(this.source, this.map!, key, field, (node, code, message) => {
      this.problem(node, 'error', code, message);
      this.fatal = true;
    });
    return found?.value as Scalar<string> | undefined;
  }

  private readId(ids: ReadonlyMap<string, SourceLocation>): string | undefined {
    const value = this.required('id', { missing: `missing 'id' (a unique kebab-case name such as 'to-lam').`, mustBe: `'id' must be text`, quoteNumbers: true, blank: (t) => t === '' });
    if (!value) return undefined;
    const id = value.value.trim();
    this.label = `entities[${this.index}] (${id})`;
    if (!KEBAB_RE.test(id)) {
      const suggestion = suggestId(id);
      const hint = suggestion !== '' ? `; try '${suggestion}'` : '';
      this.problem(value, 'error', 'invalid-id', `'id' must be kebab-case (lower-case letters and digits joined by single hyphens), found '${id}'${hint}.`);
      this.fatal = true;
      return undefined;
    }
    const first = ids.get(id);
    if (first) {
      this.problem(value, 'error', 'duplicate-id', `duplicate id '${id}': already used by the entry at ${where(first)}. This entry is ignored.`);
      this.fatal = true;
      return undefined;
    }
    return id;
  }

  private readKind(): EntityKind | undefined {
    const value = this.required('kind', { missing: `missing 'kind' (person, body or place).`, mustBe: `'kind' must be person, body or place`, blank: (t) => t === '' });
    if (!value) return undefined;
    const kind = value.value.trim();
    if ((ENTITY_KINDS as readonly string[]).includes(kind)) return kind as EntityKind;
    const guess = guessKind(kind);
    const hint = guess ? ` (did you mean '${guess}'?)` : '';
    this.problem(value, 'error', 'invalid-kind', `'kind' must be person, body or place, found '${kind}'${hint}.`);
    this.fatal = true;
    return undefined;
  }

  private readName(): { text: string; location: SourceLocation } | undefined {
    const value = this.required('name', { missing: `missing 'name' (the canonical spelling, e.g. 'Tô Lâm').`, mustBe: `'name' must be text`, blank: (t) => cleanSpelling(t) === '' });
    if (!value) return undefined;
    const text = cleanSpelling(value.value);
    const location = this.source.locate(value);
    this.sites.push({ text, role: 'name', location });
    return { text, location };
  }

  /** A list of strings under `key`; bad items are reported and dropped. A lone string is taken as a one-item list, with a warning. */
  private readStringNodes(key: string): { text: string; node: Node }[] {
    const pair = getPair(this.map!, key);
    if (!pair) return [];
    const value = resolve(this.source.doc, pair.value);
    if (value === null || (isScalar(value) && value.value === null)) return [];
    if (isScalar(value) && typeof value.value === 'string') {
      this.problem(value, 'warning', 'wrong-type', `'${key}' should be a list, e.g. ${key}: [${value.value}]; read as a list of one.`);
      return [{ text: value.value, node: value }];
    }
    if (!isSeq(value)) {
      this.problem(value, 'error', 'wrong-type', `'${key}' must be a list of text, found ${describe(value)}.`);
      return [];
    }
    const out: { text: string; node: Node }[] = [];
    value.items.forEach((raw, i) => {
      const item = resolve(this.source.doc, raw as Node | null);
      if (item !== null && isScalar(item) && typeof item.value === 'string') {
        out.push({ text: item.value, node: item });
      } else {
        this.problem((item ?? raw) as Node | null, 'error', 'wrong-type', `'${key}[${i}]' must be text, found ${describe(item)}.`);
      }
    });
    return out;
  }

  private readSpellingList(key: string, role: SpellingRole): string[] {
    const out: string[] = [];
    for (const { text, node } of this.readStringNodes(key)) {
      const spelling = cleanSpelling(text);
      if (spelling === '') {
        this.problem(node, 'warning', 'invalid-value', `an empty spelling in '${key}' is ignored.`);
        continue;
      }
      out.push(spelling);
      this.sites.push({ text: spelling, role, location: this.source.locate(node) });
    }
    return out;
  }

  /**
   * `titles`: a list of text or of `{ title, from, until }` (days written YYYY-MM-DD). A bad
   * day is an error at its value and dropped (the title stays, without that bound).
   */
  private readTitles(): { titles: string[]; dated: DatedTitle[] } {
    const titles: string[] = [];
    const dated: DatedTitle[] = [];
    const pair = getPair(this.map!, 'titles');
    const value = pair ? resolve(this.source.doc, pair.value) : null;
    if (value === null || !isSeq(value)) {
      // A lone title, nothing, or the wrong type: as for any list of text.
      for (const { text } of this.readStringNodes('titles')) if (text.trim() !== '') titles.push(text.trim());
      return { titles, dated };
    }
    value.items.forEach((raw, i) => {
      const item = resolve(this.source.doc, raw as Node | null);
      if (item !== null && isScalar(item) && typeof item.value === 'string') {
        if (item.value.trim() !== '') titles.push(item.value.trim());
        return;
      }
      if (item === null || !isMap(item)) {
        this.problem((item ?? raw) as Node | null, 'error', 'wrong-type', `'titles[${i}]' must be text or { title, from, until }, found ${describe(item)}.`);
        return;
      }
      const term = this.readDatedTitle(item, `titles[${i}]`);
      if (term) {
        titles.push(term.title);
        dated.push(term);
      }
    });
    return { titles, dated };
  }

  private readDatedTitle(map: YAMLMap, label: string): DatedTitle | undefined {
    const titlePair = getPair(map, 'title');
    const titleNode = titlePair ? resolve(this.source.doc, titlePair.value) : null;
    if (!titleNode || !isScalar(titleNode) || typeof titleNode.value !== 'string' || titleNode.value.trim() === '') {
      const found = titlePair ? `, found ${describe(titleNode)}` : '';
      this.problem(titleNode ?? map, 'error', titlePair ? 'wrong-type' : 'missing-field', `'${label}' needs 'title' (the title as written before the name)${found}.`);
      return undefined;
    }
    const term: DatedTitle = { title: titleNode.value.trim() };
    const days: Partial<Record<'from' | 'until', { day: string; node: Node }>> = {};
    for (const p of map.items) {
      const nodes = pairNodes(p);
      if (!nodes) continue;
      const key = keyText(nodes.key);
      if (key === 'title') continue;
      if (key !== 'from' && key !== 'until') {
        this.problem(nodes.key, 'warning', 'invalid-value', `'${label}.${key}' is not read: a dated title has 'title', 'from' and 'until'.`);
        continue;
      }
      const node = resolve(this.source.doc, nodes.value);
      if (node === null || (isScalar(node) && node.value === null)) continue;
      const written = isScalar(node) ? (node.value instanceof Date ? node.value.toISOString().slice(0, 10) : String(node.source ?? node.value)) : undefined;
      const day = written === undefined ? undefined : parseIsoDay(written);
      if (day === undefined) {
        this.problem(node, 'error', 'invalid-value', `'${label}.${key}' must be a day written YYYY-MM-DD, such as 2024-05-22, found ${isScalar(node) ? `'${written}'` : describe(node)}.`);
        continue;
      }
      days[key] = { day, node };
    }
    if (days.from && days.until && days.from.day > days.until.day) {
      this.problem(days.until.node, 'error', 'invalid-value', `'${label}.until' (${days.until.day}) is before its 'from' (${days.from.day}).`);
      delete days.until;
    }
    if (days.from) term.from = days.from.day;
    if (days.until) term.until = days.until.day;
    return term;
  }

  private readText(key: string): string | undefined {
    const pair = getPair(this.map!, key);
    if (!pair) return undefined;
    const value = resolve(this.source.doc, pair.value);
    if (value === null || (isScalar(value) && value.value === null)) return undefined;
    if (isScalar(value) && typeof value.value === 'string') return value.value.trim();
    if (isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'boolean')) {
      return String(value.source ?? value.value); // Harmless: a description of "1984" is still a description.
    }
    this.problem(value, 'error', 'wrong-type', `'${key}' must be text, found ${describe(value)}.`);
    return undefined;
  }

  private readCountry(): string | undefined {
    const pair = getPair(this.map!, 'country');
    const value = pair ? resolve(this.source.doc, pair.value) : null;
    const country = this.readText('country');
    if (country === undefined) return undefined;
    if (!COUNTRY_RE.test(country)) {
      this.problem(value, 'warning', 'invalid-value', `'country' should be an ISO 3166 alpha-2 code in capitals such as VN or RU, found '${country}'.`);
    }
    return country;
  }

  private readLinks(): Record<string, string> {
    const links: Record<string, string> = {};
    const pair = getPair(this.map!, 'links');
    if (!pair) return links;
    const value = resolve(this.source.doc, pair.value);
    if (value === null || (isScalar(value) && value.value === null)) return links;
    if (!isMap(value)) {
      this.problem(value, 'error', 'wrong-type', `'links' must be a mapping of name to URL or entity id, e.g. { wikipedia: "https://…" }, found ${describe(value)}.`);
      return links;
    }
    for (const p of value.items) {
      const nodes = pairNodes(p);
      if (!nodes) continue;
      const key = keyText(nodes.key);
      const v = resolve(this.source.doc, nodes.value);
      if (v !== null && isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '') {
        links[key] = v.value.trim();
        this.linkSites.push({ key, value: links[key], location: this.source.locate(v), label: this.label });
      } else {
        this.problem(v ?? nodes.key, 'error', 'wrong-type', `'links.${key}' must be a URL or an entity id, found ${describe(v)}.`);
      }
    }
    return links;
  }

  private readExtra(): Record<string, unknown> {
    const extra: Record<string, unknown> = {};
    for (const p of this.map!.items) {
      const nodes = pairNodes(p);
      if (!nodes) continue;
      const key = keyText(nodes.key);
      if ((KNOWN_KEYS as readonly string[]).includes(key)) continue;
      extra[key] = toPlain(this.source, nodes.value);
      const near = nearKnownKey(key);
      if (near) {
        this.problem(nodes.key, 'info', 'invalid-value', `'${key}' is not a glossary field (kept as an extra field for the hover card); did you mean '${near}'?`);
      }
    }
    return extra;
  }
}

/** The key and value nodes of a pair, when the key is usable. */
function pairNodes(pair: Pair | undefined): { key: Node; value: Node | null } | undefined {
  if (!pair || pair.key === null || pair.key === undefined) return undefined;
  return { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
}

function keyText(key: Node): string {
  return isScalar(key) ? String(key.value) : String(key.toJSON());
}


function guessKind(kind: string): EntityKind | undefined {
  const lower = kind.toLowerCase();
  if ((ENTITY_KINDS as readonly string[]).includes(lower)) return lower as EntityKind;
  if (KIND_SYNONYMS[lower]) return KIND_SYNONYMS[lower];
  let best: EntityKind | undefined;
  let bestDistance = 3;
  for (const k of ENTITY_KINDS) {
    const d = editDistance(lower, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

