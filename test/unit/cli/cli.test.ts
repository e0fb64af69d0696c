import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusDir, repoRoot } from '../support';

const cli = path.join(repoRoot, 'out', 'src', 'cli', 'main.js');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'corpus');

// The tests keep glossary caches in a folder of their own, never the user's.
const testCache = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-cache-'));
after(() => fs.rmSync(testCache, { recursive: true, force: true }));

/** Runs `glossa …` in `cwd` as a user would, returning exit status and output. */
function glossa(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GLOSSA_CACHE_DIR: testCache, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  files: string[];
  mentions: { file: string; line: number; character: number; endLine: number; endCharacter: number; text: string; entity: string; kind: string; canonical: string; variant: string; title?: string }[];
  numbers: { file: string; line: number; character: number; endLine: number; endCharacter: number; text: string; kind: string; value: number; unit: string | null; qualifier: string | null; status: string; fact: string | null }[];
  problems: { file: string; line: number; character: number; severity: string; code: string; message: string }[];
}

describe('glossa check on the real corpus', function () {
  this.timeout(30000);
  let report: Report;
  let status: number | null;
  const article = (prefix: string) => fs.readdirSync(corpusDir).find((f) => f.startsWith(prefix))!;

  before(() => {
    const r = glossa(['check', corpusDir, '--glossary', path.join(fixtures, 'glossary.yaml'), '--facts', path.join(fixtures, 'facts.yaml'), '--format', 'json']);
    status = r.status;
    assert.equal(r.stderr, '');
    report = JSON.parse(r.stdout) as Report;
  });

  const inFile = <T extends { file: string }>(items: T[], prefix: string) => items.filter((x) => path.basename(x.file) === article(prefix));

  it('lists the five articles', () => {
    assert.equal(report.files.length, 5);
  });

  it('exits 1 because a figure contradicts a verified fact', () => {
    assert.ok(report.problems.some((p) => p.code === 'conflicting-number' && p.severity === 'error'));
    assert.equal(status, 1);
  });

  it('finds the people and places of the first paragraphs of 001 with exact positions', () => {
    const mentions = inFile(report.mentions, '001').filter((m) => m.line <= 6);
    assert.deepEqual(
      mentions.map((m) => [m.line, m.character, m.endCharacter, m.text, m.entity, m.variant]),
      [
        [0, 25, 38, 'Sergey Lavrov', 'sergey-lavrov', 'canonical'],
        [0, 53, 60, 'Vietnam', 'viet-nam', 'alias'],
        [0, 61, 67, 'Russia', 'russia', 'canonical'],
        [0, 179, 191, 'Mekong River', 'mekong-river', 'canonical'],
        [4, 18, 24, 'To Lam', 'to-lam', 'alias'],
        [4, 47, 61, 'Vladimir Putin', 'vladimir-putin', 'canonical'],
        [6, 18, 24, 'To Lam', 'to-lam', 'alias'],
        [6, 80, 98, 'Russian Federation', 'russia', 'aka'],
      ],
    );
    const toLam = mentions.find((m) => m.text === 'To Lam')!;
    assert.equal(toLam.canonical, 'Tô Lâm');
    assert.equal(toLam.kind, 'person');
  });

  it('counts "Deputy Prime Minister Son" and "Khôi said" as short forms', () => {
    const son = inFile(report.mentions, '001').find((m) => m.text === 'Son' && m.variant === 'short');
    assert.equal(son?.entity, 'bui-thanh-son');
    const khoi = inFile(report.mentions, '000').find((m) => m.text === 'Khôi');
    assert.equal(khoi?.entity, 'dang-minh-khoi');
    assert.equal(khoi?.variant, 'short');
  });

  it('keeps the possessive out of "Mishustin\'s"', () => {
    const m = inFile(report.mentions, '000').find((x) => x.entity === 'mikhail-mishustin')!;
    assert.equal(m.text, 'Mikhail Mishustin');
  });

  it('never takes "Vietnamese" for Vietnam', () => {
    assert.ok(!report.mentions.some((m) => m.text.startsWith('Vietnamese')));
  });

  it('reads the money, counts and qualifiers of the trade paragraph of 001', () => {
    const numbers = inFile(report.numbers, '001').filter((n) => n.text.includes('USD') || n.text === '199' || n.text === '16');
    assert.deepEqual(
      numbers.map((n) => [n.text, n.kind, n.value, n.unit, n.status]),
      [
        ['USD 4.58 billion', 'money', 4580000000, 'USD', 'verified'],
        ['199', 'count', 199, null, 'verified'],
        ['USD 990 million', 'money', 990000000, 'USD', 'verified'],
        ['16', 'count', 16, null, 'verified'],
        ['USD 1.6 billion', 'money', 1600000000, 'USD', 'verified'],
      ],
    );
    const nearly = inFile(report.numbers, '001').find((n) => n.text === '40,000')!;
    assert.equal(nearly.qualifier, 'nearly');
  });

  it('flags "$4.15 billion" in 004 as conflicting with the 2024 trade fact', () => {
    const n = inFile(report.numbers, '004').find((x) => x.text === '$4.15 billion')!;
    assert.equal(n.status, 'conflicting');
    assert.equal(n.fact, 'trade-2024');
    assert.equal(n.value, 4150000000);
  });

  it('lists no years, dates, times or digits inside file names', () => {
    const texts = report.numbers.map((n) => n.text);
    for (const notAClaim of ['1950', '1941', '1942', '2025', '21:56', '1826', '669', '333']) {
      assert.ok(!texts.includes(notAClaim), `${notAClaim} is not a claim`);
    }
  });
});

