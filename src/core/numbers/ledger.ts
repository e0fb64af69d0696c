/**
 * Facts-ledger parsing: YAML text in, facts and positioned problems out
 * (DESIGN.md, "The facts ledger"). Never throws.
 */

import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Problem, ProblemCode, Severity, SourceLocation } from '../types';
import { describe, getPair, requiredScalar, resolve, toPlain, YamlSource } from '../yamlSource';
import { parseNumberValue } from './finder';
import type { Fact, FactStatus, Ledger } from './types';

const KNOWN_KEYS = ['id', 'value', 'about', 'keywords', 'source', 'status'];
const STATUSES: readonly FactStatus[] = ['verified', 'disputed'];
const VALUE_EXAMPLE = "write it as in a text, e.g. 'USD 4.58 billion', '6.7%', '40,000' or '75th'";

/**
 * Parses and merges facts files, in order, into one ledger.
 *
 * - Each file holds a top-level `facts:` list (an empty file is an empty ledger);
 *   a file with YAML syntax errors contributes no facts, only its problems.
 * - A fact needs `id` (text, unique across all files) and `value`; `status` is
 *   verified (the default) or disputed; `keywords` is a list (default []); `about`
 *   and `source` are text; other keys are kept in `extra`.
 * - `value` is read with the text's number parser (`parseNumberValue`); when it
 *   cannot be, the fact is kept with `parsed: null` (it verifies nothing) and an
 *   `invalid-value` error is reported on it.
 * - A fact without id or value, with an invalid status, or whose id was already
 *   used is left out, with an error saying why.
 * - Problems are 0-based line/character (UTF-16) from the YAML node ranges; line
 *   numbers inside messages are 1-based, as an editor shows them.
 */
export function parseLedger(files: readonly { file: string; text: string }[]): Ledger {
  const facts: Fact[] = [];
  const problems: Problem[] = [];
  const ids = new Map<string, SourceLocation>();
  for (const file of files) {
    let source: YamlSource | undefined;
    try {
      source = new YamlSource(file.file, file.text);
      if (!source.hasSyntaxErrors) readFacts(source, ids, facts);
    } catch (error) {
      // A bug of ours must not take the ledger down: report it on the file instead.
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ file: file.file, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: 'error', code: 'yaml-syntax', message: `Glossa could not read this facts file: ${message}` });
    }
    if (source) problems.push(...source.problems);
  }
  return { facts, problems };
}

function readFacts(source: YamlSource, ids: Map<string, SourceLocation>, facts: Fact[]): void {
  const items = source.topLevelList('facts', 'facts');
  if (items === null) return;
  items.forEach((item, index) => {
    const fact = new FactReader(source, item, index).read(ids);
    if (fact !== undefined) {
      facts.push(fact);
      ids.set(fact.id, fact.location);
    }
  });
}

class FactReader {
  private readonly label: string;
  private map: YAMLMap | null = null;
  private fatal = false;

  constructor(
    private readonly source: YamlSource,
    private readonly item: Node,
    index: number,
  ) {
    this.label = `facts[${index}]`;
  }

  read(ids: ReadonlyMap<string, SourceLocation>): Fact | undefined {
    const { source, item } = this;
    if (source.reportEmptyItem(item, `${this.label} is empty: a fact needs at least 'id' and 'value'.`)) return undefined;
    const node = resolve(source.doc, item);
    if (!isMap(node)) {
      source.add(item, 'error', 'wrong-type', `${this.label}: a fact must be a mapping of fields (id, value, keywords, …), found ${describe(node)}.`);
      return undefined;
    }
    if (node.items.length === 0) {
      source.add(item, 'warning', 'empty-entry', `${this.label} is empty: a fact needs at least 'id' and 'value'.`);
      return undefined;
    }
    this.map = node;

    const id = this.readId(ids);
    const value = this.readValue();
    const status = this.readStatus();
    const keywords = this.readKeywords();
    const about = this.readText('about');
    const source_ = this.readText('source');
    const extra = this.readExtra();
    if (this.fatal || id === undefined || value === undefined || status === undefined) return undefined;

    const fact: Fact = {
      id,
      value: value.text,
      parsed: value.parsed,
      keywords,
      status,
      extra,
      location: this.entryLocation(),
      valueLocation: value.location,
    };
    if (about !== undefined) fact.about = about;
    if (source_ !== undefined) fact.source = source_;
    return fact;
  }

  /** Reports on `node`, or, for a missing field, on the entry's id pair (else its first pair). */
  private problem(node: Node | null | undefined, severity: Severity, code: ProblemCode, message: string): void {
    this.source.addToEntry(this.item, this.map, node, severity, code, `${this.label}: ${message}`);
  }

  private entryLocation(): SourceLocation {
    return this.source.entryLocation(this.item);
  }

  /** The value node of `key`, with aliases followed; null when absent or empty. */
  private field(key: string): { key: Node; value: Node | null } | undefined {
    const pair = getPair(this.map!, key);
    if (!pair) return undefined;
    const value = resolve(this.source.doc, pair.value);
    return { key: pair.key, value: value === null || (isScalar(value) && value.value === null) ? null : value };
  }

