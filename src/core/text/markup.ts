/**
 * Markup is not text (DESIGN.md rule 12). In Markdown, link destinations and
 * titles, autolinks, reference definitions, image paths, inline code and code
 * blocks, HTML tags with their attributes and HTML comments hold no mentions,
 * claims or candidates; link text, image alt text, headings, emphasis, the
 * text between HTML tags and front-matter values are text. In plain text, URLs
 * (found by their scheme) are not text.
 *
 * The result is the text with every character that is not text replaced by a
 * space and line breaks kept, so every offset, line and column stays the same:
 * the matcher and the number finder run on it unchanged.
 *
 * The Markdown structure comes from mdast-util-from-markdown (micromark, with
 * exact source offsets), front matter from its extension and the `yaml` package,
 * bare URLs from the GFM autolink-literal extension.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { parseDocument, visit } from 'yaml';
import type { Span } from '../types';
import { mayHoldUrl, urlSpans } from './tokens';

/** How a text is marked up: `markdown` (.md, .markdown) or `plain` (everything else). */
export type TextFormat = 'markdown' | 'plain';

/** What the markup of a text leaves as text. */
export interface Markup {
  /** The text with every character that is not text replaced by a space; line breaks kept (same length, same lines). */
  visible: string;
  /**
   * Link text that is also a reference label (`[To Lam]` or `[To Lam][]` with a
   * definition `[to lam]: …`): it is text, but rewriting it would break the link.
   * Sorted, in the text's offsets.
   */
  referenceLabels: Span[];
  /**
   * Glossa's own directive comments (`<!-- glossa-ignore: … -->`,
   * `<!-- glossa-disable -->` …), with their offsets. They are masked like any
   * other comment; this is where the directives feature reads them.
   */
  directives: Span[];
}

/** The format of a file, from its name or path: `.md` and `.markdown` are Markdown, everything else plain text. */
export function textFormatOf(fileName: string): TextFormat {
  return /\.(?:md|markdown)$/i.test(fileName) ? 'markdown' : 'plain';
}

/** The text of `text` with its markup masked (see `markupOf`). */
export function textOnly(text: string, format: TextFormat): string {
  return markupOf(text, format).visible;
}

/** The markup of a whole text. Fast paths: plain text without a URL and Markdown without any Markdown syntax are returned as they are. */
export function markupOf(text: string, format: TextFormat): Markup {
  if (format === 'plain') return plainMarkup(text);
  if (!hasMarkdownSyntax(text)) return { visible: text, referenceLabels: [], directives: [] };
  return markdownMarkup(text);
}

/**
 * The markup of `[start, end)` of `text`, as `markupOf(text)` gives it for that
 * part (offsets relative to `start`), parsing no more of the text than needed:
 * the editor re-analyses only the paragraphs around an edit. A Markdown part is
 * parsed from the nearest block boundary that nothing before it can reach into
 * (a line at column 0 after a blank line); a text with a construct that can span
 * blank lines from anywhere (front matter, fenced code, HTML blocks that end at
 * a marker, reference definitions) is parsed whole.
 */
export function markupIn(text: string, format: TextFormat, start: number, end: number): Markup {
  if (format === 'plain') return plainMarkup(text.slice(start, end));
  if (!hasMarkdownSyntax(text)) return { visible: text.slice(start, end), referenceLabels: [], directives: [] };
  let from = 0;
  let to = text.length;
  const body = bodyStart(text);
  if (body >= 0 && start >= body && !reachesFar(text, body)) {
    from = blockBoundaryAtOrBefore(text, start, body);
    to = blockBoundaryAtOrAfter(text, end);
  }
  const markup = markdownMarkup(text.slice(from, to));
  const shift = (spans: Span[]) => spans.filter((s) => s.end > start - from && s.start < end - from).map((s) => ({ start: s.start + from - start, end: s.end + from - start }));
  return { visible: markup.visible.slice(start - from, end - from), referenceLabels: shift(markup.referenceLabels), directives: shift(markup.directives) };
}

