/**
 * Minimal text edits of a YAML file. The `yaml` package's Document API would
 * re-print the whole file (comment columns, flow-list spacing, blank lines), so
 * the document is parsed only to find where things are; the edits are computed
 * as text, in the file's own indentation, list style and line breaks, and touch
 * nothing outside the changed region. The new values themselves (scalars, their
 * quoting) are written by the `yaml` package.
 */

import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { Problem } from '../types';
import { contentEnd, getPair } from '../yamlSource';
import type { EditFailure, SourceEdit } from './types';

/** A YAML file parsed for editing. */
export interface YamlFile {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
  /** The file's line break: CRLF when it has any, else LF. */
  readonly eol: string;
}

export function fail(error: string, at?: { line: number; character: number }): EditFailure {
  return at ? { ok: false, error, line: at.line, character: at.character } : { ok: false, error };
}

export function isFailure(value: unknown): value is EditFailure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Parses `text`, or refuses with the first YAML error's line and column. */
export function openYaml(text: string, what: string): YamlFile | EditFailure {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const at = lines.positionAt(error.pos[0]);
    return fail(
      `${capitalize(what)} has a YAML error at line ${at.line + 1}, column ${at.character + 1}: ${firstLine(error.message)}. ` +
        'Fix it first; nothing was changed.',
      at,
    );
  }
  return { text, doc, lines, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Where a top-level list (`entities:`, `facts:`) stands, as far as appending to it goes. */
export type TopList =
  /** The file has no content yet (empty, or comments only). */
  | { state: 'no-content' }
  /** A top-level mapping without the key; `indent` is the column of its keys. */
  | { state: 'absent'; indent: number }
  /** `key:` with no value, `key: ~`, or `key: []`: the items go on the lines after it. */
  | { state: 'empty'; key: Node; value: Node | null }
  | { state: 'flow'; key: Node; seq: YAMLSeq }
  | { state: 'block'; key: Node; seq: YAMLSeq };

export function topList(file: YamlFile, key: string, what: string): TopList | EditFailure {
  const contents = file.doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null && contents.range?.[0] === contents.range?.[1])) return { state: 'no-content' };
  if (!isMap(contents) || contents.flow) {
    return fail(`Expected a mapping with a '${key}:' list at the top of ${what}; nothing was changed.`, locate(file, contents));
  }
  const pair = getPair(contents, key);
  if (!pair) return { state: 'absent', indent: contents.range ? column(file.text, contents.range[0]) : 0 };
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) return { state: 'empty', key: pair.key, value };
  if (isSeq(value)) {
    if (value.items.length === 0) return { state: 'empty', key: pair.key, value };
    return value.flow ? { state: 'flow', key: pair.key, seq: value } : { state: 'block', key: pair.key, seq: value };
  }
  return fail(`'${key}' in ${what} is not a list (each item starting with '- '); nothing was changed.`, locate(file, value));
}

/** The maps of a top-level list, with their index (items that are not mappings are skipped). */
export function listMaps(list: TopList): { map: YAMLMap; index: number }[] {
  if (list.state !== 'flow' && list.state !== 'block') return [];
  const out: { map: YAMLMap; index: number }[] = [];
  list.seq.items.forEach((item, index) => {
    if (isMap(item)) out.push({ map: item, index });
  });
  return out;
}

/** The string value of `key` in `map`, if it is a scalar. */
export function scalarText(map: YAMLMap, key: string): string | undefined {
  const value = getPair(map, key)?.value;
  if (!value || !isScalar(value) || value.value === null) return undefined;
  return String(value.value);
}

