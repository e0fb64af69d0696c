/**
 * Glossa's exceptions in an article (DESIGN.md "Exceptions"): `glossa-ignore:
 * A, B` (those spellings are neither mentions, candidates nor variants in the
 * file), `glossa-disable` … `glossa-enable` and `glossa-disable-next-line`
 * (nothing between them is checked). In Markdown a directive is an HTML comment
 * (`<!-- glossa-ignore: … -->`, as `Markup.directives` found it outside code); in
 * plain text, a line of its own. Directive lines are never mentions or claims:
 * they are masked like markup, with everything they disable.
 */

import type { Span } from '../types';
import { fold } from './fold';
import { maskSpans, type TextFormat } from './markup';

export type DirectiveKind = 'ignore' | 'disable' | 'enable' | 'disable-next-line';

/** One directive as written. */
export interface Directive {
  kind: DirectiveKind;
  /** The directive itself: the comment in Markdown, the line's text in plain text. */
  start: number;
  end: number;
  /** `glossa-ignore` only: the spellings, trimmed, as written. */
  spellings: string[];
  /** `glossa-ignore` only: where a further spelling is appended (after the last one). */
  listEnd: number;
}

/** What a text's directives say. */
export interface Directives {
  /** In text order. */
  list: Directive[];
  /** The `glossa-ignore` spellings, as `ignoreKey` forms. */
  ignored: ReadonlySet<string>;
  /** Sorted, disjoint: the directives and the text they disable. */
  masked: Span[];
}

/** No directive: the common case, shared. */
export const NO_DIRECTIVES: Directives = { list: [], ignored: new Set(), masked: [] };

/** The form in which spellings compare with a `glossa-ignore` list (like the glossary's `ignore:`): folded, lower-case, single spaces. */
export function ignoreKey(text: string): string {
  return fold(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Cheap test before any parsing: can `text` hold a directive at all? */
export function mayHoldDirectives(text: string): boolean {
  return DIRECTIVE_MARK_RE.test(text);
}

const DIRECTIVE_MARK = 'glossa-';
/**
 * `DIRECTIVE_MARK` as a regular expression that is not a plain string: V8 searches a plain one
 * like `includes`, which on a long text with non-ASCII characters reads about twice as slowly
 * as the regular-expression engine skipping ahead on the mark's letters.
 */
const DIRECTIVE_MARK_RE = /[g]lossa-/;

/**
 * `mayHoldDirectives` of a text after an edit that made `[start, newEnd)` of it
 * new, from the answer for the text before: a mark outside the window's reach
 * was there before, so only the window and the few characters around it are read.
 */
export function mayHoldDirectivesAfterEdit(text: string, start: number, newEnd: number, before: boolean): boolean {
  if (before) return mayHoldDirectives(text);
  // A new mark overlaps the new characters, or the place where characters were deleted.
  const reach = DIRECTIVE_MARK.length - 1;
  return text.slice(Math.max(0, start - reach), newEnd + reach).includes(DIRECTIVE_MARK);
}

const BODY_RE = /^\s*glossa-(ignore|disable-next-line|disable|enable)\b(?:\s*:)?/;
const PLAIN_LINE_RE = /^[ \t]*(glossa-(?:ignore|disable-next-line|disable|enable)\b[^\r\n]*?)[ \t]*$/gm;

/**
 * The directives of `text`. `markdownComments` are the spans of Glossa's
 * directive comments (`markupOf(text, 'markdown').directives`), required for
 * Markdown; plain text is read line by line.
 */
export function directivesOf(text: string, format: TextFormat, markdownComments: readonly Span[] = []): Directives {
  if (!mayHoldDirectives(text)) return NO_DIRECTIVES;
  const list: Directive[] = [];
  if (format === 'markdown') {
    for (const comment of markdownComments) {
      const closed = text.startsWith('-->', comment.end - 3);
      const directive = parse(text, comment.start + 4, closed ? comment.end - 3 : comment.end, comment.start, comment.end);
      if (directive) list.push(directive);
    }
  } else {
    for (const m of text.matchAll(PLAIN_LINE_RE)) {
      const start = m.index + m[0].indexOf(m[1]);
      const directive = parse(text, start, start + m[1].length, start, start + m[1].length);
      if (directive) list.push(directive);
    }
  }
  if (list.length === 0) return NO_DIRECTIVES;

  const ignored = new Set<string>();
  for (const d of list) for (const s of d.spellings) ignored.add(ignoreKey(s));
  return { list, ignored, masked: maskedSpans(text, list, format) };
}

/** The directive whose body is `text[bodyStart, bodyEnd)`, if it is one. */
function parse(text: string, bodyStart: number, bodyEnd: number, start: number, end: number): Directive | undefined {
  const body = text.slice(bodyStart, bodyEnd);
  const m = BODY_RE.exec(body);
  if (!m) return undefined;
  const kind = m[1] as DirectiveKind;
  const spellings: string[] = [];
  let listEnd = bodyStart + body.trimEnd().length;
  if (kind === 'ignore') {
    for (const part of body.slice(m[0].length).split(',')) {
      const spelling = part.trim();
      if (spelling) spellings.push(spelling);
    }
  } else if (body.slice(m[0].length).trim() !== '') {
    listEnd = bodyStart + m[0].length;
  }
  return { kind, start, end, spellings, listEnd };
}

/** The offset where the line holding `offset` ends (before its line break). */
function lineEnd(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const end = lf < 0 ? text.length : lf;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** The start of the line after the one holding `offset` (the text's end if none). */
function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf < 0 ? text.length : lf + 1;
}

function maskedSpans(text: string, list: readonly Directive[], format: TextFormat): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else if (end > start) spans.push({ start, end });
  };
  // Plain text: the directive's whole line; Markdown: the comment (the rest of its line is text).
  const own = (d: Directive): Span => (format === 'plain' ? { start: text.lastIndexOf('\n', d.start - 1) + 1, end: lineEnd(text, d.end) } : { start: d.start, end: d.end });
  let disabledFrom = -1;
  for (const d of list) {
    if (disabledFrom >= 0) {
      if (d.kind !== 'enable') continue;
      push(disabledFrom, own(d).end);
      disabledFrom = -1;
      continue;
    }
    const span = own(d);
    if (d.kind === 'disable') disabledFrom = span.start;
    else if (d.kind === 'disable-next-line') {
      const next = nextLineStart(text, d.end);
      push(span.start, span.end);
      push(next, lineEnd(text, next));
    } else push(span.start, span.end);
  }
  if (disabledFrom >= 0) push(disabledFrom, text.length);
  return spans;
}

/** `visible` (the text with its markup masked, same length) with the directives and what they disable masked too. */
export function maskDirectives(visible: string, directives: Directives): string {
  return directives.masked.length === 0 ? visible : maskSpans(visible, directives.masked);
}

/** The masked spans that meet `[start, end)`, shifted to that window's offsets and clipped to it. */
export function maskedIn(directives: Directives, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const s of directives.masked) {
    if (s.end <= start || s.start >= end) continue;
    out.push({ start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start });
  }
  return out;
}

/** Does `[start, end)` meet a masked span? */
export function isMasked(directives: Directives, start: number, end: number): boolean {
  return directives.masked.some((s) => s.start < end && start < s.end);
}