/**
 * For the editor's re-analysis of `[start, end)` of `text` after `change`
 * (`[change.start, change.oldEnd)` of `previousText` became `[change.start,
 * change.newEnd)`): the window widened to Markdown block boundaries, and whether
 * the markup outside it is certainly the same as before the edit. It is not when
 * the edit can change markup far away (a code fence, an HTML block or a reference
 * definition in either text, an edit of the front matter), or when the previous
 * text is not known: the caller then analyses the whole text soon.
 */
export function markdownReanalysisWindow(
  previousText: string | undefined,
  text: string,
  change: { start: number; oldEnd: number; newEnd: number },
  start: number,
  end: number,
): { start: number; end: number; exact: boolean } {
  if (previousText === undefined) return { start, end, exact: false };
  if (!hasMarkdownSyntax(text) && !hasMarkdownSyntax(previousText)) return { start, end, exact: true };
  // Front matter before the change stays as it is (the same text, closed before it), and the body starts afresh after it.
  const body = bodyStart(text);
  if (body < 0 || change.start < body || reachesFar(text, body) || reachesFar(previousText, body)) return { start, end, exact: false };
  start = Math.max(start, body);
  // Boundaries whose line and the blank line before it lie outside the change, so they are boundaries of both texts.
  let from = blockBoundaryAtOrBefore(text, Math.min(start, change.start), body);
  while (from > body && lineEnd(text, from) >= change.start) from = blockBoundaryAtOrBefore(text, previousLineStart(text, from), body);
  let to = blockBoundaryAtOrAfter(text, Math.max(end, change.newEnd));
  while (to < text.length && previousLineStart(text, to) < change.newEnd) to = blockBoundaryAtOrAfter(text, lineEnd(text, to) + 1);
  return { start: Math.min(from, start), end: Math.max(to, end), exact: true };
}

/** The offset of the line break ending the line that starts at `lineStart` (or the text's length). */
function lineEnd(text: string, lineStart: number): number {
  const next = text.indexOf('\n', lineStart);
  return next < 0 ? text.length : next;
}

/**
 * True when the text from `from` (the start of its body) holds a construct that
 * can change markup across blank lines (see `markupIn`), or starts with what would
 * read as front matter on its own.
 */
function reachesFar(text: string, from: number): boolean {
  if (text.startsWith('---', from)) return true;
  SPANNING_RE.lastIndex = from;
  return SPANNING_RE.test(text);
}

/** Where the body starts after front matter (`---` lines around YAML at the very top): 0 without front matter, -1 when it is not closed. */
function bodyStart(text: string): number {
  if (!/^---[ \t]*(?:\r?\n|\r)/.test(text)) return 0;
  FRONT_MATTER_CLOSE_RE.lastIndex = 3;
  const close = FRONT_MATTER_CLOSE_RE.exec(text);
  return close ? close.index + close[0].length : -1;
}

/** True for the body of a Glossa directive comment (`glossa-ignore: …`, `glossa-disable`, `glossa-enable`, `glossa-disable-next-line`). */
export function isGlossaDirective(commentBody: string): boolean {
  return /^\s*glossa-(?:ignore|disable|enable)\b/.test(commentBody);
}

// ── Fast paths and block boundaries ─────────────────────────────────────────

/**
 * Anything that can start Markdown structure other than plain paragraphs: the
 * punctuation of inline and block syntax, list markers, rules (`---`) and
 * indentation at a line start, and what the autolink-literal extension links (`://`, `www.`, `@`).
 * Escapes and character references stay inside text, so `\` (but for a hard
 * line break, `\` at a line end) and `&` need no parse.
 */
const MARKDOWN_SYNTAX_RE = /[`*_[\]<>#~=|@]|:\/\/|www\.|\\$|^[ \t]*(?:[-+]|\d{1,9}[.)](?=[ \t\r\n]|$))|^(?: {4}|[ \t]*\t)/im;

/** Constructs that can run across blank lines from anywhere before them, or that make a link depend on text far away. */
const SPANNING_RE = /^ {0,3}(?:`{3}|~{3}|<!--|<\?|<![A-Za-z[]|<(?:script|pre|style|textarea)(?:[\s>]|$))|\]:/gim;
const FRONT_MATTER_CLOSE_RE = /(?:\r?\n|\r)---[ \t]*(?:\r?\n|\r|$)/g;

