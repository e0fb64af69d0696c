/**
 * The analysis of a file read from disk, as the corpus index keeps it for every
 * file of the workspace: mentions and claims packed into one typed array each
 * (their strings as ids of a table the index shares), made into objects again
 * when read. A 100 MB corpus has some 600,000 mentions and 260,000 claims: as
 * objects they took about 90 MiB, packed about a third of that. No `vscode`
 * here (unit-tested).
 */
import type { Analysis, CheckedNumber, DocumentDate, Mention, MentionTitle } from '../../core';

/** One id per distinct string, a copy of it that shares no memory with the text it was sliced from. */
export class StringIds {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      // Shorter substrings are copies already (V8 shares the memory of 13 characters or more);
      // a concatenation flattened into a new string shares none.
      const owned = text.length < 13 ? text : (' ' + text).slice(1);
      id = this.strings.length;
      this.strings.push(owned);
      this.ids.set(owned, id);
    }
    return id;
  }

  /** The id of a string that may be null (-1). */
  idOrNull(text: string | null): number {
    return text === null ? -1 : this.id(text);
  }

  at(id: number): string {
    return this.strings[id];
  }

  atOrNull(id: number): string | null {
    return id === -1 ? null : this.strings[id];
  }

  get size(): number {
    return this.strings.length;
  }

  /** Every string, by id. */
  all(): readonly string[] {
    return this.strings;
  }

  clear(): void {
    this.ids.clear();
    this.strings.length = 0;
  }
}

const MENTION_KEYS = new Set(['start', 'end', 'text', 'entityId', 'variant', 'matched', 'allCaps', 'licensedBy', 'licensedByTitle', 'encoding', 'referenceLabel', 'title']);
const TITLE_KEYS = new Set(['start', 'end', 'text', 'past']);
const NUMBER_KEYS = new Set(['start', 'end', 'text', 'kind', 'value', 'unit', 'qualifier', 'context', 'status', 'fact']);

// A mention: start, end, text, entityId, variant, matched, flags, licensedBy, encoding.
const M_STRIDE = 9;
/** The text slot of a mention written as the spelling it matched (most are): no lookup of the text. */
const AS_MATCHED = -2;
const ALL_CAPS = 1;
const LICENSED_BY = 2;
const LICENSED_BY_TITLE = 4;
const LICENSED_BY_TITLE_TRUE = 8;
const REFERENCE_LABEL = 16;
const TITLE = 32;
const ENCODING = 64;
// A claim: start, end, text, kind, unit, qualifier, context, status, fact (its value in a Float64Array).
const N_STRIDE = 9;

/** True when `o` has only the keys of `keys`, none of them undefined: what the packed form gives back exactly. */
function packable(o: object, keys: ReadonlySet<string>): boolean {
  // for…in rather than Object.entries: no array per object (a scan checks some 900,000 of them).
  for (const key in o) if (!keys.has(key) || (o as Record<string, unknown>)[key] === undefined) return false;
  return true;
}

function packableMention(m: Mention): boolean {
  return (
    packable(m, MENTION_KEYS) &&
    typeof m.allCaps === 'boolean' &&
    (m.licensedBy === undefined || Number.isInteger(m.licensedBy)) &&
    (m.licensedByTitle === undefined || typeof m.licensedByTitle === 'boolean') &&
    (m.referenceLabel === undefined || m.referenceLabel === true) &&
    (m.title === undefined || (packable(m.title, TITLE_KEYS) && (m.title.past === undefined || typeof m.title.past === 'boolean')))
  );
}

function packableNumber(n: CheckedNumber): boolean {
  return packable(n, NUMBER_KEYS) && typeof n.value === 'number';
}

/**
 * A packed analysis as another process sends it: its arrays, and the
 * strings its ids stand for, by id (that process's own table).
 */
export interface PackedParts {
  m: Int32Array | Mention[];
  titles?: [number, MentionTitle][];
  n: Int32Array | CheckedNumber[];
  values?: Float64Array;
  date?: DocumentDate;
  strings: readonly string[];
}

/**
 * An `Analysis` whose mentions and claims are packed. Each read of `mentions` or
 * `numbers` makes new objects (equal to those packed); `mentionsOf` and
 * `claimsOf` make only those asked for. A list with something the packed form
 * would not give back (a field it does not know) is kept as it is.
 */
export class PackedAnalysis implements Analysis {
  private readonly m: Int32Array | Mention[];
  private readonly titles: Map<number, MentionTitle> | undefined;
  private readonly n: Int32Array | CheckedNumber[];
  private readonly values: Float64Array | undefined;
  readonly date?: DocumentDate;

