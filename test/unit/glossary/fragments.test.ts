import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGlossary } from '../../../src/core';
import { listFragments } from '../../../src/core/yamlFragments';
import { repoRoot } from '../support';

/** Parses both ways: the whole file at once, and a few entries at a time. */
function both(text: string) {
  const files = [{ file: 'glossary.yaml', text }];
  return {
    whole: parseGlossary(files, { fragmentAbove: Infinity, fastPath: false }),
    fragments: parseGlossary(files, { fragmentAbove: 0, entriesPerFragment: 3, fastPath: false }),
  };
}

describe('parseGlossary of a large file, a few entries at a time', () => {
  const corpusGlossary = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', 'glossary.yaml'), 'utf8');
  const sampleGlossary = fs.readFileSync(path.join(repoRoot, 'samples', 'glossary.yaml'), 'utf8');

  for (const [name, text] of [
    ['the corpus glossary', corpusGlossary],
    ['the sample glossary', sampleGlossary],
    ['the corpus glossary with CRLF line breaks', corpusGlossary.replace(/\n/g, '\r\n')],
  ]) {
    it(`gives the same entities and problems as the whole-file parse: ${name}`, () => {
      assert.ok(listFragments(text, 'entities', 3)!.length > 3, 'the file is split');
      const { whole, fragments } = both(text);
      assert.ok(whole.entities.length > 10);
      assert.deepEqual(fragments, whole);
    });
  }

  it('gives the same problems, at the same positions, for broken entries', () => {
    const text = [
      '# a comment',
      'entities:',
      '  - id: a',
      '    kind: person',
      '    name: Alpha Beta',
      '  - id: a',
      '    kind: persn',
      '    name: Gamma',
      '  - id: Bad Id',
      '    kind: place',
      '    name: Delta',
      '  - id: e',
      '    kind: body',
      '    name: Alpha Beta',
      '  - ',
      '  - id: f',
      '    kind: place',
      '    name: [Not, A, String]',
      '',
    ].join('\n');
    assert.equal(listFragments(text, 'entities', 3)!.length, 2);
    const { whole, fragments } = both(text);
    assert.ok(whole.problems.length >= 4);
    assert.deepEqual(fragments, whole);
  });

  it('falls back to the whole-file parse for a YAML error, another top-level key or anchors', () => {
    for (const text of [
      'entities:\n  - id: a\n    kind: person\n    name: [Unclosed\n  - id: b\n    kind: place\n    name: B\n',
      'entities:\n  - id: a\n    kind: person\n    name: A\nversion: 2\n',
      'entities:\n  - &x\n    id: a\n    kind: person\n    name: A\n  - *x\n',
    ]) {
      const { whole, fragments } = both(text);
      assert.deepEqual(fragments, whole);
      assert.ok(whole.problems.length > 0 || listFragments(text, 'entities', 3) === null);
    }
  });
});
