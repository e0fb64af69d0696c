/**
 * Recognises URLs, e-mail addresses and file names, which hold no names to
 * rewrite ("vietnamnews.vn", "anh dai dien 1826.jpg", "https://…/Tô_Lâm"):
 * the white-space-delimited token around a span, and URLs found by their
 * scheme wherever they stand (DESIGN.md rule 12).
 */
import type { Span } from '../types';

/** A scheme (`http://`, `https://`, any `name://`) or `www.`: how a URL begins. */
const URL_START_SOURCE = String.raw`(?:[a-z][a-z0-9+.-]*:\/\/|www\.)`;
const URL_RE = new RegExp(`^${URL_START_SOURCE}`, 'i');
/** A URL's start where no letter, digit or dot runs into it ("awww.x" is not one). */
const URL_IN_TEXT_RE = new RegExp(`(?<![\\p{L}\\p{N}.+-])${URL_START_SOURCE}`, 'giu');
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FILE_RE = /\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|txt|md|html?|php|aspx?|mp[34]|mov|zip|yaml|yml|json|csv)$/i;
const DOMAIN_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|vn|ru|gov|edu|info|io|int|uk|de|fr)(?:\/\S*)?$/iu;
/** Characters that end a sentence or a quotation or mark emphasis, never the last of a URL. */
const URL_TRAILING = new Set(['.', ',', ':', ';', '!', '?', '"', "'", '*', '_', '~', '`', '”', '’', '»', '>']);
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Is the UTF-16 code unit white space, as `\s` of a regular expression matches it (without one per character)? */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The white-space-delimited token containing `[start, end)`, without trailing sentence punctuation. */
export function tokenAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !isSpaceCode(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && !isSpaceCode(text.charCodeAt(e))) e++;
  // Markdown's emphasis and code marks and sentence punctuation are not part of a URL or file name.
  return text.slice(s, e).replace(/^[("'“‘[<`*_]+/, '').replace(/[)"'”’\]>,;:!?`*_]+$/, '').replace(/\.$/, '');
}

/** True when the span is part of a URL, an e-mail address or a file name. */
export function isInUrlOrFileName(text: string, start: number, end: number): boolean {
  // The usual token (a word, a figure) has no '.' or ':' at all: answered without building it.
  let s = start;
  let marked = false;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (isSpaceCode(c)) break;
    if (c === 0x2e || c === 0x3a) marked = true;
    s--;
  }
  for (let e = start; !marked && e < text.length; e++) {
    const c = text.charCodeAt(e);
    if (e >= end && isSpaceCode(c)) break;
    if (c === 0x2e || c === 0x3a) marked = true;
  }
  if (!marked) return false;
  const token = tokenAround(text, start, end);
  // Each form has a '.' or a ':'; most tokens (words, figures) have neither.
  if (token.indexOf('.') < 0 && token.indexOf(':') < 0) return false;
  return URL_RE.test(token) || EMAIL_RE.test(token) || FILE_RE.test(token) || DOMAIN_RE.test(token);
}

/** True when `text` may hold a URL: the cheap test before `urlSpans`. */
export function mayHoldUrl(text: string): boolean {
  return text.includes('://') || /www\./i.test(text);
}

/**
 * Every URL of `text`, found by its scheme or `www.` wherever it stands, also
 * inside brackets and parentheses ("[To Lam](https://…/To_Lam)",
 * "(http://x.com/?q=To+Lam)"). A URL runs to the next white space, less the
 * sentence punctuation after it and a closing bracket it did not open.
 */
export function urlSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (!mayHoldUrl(text)) return spans;
  const starts = new RegExp(URL_IN_TEXT_RE.source, URL_IN_TEXT_RE.flags);
  let found: RegExpExecArray | null;
  while ((found = starts.exec(text))) {
    const start = found.index;
    let end = start + found[0].length;
    while (end < text.length && !/\s/.test(text[end])) end++;
    end = trimUrlEnd(text, start, end);
    if (end > start + found[0].length) spans.push({ start, end });
    starts.lastIndex = Math.max(end, start + found[0].length);
  }
  return spans;
}

function trimUrlEnd(text: string, start: number, end: number): number {
  for (;;) {
    const last = text[end - 1];
    if (URL_TRAILING.has(last)) {
      end--;
      continue;
    }
    const opening = CLOSING[last];
    if (opening !== undefined) {
      const url = text.slice(start, end);
      if (count(url, opening) < count(url, last)) {
        end--;
        continue;
      }
    }
    return end;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}