function hasMarkdownSyntax(text: string): boolean {
  return MARKDOWN_SYNTAX_RE.test(text);
}

const EMPTY_LIST_ITEM_RE = /(?:[-+*]|\d{1,9}[.)])[ \t]*(?:\r?\n|\r|$)/y;

/** A CommonMark blank line: spaces and tabs only. */
function isBlankLine(text: string, lineStart: number): boolean {
  for (let i = lineStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** A line start where every block is closed: column 0 is not white space, and the line before is blank. */
function isBlockBoundary(text: string, lineStart: number): boolean {
  if (lineStart === 0 || lineStart >= text.length) return true;
  if (isBlankLine(text, lineStart)) return false;
  const c = text.charCodeAt(lineStart);
  if (c === 0x20 || c === 0x09) return false;
  // A part that began with `---` would read as front matter.
  if (text.startsWith('---', lineStart)) return false;
  // An empty list item reads differently after some blocks (after indented code, micromark makes it a paragraph).
  EMPTY_LIST_ITEM_RE.lastIndex = lineStart;
  if (EMPTY_LIST_ITEM_RE.test(text)) return false;
  return isBlankLine(text, previousLineStart(text, lineStart));
}

/** The start of the line before the one starting at `lineStart` (> 0). */
function previousLineStart(text: string, lineStart: number): number {
  return lineStart < 2 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
}

/** The nearest block boundary at or before `offset`, no earlier than `floor` (a line start where blocks start afresh). */
function blockBoundaryAtOrBefore(text: string, offset: number, floor = 0): number {
  let lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  while (lineStart > floor && !isBlockBoundary(text, lineStart)) lineStart = previousLineStart(text, lineStart);
  return Math.max(lineStart, floor);
}

function blockBoundaryAtOrAfter(text: string, offset: number): number {
  let lineStart = offset === 0 || text[offset - 1] === '\n' ? offset : text.indexOf('\n', offset) + 1;
  if (lineStart === 0) return text.length;
  while (!isBlockBoundary(text, lineStart)) {
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return text.length;
    lineStart = next + 1;
  }
  return lineStart;
}

// ── Masking ─────────────────────────────────────────────────────────────────

function plainMarkup(text: string): Markup {
  if (!mayHoldUrl(text)) return { visible: text, referenceLabels: [], directives: [] };
  return { visible: maskSpans(text, urlSpans(text)), referenceLabels: [], directives: [] };
}

/** `text` with the characters of `spans` (sorted, disjoint) replaced by spaces, line breaks kept: offsets and lines unchanged. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start), blank(text.slice(span.start, span.end)));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Spaces for every character but line breaks. */
function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  referenceType?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const PARSE_OPTIONS = {
  extensions: [frontmatter(['yaml']), gfmAutolinkLiteral()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown()],
};

/** HTML elements whose content is raw (code, scripts, styles), never text. */
const RAW_ELEMENT_RE = /<(script|style|pre|textarea)\b[\s\S]*?(?:<\/\1\s*>|$(?![\s\S]))/giy;
/** An HTML comment, processing instruction, declaration, CDATA section or tag (CommonMark's grammar of raw HTML). */
const HTML_MARKUP_RE =
  /<!--[\s\S]*?(?:-->|$(?![\s\S]))|<\?[\s\S]*?(?:\?>|$(?![\s\S]))|<!\[CDATA\[[\s\S]*?(?:\]\]>|$(?![\s\S]))|<![A-Za-z][^>]*>?|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;

function markdownMarkup(text: string): Markup {
  const textSpans: Span[] = [];
  const referenceLabels: Span[] = [];
  const directives: Span[] = [];
  const tree = fromMarkdown(text, PARSE_OPTIONS) as MdNode;

  const keep = (start: number, end: number) => {
    if (end > start) textSpans.push({ start, end });
  };
  const walk = (node: MdNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'text':
        keepTextNode(text, start, end, keep);
        return;
      case 'link':
        // An autolink (`<https://…>`) or a bare URL: the link text is the URL itself.
        if (text[start] === '[') walkChildren(node);
        return;
      case 'linkReference':
        if (node.referenceType !== 'full') referenceLabels.push({ start: start + 1, end: labelEnd(text, start + 1) });
        walkChildren(node);
        return;
      case 'image':
      case 'imageReference': {
        // The alt text is text; the path, the title and a reference label are not.
        const altEnd = labelEnd(text, start + 2);
        keep(start + 2, altEnd);
        if (node.type === 'imageReference' && node.referenceType !== 'full') referenceLabels.push({ start: start + 2, end: altEnd });
        return;
      }
      case 'html':
        keepHtmlText(text, start, end, keep, directives);
        return;
      case 'yaml':
        keepFrontMatterValues(text, start, end, node.value ?? '', keep);
        return;
      case 'code':
      case 'inlineCode':
      case 'definition':
      case 'thematicBreak':
      case 'break':
        return;
      default:
        walkChildren(node);
    }
  };
  const walkChildren = (node: MdNode) => {
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);

  // What the Markdown leaves as text, less the URLs in it (a bare `ftp://…`, a URL written as link text).
  textSpans.sort((a, b) => a.start - b.start);
  const masked = maskOutside(text, textSpans);
  const urls = urlSpans(masked);
  return { visible: maskSpans(masked, urls), referenceLabels, directives };
}

/** `text` with everything outside `keep` (sorted) replaced by spaces, line breaks kept. */
function maskOutside(text: string, keep: readonly Span[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of keep) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    parts.push(blank(text.slice(at, start)), text.slice(start, span.end));
    at = span.end;
  }
  parts.push(blank(text.slice(at)));
  return parts.join('');
}

