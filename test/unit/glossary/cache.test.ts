/**
 * The glossary cache's encoding (src/core/glossary/cache.ts): what comes back
 * is what the parser made, entities and problems at their line and column, on
 * every glossary of the project, the benchmark glossaries when generated and
 * broken ones; a key that differs, or text that is not a cache, is a miss.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glossaryCacheKey, parseGlossary, readGlossaryCache, writeGlossaryCache, type SourceFile } from '../../../src/core';
import { projectGlossaries, repoRoot } from '../support';

/** Parses `files`, stores the result and reads it back: it must be the same glossary. */
function assertRoundTrip(files: readonly SourceFile[], what: string): void {
  const glossary = parseGlossary(files);
  const key = glossaryCacheKey(files, '1.0.0');
  const text = writeGlossaryCache(glossary, key);
  assert.ok(text !== undefined, `a cache is written for ${what}`);
  assert.deepEqual(readGlossaryCache(text, key), glossary, `cache ≠ parse: ${what}`);
}

const BROKEN = `entities:
  - id: to-lam
    kind: person
    name: "To\u0302 La\u0302m"
    aliases: ["To Lam", ""]
    short: 5
    titles:
      - General Secretary
      - { title: President, from: 2024-05-22, until: 2024-10-21 }
    links: { wikipedia: "https://en.wikipedia.org/wiki/To_Lam", party: cpv }
    country: VN
    description: |
      Party chief.
    born: { year: 1957, place: Hung Yen }
  - id: to-lam
    kind: person
    name: Duplicate
  - id: lavrov
    kind: persn
    name: Sergey Lavrov
  - id: vn
    kind: place
    name: Việt Nam
    aliases: [Vietnam, To Lam]
ignore: [Victory, 7]
`;

describe('the glossary cache', () => {
  it('gives back every glossary of the project as it was parsed', function () {
    this.timeout(60_000);
    const files = projectGlossaries();
    assert.ok(files.length >= 2, files.map((f) => f.file).join(', '));
    for (const file of files) assertRoundTrip([file], file.file);
    assertRoundTrip(files, 'all the files at once');
  });

  it('gives back the benchmark glossaries as they were parsed, when they are generated', function () {
    const dir = path.join(repoRoot, 'bench-workspace');
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^glossary-\d+\.yaml$/.test(f)) : [];
    if (names.length === 0) this.skip(); // `npm run bench` generates them.
    this.timeout(120_000);
    for (const name of names) assertRoundTrip([{ file: name, text: fs.readFileSync(path.join(dir, name), 'utf8') }], name);
  });

  it('keeps the problems of a broken glossary at their line and column, and its ignore list', () => {
    const files = [{ file: 'glossary.yaml', text: BROKEN }];
    const glossary = parseGlossary(files);
    assert.ok(glossary.problems.length >= 4, JSON.stringify(glossary.problems));
    assert.ok(glossary.ignore && glossary.ignore.length === 1);
    assertRoundTrip(files, 'a broken glossary');
    assertRoundTrip([{ file: 'a.yaml', text: 'entities:\n  - id: x\n    kind: [\n' }], 'a YAML syntax error');
    assertRoundTrip([{ file: 'a.yaml', text: BROKEN.replace(/\n/g, '\r\n') }, { file: 'b.yaml', text: 'entities: []\n' }], 'two files, CRLF');
  });

  it('misses on any other text, file name or version, and on text that is not a cache', () => {
    const files = [{ file: 'glossary.yaml', text: BROKEN }];
    const key = glossaryCacheKey(files, '1.0.0');
    const text = writeGlossaryCache(parseGlossary(files), key)!;
    const others = [
      glossaryCacheKey([{ file: 'glossary.yaml', text: BROKEN.replace('Duplicate', 'Duplicatf') }], '1.0.0'),
      glossaryCacheKey([{ file: 'glossary.yaml', text: `${BROKEN} ` }], '1.0.0'),
      glossaryCacheKey([{ file: 'other.yaml', text: BROKEN }], '1.0.0'),
      glossaryCacheKey(files, '1.0.1'),
      // The same text split differently between two files.
      glossaryCacheKey([{ file: 'glossary.yaml', text: BROKEN.slice(0, 10) }, { file: BROKEN.slice(10), text: '' }], '1.0.0'),
    ];
    assert.equal(new Set([key, ...others]).size, others.length + 1);
    for (const other of others) assert.equal(readGlossaryCache(text, other), undefined);
    assert.equal(glossaryCacheKey(files, '1.0.0'), key, 'the key is the same for the same sources');
    for (const junk of ['', '{', 'null', '[]', '{"format":1}', text.slice(0, text.length >> 1)]) assert.equal(readGlossaryCache(junk, key), undefined, junk);
  });

  it('writes no cache for a value JSON would change (an extra field of .nan)', () => {
    const files = [{ file: 'glossary.yaml', text: 'entities:\n  - id: x\n    kind: body\n    name: X Corp\n    score: .nan\n' }];
    const glossary = parseGlossary(files);
    assert.ok(Number.isNaN(glossary.entities[0].extra.score));
    assert.equal(writeGlossaryCache(glossary, glossaryCacheKey(files, '1.0.0')), undefined);
  });
});