  /** Packs `analysis`, or takes the parts another process packed, their ids made this table's. */
  constructor(
    analysis: Analysis | PackedParts,
    private readonly ids: StringIds,
  ) {
    if (analysis.date) this.date = analysis.date;
    if ('strings' in analysis) {
      const local = analysis.strings;
      const id = new Int32Array(local.length);
      for (let i = 0; i < local.length; i++) id[i] = ids.id(local[i]);
      const { m, n } = analysis;
      if (!Array.isArray(m)) {
        for (let k = 0; k < m.length; k += M_STRIDE) {
          if (m[k + 2] !== AS_MATCHED) m[k + 2] = id[m[k + 2]];
          m[k + 3] = id[m[k + 3]];
          m[k + 4] = id[m[k + 4]];
          m[k + 5] = id[m[k + 5]];
          if (m[k + 6] & ENCODING) m[k + 8] = id[m[k + 8]];
        }
      }
      if (!Array.isArray(n)) {
        const orNull = (x: number): number => (x === -1 ? -1 : id[x]);
        for (let k = 0; k < n.length; k += N_STRIDE) {
          n[k + 2] = id[n[k + 2]];
          n[k + 3] = id[n[k + 3]];
          n[k + 4] = orNull(n[k + 4]);
          n[k + 5] = orNull(n[k + 5]);
          n[k + 6] = orNull(n[k + 6]);
          n[k + 7] = id[n[k + 7]];
          n[k + 8] = orNull(n[k + 8]);
        }
      }
      this.m = m;
      this.n = n;
      this.values = analysis.values;
      if (analysis.titles) {
        for (const [, title] of analysis.titles) title.text = ids.at(ids.id(title.text));
        this.titles = new Map(analysis.titles);
      }
      return;
    }
    const { mentions, numbers } = analysis;
    if (mentions.every(packableMention)) {
      const m = new Int32Array(mentions.length * M_STRIDE);
      let titles: Map<number, MentionTitle> | undefined;
      mentions.forEach((x, i) => {
        const k = i * M_STRIDE;
        m[k] = x.start;
        m[k + 1] = x.end;
        m[k + 3] = ids.id(x.entityId);
        m[k + 4] = ids.id(x.variant);
        m[k + 5] = ids.id(x.matched);
        m[k + 2] = x.text === x.matched ? AS_MATCHED : ids.id(x.text);
        let flags = x.allCaps ? ALL_CAPS : 0;
        if (x.licensedBy !== undefined) {
          flags |= LICENSED_BY;
          m[k + 7] = x.licensedBy;
        }
        if (x.licensedByTitle !== undefined) flags |= LICENSED_BY_TITLE | (x.licensedByTitle ? LICENSED_BY_TITLE_TRUE : 0);
        if (x.referenceLabel) flags |= REFERENCE_LABEL;
        if (x.encoding !== undefined) {
          flags |= ENCODING;
          m[k + 8] = ids.id(x.encoding);
        }
        if (x.title) {
          flags |= TITLE;
          const title: MentionTitle = { start: x.title.start, end: x.title.end, text: ids.at(ids.id(x.title.text)) };
          if (x.title.past !== undefined) title.past = x.title.past;
          (titles ??= new Map()).set(i, title);
        }
        m[k + 6] = flags;
      });
      this.m = m;
      this.titles = titles;
    } else {
      this.m = mentions;
    }
    if (numbers.every(packableNumber)) {
      const n = new Int32Array(numbers.length * N_STRIDE);
      const values = new Float64Array(numbers.length);
      numbers.forEach((x, i) => {
        const k = i * N_STRIDE;
        n[k] = x.start;
        n[k + 1] = x.end;
        n[k + 2] = ids.id(x.text);
        n[k + 3] = ids.id(x.kind);
        n[k + 4] = ids.idOrNull(x.unit);
        n[k + 5] = ids.idOrNull(x.qualifier);
        n[k + 6] = ids.idOrNull(x.context);
        n[k + 7] = ids.id(x.status);
        n[k + 8] = ids.idOrNull(x.fact);
        values[i] = x.value;
      });
      this.n = n;
      this.values = values;
    } else {
      this.n = numbers;
    }
  }

  /** What `new PackedAnalysis(parts, ids)` takes in another process (a message copies the arrays). */
  parts(): PackedParts {
    const parts: PackedParts = { m: this.m, n: this.n, strings: this.ids.all() };
    if (this.titles) parts.titles = [...this.titles];
    if (this.values) parts.values = this.values;
    if (this.date) parts.date = this.date;
    return parts;
  }

