/**
 * Character classes used for word boundaries: a "word character" is a Unicode
 * letter, digit or combining mark (so an NFD-encoded name stays one word).
 */

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

// Lazily filled cache over the BMP: 0 unknown, 1 word, 2 not a word.
const wordCache = new Uint8Array(0x10000);

/** Is the UTF-16 code unit `code` (a BMP code point) a letter, digit or mark? */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    // Surrogates: astral letters are rare in this corpus; treat both halves as word characters
    // when the pair forms a letter. Callers that need precision use isWordAt().
    return true;
  }
  let cached = wordCache[code];
  if (cached === 0) {
    cached = WORD_RE.test(String.fromCharCode(code)) ? 1 : 2;
    wordCache[code] = cached;
  }
  return cached === 1;
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
  return UPPER_RE.test(s) && !LOWER_RE.test(s);
}

export function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x200a || code === 0x3000;
}
