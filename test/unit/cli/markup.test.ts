// Rule 12 (markup is not text) through the command line, on a Markdown article
// with every construct: test/fixtures/markup/article.md.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support';

const cli = path.join(repoRoot, 'out', 'src', 'cli', 'main.js');
const corpusFixtures = path.join(repoRoot, 'test', 'fixtures', 'corpus');
const markupFixtures = path.join(repoRoot, 'test', 'fixtures', 'markup');

function glossa(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  mentions: { line: number; character: number; endCharacter: number; text: string; entity: string }[];
  numbers: { line: number; character: number; endCharacter: number; text: string; kind: string; status: string }[];
  problems: { file: string; line: number; character: number; code: string }[];
}

describe('glossa on a Markdown article (rule 12)', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-markup-'));
    fs.copyFileSync(path.join(corpusFixtures, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
    fs.copyFileSync(path.join(corpusFixtures, 'facts.yaml'), path.join(dir, 'facts.yaml'));
    fs.copyFileSync(path.join(markupFixtures, 'article.md'), path.join(dir, 'article.md'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const check = (): Report => {
    const r = glossa(['check', 'article.md', '--format', 'json'], dir);
    assert.equal(r.stderr, '');
    return JSON.parse(r.stdout) as Report;
  };

  it('check finds the mentions in text only: front-matter values, headings, link text, alt text, HTML text, quotes', () => {
    assert.deepEqual(
      check().mentions.map((m) => [m.line, m.character, m.text]),
      [
        // Front matter: the title and the tags, not the slug.
        [1, 7, 'To Lam'], [1, 20, 'Sergei Lavrov'], [1, 37, 'Hanoi'], [4, 7, 'Vietnam'], [4, 16, 'Russia'],
        // The heading.
        [7, 2, 'To Lam'], [7, 18, 'Sergei Lavrov'], [7, 35, 'Hanoi'],
        // Prose and a link's text, not its destination or title.
        [9, 18, 'To Lam'], [9, 59, 'Sergei Lavrov'], [9, 89, 'Viet Nam News Agency'],
        // An image's alt text, not its path or title.
        [11, 2, 'To Lam'], [11, 13, 'Sergei Lavrov'],
        // Prose, not the autolink or the bare URL.
        [13, 22, 'Bui Thanh Son'],
        // The shortcut reference [Vietnam], not the URL in parentheses.
        [15, 62, 'Vietnam'],
        // The text of an inline HTML element, not its attributes, the inline code or the comments.
        [17, 113, 'Sergei Lavrov'],
        // Nothing in the fenced or indented code; the text of an HTML block, not its attributes.
        [28, 3, 'Vietnam'], [28, 15, 'Russia'], [28, 49, 'Hanoi'],
        // A block quote; nothing in the reference definitions.
        [31, 2, 'Sergei Lavrov'], [31, 23, 'Vietnam'], [32, 10, 'Bui Thanh Son'],
      ],
    );
  });

  it('check lists the numbers of the text only: none in URLs, code, attributes, comments or definitions', () => {
    const report = check();
    assert.deepEqual(
      report.numbers.map((n) => [n.line, n.character, n.text, n.kind, n.status]),
      [
        [13, 67, 'USD 4.58 billion', 'money', 'verified'],
        [13, 98, '12%', 'percent', 'unverified'],
        [15, 22, '15', 'count', 'unverified'],
        [28, 29, '75', 'count', 'unverified'],
      ],
    );
  });

  it('check reports no spelling to fix in a reference label, which names its definition', () => {
    const report = check();
    assert.ok(report.mentions.some((m) => m.line === 15 && m.text === 'Vietnam'));
    assert.deepEqual(report.problems.filter((p) => p.line === 15).map((p) => p.code), ['unverified-number']);
  });

  it('normalize --write rewrites text only and leaves every link, path, code span, tag and comment as it was', () => {
    const r = glossa(['normalize', '--write', 'article.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'article.md'), 'utf8'), fs.readFileSync(path.join(markupFixtures, 'article.normalized.md'), 'utf8'));
  });

  it('normalize --write keeps CRLF line breaks and rewrites the same spellings', () => {
    const crlf = fs.readFileSync(path.join(markupFixtures, 'article.md'), 'utf8').replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, 'article.md'), crlf);
    assert.equal(glossa(['normalize', '--write', 'article.md'], dir).status, 0);
    const expected = fs.readFileSync(path.join(markupFixtures, 'article.normalized.md'), 'utf8').replace(/\n/g, '\r\n');
    assert.equal(fs.readFileSync(path.join(dir, 'article.md'), 'utf8'), expected);
  });

  it('in a plain-text file, finds URLs by their scheme inside brackets and parentheses', () => {
    fs.writeFileSync(path.join(dir, 'note.txt'), 'See [To Lam](https://example.com/To_Lam) and (http://x.com/?q=To+Lam) on To Lam.\n');
    assert.equal(glossa(['normalize', '--write', 'note.txt'], dir).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'note.txt'), 'utf8'), 'See [Tô Lâm](https://example.com/To_Lam) and (http://x.com/?q=To+Lam) on Tô Lâm.\n');
  });
});
