/**
 * The fast read of a YAML input: a small tree with the node ranges the `yaml`
 * package gives, for the plain shapes a glossary is written in. A line scanner
 * reads the plainest block YAML; what it leaves goes to `js-yaml`'s event
 * parser (both many times faster than the `yaml` package's composer on a large
 * glossary). Anything else (anchors, aliases, tags, directives, several
 * documents, duplicate keys, a syntax error, a key that is not text, tabs …)
 * declines: the caller then parses with `yaml`, which is what reports
 * problems, so they read as they always did.
 */

import { parseEvents, getScalarValue, EVENT_ID, type Event, type ScalarEvent } from 'js-yaml';

export const SCALAR = 0;
export const SEQ = 1;
export const MAP = 2;

/** A scalar. `start`/`end` are the `yaml` package's `range[0..1]` (quotes included); -1 for an empty value. */
export interface FastScalar {
  readonly type: typeof SCALAR;
  readonly start: number;
  readonly end: number;
  /** 1 plain, 2 single-quoted, 3 double-quoted, 4 literal block, 5 folded block (js-yaml's styles). */
  readonly style: number;
  /** The decoded text ('' for an empty value). */
  readonly value: string;
  /** For a block scalar: the end of its content (its last line break included). */
  readonly blockEnd: number;
}

export interface FastSeq {
  readonly type: typeof SEQ;
  readonly start: number;
  /** After the closing bracket for a flow list; unused (-1) for a block list. */
  end: number;
  readonly flow: boolean;
  readonly items: FastNode[];
}

export interface FastMap {
  readonly type: typeof MAP;
  readonly start: number;
  end: number;
  readonly flow: boolean;
  readonly values: FastNode[];
  /** The keys (text, each once), in order. */
  readonly names: string[];
}

export type FastNode = FastScalar | FastSeq | FastMap;

/** Thrown inside the builder to decline; never escapes this module. */
class Decline extends Error {}

export const STYLE_PLAIN = 1;
export const STYLE_BLOCK_MIN = 4;

// The `yaml` package's YAML 1.2 core schema: a plain scalar matching one of these is not text.
const CORE_NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_NUMBER_RE =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/** What the core schema makes of a plain scalar's text. */
export function plainKind(text: string): 'null' | 'bool' | 'number' | 'string' {
  if (CORE_NULL_RE.test(text)) return 'null';
  if (CORE_BOOL_RE.test(text)) return 'bool';
  if (CORE_NUMBER_RE.test(text)) return 'number';
  return 'string';
}

// Characters whose presence sends a file to the full parser, where the two parsers may differ:
// tabs, a carriage return that is not part of CRLF, a byte-order mark, other control characters,
// and the line and paragraph separators.
const DECLINE_CHARS_RE = /[\t\uFEFF\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]|\r(?!\n)/;

/** The text's one document as a fast tree, or undefined to parse with `yaml` instead. */
export function readFastYaml(text: string): { contents: FastNode | null } | undefined {
  if (DECLINE_CHARS_RE.test(text)) return undefined;
  try {
    return { contents: scanBlockYaml(text) };
  } catch (error) {
    if (!(error instanceof Decline)) throw error;
  }
  return readYamlEvents(text);
}

/** The js-yaml events read of `readFastYaml`, for what the line scanner leaves (exported for tests). */
export function readYamlEvents(text: string): { contents: FastNode | null } | undefined {
  if (DECLINE_CHARS_RE.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined; // A syntax error: `yaml` says what and where.
  }
  try {
    return { contents: build(text, events) };
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

function build(text: string, events: Event[]): FastNode | null {
  if (events.length === 0) return null;
  const first = events[0];
  if (first.type !== EVENT_ID.DOCUMENT || first.explicitStart || first.explicitEnd || first.directives.length > 0) throw new Decline();
  // DOCUMENT, the content node's events, POP.
  const stack: (FastSeq | FastMap)[] = [];
  /** For a map: the key waiting for its value. */
  const pendingKey: (FastScalar | null)[] = [];
  let root: FastNode | null = null;
  let done = false;

  const attach = (node: FastNode): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (root !== null || done) throw new Decline();
      root = node;
      return;
    }
    if (parent.type === SEQ) {
      parent.items.push(node);
      return;
    }
    const key = pendingKey[pendingKey.length - 1];
    if (key === null) {
      // A key: text only, each once.
      if (node.type !== SCALAR || node.start < 0 || node.style >= STYLE_BLOCK_MIN) throw new Decline();
      const name = node.value;
      if (node.style === STYLE_PLAIN && plainKind(name) !== 'string') throw new Decline();
      if (name === '__proto__' || name === '<<' || parent.names.includes(name)) throw new Decline();
      parent.names.push(name);
      pendingKey[pendingKey.length - 1] = node;
    } else {
      parent.values.push(node);
      pendingKey[pendingKey.length - 1] = null;
    }
  };

  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) throw new Decline();
        attach(scalarNode(text, e));
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) throw new Decline();
        const flow = e.style === 2;
        if (flow && text.charCodeAt(e.start) !== (e.type === EVENT_ID.SEQUENCE ? 0x5b : 0x7b)) throw new Decline();
        const node: FastSeq | FastMap =
          e.type === EVENT_ID.SEQUENCE
            ? { type: SEQ, start: e.start, end: -1, flow, items: [] }
            : { type: MAP, start: e.start, end: -1, flow, values: [], names: [] };
        attach(node);
        stack.push(node);
        pendingKey.push(null);
        break;
      }
      case EVENT_ID.POP: {
        const node = stack.pop();
        const key = pendingKey.pop();
        if (!node) {
          done = true; // The document's end.
          break;
        }
        if (key !== null && key !== undefined) throw new Decline();
        if (node.flow) node.end = flowEnd(text, node);
        break;
      }
      default:
        throw new Decline(); // An alias, a second document.
    }
  }
  if (stack.length > 0) throw new Decline();
  return root;
}