/** The `id`s already used in a top-level list. */
export function existingIds(list: TopList): Set<string> {
  const ids = new Set<string>();
  for (const { map } of listMaps(list)) {
    const id = scalarText(map, 'id');
    if (id !== undefined) ids.add(id.trim());
  }
  return ids;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

// ── Layout: how the file writes its lists ──────────────────────────────────

/** Columns of an item of a block list of mappings: its `-`, and its keys. */
export interface ItemLayout {
  dashColumn: number;
  keyColumn: number;
  /** Whether items are separated by a blank line. */
  blankLine: boolean;
}

const DEFAULT_LAYOUT: ItemLayout = { dashColumn: 2, keyColumn: 4, blankLine: false };

/** The layout of the first item under a key written at column `keyColumn`. */
function layoutUnder(keyColumn: number): ItemLayout {
  return { dashColumn: keyColumn + DEFAULT_LAYOUT.dashColumn, keyColumn: keyColumn + DEFAULT_LAYOUT.keyColumn, blankLine: false };
}

/** The layout of the list's last item (the nearest example of the file's style). */
export function itemLayout(file: YamlFile, list: TopList): ItemLayout {
  if (list.state !== 'block') return DEFAULT_LAYOUT;
  const items = list.seq.items as (Node | null)[];
  const last = items[items.length - 1];
  if (!last?.range) return DEFAULT_LAYOUT;
  const dash = dashOffset(file.text, last.range[0]);
  const dashColumn = dash === undefined ? DEFAULT_LAYOUT.dashColumn : column(file.text, dash);
  const keyColumn = isMap(last) && !last.flow ? column(file.text, last.range[0]) : dashColumn + 2;
  let blankLine = false;
  const previous = items[items.length - 2];
  if (previous?.range && dash !== undefined) {
    const gap = file.text.slice(lastLineEnd(file.text, previous), lineStart(file.text, dash));
    // The gap starts with the line break of the previous item's last line: a blank line is a second one.
    blankLine = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/.test(gap);
  }
  return { dashColumn, keyColumn: Math.max(keyColumn, dashColumn + 2), blankLine };
}

/** How the file writes lists inside items: flow (`[a, b]`) or block (`- a` lines, `indent` past the key). */
export interface ListStyle {
  flow: boolean;
  indent: number;
}

/** The majority style of the non-empty lists under `keys` in the items of `list`; flow when there are none. */
export function listStyle(file: YamlFile, list: TopList, keys: readonly string[]): ListStyle {
  let flow = 0;
  let block = 0;
  let indent: number | undefined;
  for (const { map } of listMaps(list)) {
    for (const key of keys) {
      const pair = getPair(map, key);
      const value = pair?.value;
      if (!pair || !value || !isSeq(value) || value.items.length === 0) continue;
      if (value.flow) {
        flow++;
        continue;
      }
      block++;
      const first = value.items[0] as Node | null;
      const dash = first?.range ? dashOffset(file.text, first.range[0]) : undefined;
      if (indent === undefined && dash !== undefined && pair.key.range) {
        indent = column(file.text, dash) - column(file.text, pair.key.range[0]);
      }
    }
  }
  return { flow: flow >= block, indent: indent ?? 2 };
}

// ── Rendering values ───────────────────────────────────────────────────────

export type QuoteStyle = 'plain' | 'single' | 'double';

const CONTROL_RE = /[\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029]/;

/**
 * `value` as a YAML scalar: plain when YAML reads it back as the same string (so
 * "Tô Lâm" and "USD 4.58 billion" stay as they are, diacritics and all), else
 * double-quoted ("199", "a: b", "#1", "yes, no" in a flow list). `prefer` keeps a
 * quoted style the file already uses. The `yaml` package decides and writes it;
 * only a value with control characters (or a tab, unless single-quoted) is
 * escaped here, so that it stays on one line.
 */
export function yamlScalar(value: string, options: { inFlow?: boolean; prefer?: QuoteStyle } = {}): string {
  const inFlow = options.inFlow ?? false;
  const prefer = options.prefer ?? 'plain';
  if (CONTROL_RE.test(value) || (prefer !== 'single' && value.includes('\t'))) return doubleQuoted(value);
  // In a flow list when it stands in one: "," and brackets then need quotes.
  const doc = new Document(inFlow ? [value] : value);
  const node = isSeq(doc.contents) ? (doc.contents.items[0] as Scalar) : (doc.contents as Scalar);
  if (isSeq(doc.contents)) doc.contents.flow = true;
  if (prefer !== 'plain') node.type = prefer === 'single' ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: prefer === 'single' }).replace(/\n$/, '');
  return inFlow ? text.slice(1, -1) : text;
}

