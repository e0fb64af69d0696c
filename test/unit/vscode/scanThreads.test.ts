// The corpus index's scan threads (src/vscode/services/scanThreads.ts, scanWorker.ts) make what the
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
import { ScanThreads, scanThreadCount, ScanThreadsStopped, type ThreadEngine } from '../../../src/vscode/services/scanThreads';
import { corpusDir, repoRoot } from '../support';

const fixture = (name: string) => ({ file: name, text: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', name), 'utf8') });
/** The worker's script as tsc compiles it beside this test. */
const script = path.join(repoRoot, 'out', 'src', 'vscode', 'services', 'scanWorker.js');
const IGNORED: NumberKind[] = ['year', 'date', 'time'];

describe('scan threads of the corpus index', () => {
  let engine: Engine;
  let threadEngine: ThreadEngine;
  let tmp: string;
  let files: string[];

  before(() => {
    engine = new Engine(parseGlossary([fixture('glossary.yaml')]), parseLedger([fixture('facts.yaml')]));
    threadEngine = { key: 'fixture#1', folder: 'fixture', glossary: engine.glossary, ledger: engine.ledger };
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
    it(`makes what this thread makes of every article (discovery: ${need})`, async () => {
      const threads = ScanThreads.start(script, 2)!;
      try {
        const replies = await Promise.all(files.map((file) => threads.scan(threadEngine, { path: file, format: textFormatOf(file), limit: 0, ignored: IGNORED, need })));
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
        threads.dispose();
      }
    });
  }

  it('does not read a file over the size limit, and says a missing one is unreadable', async () => {
    const threads = ScanThreads.start(script, 1)!;
    try {
      const size = fs.statSync(files[0]).size;
      assert.deepStrictEqual(await threads.scan(threadEngine, { path: files[0], format: 'plain', limit: size - 1, ignored: IGNORED, need: 'all' }), { size, tooBig: true });
      const within = await threads.scan(threadEngine, { path: files[0], format: 'plain', limit: size, ignored: IGNORED, need: 'all' });
      assert.ok('packed' in within);
      assert.deepStrictEqual(await threads.scan(threadEngine, { path: path.join(tmp, 'gone.txt'), format: 'plain', limit: 0, ignored: IGNORED, need: 'all' }), { unreadable: true });
    } finally {
      threads.dispose();
    }
  });

  it('builds a new engine for a new generation of the glossary', async () => {
    const threads = ScanThreads.start(script, 1)!;
    try {
      const request = { path: files[0], format: 'plain' as const, limit: 0, ignored: IGNORED, need: 'none' as const };
      const before = await threads.scan(threadEngine, request);
      const empty: ThreadEngine = { key: 'fixture#2', folder: 'fixture', glossary: { entities: [], problems: [] }, ledger: { facts: [], problems: [] } };
      const after = await threads.scan(empty, request);
      assert.ok('packed' in before && 'packed' in after);
      assert.ok(new PackedAnalysis(before.packed, new StringIds()).mentionCount > 0);
      assert.equal(new PackedAnalysis(after.packed, new StringIds()).mentionCount, 0);
      // Asked with the first generation again (a folder's glossary put back), the thread builds it again.
      const again = await threads.scan(threadEngine, request);
      assert.ok('packed' in again);
      assert.deepStrictEqual(new PackedAnalysis(again.packed, new StringIds()).mentions, new PackedAnalysis(before.packed, new StringIds()).mentions);
    } finally {
      threads.dispose();
    }
  });

  it('rejects what it was asked once stopped, and what it is asked after', async () => {
    const threads = ScanThreads.start(script, 1)!;
    const asked = threads.scan(threadEngine, { path: files[0], format: 'plain', limit: 0, ignored: IGNORED, need: 'all' });
    threads.dispose();
    // Stopped, not failed: the corpus index then reads nothing itself (its scan was cancelled).
    await assert.rejects(asked, ScanThreadsStopped);
    await assert.rejects(threads.scan(threadEngine, { path: files[0], format: 'plain', limit: 0, ignored: IGNORED, need: 'all' }), ScanThreadsStopped);
  });

  it('rejects as failed (not stopped) when a thread dies, and every file after', async () => {
    const broken = path.join(tmp, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('broken on purpose');\n");
    const threads = ScanThreads.start(broken, 1)!;
    try {
      const request = { path: files[0], format: 'plain' as const, limit: 0, ignored: IGNORED, need: 'all' as const };
      const error = await threads.scan(threadEngine, request).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof Error && !(error instanceof ScanThreadsStopped), String(error));
      assert.match(String(error), /broken on purpose|stopped \(exit code/);
      await assert.rejects(threads.scan(threadEngine, request), (e: unknown) => e === error);
    } finally {
      threads.dispose();
    }
  });

  it('starts none for a small workspace by default, and as many as the setting says', () => {
    assert.equal(scanThreadCount(null, 10), 0);
    assert.ok(scanThreadCount(null, 5000) >= 1);
    assert.ok(scanThreadCount(null, 5000) <= 2);
    assert.equal(scanThreadCount(0, 5000), 0);
    assert.equal(scanThreadCount(3, 10), 3);
    assert.equal(ScanThreads.start(script, 0), undefined);
  });
});