describe('glossa command line', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-cli-'));
    fs.copyFileSync(path.join(fixtures, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'General Secretary To Lam met Sergei Lavrov.\nDeputy Prime Minister Son said trade rose 6.7%.\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('defaults to the current folder and its glossary.yaml, printing problems as file:line:column', () => {
    const r = glossa(['check'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^a\.txt:1:19: info non-canonical-spelling: "To Lam" .*Tô Lâm/m);
    assert.match(r.stdout, /^a\.txt:2:43: warning unverified-number: .*6\.7%/m);
  });

  it('check: "title" on mentions after a title, and the title problems', () => {
    fs.writeFileSync(path.join(dir, 'b.md'), '---\ndate: 2025-02-11\n---\nPresident Tô Lâm met Prime Minister Tô Lâm and Russian Foreign Minister Sergey Lavrov.\n');
    const r = glossa(['check', 'b.md', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(
      report.mentions.map((m) => [m.text, m.title]),
      [
        ['Tô Lâm', 'President'],
        ['Tô Lâm', 'Prime Minister'],
        ['Sergey Lavrov', 'Russian Foreign Minister'],
      ],
    );
    // A mention with no title before it has no "title" key, as in DESIGN.md's example.
    const plain = JSON.parse(glossa(['check', 'a.txt', '--format', 'json'], dir).stdout) as Report;
    const lavrov = plain.mentions.find((m) => m.text === 'Sergei Lavrov');
    assert.ok(lavrov && !('title' in lavrov));
    assert.equal(plain.mentions.find((m) => m.text === 'To Lam')?.title, 'General Secretary');
    const text = glossa(['check', 'b.md'], dir).stdout;
    assert.match(text, /^b\.md:4:1: warning outdated-title: Outdated title: "President" is Tô Lâm's title from 22 May 2024 to 21 October 2024, not on 11 February 2025/m);
    assert.match(text, /^b\.md:4:22: warning title-mismatch: Title mismatch: "Prime Minister" is the title of Phạm Minh Chính and Mikhail Mishustin on 11 February 2025, not of Tô Lâm/m);
  });

  it('check prints problems in file order, also when the locale orders the file names differently', () => {
    // Read in code-unit order ("B.txt" first), printed in the locale's ("a.txt" first), as one sort of them all.
    fs.writeFileSync(path.join(dir, 'B.txt'), 'Trade rose 6.7% with To Lam.\n');
    const r = glossa(['check', '--jobs', '2'], dir);
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout
      .split('\n')
      .filter((l) => /^\S+:\d+:\d+: /.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual([...new Set(files)], ['a.txt', 'B.txt']);
    assert.match(r.stdout, /\n2 files: 4 mentions of 3 entities, 2 numbers .*; 0 errors, 2 warnings, 4 info\n$/);
  });

  it('fails on warnings with --strict', () => {
    assert.equal(glossa(['check', '--strict'], dir).status, 1);
  });

  it('exits 2 with a clear message on a missing file, a bad flag and an unreadable glossary', () => {
    let r = glossa(['check', 'missing.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /No such file or folder: missing\.txt/);
    r = glossa(['check', '--colour'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Unknown option '--colour'/);
    r = glossa(['check', '--glossary', 'nope.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /No such file: nope\.yaml/);
    r = glossa(['check', '--format', 'xml'], dir);
    assert.equal(r.status, 2);
    r = glossa(['frobnicate'], dir);
    assert.equal(r.status, 2);
  });

  it('reports a broken glossary with its position and exits 1', () => {
    fs.writeFileSync(path.join(dir, 'glossary.yaml'), 'entities:\n  - id: x\n    kind: persn\n    name: X\n');
    const r = glossa(['check', '--format', 'json'], dir);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout) as Report;
    const problem = report.problems.find((p) => p.code === 'invalid-kind')!;
    assert.deepEqual([problem.file, problem.line, problem.character], ['glossary.yaml', 2, 10]);
  });

  it('normalize prints the edits, and --write applies them', () => {
    let r = glossa(['normalize'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /a\.txt:1:19: To Lam → Tô Lâm/);
    assert.match(r.stdout, /a\.txt:2:23: Son → Sơn/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8').includes('To Lam'), true, 'nothing written without --write');
    r = glossa(['normalize', '--write'], dir);
    assert.equal(r.status, 0);
    assert.equal(
      fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'),
      'General Secretary Tô Lâm met Sergey Lavrov.\nDeputy Prime Minister Sơn said trade rose 6.7%.\n',
    );
    assert.match(glossa(['normalize'], dir).stdout, /Would rewrite 0 spellings/);
  });

  it('honours the exceptions: no mention in a disabled line or of an ignored spelling, and normalize --write leaves them', () => {
    const original = 'glossa-ignore: Son\nTo Lam met Deputy Prime Minister Son.\nglossa-disable-next-line\nTo Lam said 9%, as published.\n';
    fs.writeFileSync(path.join(dir, 'c.txt'), original);
    const report = JSON.parse(glossa(['check', '--format', 'json'], dir).stdout) as Report;
    const mentions = report.mentions.filter((m) => m.file === 'c.txt').map((m) => `${m.line}:${m.text}`);
    assert.deepEqual(mentions, ['1:To Lam']); // 0-based lines
    assert.deepEqual(report.numbers.filter((n) => n.file === 'c.txt'), []);
    assert.equal(glossa(['normalize', '--write'], dir).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'c.txt'), 'utf8'), original.replace('To Lam met', 'Tô Lâm met'));
  });

  it('stats lists each entity, most mentioned first, with its spellings in glossary order', () => {
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Sergey Lavrov spoke. Lavrov said. Sergei Lavrov left; Lavrov too.\n');
    const r = glossa(['stats'], dir);
    assert.equal(r.status, 0, r.stderr);
    const first = r.stdout.split('\n')[0];
    assert.equal(first, 'Sergey Lavrov 5: Sergey Lavrov 1, Sergei Lavrov 2, Lavrov 2 (2 files)');
  });
});

describe('glossa --jobs', function () {
  this.timeout(60000);
  const glossary = path.join(fixtures, 'glossary.yaml');

  it('check on two threads prints the same JSON, byte for byte, as on one', () => {
    const args = ['check', corpusDir, '--glossary', glossary, '--facts', path.join(fixtures, 'facts.yaml'), '--all-numbers', '--format', 'json'];
    const one = glossa([...args, '--jobs', '1']);
    const two = glossa([...args, '--jobs', '2']);
    assert.equal(two.stderr, '');
    assert.equal(one.status, 1, 'a conflicting figure in the corpus');
    assert.equal(two.status, one.status);
    const report = JSON.parse(one.stdout) as Report;
    assert.ok(report.files.length >= 5 && report.mentions.length > 100 && report.numbers.length > 50, 'a real report');
    assert.ok(two.stdout === one.stdout, 'the same bytes');
    // And the text format, and the default number of threads.
    assert.equal(glossa(args.slice(0, -2).concat('--jobs', '2')).stdout, glossa(args.slice(0, -2)).stdout);
  });

  it('stats on two threads counts the same as on one (all but the timing)', () => {
    const withoutTiming = (stdout: string) => {
      const report = JSON.parse(stdout) as { timing?: unknown; entities: unknown[] };
      delete report.timing;
      return report;
    };
    const args = ['stats', corpusDir, '--glossary', glossary, '--format', 'json'];
    const one = glossa([...args, '--jobs', '1']);
    const two = glossa([...args, '--jobs', '2']);
    assert.equal(two.status, 0, two.stderr);
    assert.ok(withoutTiming(one.stdout).entities.length > 10);
    assert.deepEqual(withoutTiming(two.stdout), withoutTiming(one.stdout));
    assert.equal(glossa(['stats', corpusDir, '--glossary', glossary, '--jobs', '2']).stdout, glossa(['stats', corpusDir, '--glossary', glossary, '--jobs', '1']).stdout);
  });

  it('says what --jobs takes', () => {
    const r = glossa(['check', corpusDir, '--glossary', glossary, '--jobs', '0']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--jobs must be a whole number from 1 to 256, not '0'/);
    assert.match(glossa(['normalize', '--jobs', '2']).stderr, /--jobs is not an option of 'glossa normalize'/);
    assert.match(glossa(['--help']).stdout, /--jobs N/);
  });
});

describe('glossa check into a pipe', function () {
  this.timeout(60000);
  const glossary = path.join(fixtures, 'glossary.yaml');
  let dir: string;
  before(() => {
    // The real corpus twenty times over: output well past what a pipe holds (64 KB).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-pipe-'));
    for (let k = 0; k < 20; k++) for (const f of fs.readdirSync(corpusDir)) fs.copyFileSync(path.join(corpusDir, f), path.join(dir, `${String(k).padStart(2, '0')}-${f}`));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** `glossa …` with its output read only after a pause (a slow reader): exit status and output. */
  function slowlyRead(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, GLOSSA_CACHE_DIR: testCache } });
      const out: Buffer[] = [];
      let stderr = '';
      child.stdout.pause();
      setTimeout(() => child.stdout.on('data', (b: Buffer) => out.push(b)).resume(), 1500);
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr }));
    });
  }

  for (const format of ['text', 'json']) {
    it(`prints the same ${format} to a slow reader as to a file, on two threads`, async () => {
      const args = ['check', dir, '--glossary', glossary, '--all-numbers', '--format', format, '--jobs', '2'];
      const file = path.join(dir, `..`, `${path.basename(dir)}.${format}`);
      const fd = fs.openSync(file, 'w');
      const direct = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, GLOSSA_CACHE_DIR: testCache } });
      fs.closeSync(fd);
      const expected = fs.readFileSync(file, 'utf8');
      fs.rmSync(file);
      assert.ok(expected.length > 1 << 18, `${expected.length} bytes of output`);
      const piped = await slowlyRead(args);
      assert.equal(piped.stderr, '');
      assert.equal(piped.status, direct.status);
      assert.ok(piped.stdout === expected, 'the same output');
    });
  }

  it('stops quietly when the reader stops reading (glossa check | head), as a closed pipe stops a program', () => {
    const command = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} check ${JSON.stringify(dir)} --glossary ${JSON.stringify(glossary)} --all-numbers | head -n 1`;
    const r = spawnSync('bash', ['-c', command], { encoding: 'utf8', env: { ...process.env, GLOSSA_CACHE_DIR: testCache } });
    assert.equal(r.stderr, '', 'no stack trace');
    assert.equal(r.status, 141, 'the status of a program the closed pipe stopped');
    assert.match(r.stdout, /^\S+\.txt:\d+:\d+: (warning|info|error) [a-z-]+: .+\n$/);
  });
});

describe('glossa\'s glossary cache', function () {
  this.timeout(60000);
  let dir: string;
  let cache: string;
  /** A glossary large enough to be cached: generated people ("Ab Personab"), then the fixture's entries, one of them broken. */
  const largeGlossary = (): string => {
    const letters = (n: number) => String.fromCharCode(97 + (n % 26)) + String.fromCharCode(97 + Math.floor(n / 26) % 26) + String.fromCharCode(97 + Math.floor(n / 676) % 26);
    const generated = Array.from({ length: 1200 }, (_, n) => `  - id: generated-${n}\n    kind: person\n    name: "${letters(n).replace(/^./, (c) => c.toUpperCase())} Person${letters(n)}"\n`);
    const fixture = fs.readFileSync(path.join(fixtures, 'glossary.yaml'), 'utf8').replace(/^entities:\n/m, '');
    return `entities:\n${generated.join('')}${fixture}  - id: broken-entry\n    kind: person\n    name: Ann Example\n    aliases: 5\n`;
  };
  const check = (...extra: string[]) => glossa(['check', '--format', 'json', ...extra], dir, { GLOSSA_CACHE_DIR: cache });
  const cacheFiles = () => (fs.existsSync(cache) ? fs.readdirSync(cache) : []);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-cli-'));
    cache = path.join(dir, 'cache');
    fs.writeFileSync(path.join(dir, 'glossary.yaml'), largeGlossary());
    fs.writeFileSync(path.join(dir, 'a.txt'), 'General Secretary To Lam met Sergei Lavrov and Aaa Personaaa.\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a large glossary parsed, and reads it back with the same report, problems at the same place', () => {
    assert.ok(fs.statSync(path.join(dir, 'glossary.yaml')).size >= 64 * 1024);
    const first = check();
    assert.equal(first.stderr, '');
    const report = JSON.parse(first.stdout) as Report;
    assert.ok(report.mentions.some((m) => m.entity === 'generated-0' && m.text === 'Aaa Personaaa'), first.stdout);
    assert.ok(report.problems.some((p) => p.file === 'glossary.yaml' && p.code === 'wrong-type' && p.line > 3600), first.stdout);
    assert.equal(cacheFiles().length, 1, 'one cache file');
    const second = check();
    assert.equal(second.status, first.status);
    assert.ok(second.stdout === first.stdout, 'the same bytes from the cache');
    // The cache is what the second run read: a kind changed in it (under the same key) shows.
    const file = path.join(cache, cacheFiles()[0]);
    const cached = fs.readFileSync(file, 'utf8');
    assert.ok(cached.includes('"id":"generated-0","kind":"person"'));
    fs.writeFileSync(file, cached.replace('"id":"generated-0","kind":"person"', '"id":"generated-0","kind":"place"'));
    const doctored = JSON.parse(check().stdout) as Report;
    assert.equal(doctored.mentions.find((m) => m.entity === 'generated-0')?.kind, 'place');
    // --no-cache parses the YAML again.
    assert.ok(check('--no-cache').stdout === first.stdout);
  });

  it('parses again when the glossary changes, and replaces its cache', () => {
    check();
    const glossary = path.join(dir, 'glossary.yaml');
    fs.writeFileSync(glossary, fs.readFileSync(glossary, 'utf8').replace('name: "Aaa Personaaa"', 'name: "Aaa Personaaa Junior"'));
    const report = JSON.parse(check().stdout) as Report;
    assert.ok(!report.mentions.some((m) => m.entity === 'generated-0'), 'the old name is no longer a mention');
    assert.equal(cacheFiles().length, 1, 'still one cache file');
    // A broken cache file is no worse than none.
    fs.writeFileSync(path.join(cache, cacheFiles()[0]), '{"format":');
    const fresh = check('--no-cache');
    assert.ok(check().stdout === fresh.stdout, 'the same report as without a cache');
  });

  it('writes none for a small glossary, nor with --no-cache', () => {
    check('--no-cache');
    assert.deepEqual(cacheFiles(), []);
    fs.copyFileSync(path.join(fixtures, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
    check();
    assert.deepEqual(cacheFiles(), []);
    assert.match(glossa(['--help']).stdout, /--no-cache/);
  });
});
