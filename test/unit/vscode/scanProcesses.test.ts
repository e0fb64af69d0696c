// The corpus index's scan processes (src/vscode/services/scanProcesses.ts, scanProcess.ts) make what the
// extension host's thread makes of a file read from disk: the same mentions, claims, line index and
// discovery, on the real articles and the samples (with the fixtures' glossary and facts), CRLF and BOM
// copies included; a file over the size limit is not read, a missing one is unreadable, and a stopped
// pool rejects what it was asked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, LineIndex, parseGlossary, parseLedger, textFormatOf, type NumberKind } from '../../../src/core';
import { analyzeForIndex, type DiscoveryNeed } from '../../../src/vscode/services/indexedFile';
import { PackedAnalysis, StringIds } from '../../../src/vscode/services/packedAnalysis';
import { ScanProcesses, scanProcessCount, ScanProcessesStopped, type ScanEngine } from '../../../src/vscode/services/scanProcesses';
import { corpusDir, repoRoot } from '../support';

const fixture = (name: string) => ({ file: name, text: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', name), 'utf8') });
/** The scan process's script as tsc compiles it beside this test. */
const script = path.join(repoRoot, 'out', 'src', 'vscode', 'services', 'scanProcess.js');
const IGNORED: NumberKind[] = ['year', 'date', 'time'];

describe('scan processes of the corpus index', () => {
  let engine: Engine;
  let scanEngine: ScanEngine;
  let tmp: string;
  let files: string[];

  before(() => {
    engine = new Engine(parseGlossary([fixture('glossary.yaml')]), parseLedger([fixture('facts.yaml')]));
    scanEngine = { key: 'fixture#1', folder: 'fixture', glossary: engine.glossary, ledger: engine.ledger };
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-scan-'));
    const articles = fs.readdirSync(corpusDir).map((f) => path.join(corpusDir, f));
    const samples = fs.readdirSync(path.join(repoRoot, 'samples', 'articles')).map((f) => path.join(repoRoot, 'samples', 'articles', f));
    const first = fs.readFileSync(articles[0], 'utf8');
    fs.writeFileSync(path.join(tmp, 'crlf.txt'), first.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(tmp, 'bom.md'), '\uFEFF' + first);
    files = [...articles, ...samples, path.join(repoRoot, 'test', 'fixtures', 'corpus', 'articles', 'titles-2025.md'), path.join(tmp, 'crlf.txt'), path.join(tmp, 'bom.md')];
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const need of ['all', 'variants', 'none'] as DiscoveryNeed[]) {
    it(`makes what this process makes of every article (discovery: ${need})`, async () => {
      const processes = ScanProcesses.start(script, 2)!;
      try {
        const replies = await Promise.all(files.map((file) => processes.scan(scanEngine, { path: file, format: textFormatOf(file), limit: 0, ignored: IGNORED, need })));
        replies.forEach((reply, i) => {
          const bytes = fs.readFileSync(files[i]);
          const text = new TextDecoder().decode(bytes);
          assert.ok('packed' in reply, files[i]);
          const expected = analyzeForIndex(engine, text, textFormatOf(files[i]), new Set(IGNORED), need);
          const ids = new StringIds();
          const got = new PackedAnalysis(reply.packed, ids);
          assert.ok(got.mentionCount > 0 || expected.analysis.mentions.length === 0);
          assert.deepStrictEqual(got.mentions, expected.analysis.mentions, files[i]);
          assert.deepStrictEqual(got.numbers, expected.analysis.numbers, files[i]);
          assert.deepStrictEqual(got.date, expected.analysis.date, files[i]);
          assert.deepStrictEqual(reply.discovery, expected.discovery, files[i]);
          assert.equal(reply.size, bytes.length);
          assert.equal(reply.length, text.length);
          assert.deepStrictEqual(new LineIndex(reply.lines), new LineIndex(text));
        });
        // The corpus has claims the facts verify, names and variants: the comparison above compared something.
        const all = replies.flatMap((r) => ('packed' in r ? [new PackedAnalysis(r.packed, new StringIds())] : []));
        assert.ok(all.some((a) => a.numbers.some((n) => n.status === 'verified')));
        if (need !== 'none') assert.ok(replies.some((r) => 'packed' in r && (r.discovery?.variants.length ?? 0) + (r.discovery?.unknownNames.length ?? 0) > 0));
      } finally {
        processes.dispose();
      }
    });
  }

  it('does not read a file over the size limit, and says a missing one is unreadable', async () => {
    const processes = ScanProcesses.start(script, 1)!;
    try {
      const size = fs.statSync(files[0]).size;
      assert.deepStrictEqual(await processes.scan(scanEngine, { path: files[0], format: 'plain', limit: size - 1, ignored: IGNORED, need: 'all' }), { size, tooBig: true });
      const within = await processes.scan(scanEngine, { path: files[0], format: 'plain', limit: size, ignored: IGNORED, need: 'all' });
      assert.ok('packed' in within);
      assert.deepStrictEqual(await processes.scan(scanEngine, { path: path.join(tmp, 'gone.txt'), format: 'plain', limit: 0, ignored: IGNORED, need: 'all' }), { unreadable: true });
    } finally {
      processes.dispose();
    }
  });

  it('builds a new engine for a new generation of the glossary', async () => {
    const processes = ScanProcesses.start(script, 1)!;
    try {
      const request = { path: files[0], format: 'plain' as const, limit: 0, ignored: IGNORED, need: 'none' as const };
      const before = await processes.scan(scanEngine, request);
      const empty: ScanEngine = { key: 'fixture#2', folder: 'fixture', glossary: { entities: [], problems: [] }, ledger: { facts: [], problems: [] } };
      const after = await processes.scan(empty, request);
      assert.ok('packed' in before && 'packed' in after);
      assert.ok(new PackedAnalysis(before.packed, new StringIds()).mentionCount > 0);
      assert.equal(new PackedAnalysis(after.packed, new StringIds()).mentionCount, 0);
      // Asked with the first generation again (a folder's glossary put back), the process builds it again.
      const again = await processes.scan(scanEngine, request);
      assert.ok('packed' in again);
      assert.deepStrictEqual(new PackedAnalysis(again.packed, new StringIds()).mentions, new PackedAnalysis(before.packed, new StringIds()).mentions);
    } finally {
      processes.dispose();
    }
  });

  it('rejects what it was asked once stopped, and what it is asked after', async () => {
    const processes = ScanProcesses.start(script, 1)!;
    const asked = processes.scan(scanEngine, { path: files[0], format: 'plain', limit: 0, ignored: IGNORED, need: 'all' });
    processes.dispose();
    // Stopped, not failed: the corpus index then reads nothing itself (its scan was cancelled).
    await assert.rejects(asked, ScanProcessesStopped);
    await assert.rejects(processes.scan(scanEngine, { path: files[0], format: 'plain', limit: 0, ignored: IGNORED, need: 'all' }), ScanProcessesStopped);
  });

  it('rejects as failed (not stopped) when a process dies, and every file after', async () => {
    const broken = path.join(tmp, 'broken-scan-process.js');
    fs.writeFileSync(broken, "throw new Error('broken on purpose');\n");
    const processes = ScanProcesses.start(broken, 1)!;
    try {
      const request = { path: files[0], format: 'plain' as const, limit: 0, ignored: IGNORED, need: 'all' as const };
      const error = await processes.scan(scanEngine, request).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof Error && !(error instanceof ScanProcessesStopped), String(error));
      assert.match(String(error), /broken on purpose|stopped \(exit code/);
      await assert.rejects(processes.scan(scanEngine, request), (e: unknown) => e === error);
    } finally {
      processes.dispose();
    }
  });

  it('starts none for a small workspace by default, and as many as the setting says', () => {
    assert.equal(scanProcessCount(null, 10), 0);
    assert.ok(scanProcessCount(null, 5000) >= 1);
    assert.ok(scanProcessCount(null, 5000) <= 2);
    assert.equal(scanProcessCount(0, 5000), 0);
    assert.equal(scanProcessCount(3, 10), 3);
    assert.equal(ScanProcesses.start(script, 0), undefined);
  });
});
