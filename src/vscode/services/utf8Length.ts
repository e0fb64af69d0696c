/** The UTF-8 length of a text, as the size limit of an open document reads it (no `vscode` here: unit-tested). */

/** The UTF-8 length of `text`, computed only when the UTF-16 length leaves it in doubt against `limit` (0: no limit). */
export function utf8Length(text: string, limit: number): number {
  // A UTF-16 code unit takes 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2 units).
  if (limit === 0 || text.length * 3 <= limit || text.length > limit) return text.length;
  // Counted rather than encoded: every analysis of an open document asks, and encoding a 1 MB text
  // allocates a megabyte and takes milliseconds.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // A surrogate pair; a lone surrogate is encoded as U+FFFD, 3 bytes.
      i++;
    } else bytes += 3;
  }
  return bytes;
}