function doubleQuoted(value: string): string {
  const escaped = value.replace(/["\\\x00-\x1f\x7f\u0085\u2028\u2029]/g, (ch) => {
    switch (ch) {
      case '"':
        return '\\"';
      case '\\':
        return '\\\\';
      case '\n':
        return '\\n';
      case '\t':
        return '\\t';
      case '\r':
        return '\\r';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** `[a, b]`, each item quoted when it must be. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((v) => yamlScalar(v, { inFlow: true })).join(', ')}]`;
}

/** The quote style of a scalar node as written. */
export function quoteStyleOf(node: Node): QuoteStyle {
  if (isScalar(node)) {
    if (node.type === Scalar.QUOTE_SINGLE) return 'single';
    if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
  }
  return 'plain';
}

/**
 * A field of a new item: a text or a list of texts; `undefined` and `[]` are left out.
 * `quoted` writes a text double-quoted even where plain would do ("80,000" in a ledger).
 */
export type Field = readonly [key: string, value: string | readonly string[] | undefined, options?: { quoted?: boolean }];

function fieldScalar(value: string, options: { quoted?: boolean } | undefined, inFlow: boolean): string {
  return yamlScalar(value, { inFlow, prefer: options?.quoted ? 'double' : 'plain' });
}

/** The lines of a new block-list item, without a line break before or after. */
export function renderBlockItem(fields: readonly Field[], layout: ItemLayout, style: ListStyle, eol: string): string {
  const lines: string[] = [];
  const keyIndent = ' '.repeat(layout.keyColumn);
  for (const [key, value, options] of fields) {
    if (value === undefined || (typeof value !== 'string' && value.length === 0)) continue;
    const indent = lines.length === 0 ? ' '.repeat(layout.dashColumn) + '-' + ' '.repeat(layout.keyColumn - layout.dashColumn - 1) : keyIndent;
    if (typeof value === 'string') {
      lines.push(`${indent}${key}: ${fieldScalar(value, options, false)}`);
    } else if (style.flow) {
      lines.push(`${indent}${key}: ${flowList(value)}`);
    } else {
      lines.push(`${indent}${key}:`);
      for (const item of value) lines.push(`${' '.repeat(layout.keyColumn + style.indent)}- ${yamlScalar(item)}`);
    }
  }
  return lines.join(eol);
}

/** A new item of a flow list: `{ id: x, name: Y }`. */
export function renderFlowItem(fields: readonly Field[]): string {
  const parts: string[] = [];
  for (const [key, value, options] of fields) {
    if (value === undefined || (typeof value !== 'string' && value.length === 0)) continue;
    parts.push(`${key}: ${typeof value === 'string' ? fieldScalar(value, options, true) : flowList(value)}`);
  }
  return `{ ${parts.join(', ')} }`;
}

/**
 * The edits that append an item to the top-level list `key` (`entities`, `facts`),
 * creating the key when the file has none. `styleKeys` are the list fields whose
 * existing style (flow or block) new lists follow.
 */
export function appendItemEdits(file: YamlFile, list: TopList, key: string, fields: readonly Field[], styleKeys: readonly string[]): SourceEdit[] {
  const { text, eol } = file;
  const style = listStyle(file, list, styleKeys);
  switch (list.state) {
    case 'no-content':
    case 'absent': {
      const indent = list.state === 'absent' ? list.indent : 0;
      const before = text === '' || text.endsWith('\n') ? '' : eol;
      const newText = `${before}${' '.repeat(indent)}${key}:${eol}${renderBlockItem(fields, layoutUnder(indent), style, eol)}${eol}`;
      return [{ start: text.length, end: text.length, newText }];
    }
    case 'empty': {
      // Drop `~`, `null` or `[]` after the colon; the items go on the next lines.
      const edits: SourceEdit[] = [];
      const colon = text.indexOf(':', list.key.range![1]);
      const valueEnd = list.value?.range && list.value.range[1] > list.value.range[0] ? list.value.range[1] : colon + 1;
      if (valueEnd > colon + 1) edits.push({ start: colon + 1, end: valueEnd, newText: '' });
      const at = lineEnd(text, valueEnd);
      edits.push({ start: at, end: at, newText: eol + renderBlockItem(fields, layoutUnder(column(text, list.key.range![0])), style, eol) });
      return mergeTouching(edits);
    }
    case 'flow': {
      const last = list.seq.items[list.seq.items.length - 1] as Node;
      const at = last.range![1];
      return [keepCommentColumn(text, { start: at, end: at, newText: `, ${renderFlowItem(fields)}` })];
    }
    case 'block': {
      const layout = itemLayout(file, list);
      const last = list.seq.items[list.seq.items.length - 1] as Node;
      const at = skipTrailingComments(text, lastLineEnd(text, last), layout.dashColumn);
      const gap = layout.blankLine ? eol + eol : eol;
      return [{ start: at, end: at, newText: gap + renderBlockItem(fields, layout, style, eol) }];
    }
  }
}

// ── Lists inside an item ───────────────────────────────────────────────────

/** A list field of an item: absent, empty (`key:` or `key: ~`), or a list. */
export type ItemList =
  | { state: 'absent' }
  | { state: 'empty'; key: Node; value: Node | null }
  | { state: 'list'; key: Node; seq: YAMLSeq; values: string[] };

export function itemList(file: YamlFile, map: YAMLMap, key: string, label: string): ItemList | EditFailure {
  const pair = getPair(map, key);
  if (!pair) return { state: 'absent' };
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) return { state: 'empty', key: pair.key, value };
  if (!isSeq(value)) return fail(`'${key}' of ${label} is not a list; fix it first, nothing was changed.`, locate(file, value));
  const values: string[] = [];
  for (const item of value.items) {
    if (isScalar(item) && item.value !== null) values.push(String(item.value).trim().normalize('NFC'));
    else if (!isScalar(item)) return fail(`'${key}' of ${label} holds something other than texts; fix it first, nothing was changed.`, locate(file, item as Node));
  }
  return { state: 'list', key: pair.key, seq: value, values };
}

/**
 * The edits that add `value` to the list `key` of `map`: at the end of the list in its
 * own style, or as a new key after the last of `after` present (else after the last
 * field), written in the file's `style`.
 */
export function addToListEdits(file: YamlFile, map: YAMLMap, key: string, list: ItemList, value: string, after: readonly string[], style: ListStyle): SourceEdit[] {
  const { text, eol } = file;
  if (list.state === 'list') {
    const { seq } = list;
    if (seq.flow) {
      const last = seq.items[seq.items.length - 1] as Node | undefined;
      const at = last?.range ? last.range[1] : text.indexOf('[', seq.range![0]) + 1;
      const newText = (last ? ', ' : '') + yamlScalar(value, { inFlow: true });
      return [keepCommentColumn(text, { start: at, end: at, newText })];
    }
    const last = seq.items[seq.items.length - 1] as Node;
    const dash = dashOffset(text, last.range![0]);
    const dashCol = dash === undefined ? column(text, last.range![0]) - 2 : column(text, dash);
    const at = skipTrailingComments(text, lastLineEnd(text, last), dashCol);
    return [{ start: at, end: at, newText: `${eol}${' '.repeat(dashCol)}- ${yamlScalar(value)}` }];
  }
  const keyColumn = column(text, map.range![0]);
  if (list.state === 'empty') {
    // `key:` or `key: ~` becomes `key: [value]` (or a block list on the next line).
    const colon = text.indexOf(':', list.key.range![1]);
    const valueEnd = list.value?.range && list.value.range[1] > list.value.range[0] ? list.value.range[1] : colon + 1;
    if (style.flow || map.flow) {
      return [keepCommentColumn(text, { start: colon + 1, end: valueEnd, newText: ` ${flowList([value])}` })];
    }
    const edits: SourceEdit[] = [];
    if (valueEnd > colon + 1) edits.push({ start: colon + 1, end: valueEnd, newText: '' });
    const at = lineEnd(text, valueEnd);
    edits.push({ start: at, end: at, newText: `${eol}${' '.repeat(keyColumn + style.indent)}- ${yamlScalar(value)}` });
    return mergeTouching(edits);
  }
  // A new key, after the anchor field.
  let anchor: { key: Node; value: Node | null } | undefined;
  for (const name of after) {
    const pair = getPair(map, name);
    if (pair && (!anchor || pairEnd(pair) > pairEnd(anchor))) anchor = pair;
  }
  if (!anchor) {
    const lastPair = map.items[map.items.length - 1];
    anchor = { key: lastPair.key as Node, value: (lastPair.value as Node | null) ?? null };
  }
  if (map.flow) {
    const at = pairEnd(anchor);
    return [{ start: at, end: at, newText: `, ${key}: ${flowList([value])}` }];
  }
  const at = lastLineEnd(text, anchor.value ?? anchor.key);
  const indent = ' '.repeat(column(text, anchor.key.range![0]));
  const newText = style.flow
    ? `${eol}${indent}${key}: ${flowList([value])}`
    : `${eol}${indent}${key}:${eol}${indent}${' '.repeat(style.indent)}- ${yamlScalar(value)}`;
  return [{ start: at, end: at, newText }];
}

/** The edits that remove item `index` of a list (the whole line of a block list item). */
export function removeListItemEdits(text: string, seq: YAMLSeq, index: number): SourceEdit[] {
  const items = seq.items as Node[];
  const item = items[index];
  if (seq.flow) {
    if (items.length === 1) {
      const open = text.indexOf('[', seq.range![0]) + 1;
      const close = text.lastIndexOf(']', seq.range![1]);
      return [{ start: open, end: close, newText: '' }];
    }
    if (index > 0) return [{ start: items[index - 1].range![1], end: item.range![1], newText: '' }];
    return [{ start: item.range![0], end: items[1].range![0], newText: '' }];
  }
  const dash = dashOffset(text, item.range![0]) ?? item.range![0];
  const start = lineStart(text, dash);
  const end = lineEnd(text, lastLineEnd(text, item));
  const next = end + (text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0);
  if (items.length === 1) return []; // Leaving `key:` with nothing under it would change its meaning; keep the item.
  return [{ start, end: next, newText: '' }];
}

// ── Checks ────────────────────────────────────────────────────────────────

/** The problems of `after` that `before` does not have (compared without line numbers, which shift). */
export function newProblems(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const key = (p: Problem) => `${p.severity}|${p.code}|${p.message.replace(/\d+/g, '#')}`;
  const counts = new Map<string, number>();
  for (const p of before) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  const out: Problem[] = [];
  for (const p of after) {
    const n = counts.get(key(p)) ?? 0;
    if (n > 0) counts.set(key(p), n - 1);
    else out.push(p);
  }
  return out;
}

/** `edits` applied to `text`; an internal error when the result is no longer valid YAML. */
export function applyChecked(text: string, edits: readonly SourceEdit[], what: string): string | EditFailure {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) return fail(`Glossa could not find a safe way to edit ${what} here (overlapping edits); nothing was changed. Edit the file by hand, or report this if it looks ordinary.`);
    parts.push(text.slice(at, edit.start), edit.newText);
    at = edit.end;
  }
  parts.push(text.slice(at));
  const result = parts.join('');
  const doc = parseDocument(result, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return fail(
      `Glossa could not find a safe way to edit ${what} here (the edit would give: ${firstLine(doc.errors[0].message)}); nothing was changed. ` +
        'Edit the file by hand, or report this if it looks ordinary.',
    );
  }
  return result;
}

// ── Text helpers ──────────────────────────────────────────────────────────

export function lineStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

export function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The offset of the `- ` that introduces a block-list item starting at `itemStart`. */
function dashOffset(text: string, itemStart: number): number | undefined {
  let i = itemStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : undefined;
}

/** The end of the line on which `node`'s last value ends (after any comment on that line). */
export function lastLineEnd(text: string, node: Node): number {
  let end = Math.min(contentEnd(node), text.length);
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return lineEnd(text, end);
}

/** Past comment lines right below `at` indented deeper than `column`: they belong to the item above. */
function skipTrailingComments(text: string, at: number, col: number): number {
  let end = at;
  for (;;) {
    const next = end + (text.startsWith('\r\n', end) ? 2 : 1);
    if (next > text.length || end === text.length) return end;
    const line = text.slice(next, lineEnd(text, next));
    const m = /^([ \t]*)#/.exec(line);
    if (!m || m[1].length <= col) return end;
    end = lineEnd(text, next);
  }
}

function pairEnd(pair: { key: Node; value: Node | null }): number {
  const node = pair.value ?? pair.key;
  return node.range ? contentEnd(node) : 0;
}


/**
 * Keeps an aligned end-of-line comment in its column: a one-line edit that makes the
 * line longer eats as many spaces of the padding before the `#` (keeping one); one that
 * makes it shorter pads it. `aliases: [To Lam]       # …` stays aligned with the lines around it.
 */
export function keepCommentColumn(text: string, edit: SourceEdit): SourceEdit {
  if (/[\r\n]/.test(edit.newText) || /[\r\n]/.test(text.slice(edit.start, edit.end))) return edit;
  const delta = edit.newText.length - (edit.end - edit.start);
  if (delta === 0) return edit;
  const rest = text.slice(edit.end, lineEnd(text, edit.end));
  const m = /^([^\s#]*)( {2,})#/.exec(rest);
  if (!m) return edit;
  const padding = m[2].length - delta;
  if (padding < 1) return edit;
  return { start: edit.start, end: edit.end + m[1].length + m[2].length, newText: edit.newText + m[1] + ' '.repeat(padding) };
}

/** Joins edits that touch (one ends where the next starts) into one, so no two edits share an offset. */
export function mergeTouching(edits: readonly SourceEdit[]): SourceEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: SourceEdit[] = [];
  for (const edit of sorted) {
    const prev = out[out.length - 1];
    if (prev && edit.start === prev.end) {
      out[out.length - 1] = { start: prev.start, end: edit.end, newText: prev.newText + edit.newText };
    } else {
      out.push({ ...edit });
    }
  }
  return out;
}

export function locate(file: YamlFile, node: Node | null | undefined): { line: number; character: number } | undefined {
  return node?.range ? file.lines.positionAt(node.range[0]) : undefined;
}

/** Trimmed, NFC, and on one line: how a spelling or a field is written into the file. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim().normalize('NFC');
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
