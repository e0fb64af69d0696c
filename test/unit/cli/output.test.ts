import * as assert from 'node:assert/strict';
import type { Problem } from '../../../src/core';
import { CheckTextPrinter, inPrintOrder, type CheckReport } from '../../../src/cli/output';

/** A problem at `file:line:character` with `severity`, its message naming where it came from. */
function problem(file: string, line: number, character: number, severity: Problem['severity'], from: string): Problem {
  return { file, line, character, endLine: line, endCharacter: character + 1, severity, code: 'unverified-number', message: from };
}

function part(files: string[], problems: Problem[]): Pick<CheckReport, 'files' | 'mentions' | 'variants' | 'numbers' | 'problems'> {
  return { files, mentions: [], variants: [], numbers: [], problems };
}

function printed(head: Problem[], parts: ReturnType<typeof part>[]): string {
  let text = '';
  const printer = new CheckTextPrinter(head, (s) => (text += s));
  for (const p of parts) printer.add(p);
  printer.finish();
  return text;
}

describe('check’s text format, printed part by part', () => {
  it('prints what one sort of every problem prints, the glossary’s merged in at their place', () => {
    // Two runs of files in order, each part's problems in the order the analysis found them (not sorted).
    const first = part(['a/one.txt', 'a/two.txt'], [problem('a/one.txt', 4, 0, 'warning', 'one 4'), problem('a/one.txt', 1, 2, 'info', 'one 1'), problem('a/two.txt', 0, 0, 'hint', 'two 0')]);
    const second = part(['c/three.txt'], [problem('c/three.txt', 2, 5, 'warning', 'three 2:5 warning'), problem('c/three.txt', 2, 5, 'error', 'three 2:5 error')]);
    // The glossary sorts between the two parts; a ledger problem at the same place as a file's sorts first, as in a stable sort.
    const head = [problem('b/glossary.yaml', 9, 1, 'error', 'glossary 9'), problem('b/glossary.yaml', 3, 1, 'warning', 'glossary 3'), problem('a/two.txt', 0, 0, 'hint', 'ledger at two 0')];
    const streamed = printed(head, [first, second]);
    const whole = printed([], [part([...first.files, ...second.files], [...head, ...first.problems, ...second.problems])]);
    assert.equal(streamed, whole);
    const order = streamed
      .split('\n')
      .filter((l) => /^\S+:\d+:\d+: /.test(l))
      .map((l) => l.slice(l.lastIndexOf(': ') + 2));
    assert.deepEqual(order, ['one 1', 'one 4', 'ledger at two 0', 'two 0', 'glossary 3', 'glossary 9', 'three 2:5 error', 'three 2:5 warning']);
    assert.match(streamed, /\n3 files: 0 mentions of 0 entities, 0 numbers \(0 verified, 0 conflicting, 0 disputed, 0 unverified\); 2 errors, 3 warnings, 1 info\n$/);
  });

  it('knows when the files’ order is not the text format’s (code units against the locale)', () => {
    assert.equal(inPrintOrder(['a.txt', 'b/c.txt', 'b/d.txt']), true);
    // Sorted by code unit, as the corpus files are, "B" comes before "a"; the locale puts it after.
    assert.equal(inPrintOrder(['B.txt', 'a.txt']), false);
    assert.equal(inPrintOrder([]), true);
  });
});
