/**
 * The fast glossary path (src/core/glossary/fast.ts, src/core/yamlFast.ts) against
 * the `yaml` path: same entities, same problems at the same line and column, on
 * every glossary file of the project, the benchmark glossaries when generated,
 * every glossary the unit tests parse, and broken variants of them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Glossary, SourceFile } from '../../../src/core';
import type { GlossaryParseOptions } from '../../../src/core/glossary/parse';
import { readGlossaryFast } from '../../../src/core/glossary/fast';
import { plainKind, readYamlEvents } from '../../../src/core/yamlFast';
import { projectGlossaries, random, repoRoot } from '../support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseModule = require('../../../src/core/glossary/parse') as { parseGlossary: (files: readonly SourceFile[], options?: GlossaryParseOptions) => Glossary };
const parseGlossary = parseModule.parseGlossary;

function full(files: readonly SourceFile[], options: GlossaryParseOptions = {}): Glossary {
  return parseGlossary(files, { ...options, fastPath: false });
}

/** Both fast readers (line scanner first, js-yaml events alone) and the full path give the same glossary. */
function assertSame(files: readonly SourceFile[], what: string): Glossary {
  const expected = full(files);
  assert.deepEqual(parseGlossary(files), expected, `fast path ≠ full parse: ${what}`);
  assert.deepEqual(parseGlossary(files, { fastPath: 'events' }), expected, `js-yaml events path ≠ full parse: ${what}`);
  return expected;
}

// Every glossary the other unit tests parse is parsed both ways too (this file is loaded before
// any test runs): a difference fails the test that parsed it.
parseModule.parseGlossary = (files, options = {}) => {
  const glossary = parseGlossary(files, options);
  if (options.fastPath === undefined) {
    assert.deepEqual(glossary, full(files, options), `fast path ≠ full parse: a glossary parsed by a test: ${files.map((f) => f.file).join(', ')}`);
  }
  return glossary;
};

/** Ways a keeper breaks a glossary while typing, applied at one line. */
const MUTATIONS: ((line: string) => string | null)[] = [
  () => null, // Line deleted.
  (l) => `${l}\n${l}`, // Line duplicated: a duplicate key, or a duplicate entry's key.
  (l) => `  ${l}`, // Indented.
  (l) => l.replace(/^ {2}/, ''), // Outdented.
  (l) => l.replace(': ', ':'),
  (l) => l.replace('"', ''),
  (l) => l.replace(/"[^"]*"/, '2024'),
  (l) => l.replace(/: .*/, ':'),
  (l) => l.replace(/: .*/, ': []'),
  (l) => l.replace(/: .*/, ': ~'),
  (l) => l.replace(/: (.*)/, ': [$1]'),
  (l) => l.replace(/: (.*)/, ': &a $1'),
  (l) => l.replace(/: (.*)/, ': "$1 \\u00e9"'),
  (l) => l.replace(/: (.*)/, ': $1 # note'),
  (l) => l.replace(/: (.*)/, ": '$1'"),
  (l) => l.replace(/: (.*)/, ': |\n      $1'),
  (l) => l.replace(/^(\s*)(\w+):/, '$1$2x:'),
  (l) => l.replace(/^(\s*)- /, '$1-'),
  (l) => l.replace(/^(\s*)/, '$1\t'),
  (l) => `${l}\n    links: { wikipedia: "https://example.org/x" }`,
  (l) => `${l}\n    titles: [{ title: Minister, from: 2024-05-22 }]`,
];

function mutants(text: string, seed: number, count: number): string[] {
  const lines = text.split('\n');
  const next = random(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor(next() * lines.length);
    const mutate = MUTATIONS[Math.floor(next() * MUTATIONS.length)];
    const changed = mutate(lines[i]);
    const copy = [...lines];
    if (changed === null) copy.splice(i, 1);
    else copy[i] = changed;
    out.push(copy.join('\n'));
  }
  return out;
}

