/**
 * Edits that grow the glossary: a new entity ("Add to Glossary"), a new alias or aka
 * of an entity ("Link to Entity", the "Add as alias" quick fix), and a new canonical
 * name (Rename Symbol). Each takes the glossary file's text and returns minimal text
 * edits that keep its comments, layout, quoting and line breaks; none throws: a file
 * that cannot be edited safely gives a failure with the reason (and, for bad YAML, the
 * line and column), and nothing is changed.
 */

import { isMap, isScalar, Scalar, type Node, type YAMLMap } from 'yaml';
import { parseGlossary, suggestId } from '../glossary/parse';
import { ENTITY_KINDS, type Entity, type EntityKind, type Glossary } from '../glossary/types';
import { ignoreKey } from '../text/directives';
import { getPair } from '../yamlSource';
import type { EditFailure, EditResult, SourceEdit } from './types';
import {
  addToListEdits,
  appendItemEdits,
  applyChecked,
  cleanText,
  column,
  existingIds,
  fail,
  flowList,
  isFailure,
  itemList,
  keepCommentColumn,
  listMaps,
  listStyle,
  locate,
  mergeTouching,
  newProblems,
  openYaml,
  quoteStyleOf,
  removeListItemEdits,
  scalarText,
  topList,
  uniqueId,
  yamlScalar,
  type Field,
  type ItemList,
  type TopList,
  type YamlFile,
} from './yamlText';

const WHAT = 'the glossary';
const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The list fields whose style (flow or block) a new list follows. */
const LIST_KEYS = ['aliases', 'aka', 'titles', 'short'] as const;

/** Options common to the glossary edits. */
export interface GlossaryEditOptions {
  /** The file name used in the `problems` of the result (default `glossary.yaml`). */
  file?: string;
}

/** A new glossary entry, as "Add to Glossary" asks for it. */
export interface NewEntity {
  kind: EntityKind;
  /** The canonical spelling. Trimmed and NFC-normalized before it is written. */
  name: string;
  /** A kebab-case id; by default one is made from the name (`suggestId`), unique in the file. */
  id?: string;
  aliases?: readonly string[];
  aka?: readonly string[];
  titles?: readonly string[];
  description?: string;
  /** ISO 3166 alpha-2, upper case. */
  country?: string;
}

/** Which list a spelling is added to: `aliases` (rewritten to the name) or `aka` (linked, kept). */
export type SpellingField = 'aliases' | 'aka';

/**
 * Appends a new entry to the `entities:` list: fields in the usual order (id, kind, name,
 * aliases, aka, titles, description, country), indented like the last entry, lists in
 * the style the other entries use (flow `[a, b]` unless most are block lists), separated
 * by a blank line when the entries are. Creates `entities:` in an empty file and turns
 * `entities: []` into a block list. The result's `id` is the new entry's id.
 */
export function addEntity(glossaryText: string, entity: NewEntity, options: GlossaryEditOptions = {}): EditResult<{ id: string }> {
  return guarded(() => {
    if (!(ENTITY_KINDS as readonly string[]).includes(entity.kind)) {
      return fail(`'${String(entity.kind)}' is not a kind of entity: use ${ENTITY_KINDS.join(', ')}.`);
    }
    const name = cleanText(entity.name ?? '');
    if (name === '') return fail('An entity needs a name.');
    const country = entity.country === undefined ? undefined : entity.country.trim().toUpperCase();
    if (country !== undefined && !/^[A-Z]{2}$/.test(country)) return fail(`'${entity.country}' is not a two-letter country code (ISO 3166 alpha-2, e.g. VN).`);
    const aliases = cleanList(entity.aliases, [name]);
    const aka = cleanList(entity.aka, [name, ...aliases]);
    const titles = cleanList(entity.titles, []);
    const description = entity.description === undefined ? undefined : cleanText(entity.description) || undefined;

    const file = openYaml(glossaryText, WHAT);
    if (isFailure(file)) return file;
    const list = topList(file, 'entities', WHAT);
    if (isFailure(list)) return list;
    const taken = existingIds(list);

    let id: string;
    if (entity.id !== undefined) {
      id = entity.id.trim();
      if (!KEBAB_RE.test(id)) return fail(`'${entity.id}' is not a valid id: use lower-case words joined by hyphens, such as '${suggestId(name) || 'new-entity'}'.`);
      if (taken.has(id)) return fail(`The id '${id}' is already used in ${WHAT}.`, entryPosition(file, list, id));
    } else {
      id = uniqueId(suggestId(name) || entity.kind, taken);
    }

    const fields: Field[] = [
      ['id', id],
      ['kind', entity.kind],
      ['name', name],
      ['aliases', aliases],
      ['aka', aka],
      ['titles', titles],
      ['description', description],
      ['country', country],
    ];
    const edits = appendItemEdits(file, list, 'entities', fields, LIST_KEYS);
    return finish(glossaryText, edits, options, `Added ${name} (${entity.kind}) to ${WHAT} as '${id}'.`, (after) => {
      const added = after.entities.find((e) => e.id === id);
      return added?.name === name ? undefined : `the new entry '${id}' does not read back`;
    }, { id });
  });
}