/**
 * A text node's source, less the container marks of its continuation lines: in
 * a block quote or a list item, a paragraph's later lines start with `>` and
 * indentation that the node's position spans but that are not its text.
 */
function keepTextNode(text: string, start: number, end: number, keep: (start: number, end: number) => void): void {
  let lineStart = start;
  for (;;) {
    const lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak < 0 || lineBreak >= end) {
      keep(lineStart, end);
      return;
    }
    keep(lineStart, lineBreak + 1);
    lineStart = lineBreak + 1;
    while (lineStart < end && (text[lineStart] === ' ' || text[lineStart] === '\t' || text[lineStart] === '>')) lineStart++;
  }
}

/** The offset of the `]` that closes a link or image label whose content starts at `from` (brackets nest, `\` escapes). */
function labelEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return from;
}

/**
 * The text between the tags of an HTML node: an inline node is one tag or
 * comment (all markup); an HTML block keeps the text between its tags, except
 * inside raw elements (script, style, pre, textarea). Glossa's directive
 * comments are recorded.
 */
function keepHtmlText(text: string, start: number, end: number, keep: (start: number, end: number) => void, directives: Span[]): void {
  const source = text.slice(start, end);
  let textStart = 0;
  let i = source.indexOf('<');
  while (i >= 0) {
    RAW_ELEMENT_RE.lastIndex = i;
    HTML_MARKUP_RE.lastIndex = i;
    const markup = RAW_ELEMENT_RE.exec(source) ?? HTML_MARKUP_RE.exec(source);
    if (!markup) {
      i = source.indexOf('<', i + 1);
      continue;
    }
    keep(start + textStart, start + i);
    if (markup[0].startsWith('<!--') && isGlossaDirective(markup[0].slice(4))) directives.push({ start: start + i, end: start + i + markup[0].length });
    textStart = i + markup[0].length;
    i = source.indexOf('<', textStart);
  }
  keep(start + textStart, end);
}

/** Front matter (`---` YAML at the top): the values are text; the keys, the fences and comments are not. */
function keepFrontMatterValues(text: string, start: number, end: number, value: string, keep: (start: number, end: number) => void): void {
  const contentStart = text.indexOf('\n', start) + 1;
  if (contentStart === 0 || contentStart > end || !text.startsWith(value, contentStart)) return;
  const document = parseDocument(value, { keepSourceTokens: false });
  visit(document, {
    Scalar(key, node) {
      if (key === 'key' || !node.range) return;
      keep(contentStart + node.range[0], contentStart + node.range[1]);
    },
  });
}