function scalarNode(text: string, e: ScalarEvent): FastScalar {
  if (e.valueStart < 0) return { type: SCALAR, start: -1, end: -1, style: e.style, value: '', blockEnd: -1 };
  const value = getScalarValue(text, e);
  if (e.style === 2 || e.style === 3) {
    // The `yaml` package's range takes the quotes in.
    const quote = e.style === 2 ? 0x27 : 0x22;
    if (text.charCodeAt(e.valueStart - 1) !== quote || text.charCodeAt(e.valueEnd) !== quote) throw new Decline();
    return { type: SCALAR, start: e.valueStart - 1, end: e.valueEnd + 1, style: e.style, value, blockEnd: -1 };
  }
  return { type: SCALAR, start: e.valueStart, end: e.valueEnd, style: e.style, value, blockEnd: e.style >= STYLE_BLOCK_MIN ? e.valueEnd : -1 };
}

/** Just after a flow collection's closing bracket: past its last item, commas, white space and comments. */
function flowEnd(text: string, node: FastSeq | FastMap): number {
  const children: FastNode[] = node.type === SEQ ? node.items : node.values;
  const last = children[children.length - 1];
  let i = node.start + 1;
  if (last) {
    const end = endOf(last);
    if (end < 0) throw new Decline(); // An empty value inside a flow collection.
    i = end;
  }
  const close = node.type === SEQ ? 0x5d : 0x7d;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === close) return i + 1;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x2c) continue;
    if (c === 0x23) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      continue;
    }
    throw new Decline();
  }
  throw new Decline();
}

function endOf(node: FastNode): number {
  if (node.type === SCALAR) return node.style >= STYLE_BLOCK_MIN ? -1 : node.end;
  return node.flow ? node.end : -1;
}

/** A scalar's decoded text. */
export function scalarText(node: FastScalar): string {
  return node.value;
}

/** The value a scalar has in the core schema, as the `yaml` package's `toJS` gives it; undefined when the fast path does not know it. */
export function scalarValue(node: FastScalar): string | number | boolean | null | undefined {
  if (node.start < 0) return null;
  const value = node.value;
  if (node.style !== STYLE_PLAIN) return value;
  switch (plainKind(value)) {
    case 'string':
      return value;
    case 'null':
      return null;
    case 'bool':
      return value[0] === 't' || value[0] === 'T';
    default:
      // Plain decimals only; hex, octal, exponents and the infinities are left to `yaml`.
      return /^[-+]?[0-9]{1,15}$/.test(value) || /^[-+]?[0-9]{1,15}\.[0-9]{1,15}$/.test(value) ? Number(value) : undefined;
  }
}

/** The value node of `key` in a map, if present. */
export function fastGet(map: FastMap, key: string): FastNode | undefined {
  const i = map.names.indexOf(key);
  return i < 0 ? undefined : map.values[i];
}

/** True for an empty value or a plain null (`key:`, `key: ~`, `key: null`). */
export function isFastNull(node: FastNode | undefined | null): boolean {
  if (!node || node.type !== SCALAR) return false;
  if (node.start < 0) return true;
  return node.style === STYLE_PLAIN && plainKind(node.value) === 'null';
}

/**
 * The decoded text of a scalar that the core schema reads as text, else undefined
 * (a number, a yes/no, a null, a collection).
 */
export function fastString(node: FastNode | undefined | null): string | undefined {
  if (!node || node.type !== SCALAR || node.start < 0) return undefined;
  const value = node.value;
  if (node.style === STYLE_PLAIN && plainKind(value) !== 'string') return undefined;
  return value;
}

