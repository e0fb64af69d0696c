/**
 * Character classes used for word boundaries: a "word character" is a Unicode
 * letter, digit or combining mark (so an NFD-encoded name stays one word).
 */

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

/**
 * Word-character classes over the BMP, filled lazily: 0 unknown, 1 word, 2 not
 * a word. Hot loops read it directly and call classifyCode() on a 0.
 */
export const WORD_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  WORD_CLASS[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 2;
}
// Surrogates: astral letters are rare in this corpus; both halves count as word characters.
WORD_CLASS.fill(1, 0xd800, 0xe000);

/** Classifies a BMP code unit not yet in WORD_CLASS, caching the answer. */
export function classifyCode(code: number): number {
  const cls = WORD_RE.test(String.fromCharCode(code)) ? 1 : 2;
  WORD_CLASS[code] = cls;
  return cls;
}

/** Is the UTF-16 code unit `code` (a BMP code point) a letter, digit or mark? */
export function isWordCode(code: number): boolean {
  const cls = WORD_CLASS[code];
  return (cls === 0 ? classifyCode(code) : cls) === 1;
}

/** Is the character (code point) starting at `offset` a word character? Handles surrogate pairs. */
export function isWordAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 0xd800 && code <= 0xdfff) {
    const cp = text.codePointAt(offset);
    return cp !== undefined && WORD_RE.test(String.fromCodePoint(cp));
  }
  return isWordCode(code);
}

/** Is the character ending just before `offset` a word character? Handles surrogate pairs. */
export function isWordBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const code = text.charCodeAt(offset - 1);
  if (code >= 0xdc00 && code <= 0xdfff && offset >= 2) return isWordAt(text, offset - 2);
  return isWordCode(code);
}

/** True when `s` has at least one letter and no lower-case letter ("TÔ LÂM", "VNA"). */
export function isAllCaps(s: string): boolean {
  // Fast answers for ASCII: most words fail on their first or second letter.
  const a = s.charCodeAt(0);
  if (a >= 0x61 && a <= 0x7a) return false;
  const b = s.charCodeAt(1);
  if (b >= 0x61 && b <= 0x7a) return false;
  return UPPER_RE.test(s) && !LOWER_RE.test(s);
}

export function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x200a || code === 0x3000;
}

/**
 * A 30-bit hash of the lower case of the ASCII word at `[start, end)`, or -1 when
 * it holds a non-ASCII code unit: known English words (demonyms, qualifiers,
 * spelled numbers) hashed with it tell a word apart before it is sliced.
 */
export function lowerAsciiHash(s: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) {
    let c = s.charCodeAt(k);
    if (c >= 0x80) return -1;
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h & 0x3fffffff;
}
