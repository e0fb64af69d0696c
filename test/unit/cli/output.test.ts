import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Problem } from '../../../src/core';
import { CheckJsonPrinter, CheckTextPrinter, inPrintOrder, type CheckReport } from '../../../src/cli/output';

/** A problem at `file:line:character` with `severity`, its message naming where it came from. */
function problem(file: string, line: number, character: number, severity: Problem['severity'], from: string): Problem {
  return { file, line, character, endLine: line, endCharacter: character + 1, severity, code: 'unverified-number', message: from };
}

function part(files: string[], problems: Problem[]): Pick<CheckReport, 'files' | 'mentions' | 'variants' | 'numbers' | 'problems'> {
  return { files, mentions: [], variants: [], numbers: [], problems };
}

function printed(head: Problem[], parts: ReturnType<typeof part>[]): string {
  let text = '';
  const printer = new CheckTextPrinter(head, (s) => {
    text += String(s);
    return undefined;
  });
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

describe('check’s JSON, printed part by part', () => {
  type Part = Pick<CheckReport, 'files' | 'mentions' | 'variants' | 'numbers' | 'problems'>;

  function mention(file: string, line: number, text: string): CheckReport['mentions'][number] {
    return { file, line, character: 0, endLine: line, endCharacter: text.length, text, entity: 'to-lam', kind: 'person', canonical: 'Tô Lâm', variant: 'alias' };
  }

  function number(file: string, line: number): CheckReport['numbers'][number] {
    return { file, line, character: 3, endLine: line, endCharacter: 6, text: '1,2', kind: 'count', value: 1.2, unit: null, qualifier: 'about "so"\tthen', status: 'unverified', fact: null };
  }

  // Whether the last `streamed` printed anything copied out of a file (the printer writes those as Buffers).
  let fromFiles = false;

  /** What the printer writes for `parts` (the Buffers it copies out of its files decoded), told to wait at every write when `behind`. */
  async function streamed(files: string[], head: Problem[], parts: Part[], behind = false): Promise<string> {
    const pieces: (string | Uint8Array)[] = [];
    const printer = new CheckJsonPrinter(files, head, (s) => {
      pieces.push(s);
      return behind ? Promise.resolve() : undefined;
    });
    for (const p of parts) await printer.add(p);
    await printer.finish();
    fromFiles = pieces.some((p) => typeof p !== 'string');
    return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))).toString('utf8');
  }

  /** The report held whole, as `JSON.stringify` prints it. */
  function whole(files: string[], head: Problem[], parts: Part[]): string {
    const report: CheckReport = { files, mentions: [], variants: [], numbers: [], problems: [...head] };
    for (const p of parts) {
      report.mentions.push(...p.mentions);
      report.variants.push(...p.variants);
      report.numbers.push(...p.numbers);
      report.problems.push(...p.problems);
    }
    return `${JSON.stringify(report, null, 2)}\n`;
  }

  it('prints the very text of the whole report, empty sections and all', async () => {
    const head = [problem('glossary.yaml', 2, 4, 'warning', 'glossary 2')];
    const parts: Part[] = [
      { files: ['a.txt'], mentions: [mention('a.txt', 0, 'To Lam'), { ...mention('a.txt', 3, 'Tô Lâm'), title: 'General Secretary' }], variants: [], numbers: [number('a.txt', 1)], problems: [problem('a.txt', 1, 3, 'warning', 'a 1')] },
      { files: ['b/c.txt'], mentions: [], variants: [], numbers: [], problems: [] },
      { files: ['d.txt'], mentions: [mention('d.txt', 9, 'Việt Nam')], variants: [], numbers: [], problems: [problem('d.txt', 9, 0, 'info', 'd 9')] },
    ];
    const files = parts.flatMap((p) => p.files);
    assert.equal(await streamed(files, head, parts), whole(files, head, parts));
    assert.equal(await streamed(files, head, parts, true), whole(files, head, parts), 'the same when the output is behind');
    // Nothing at all: every section empty, as `[]`.
    assert.equal(await streamed([], [], []), whole([], [], []));
    assert.equal(await streamed(['x.txt'], [], [{ files: ['x.txt'], mentions: [], variants: [], numbers: [], problems: [] }]), whole(['x.txt'], [], []));
  });

  it('keeps the long sections in temporary files, and in memory where none can be made', async () => {
    // Far more than the 64 KB the printer holds before it writes a section out.
    const files = Array.from({ length: 40 }, (_, i) => `f${i}.txt`);
    const parts: Part[] = files.map((file, i) => ({
      files: [file],
      mentions: Array.from({ length: 30 }, (_, k) => mention(file, k, k % 2 ? 'Tô Lâm' : 'To Lam')),
      variants: [],
      numbers: Array.from({ length: 50 }, (_, k) => number(file, k)),
      problems: Array.from({ length: 50 }, (_, k) => problem(file, k, i, 'warning', `Unverified number in ${file}: "Hà Nội" ${k}`)),
    }));
    const expected = whole(files, [], parts);
    assert.ok(expected.length > 1 << 20, 'a report of more than a megabyte');
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('glossa-'));
    assert.equal(await streamed(files, [], parts), expected);
    assert.ok(fromFiles, 'copied out of temporary files');
    assert.deepEqual(
      fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('glossa-')),
      before,
      'its temporary files are gone',
    );
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = path.join(os.tmpdir(), 'glossa-no-such-folder', 'deeper');
    try {
      assert.equal(await streamed(files, [], parts), expected);
      assert.ok(!fromFiles, 'held in memory');
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });
});
