/** The UTF-8 length of a text, as the size limit of an open document reads it (no `vscode` here: unit-tested). */

/** The UTF-8 length of `text`, computed only when the UTF-16 length leaves it in doubt against `limit` (0: no limit). */
export function utf8Length(text: string, limit: number): number {
  // A UTF-16 code unit takes 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2 units).
  if (limit === 0 || text.length * 3 <= limit || text.length > limit) return text.length;
  // Counted rather than encoded: encoding a 1 MB text allocates a megabyte. (An open document's size is
  // counted once, then kept from its edits: `utf8Size`, `utf8Delta`.)
  return utf8Bytes(text, 0, text.length);
}

/** The UTF-8 length of `text`, counted whatever its UTF-16 length (the start of a document's running count). */
export function utf8Size(text: string): number {
  return utf8Bytes(text, 0, text.length);
}

/** The UTF-8 length of `text.slice(start, end)`, as TextEncoder encodes it (a surrogate pair inside it 4 bytes, a lone surrogate 3). */
function utf8Bytes(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // A surrogate pair; a lone surrogate is encoded as U+FFFD, 3 bytes.
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * How much longer in UTF-8 `after` is than `before`, where `after` is `before`
 * with `[start, oldEnd)` replaced by `after.slice(start, newEnd)`: read from the
 * changed part alone (and a surrogate beside it, which may pair across its edge),
 * so that a keystroke in a long document is not a count of the whole text.
 */
export function utf8Delta(before: string, after: string, start: number, oldEnd: number, newEnd: number): number {
  let from = start;
  if (from > 0 && (before.charCodeAt(from - 1) & 0xfc00) === 0xd800) from--;
  let oldTo = oldEnd;
  let newTo = newEnd;
  if (oldTo < before.length && (before.charCodeAt(oldTo) & 0xfc00) === 0xdc00) {
    oldTo++;
    newTo++;
  }
  return utf8Bytes(after, from, newTo) - utf8Bytes(before, from, oldTo);
}
