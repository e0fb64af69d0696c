/**
 * Shared plumbing for the YAML inputs (glossary, facts ledger): parse with the
 * `yaml` package keeping node ranges, and turn ranges into positioned problems.
 */

import { Composer, isAlias, isMap, isScalar, isSeq, parseDocument, Parser, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { LineIndex } from './text/lineIndex';
import type { Problem, ProblemCode, Severity, SourceLocation } from './types';

export class YamlSource {
  readonly lines: LineIndex;
  readonly doc: Document.Parsed;
  readonly problems: Problem[] = [];

  /**
   * Parses `text`, or only its `fragment` `[start, end)` (with node ranges and
   * problems still at offsets of the whole text, and the whole text's line index
   * shared): see `listFragments`.
   */
  constructor(
    readonly file: string,
    readonly text: string,
    fragment?: { start: number; end: number; lines: LineIndex },
  ) {
    const options = { keepSourceTokens: false, uniqueKeys: true, prettyErrors: false };
    if (fragment) {
      this.lines = fragment.lines;
      const parser = new Parser();
      parser.offset = fragment.start; // Token offsets, hence node ranges, count from the start of the whole text.
      const docs = [...new Composer(options).compose(parser.parse(text.slice(fragment.start, fragment.end)))];
      this.doc = docs[0] as Document.Parsed;
    } else {
      this.lines = new LineIndex(text);
      this.doc = parseDocument(text, options);
    }
    for (const error of this.doc.errors) {
      this.addAt(error.pos[0], error.pos[1], 'error', 'yaml-syntax', `YAML syntax error: ${firstLine(error.message)}`);
    }
    for (const warning of this.doc.warnings) {
      this.addAt(warning.pos[0], warning.pos[1], 'warning', 'yaml-syntax', `YAML: ${firstLine(warning.message)}`);
    }
  }

  get hasSyntaxErrors(): boolean {
    return this.doc.errors.length > 0;
  }

  /** The location of a node (or of the whole file when it has no range). */
  locate(node: Node | null | undefined): SourceLocation {
    const range = node?.range;
    const start = range ? range[0] : 0;
    const end = range ? Math.max(range[1], start) : 0;
    return this.locateOffsets(start, end);
  }

  locateOffsets(start: number, end: number): SourceLocation {
    const s = this.lines.positionAt(start);
    const e = this.lines.positionAt(end);
    return { file: this.file, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
  }

  add(node: Node | null | undefined, severity: Severity, code: ProblemCode, message: string): void {
    this.problems.push({ ...this.locate(node), severity, code, message });
  }

  addAt(start: number, end: number, severity: Severity, code: ProblemCode, message: string): void {
    this.problems.push({ ...this.locateOffsets(start, Math.max(start, end)), severity, code, message });
  }

  /**
   * Reports a problem of a list entry: on `node`, or, when there is none (a
   * missing field), on the entry's `id` pair (else its first pair, else the entry).
   */
  addToEntry(entry: Node, map: YAMLMap | null, node: Node | null | undefined, severity: Severity, code: ProblemCode, message: string): void {
    if (node) {
      this.add(node, severity, code, message);
      return;
    }
    const first = map?.items[0];
    const pair = (map && getPair(map, 'id')) ?? (first?.key ? { key: first.key as Node, value: (first.value as Node | null) ?? null } : undefined);
    const start = pair?.key.range?.[0];
    if (pair && start !== undefined) {
      const end = pair.value?.range?.[1] ?? pair.key.range![1];
      this.addAt(start, trimEnd(this.text, end), severity, code, message);
    } else {
      this.add(entry, severity, code, message);
    }
  }

  /**
   * True when a list item is empty (`-` and nothing, or an empty value), after
   * reporting `empty-entry` with `message` at its `-`, so the squiggle is visible
   * (an empty item has an empty range).
   */
  reportEmptyItem(item: Node, message: string): boolean {
    const node = resolve(this.doc, item);
    if (!(node === null || (isScalar(node) && (node.value === null || node.value === '')))) return false;
    const start = item.range?.[0] ?? 0;
    const dash = this.text.lastIndexOf('-', start);
    const at = dash >= 0 && this.text.slice(dash + 1, start).trim() === '' ? dash : start;
    this.addAt(at, Math.max(at + 1, item.range?.[1] ?? at), 'warning', 'empty-entry', message);
    return true;
  }

  /** Where a list entry stands: from its first key to its last value (no trailing blank lines). */
  entryLocation(entry: Node): SourceLocation {
    const start = entry.range?.[0] ?? 0;
    return this.locateOffsets(start, Math.max(start, trimEnd(this.text, contentEnd(entry))));
  }

  /** The sequence under `key` at the top level, or a problem saying what is missing. */
  topLevelList(key: string, what: string): Node[] | null {
    const contents = this.doc.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
      return []; // An empty file is an empty list, not an error.
    }
    if (!isMap(contents)) {
      this.add(contents, 'error', 'not-a-list', `Expected a mapping with a '${key}:' list of ${what} at the top of the file.`);
      return null;
    }
    const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) {
      this.add(contents, 'error', 'missing-field', `Missing the top-level '${key}:' list of ${what}.`);
      return null;
    }
    const value = pair.value as Node | null;
    if (value === null || (isScalar(value) && value.value === null)) return [];
    if (!isSeq(value)) {
      this.add(value, 'error', 'not-a-list', `'${key}' must be a list of ${what} (each item starting with '- ').`);
      return null;
    }
    return value.items as Node[];
  }
}

