/** Helpers for the YAML edit tests: apply a result, and see which lines it changed. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../src/core/normalize/normalize';
import type { EditResult, EditSuccess } from '../../../src/core/edit/types';
import { repoRoot } from '../support';

/** The text after a successful edit (fails the test on a failure). */
export function applied(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : `expected success, got: ${result.error}`);
  return applyEdits(text, result.edits);
}

export function succeeded<T>(result: EditResult<T>): EditSuccess & T {
  if (!result.ok) assert.fail(`expected success, got: ${result.error}`);
  return result;
}

/**
 * The lines that differ between `before` and `after` once their common first and last
 * lines are set aside: what an edit replaced, and with what. Everything else is
 * byte-identical by construction.
 */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(repoRoot, relative), 'utf8');
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Every line break of `text` is CRLF. */
export function assertAllCrlf(text: string): void {
  assert.equal(text.replace(/\r\n/g, '').search(/[\r\n]/), -1, 'a line break that is not CRLF');
}
