/**
 * Recognises the white-space-delimited token around a span, to leave alone
 * names that are part of a URL, an e-mail address or a file name
 * ("vietnamnews.vn", "anh dai dien 1826.jpg", "https://…/Tô_Lâm").
 */

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FILE_RE = /\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|txt|md|html?|php|aspx?|mp[34]|mov|zip|yaml|yml|json|csv)$/i;
const DOMAIN_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|vn|ru|gov|edu|info|io|int|uk|de|fr)(?:\/\S*)?$/iu;

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
  const token = tokenAround(text, start, end);
  // Each form has a '.' or a ':'; most tokens (words, figures) have neither.
  if (token.indexOf('.') < 0 && token.indexOf(':') < 0) return false;
  return URL_RE.test(token) || EMAIL_RE.test(token) || FILE_RE.test(token) || DOMAIN_RE.test(token);
}