/** What a required field of a list entry needs, for its checks and their messages. */
export interface RequiredField {
  /** The message when the field is absent or empty. */
  missing: string;
  /** The start of the message when the value has the wrong type, e.g. "'id' must be text". */
  mustBe: string;
  /** A YAML number is accepted as well as text. */
  numbers?: boolean;
  /** A number gets the hint to quote it (an id written as 2024). */
  quoteNumbers?: boolean;
  /** When a value's text counts as empty (default: blank after trimming). */
  blank?: (text: string) => boolean;
}

/**
 * The checks every parser makes of a required field of an entry: the key and
 * its scalar value (aliases followed), or undefined after reporting
 * `missing-field` (at the key, or at the entry when there is none) or
 * `wrong-type` (at the value) through `report`.
 */
export function requiredScalar(
  source: YamlSource,
  map: YAMLMap,
  key: string,
  field: RequiredField,
  report: (node: Node | null, code: 'missing-field' | 'wrong-type', message: string) => void,
): { key: Node; value: Scalar<string | number> } | undefined {
  const pair = getPair(map, key);
  const value = pair ? resolve(source.doc, pair.value) : null;
  const blank = field.blank ?? ((text: string) => text.trim() === '');
  if (!pair || value === null || (isScalar(value) && (value.value === null || blank(String(value.value))))) {
    report(pair?.key ?? null, 'missing-field', field.missing);
    return undefined;
  }
  if (!isScalar(value) || !(typeof value.value === 'string' || (field.numbers === true && typeof value.value === 'number'))) {
    const quote = field.quoteNumbers && isScalar(value) && typeof value.value === 'number' ? `; quote it: '${String(value.source ?? value.value)}'` : '';
    report(value, 'wrong-type', `${field.mustBe}, found ${describe(value)}${quote}.`);
    return undefined;
  }
  return { key: pair.key, value: value as Scalar<string | number> };
}

/** The key node and value node of `key` in a map, if present. */
export function getPair(map: YAMLMap, key: string): { key: Node; value: Node | null } | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) {
      return { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Follows YAML aliases (`*anchor`) to the node they point at. */
export function resolve(doc: Document.Parsed, node: Node | null | undefined): Node | null {
  let current: unknown = node ?? null;
  for (let hops = 0; hops < 16 && current !== null && isAlias(current); hops++) {
    current = current.resolve(doc) ?? null;
  }
  return current !== null && isAlias(current) ? null : (current as Node | null);
}

/** A JSON-like value for `extra`; never throws (an alias bomb falls back to its source text). */
export function toPlain(source: YamlSource, node: Node | null): unknown {
  if (node === null) return null;
  try {
    return node.toJS(source.doc, { maxAliasCount: 100 }) as unknown;
  } catch {
    return node.range ? source.text.slice(node.range[0], node.range[1]) : null;
  }
}

/** Offset just after the last value inside `node` (block collections' ranges include trailing lines). */
export function contentEnd(node: Node): number {
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const value = (last.value as Node | null) ?? (last.key as Node | null);
    if (value && !isAlias(value)) return contentEnd(value);
    if (value?.range) return value.range[1];
  }
  if (isSeq(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1] as Node | null;
    if (last && !isAlias(last)) return contentEnd(last);
    if (last?.range) return last.range[1];
  }
  return node.range ? node.range[1] : 0;
}

export function trimEnd(text: string, end: number): number {
  let e = Math.min(end, text.length);
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

/** A short description of what a value is, for "found …" in messages. */
export function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'number') return `a number (${String(node.source ?? v)})`;
    if (typeof v === 'boolean') return `${String(v)} (a yes/no value)`;
    if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
    return `a ${typeof v} value`;
  }
  return 'an unexpected value';
}
