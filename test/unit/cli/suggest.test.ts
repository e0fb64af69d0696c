import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGlossary } from '../../../src/core';
import { FUNCTION_WORDS } from '../../../src/core/text/wordLists';
import { corpusDir, repoRoot } from '../support';

const cli = path.join(repoRoot, 'out', 'src', 'cli', 'main.js');
const fixtureGlossary = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', 'glossary.yaml'), 'utf8');

function glossa(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The corpus glossary without the entries of `ids` (entries are separated by blank lines). */
function without(ids: string[], text = fixtureGlossary): string {
  return text
    .split(/\n\n/)
    .filter((block) => !ids.some((id) => block.includes(`- id: ${id}\n`)))
    .join('\n\n');
}

interface Variant {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  text: string;
  entity: string;
  canonical: string;
  reason: string;
}

interface SuggestReport {
  candidates: { name: string; id: string; kind: string; aliases: string[]; count: number; files: number; spellings: { text: string; count: number }[]; occurrences: { file: string; line: number; character: number; text: string }[] }[];
  variants: Variant[];
}

describe('discovery on the real corpus', function () {
  this.timeout(60000);
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-suggest-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check flags "National Asembly" once the glossary no longer lists it, and no other possible variant', () => {
    const glossary = write('no-typo.yaml', fixtureGlossary.replace('    aliases: [National Asembly]\n', ''));
    const r = glossa(['check', corpusDir, '--glossary', glossary, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { variants: Variant[]; problems: { code: string; severity: string; message: string }[] };
    assert.ok(!report.problems.some((p) => p.severity === 'error' && p.code !== 'conflicting-number'), 'the glossary still parses');
    assert.deepEqual(
      report.variants.map((v) => [path.basename(v.file).slice(0, 3), v.text, v.entity, v.canonical, v.reason]),
      [['003', 'National Asembly', 'national-assembly', 'National Assembly', 'edit']],
    );
    const [v] = report.variants;
    const line = fs.readFileSync(path.join(corpusDir, path.basename(v.file)), 'utf8').split('\n')[v.line];
    assert.equal(line.slice(v.character, v.endCharacter), 'National Asembly');
    const problems = report.problems.filter((p) => p.code === 'possible-variant');
    assert.deepEqual(problems.map((p) => p.severity), ['warning']);
    assert.match(problems[0].message, /looks like National Assembly/);
  });

  it('check --no-discovery leaves the possible variants out, and nothing else', () => {
    const glossary = write('no-typo.yaml', fixtureGlossary.replace('    aliases: [National Asembly]\n', ''));
    const args = ['check', corpusDir, '--glossary', glossary, '--format', 'json', '--all-numbers'];
    const withIt = JSON.parse(glossa(args).stdout) as { variants: Variant[]; problems: { code: string }[] };
    const without = JSON.parse(glossa([...args, '--no-discovery']).stdout) as { variants: Variant[]; problems: { code: string }[] };
    assert.equal(withIt.variants.length, 1);
    assert.deepEqual(without.variants, []);
    assert.deepEqual(without, { ...withIt, variants: [], problems: withIt.problems.filter((p) => p.code !== 'possible-variant') });
    assert.match(glossa(['stats', corpusDir, '--glossary', glossary, '--no-discovery']).stderr, /--no-discovery is not an option of 'glossa stats'/);
  });

  it('check with the full corpus glossary finds no possible variant', () => {
    const glossary = write('full.yaml', fixtureGlossary);
    const report = JSON.parse(glossa(['check', corpusDir, '--glossary', glossary, '--format', 'json']).stdout) as { variants: Variant[] };
    assert.deepEqual(report.variants, []);
  });

  describe('suggest with a glossary missing some people', () => {
    let report: SuggestReport;
    let yaml: string;
    const missing = ['gennady-bezdetko', 'viacheslav-kharinov', 'vladimir-murashkin', 'valentina-matvienko', 'vyacheslav-volodin', 'phan-van-giang'];
    before(() => {
      const glossary = write('missing.yaml', without(missing));
      const r = glossa(['suggest', corpusDir, '--glossary', glossary, '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      report = JSON.parse(r.stdout) as SuggestReport;
      yaml = glossa(['suggest', corpusDir, '--glossary', glossary, '--format', 'yaml']).stdout;
    });

    it('lists them, with their counts and first occurrences', () => {
      const byName = new Map(report.candidates.map((c) => [c.name, c]));
      // Those named without a title before them are candidates as they are.
      for (const name of ['Gennady Bezdetko', 'Vladimir Murashkin', 'Phan Van Giang']) {
        const c = byName.get(name);
        assert.ok(c, `${name} is missing from ${[...byName.keys()].join(', ')}`);
        assert.equal(c.kind, 'person');
        assert.equal(c.count, c.occurrences.length);
        const first = c.occurrences[0];
        const line = fs.readFileSync(path.join(corpusDir, path.basename(first.file)), 'utf8').split('\n')[first.line];
        assert.equal(line.slice(first.character, first.character + first.text.length), first.text);
      }
      assert.equal(byName.get('Gennady Bezdetko')!.id, 'gennady-bezdetko');
      // The others stand after titles the glossary lost with them ("Russian Trade Representative"): inside a candidate.
      for (const name of ['Viacheslav Kharinov', 'Valentina Matvienko', 'Vyacheslav Volodin']) {
        assert.ok(report.candidates.some((c) => c.name.endsWith(name)), name);
      }
    });

    it('lists real names, not sentence-initial words, titles, demonyms or months', () => {
      for (const c of report.candidates) {
        const words = c.name.split(/\s+/);
        assert.ok(!FUNCTION_WORDS.has(words[0].toLowerCase()), c.name);
        assert.ok(!/^(?:Russian|Vietnamese|Soviet|President|Minister|Deputy|Ambassador|January|February|Reflecting|Politically)$/.test(c.name), c.name);
      }
      const names = report.candidates.map((c) => c.name);
      for (const notAName of ['The', 'Reflecting', 'Politically', 'Russian', 'Vietnamese', 'USD', 'Photo']) assert.ok(!names.includes(notAName), notAName);
    });

    it('prints glossary YAML ready to paste, with a comment per entry', () => {
      const parsed = parseGlossary([{ file: 'suggested.yaml', text: yaml }]);
      assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
      assert.deepEqual(
        parsed.entities.map((e) => [e.id, e.kind, e.name]),
        report.candidates.map((c) => [c.id, c.kind, c.name]),
      );
      const bezdetko = report.candidates.find((c) => c.name === 'Gennady Bezdetko')!;
      const first = bezdetko.occurrences[0];
      assert.ok(yaml.includes(`# ${bezdetko.count} occurrences in ${bezdetko.files} file`), yaml);
      assert.ok(yaml.includes(`${first.file}:${first.line + 1}:${first.character + 1}`), yaml);
    });

    it('leaves out what the glossary\'s ignore list holds', () => {
      const glossary = write('ignoring.yaml', `${without(missing)}\nignore: [Viet Anh, gennady bezdetko]\n`);
      const r = glossa(['suggest', corpusDir, '--glossary', glossary, '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      const names = (JSON.parse(r.stdout) as SuggestReport).candidates.map((c) => c.name);
      assert.ok(report.candidates.some((c) => c.name === 'Viet Anh'));
      assert.ok(!names.includes('Viet Anh') && !names.includes('Gennady Bezdetko'), names.join(', '));
    });
  });

  it('suggest groups spellings across files and proposes the spelling with diacritics', () => {
    const corpus = fs.mkdtempSync(path.join(dir, 'corpus-'));
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'Party chief Nguyen Phu Trong met the press. Later Nguyen Phu Trong left.\n');
    fs.writeFileSync(path.join(corpus, 'b.txt'), 'General Secretary Nguyễn Phú Trọng spoke, and Serguei Lavrov listened.\n');
    const r = glossa(['suggest', corpus, '--glossary', write('small.yaml', fixtureGlossary), '--format', 'json']);
    const report = JSON.parse(r.stdout) as SuggestReport;
    assert.deepEqual(
      report.candidates.map((c) => [c.name, c.id, c.count, c.files, c.spellings.map((s) => `${s.text} ${s.count}`)]),
      [['Nguyễn Phú Trọng', 'nguyen-phu-trong', 3, 2, ['Nguyen Phu Trong 2', 'Nguyễn Phú Trọng 1']]],
    );
    assert.deepEqual(report.variants.map((v) => [v.text, v.canonical, v.reason]), [['Serguei Lavrov', 'Sergey Lavrov', 'romanization']]);
    const text = glossa(['suggest', corpus, '--glossary', path.join(dir, 'small.yaml')]);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^Nguyễn Phú Trọng \(person, nguyen-phu-trong\): 3 in 2 files/m);
  });

  it('accepts --format yaml for suggest only', () => {
    const r = glossa(['check', corpusDir, '--format', 'yaml', '--glossary', write('any.yaml', fixtureGlossary)]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be text or json/);
  });
});
