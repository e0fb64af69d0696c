/**
 * Offset ↔ position conversion as VS Code counts: 0-based lines, characters in
 * UTF-16 code units. Line breaks are LF, CRLF or a lone CR; CRLF is one break.
 */

import type { Position } from '../types';

/** What a `LineIndex` is made of: what another process sends of one (a message copies its arrays). */
export interface LineIndexParts {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

export class LineIndex {
  /** Offsets at which each line starts, and just past its last character (before its break). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** The text's length: the index keeps no reference to the text (a corpus index holds thousands of these). */
  private readonly length: number;

  /** The index of `text`, or the one `parts` were taken from. */
  constructor(text: string | LineIndexParts) {
    if (typeof text !== 'string') {
      this.starts = text.starts;
      this.ends = text.ends;
      this.length = text.length;
      return;
    }
    let starts = new Int32Array(64);
    let ends = new Int32Array(64);
    let count = 0;
    let lineStart = 0;
    const push = (end: number, next: number): void => {
      if (count === starts.length) {
        const grownStarts = new Int32Array(count * 2);
        grownStarts.set(starts);
        starts = grownStarts;
        const grownEnds = new Int32Array(count * 2);
        grownEnds.set(ends);
        ends = grownEnds;
      }
      starts[count] = lineStart;
      ends[count++] = end;
      lineStart = next;
    };
    // Each break found with the engine's own search, far faster than a loop over every code unit: the next LF and
    // the next CR, whichever comes first (a CR right before an LF is one CRLF break).
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        if (lf === cr + 1) {
          push(cr, cr + 2);
          lf = text.indexOf('\n', lf + 1);
        } else {
          push(cr, cr + 1);
        }
        cr = text.indexOf('\r', cr + 1);
      } else {
        push(lf, lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
    push(text.length, text.length);
    this.starts = starts.slice(0, count);
    this.ends = ends.slice(0, count);
    this.length = text.length;
  }

  /** Its arrays and length, for `new LineIndex(parts)` in another process. */
  parts(): LineIndexParts {
    return { starts: this.starts, ends: this.ends, length: this.length };
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of `offset`, clamped to the text. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** The offset of `position`, clamped to its line (excluding the line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    return this.ends[Math.max(0, Math.min(line, this.ends.length - 1))];
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}