/** Where a scalar's value stands, for a location; undefined for an empty value or a block scalar (their ranges differ between the parsers). */
export function fastRange(node: FastNode): readonly [number, number] | undefined {
  if (node.type !== SCALAR || node.start < 0 || node.style >= STYLE_BLOCK_MIN) return undefined;
  return [node.start, node.end];
}

/**
 * The `yaml` package's `contentEnd` (yamlSource.ts) of a node, up to trailing white
 * space: the end of its last value. Undefined where the two parsers' ranges may
 * differ by more than white space (a collection ending on an empty value).
 */
export function fastContentEnd(node: FastNode): number | undefined {
  if (node.type === SCALAR) {
    if (node.start < 0) return undefined;
    // A block scalar's range ends after its content's line breaks in both parsers (trailing
    // blank lines differ, white space only).
    return node.style >= STYLE_BLOCK_MIN ? node.blockEnd : node.end;
  }
  if (node.flow) return node.end;
  const children = node.type === SEQ ? node.items : node.values;
  const last = children[children.length - 1];
  return last ? fastContentEnd(last) : undefined;
}

/** An open collection of the line scanner. */
interface Frame {
  node: FastSeq | FastMap;
  /** The column of its keys (a map) or of its dashes (a list). */
  indent: number;
  /** A map's last key while its value is not read yet. */
  pending: boolean;
}