/**
 * Adds `spelling` to the `aliases` (or `aka`) list of the entity `entityId`: at the end of
 * the list in its own style (`[To Lam]` stays a flow list), or as a new key right after
 * `name:` (`aka:` after `aliases:` when there is one). A spelling the entity already has
 * exactly (its name, an alias or an aka) is a no-op with a message; a spelling that only
 * folds to one of them ("Tô Lâm" / "To Lam") is added, since aliases are exact spellings.
 */
export function addAlias(
  glossaryText: string,
  entityId: string,
  spelling: string,
  field: SpellingField = 'aliases',
  options: GlossaryEditOptions = {},
): EditResult {
  return guarded(() => {
    if (field !== 'aliases' && field !== 'aka') return fail(`'${String(field)}' is not a list of spellings: use aliases or aka.`);
    const value = cleanText(spelling ?? '');
    if (value === '') return fail('There is no spelling to add.');
    const found = findEntry(glossaryText, entityId);
    if (isFailure(found)) return found;
    const { file, list, map, name } = found;
    const label = `'${entityId}'`;
    const aliases = itemList(file, map, 'aliases', label);
    if (isFailure(aliases)) return aliases;
    const aka = itemList(file, map, 'aka', label);
    if (isFailure(aka)) return aka;

    if (value === name) return unchanged(`'${value}' is already the name of ${entityId}.`);
    const target = field === 'aliases' ? aliases : aka;
    const other = field === 'aliases' ? aka : aliases;
    if (listValues(target).includes(value)) return unchanged(`'${value}' is already ${article(field)} of ${entityId}.`);
    if (listValues(other).includes(value)) {
      return unchanged(`'${value}' is already ${article(field === 'aliases' ? 'aka' : 'aliases')} of ${entityId}; nothing was changed.`);
    }

    const style = listStyle(file, list, LIST_KEYS);
    const after = field === 'aliases' ? ['name'] : ['name', 'aliases'];
    const edits = addToListEdits(file, map, field, target, value, after, style);
    return finish(glossaryText, edits, options, `Added '${value}' as ${article(field)} of ${entityId}.`, (glossary) => {
      const e = glossary.entities.find((x) => x.id === entityId);
      return !e || spellingsOf(e, field).includes(value) ? undefined : `'${value}' does not read back as ${article(field)} of ${entityId}`;
    });
  });
}

/**
 * Gives the entity `entityId` the canonical name `newName` (Rename Symbol): `name:` is
 * rewritten in its own quoting, and the old name is added to `aliases` (so the corpus's
 * old spellings are still linked and are normalized to the new one) unless it already
 * is an alias or an aka. When the new name was one of the aliases, that alias is
 * replaced by the old name (or removed) rather than kept beside the name.
 */
