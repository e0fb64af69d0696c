import * as assert from 'node:assert/strict';
import { isGlob, matchesAny, matchGlob } from '../../../src/core';

describe('globs of the include, exclude and file settings', () => {
  const cases: [glob: string, path: string, matches: boolean][] = [
    ['**/*.{txt,md}', 'a.txt', true],
    ['**/*.{txt,md}', 'articles/2024/b.md', true],
    ['**/*.{txt,md}', 'articles/b.yaml', false],
    ['**/*.{txt,md}', '.drafts/c.txt', true],
    ['articles/*.txt', 'articles/a.txt', true],
    ['articles/*.txt', 'articles/old/a.txt', false],
    ['articles/**', 'articles/old/a.txt', true],
    ['draft-?.txt', 'draft-1.txt', true],
    ['draft-?.txt', 'draft-12.txt', false],
    ['draft-[0-9].txt', 'draft-7.txt', true],
    ['draft-[!0-9].txt', 'draft-7.txt', false],
    ['draft-[!0-9].txt', 'draft-b.txt', true],
    ['!draft.txt', 'draft.txt', false],
    ['!draft.txt', 'other.txt', false],
    ['{wire,desk}/{*.txt,notes/*.md}', 'desk/notes/x.md', true],
    ['{wire,desk}/{*.txt,notes/*.md}', 'desk/x.md', false],
    ['./glossaries/*.yaml', 'glossaries/people.yaml', true],
  ];
  for (const [glob, path, matches] of cases) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchGlob(glob, path), matches));
  }

  const plain: [pattern: string, glob: boolean][] = [
    ['glossary.yaml', false],
    ['data/facts.yaml', false],
    ['*.yaml', true],
    ['glossaries/{a,b}.yaml', true],
    ['draft-?.txt', true],
  ];
  for (const [pattern, glob] of plain) {
    it(`${pattern} is ${glob ? 'a glob' : 'a plain path'}`, () => assert.equal(isGlob(pattern), glob));
  }

  it('compares plain paths whole, globs by matching', () => {
    assert.equal(matchesAny(['./glossary.yaml'], 'glossary.yaml'), true);
    assert.equal(matchesAny(['glossary.yaml'], 'old/glossary.yaml'), false);
    assert.equal(matchesAny(['facts.yaml', 'glossaries/*.yaml'], 'glossaries/places.yaml'), true);
    assert.equal(matchesAny([], 'a.txt'), false);
  });
});