const NOT_TEXT_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const KEY_RE = /[A-Za-z_][A-Za-z0-9_-]{0,99}:(?= |\n|$)/y;
/** Characters a plain value may not start with (indicators, quotes, flow brackets). */
const PLAIN_START_RE = /[^-?:,[\]{}#&*!|>'"%@` ]/y;
/** A plain value's characters on the line scanner's path: no ':' or '#', so no mapping or comment can hide in it. */
const PLAIN_BLOCK_RE = /[^:#\n]*/y;
const PLAIN_FLOW_RE = /[^:#\n,[\]{}"']*/y;

/**
 * The line scanner of `readFastYaml`: the plainest block YAML, one line at a time
 * (regular expressions do the scanning, so it is quick from a cold start). Block
 * mappings and lists; keys of letters, digits, '_' and '-'; values that are plain
 * text with no ':' or '#', text quoted on one line (no escapes), or a list of
 * those in brackets on one line; comments on lines of their own, blank lines.
 * Anything else throws Decline (js-yaml's events read it).
 */
function scanBlockYaml(text: string): FastNode | null {
  if (text.includes('\r')) throw new Decline();
  const stack: Frame[] = [];
  let root: FastMap | null = null;
  const n = text.length;

  const close = (frame: Frame): void => {
    if (frame.pending) (frame.node as FastMap).values.push(EMPTY);
    frame.pending = false;
  };
  const closeTo = (column: number): void => {
    while (stack.length > 0 && stack[stack.length - 1].indent > column) close(stack.pop()!);
  };
  /** Adds the key at `at` (checked by KEY_RE) and its value on this line, if any, to `frame`'s map. */
  const keyLine = (frame: Frame, at: number, end: number, lineEnd: number): void => {
    const map = frame.node as FastMap;
    close(frame);
    const name = text.slice(at, end - 1);
    // KEY_RE's keys start with a letter or '_': of the core schema's other values, only its null and yes/no words.
    if (NOT_TEXT_KEYS.has(name) || name === '__proto__' || map.names.includes(name)) throw new Decline();
    map.names.push(name);
    let p = end;
    while (p < lineEnd && text.charCodeAt(p) === 0x20) p++;
    if (p === lineEnd || text.charCodeAt(p) === 0x23) {
      if (p < lineEnd && p === end) throw new Decline(); // '#' right after ':'.
      frame.pending = true; // The value is on the next lines, or empty.
      return;
    }
    map.values.push(valueAt(p, lineEnd));
  };
  /** A value from `p` to the end of the line (a comment after it allowed). */
  const valueAt = (p: number, lineEnd: number): FastNode => {
    const c = text.charCodeAt(p);
    let node: FastNode;
    let end: number;
    if (c === 0x5b) {
      const seq: FastSeq = { type: SEQ, start: p, end: -1, flow: true, items: [] };
      let i = p + 1;
      for (;;) {
        while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
        if (text.charCodeAt(i) === 0x5d) break;
        const item = flowItem(i, lineEnd);
        seq.items.push(item);
        i = item.end;
        while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
        const d = text.charCodeAt(i);
        if (d === 0x2c) i++;
        else if (d !== 0x5d) throw new Decline();
      }
      seq.end = i + 1;
      node = seq;
      end = seq.end;
    } else if (c === 0x22 || c === 0x27) {
      node = quoted(p, lineEnd);
      end = node.end;
    } else {
      node = plain(p, lineEnd, PLAIN_BLOCK_RE);
      end = node.end;
      if (end !== lineEnd && text.charCodeAt(end) !== 0x20) throw new Decline();
    }
    let i = end;
    while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
    if (i < lineEnd && (text.charCodeAt(i) !== 0x23 || i === end)) throw new Decline();
    return node;
  };
  const flowItem = (p: number, lineEnd: number): FastScalar => {
    const c = text.charCodeAt(p);
    if (c === 0x22 || c === 0x27) return quoted(p, lineEnd);
    return plain(p, lineEnd, PLAIN_FLOW_RE);
  };
  const quoted = (p: number, lineEnd: number): FastScalar => {
    if (text.charCodeAt(p) === 0x22) {
      const k = text.indexOf('"', p + 1);
      if (k < 0 || k >= lineEnd) throw new Decline();
      const value = text.slice(p + 1, k);
      if (value.includes('\\')) throw new Decline(); // An escape: left to js-yaml.
      return { type: SCALAR, start: p, end: k + 1, style: 3, value, blockEnd: -1 };
    }
    let i = p + 1;
    let value = '';
    for (;;) {
      const k = text.indexOf("'", i);
      if (k < 0 || k >= lineEnd) throw new Decline();
      value += text.slice(i, k);
      if (text.charCodeAt(k + 1) !== 0x27) {
        i = k;
        break;
      }
      value += "'"; // '' is a quote.
      i = k + 2;
    }
    return { type: SCALAR, start: p, end: i + 1, style: 2, value, blockEnd: -1 };
  };
  const plain = (p: number, lineEnd: number, re: RegExp): FastScalar => {
    PLAIN_START_RE.lastIndex = p;
    if (p >= lineEnd || !PLAIN_START_RE.test(text)) throw new Decline();
    re.lastIndex = p;
    re.test(text);
    let end = Math.min(re.lastIndex, lineEnd);
    while (end > p && text.charCodeAt(end - 1) === 0x20) end--;
    return { type: SCALAR, start: p, end, style: STYLE_PLAIN, value: text.slice(p, end), blockEnd: -1 };
  };

  for (let ls = 0; ls < n; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    let i = ls;
    while (i < le && text.charCodeAt(i) === 0x20) i++;
    const column = i - ls;
    const c = text.charCodeAt(i);
    if (i === le || c === 0x23) {
      ls = le + 1;
      continue; // A blank line or a comment.
    }
    closeTo(column);
    const top = stack[stack.length - 1];
    if (c === 0x2d && text.charCodeAt(i + 1) === 0x20 && text.charCodeAt(i + 2) !== 0x20 && i + 2 < le) {
      // A list item.
      let seq: FastSeq;
      if (top && top.node.type === SEQ && top.indent === column) {
        seq = top.node;
      } else if (top && top.node.type === MAP && top.pending && top.indent < column) {
        seq = { type: SEQ, start: i, end: -1, flow: false, items: [] };
        (top.node as FastMap).values.push(seq);
        top.pending = false;
        stack.push({ node: seq, indent: column, pending: false });
      } else {
        throw new Decline();
      }
      const at = i + 2;
      KEY_RE.lastIndex = at;
      if (KEY_RE.test(text)) {
        const map: FastMap = { type: MAP, start: at, end: -1, flow: false, values: [], names: [] };
        seq.items.push(map);
        const frame: Frame = { node: map, indent: column + 2, pending: false };
        stack.push(frame);
        keyLine(frame, at, KEY_RE.lastIndex, le);
      } else {
        seq.items.push(valueAt(at, le));
      }
    } else {
      KEY_RE.lastIndex = i;
      if (!KEY_RE.test(text)) throw new Decline();
      let frame: Frame;
      if (top && top.node.type === MAP && top.indent === column) {
        frame = top;
      } else if (top && top.node.type === MAP && top.pending && top.indent < column) {
        const map: FastMap = { type: MAP, start: i, end: -1, flow: false, values: [], names: [] };
        (top.node as FastMap).values.push(map);
        top.pending = false;
        frame = { node: map, indent: column, pending: false };
        stack.push(frame);
      } else if (!top && column === 0 && root === null) {
        root = { type: MAP, start: i, end: -1, flow: false, values: [], names: [] };
        frame = { node: root, indent: 0, pending: false };
        stack.push(frame);
      } else {
        throw new Decline();
      }
      keyLine(frame, i, KEY_RE.lastIndex, le);
    }
    ls = le + 1;
  }
  closeTo(-1);
  if (root === null) throw new Decline();
  return root;
}

const EMPTY: FastScalar = { type: SCALAR, start: -1, end: -1, style: STYLE_PLAIN, value: '', blockEnd: -1 };