  /** A required field; undefined (the fact skipped) after reporting it missing or of the wrong type. */
  private required(key: string, missing: string, mustBe: string, numbers = false): Scalar<string | number> | undefined {
    const report = (node: Node | null, code: ProblemCode, message: string): void => {
      this.problem(node, 'error', code, message);
      this.fatal = true;
    };
    return requiredScalar(this.source, this.map!, key, { missing, mustBe, numbers, quoteNumbers: !numbers }, report)?.value;
  }

  private readId(ids: ReadonlyMap<string, SourceLocation>): string | undefined {
    const value = this.required('id', `'id' is missing (a unique name for the fact, e.g. 'trade-2024').`, `'id' must be text`);
    if (!value) return undefined;
    const id = String(value.value).trim();
    const first = ids.get(id);
    if (first !== undefined) {
      this.problem(value, 'error', 'duplicate-id', `duplicate fact id '${id}': already used by the fact at ${where(first, this.source.file)}. This fact is ignored.`);
      this.fatal = true;
      return undefined;
    }
    return id;
  }

  private readValue(): { text: string; parsed: Fact['parsed']; location: SourceLocation } | undefined {
    const value = this.required('value', `'value' is missing (${VALUE_EXAMPLE}).`, `'value' must be a number written as in a text`, true);
    if (!value) return undefined;
    // A YAML number keeps its source text: `value: 4580000000` reads as written.
    const text = typeof value.value === 'string' ? value.value.trim() : sourceText(this.source, value);
    const parsed = parseNumberValue(text);
    const location = this.source.locate(value);
    if (parsed === null) {
      this.problem(value, 'error', 'invalid-value', `'value' cannot be read as a number: '${text}' (${VALUE_EXAMPLE}; one number, no dates or years).`);
    }
    return { text, parsed, location };
  }

  private readStatus(): FactStatus | undefined {
    const pair = this.field('status');
    const value = pair?.value ?? null;
    if (value === null) return 'verified';
    const raw = isScalar(value) ? String(value.value).trim() : undefined;
    const status = STATUSES.find((s) => s === raw?.toLowerCase());
    if (status !== undefined) return status;
    const found = raw !== undefined ? `'${raw}'` : describe(value);
    this.problem(value, 'error', 'invalid-status', `'status' must be verified or disputed, found ${found}. The fact is ignored until this is fixed.`);
    return undefined;
  }

  /** `keywords`: a list of words or phrases; a lone string is read as a list of one, with a warning. */
  private readKeywords(): string[] {
    const pair = this.field('keywords');
    const value = pair?.value ?? null;
    if (value === null) return [];
    if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
      const text = String(value.value).trim();
      this.problem(value, 'warning', 'wrong-type', `'keywords' must be a list, e.g. keywords: [${text}]; read as a list of one.`);
      return text === '' ? [] : [text];
    }
    if (!isSeq(value)) {
      this.problem(value, 'error', 'wrong-type', `'keywords' must be a list of words or phrases, e.g. [bilateral trade], found ${describe(value)}.`);
      return [];
    }
    const out: string[] = [];
    value.items.forEach((raw, i) => {
      const item = resolve(this.source.doc, raw as Node | null);
      if (item !== null && isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
        const text = typeof item.value === 'string' ? item.value.trim() : sourceText(this.source, item);
        if (text === '') this.problem(item, 'warning', 'invalid-value', `an empty keyword in 'keywords' is ignored.`);
        else out.push(text);
      } else {
        this.problem((item ?? raw) as Node | null, 'error', 'wrong-type', `'keywords[${i}]' must be a word or phrase, found ${describe(item)}.`);
      }
    });
    return out;
  }

  private readText(key: string): string | undefined {
    const pair = this.field(key);
    const value = pair?.value ?? null;
    if (value === null) return undefined;
    if (isScalar(value) && typeof value.value === 'string') return value.value.trim();
    if (isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'boolean')) return sourceText(this.source, value);
    this.problem(value, 'error', 'wrong-type', `'${key}' must be text, found ${describe(value)}.`);
    return undefined;
  }

  private readExtra(): Record<string, unknown> {
    const extra: Record<string, unknown> = {};
    for (const p of this.map!.items) {
      if (p.key === null || p.key === undefined) continue;
      const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (KNOWN_KEYS.includes(key)) continue;
      extra[key] = toPlain(this.source, (p.value as Node | null) ?? null);
    }
    return extra;
  }
}

/** "facts.yaml:12" (1-based), or "line 12" within the same file. */
function where(location: SourceLocation, currentFile: string): string {
  return location.file === currentFile ? `line ${location.line + 1}` : `${location.file}:${location.line + 1}`;
}

function sourceText(source: YamlSource, node: Node): string {
  return node.range ? source.text.slice(node.range[0], node.range[1]).trim() : String((node as { value?: unknown }).value ?? '');
}