  get mentionCount(): number {
    return Array.isArray(this.m) ? this.m.length : this.m.length / M_STRIDE;
  }

  get numberCount(): number {
    return Array.isArray(this.n) ? this.n.length : this.n.length / N_STRIDE;
  }

  get mentions(): Mention[] {
    if (Array.isArray(this.m)) return this.m;
    const out = new Array<Mention>(this.mentionCount);
    for (let i = 0; i < out.length; i++) out[i] = this.mentionAt(i);
    return out;
  }

  get numbers(): CheckedNumber[] {
    if (Array.isArray(this.n)) return this.n;
    const out = new Array<CheckedNumber>(this.numberCount);
    for (let i = 0; i < out.length; i++) out[i] = this.numberAt(i);
    return out;
  }

  /** The entity id of each mention, in text order (what counting needs, without making the mentions). */
  entityIds(): string[] {
    const out = new Array<string>(this.mentionCount);
    for (let i = 0; i < out.length; i++) out[i] = this.entityIdAt(i);
    return out;
  }

  /** The entity id of the `i`th mention. */
  entityIdAt(i: number): string {
    const m = this.m;
    return Array.isArray(m) ? m[i].entityId : this.ids.at(m[i * M_STRIDE + 3]);
  }

  /** The status of each claim, in text order (what counting needs, without making the claims). */
  statuses(): CheckedNumber['status'][] {
    const n = this.n;
    if (Array.isArray(n)) return n.map((x) => x.status);
    const out = new Array<CheckedNumber['status']>(this.numberCount);
    for (let i = 0; i < out.length; i++) out[i] = this.ids.at(n[i * N_STRIDE + 7]) as CheckedNumber['status'];
    return out;
  }

  /** The mentions of one entity, in text order. */
  mentionsOf(entityId: string): Mention[] {
    const m = this.m;
    if (Array.isArray(m)) return m.filter((x) => x.entityId === entityId);
    const out: Mention[] = [];
    const count = this.mentionCount;
    for (let i = 0; i < count; i++) if (this.ids.at(m[i * M_STRIDE + 3]) === entityId) out.push(this.mentionAt(i));
    return out;
  }

  /** The claims one fact speaks about (any status), in text order. */
  claimsOf(factId: string): CheckedNumber[] {
    const n = this.n;
    if (Array.isArray(n)) return n.filter((x) => x.fact === factId);
    const out: CheckedNumber[] = [];
    const count = this.numberCount;
    for (let i = 0; i < count; i++) if (this.ids.atOrNull(n[i * N_STRIDE + 8]) === factId) out.push(this.numberAt(i));
    return out;
  }

  private mentionAt(i: number): Mention {
    const m = this.m as Int32Array;
    const ids = this.ids;
    const k = i * M_STRIDE;
    const flags = m[k + 6];
    const matched = ids.at(m[k + 5]);
    const mention: Mention = {
      start: m[k],
      end: m[k + 1],
      text: m[k + 2] === AS_MATCHED ? matched : ids.at(m[k + 2]),
      entityId: ids.at(m[k + 3]),
      variant: ids.at(m[k + 4]) as Mention['variant'],
      matched,
      allCaps: (flags & ALL_CAPS) !== 0,
    };
    if (flags & LICENSED_BY) mention.licensedBy = m[k + 7];
    if (flags & LICENSED_BY_TITLE) mention.licensedByTitle = (flags & LICENSED_BY_TITLE_TRUE) !== 0;
    if (flags & ENCODING) mention.encoding = ids.at(m[k + 8]) as Mention['encoding'];
    if (flags & REFERENCE_LABEL) mention.referenceLabel = true;
    if (flags & TITLE) mention.title = { ...this.titles!.get(i)! };
    return mention;
  }

  private numberAt(i: number): CheckedNumber {
    const n = this.n as Int32Array;
    const ids = this.ids;
    const k = i * N_STRIDE;
    return {
      start: n[k],
      end: n[k + 1],
      text: ids.at(n[k + 2]),
      kind: ids.at(n[k + 3]) as CheckedNumber['kind'],
      value: this.values![i],
      unit: ids.atOrNull(n[k + 4]),
      qualifier: ids.atOrNull(n[k + 5]),
      context: ids.atOrNull(n[k + 6]),
      status: ids.at(n[k + 7]) as CheckedNumber['status'],
      fact: ids.atOrNull(n[k + 8]),
    };
  }
}