export function renameEntity(glossaryText: string, entityId: string, newName: string, options: GlossaryEditOptions = {}): EditResult {
  return guarded(() => {
    const value = cleanText(newName ?? '');
    if (value === '') return fail('The new name is empty.');
    const found = findEntry(glossaryText, entityId);
    if (isFailure(found)) return found;
    const { file, list, map, name: oldName } = found;
    if (value === oldName) return unchanged(`${entityId} is already named '${value}'.`);
    const label = `'${entityId}'`;
    const aliases = itemList(file, map, 'aliases', label);
    if (isFailure(aliases)) return aliases;
    const aka = itemList(file, map, 'aka', label);
    if (isFailure(aka)) return aka;

    const nameNode = getPair(map, 'name')!.value as Node;
    if (isScalar(nameNode) && (nameNode.type === Scalar.BLOCK_LITERAL || nameNode.type === Scalar.BLOCK_FOLDED)) {
      return fail(`The name of '${entityId}' is written as a block scalar (| or >); rename it by hand.`, locate(file, nameNode));
    }
    const edits: SourceEdit[] = [
      keepCommentColumn(file.text, { start: nameNode.range![0], end: nameNode.range![1], newText: yamlScalar(value, { prefer: quoteStyleOf(nameNode) }) }),
    ];
    const keepOld = !listValues(aliases).includes(oldName) && !listValues(aka).includes(oldName);
    const newIndex = listValues(aliases).indexOf(value);
    let note: string;
    if (aliases.state === 'list' && newIndex >= 0) {
      const item = aliases.seq.items[newIndex] as Node;
      if (keepOld) {
        edits.push({ start: item.range![0], end: item.range![1], newText: yamlScalar(oldName, { inFlow: aliases.seq.flow === true }) });
        note = `; the alias '${value}' became '${oldName}'`;
      } else {
        edits.push(...removeListItemEdits(file.text, aliases.seq, newIndex));
        note = `; '${value}' is no longer listed as an alias`;
      }
    } else if (keepOld) {
      edits.push(...addToListEdits(file, map, 'aliases', aliases, oldName, ['name'], listStyle(file, list, LIST_KEYS)));
      note = `; '${oldName}' kept as an alias`;
    } else {
      note = `; '${oldName}' was already ${listValues(aliases).includes(oldName) ? 'an alias' : 'an aka'}`;
    }
    return finish(glossaryText, mergeTouching(edits), options, `Renamed ${entityId} from '${oldName}' to '${value}'${note}.`, (glossary) => {
      const e = glossary.entities.find((x) => x.id === entityId);
      if (!e) return undefined;
      if (e.name !== value) return `the new name does not read back`;
      return keepOld && !e.aliases.includes(oldName) ? `the old name does not read back as an alias` : undefined;
    });
  });
}

/**
 * Adds `spelling` to the glossary's top-level `ignore:` list (spellings discovery never
 * reports): at the end of the list in its own style, into an empty `ignore:`, or as a new
 * `ignore:` at the end of the file, after a blank line, in the style most lists of the
 * file use. A spelling the list already holds (compared folded and ignoring case, as
 * discovery compares them) is a no-op with a message.
 */
export function addIgnored(glossaryText: string, spelling: string, options: GlossaryEditOptions = {}): EditResult {
  return guarded(() => {
    const value = cleanText(spelling ?? '');
    if (value === '') return fail('There is no spelling to ignore.');
    const file = openYaml(glossaryText, WHAT);
    if (isFailure(file)) return file;
    const entities = topList(file, 'entities', WHAT);
    if (isFailure(entities)) return entities;
    const style = listStyle(file, entities, LIST_KEYS);
    const contents = file.doc.contents;
    let edits: SourceEdit[];
    if (!isMap(contents)) {
      // A file of comments only: the list is its first content.
      const { text, eol } = file;
      const before = text === '' || text.endsWith('\n') ? '' : eol;
      edits = [{ start: text.length, end: text.length, newText: `${before}ignore:${style.flow ? ` ${flowList([value])}` : `${eol}${' '.repeat(style.indent)}- ${yamlScalar(value)}`}${eol}` }];
    } else {
      const list = itemList(file, contents, 'ignore', `the glossary's ignore list`);
      if (isFailure(list)) return list;
      const key = ignoreKey(value);
      if (list.state === 'list' && list.values.some((v) => ignoreKey(v) === key)) return unchanged(`'${value}' is already on the glossary's ignore list.`);
      if (list.state === 'absent') {
        const { text, eol } = file;
        const indent = ' '.repeat(contents.range ? column(text, contents.range[0]) : 0);
        const before = text.endsWith('\n') ? eol : `${eol}${eol}`;
        const body = style.flow ? ` ${flowList([value])}` : `${eol}${indent}${' '.repeat(style.indent)}- ${yamlScalar(value)}`;
        edits = [{ start: text.length, end: text.length, newText: `${before}${indent}ignore:${body}${eol}` }];
      } else {
        edits = addToListEdits(file, contents, 'ignore', list, value, [], style);
      }
    }
    return finish(glossaryText, edits, options, `Added '${value}' to the glossary's ignore list: discovery no longer reports it.`, (glossary) =>
      (glossary.ignore ?? []).some((s) => s.text === value) ? undefined : `'${value}' does not read back on the ignore list`,
    );
  });
}