describe('the fast glossary path', () => {
  const files = projectGlossaries();

  it('finds the glossary files of the project', () => {
    const names = files.map((f) => f.file.split(path.sep).join('/'));
    assert.ok(names.includes('samples/glossary.yaml'), names.join(', '));
    assert.ok(names.includes('test/fixtures/corpus/glossary.yaml'), names.join(', '));
  });

  it('reads every glossary file of the project as the full parser does, and fast', function () {
    this.timeout(60_000);
    for (const file of files) {
      assertSame([file], file.file);
      assert.ok(readGlossaryFast(file, new Map()), `the fast path reads ${file.file}`);
    }
    assertSame(files, 'all the files at once');
  });

  it('reads the benchmark glossaries as the full parser does, when they are generated', function () {
    const dir = path.join(repoRoot, 'bench-workspace');
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^glossary-\d+\.yaml$/.test(f)) : [];
    if (names.length === 0) this.skip(); // `npm run bench` generates them.
    this.timeout(300_000);
    for (const name of names) {
      const file = { file: name, text: fs.readFileSync(path.join(dir, name), 'utf8') };
      const glossary = assertSame([file], name);
      assert.ok(readGlossaryFast(file, new Map()), `the fast path reads ${name}`);
      assert.ok(glossary.entities.length >= 100);
    }
  });

  it('gives the same entities and problems, at the same line and column, on broken glossaries', function () {
    this.timeout(300_000);
    let withProblems = 0;
    let fast = 0;
    const sources = files.filter((f) => f.text.length < 50_000);
    sources.forEach((file, n) => {
      for (const text of mutants(file.text, 11 + n, 150)) {
        const glossary = assertSame([{ file: file.file, text }], `${file.file}, broken:\n${text}`);
        if (glossary.problems.length > 0) withProblems++;
        if (readGlossaryFast({ file: file.file, text }, new Map())) fast++;
      }
    });
    assert.ok(withProblems > 100, `${withProblems} broken glossaries with problems`);
    assert.ok(fast > 30, `${fast} broken glossaries still fast (their change is no problem)`);
  });

  it('reports YAML syntax errors as the yaml package does', () => {
    const text = ['entities:', '  - id: a', '    kind: person', '    name: "Alpha', '  - id: b'].join('\n');
    const glossary = assertSame([{ file: 'g.yaml', text }], 'an unclosed quote');
    assert.ok(glossary.problems.some((p) => p.code === 'yaml-syntax' && p.severity === 'error'));
    assert.equal(glossary.entities.length, 0);
  });

  it('reads the shapes the line scanner leaves to js-yaml the same way', () => {
    const text = [
      'entities:',
      '- id: alpha-beta',
      '  kind: person',
      '  name: "Alpha Be\\u0074a"',
      '  aliases:',
      '  - Alfa Beta',
      '  description: >',
      '    A folded',
      '    description.',
      '',
      '  links: { wikipedia: "https://example.org/Alpha", party: gamma }',
      '  born: 1950',
      '  retired: true',
      '  notes: [one, {two: 2}]',
      '- {id: gamma, kind: body, name: Gamma Party, titles: [{title: Chair, from: 2020-01-01, until: "2024-05-22"}]}',
      'ignore:',
      '  - Delta',
    ].join('\r\n');
    assert.ok(readYamlEvents(text), 'js-yaml reads it');
    const glossary = assertSame([{ file: 'g.yaml', text }], 'the js-yaml shapes');
    assert.equal(glossary.entities.length, 2);
    assert.deepEqual(glossary.problems, []);
    assert.ok(readGlossaryFast({ file: 'g.yaml', text }, new Map()), 'the fast path reads it');
    assert.ok(readGlossaryFast({ file: 'g.yaml', text: text.replace(/\r\n/g, '\n') }, new Map()), 'and with LF line breaks');
  });

  it('knows which plain scalars the core schema reads as text', () => {
    const texts = ['', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'False', 'TRUE', 'yes', 'no', 'on', '0', '-12', '+7', '0o17', '0o19', '0x1F', '0xG', '1.5', '.5', '5.', '1e3', '1.2E-4', '.inf', '-.Inf', '.NaN', '.nan', 'nan', '1_000', '2024-05-22', '12:30', '1,5', 'Tô Lâm'];
    for (const t of texts) {
      const full = parseGlossary([{ file: 'g.yaml', text: `entities:\n  - id: a\n    kind: place\n    name: Alpha\n    x: ${t}\n` }], { fastPath: false });
      const value = full.entities[0]?.extra.x;
      const kind = value === null ? 'null' : typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : 'string';
      assert.equal(plainKind(t), kind, `'${t}'`);
    }
  });
});