// ── Shared steps ──────────────────────────────────────────────────────────

interface FoundEntry {
  file: YamlFile;
  list: TopList;
  map: YAMLMap;
  name: string;
}

function findEntry(text: string, entityId: string): FoundEntry | EditFailure {
  const file = openYaml(text, WHAT);
  if (isFailure(file)) return file;
  const list = topList(file, 'entities', WHAT);
  if (isFailure(list)) return list;
  const id = (entityId ?? '').trim();
  const entry = listMaps(list).find(({ map }) => scalarText(map, 'id')?.trim() === id);
  if (!entry) return fail(`There is no entity '${id}' in ${WHAT}.`);
  const { map } = entry;
  const nameNode = getPair(map, 'name')?.value;
  if (!nameNode || !isScalar(nameNode) || typeof nameNode.value !== 'string' || nameNode.value.trim() === '') {
    return fail(`The entity '${id}' has no name to work from; fix its entry first.`, locate(file, map));
  }
  return { file, list, map, name: cleanText(nameNode.value) };
}

/**
 * Checks the edited text (valid YAML, the change reads back through the glossary
 * parser) and reports the problems it would add; an internal failure otherwise, so
 * a wrong edit never reaches the file.
 */
function finish<T extends object>(
  text: string,
  edits: SourceEdit[],
  options: GlossaryEditOptions,
  message: string,
  check: (after: Glossary) => string | undefined,
  extra?: T,
): EditResult<T> {
  const fileName = options.file ?? 'glossary.yaml';
  const after = applyChecked(text, edits, WHAT);
  if (isFailure(after)) return after;
  const before = parseGlossary([{ file: fileName, text }]);
  const parsed = parseGlossary([{ file: fileName, text: after }]);
  const wrong = check(parsed);
  if (wrong) return fail(`Glossa could not find a safe way to edit ${WHAT} here (${wrong}); nothing was changed. Edit the file by hand, or report this if it looks ordinary.`);
  return { ok: true, edits, changed: edits.length > 0, message, problems: newProblems(before.problems, parsed.problems), ...(extra as T) };
}

function unchanged(message: string): EditResult {
  return { ok: true, edits: [], changed: false, message, problems: [] };
}

/** Runs an edit, turning a bug of ours into a failure: the edits never throw at the user. */
function guarded<T>(run: () => EditResult<T>): EditResult<T> {
  try {
    return run();
  } catch (error) {
    return fail(`Glossa could not edit ${WHAT}: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
  }
}

function entryPosition(file: YamlFile, list: TopList, id: string): { line: number; character: number } | undefined {
  const entry = listMaps(list).find(({ map }) => scalarText(map, 'id')?.trim() === id);
  return entry ? locate(file, entry.map) : undefined;
}

/** Cleaned, without empties, duplicates or any of `exclude`. */
function cleanList(values: readonly string[] | undefined, exclude: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const c = cleanText(v);
    if (c !== '' && !out.includes(c) && !exclude.includes(c)) out.push(c);
  }
  return out;
}

function listValues(list: ItemList): string[] {
  return list.state === 'list' ? list.values : [];
}

function spellingsOf(entity: Entity, field: SpellingField): string[] {
  return field === 'aliases' ? entity.aliases : entity.aka;
}

function article(field: SpellingField): string {
  return field === 'aliases' ? 'an alias' : 'an aka';
}
