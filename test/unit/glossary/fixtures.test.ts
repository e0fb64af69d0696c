import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseGlossary } from '../../../src/core/glossary/parse';
import type { Entity, Glossary } from '../../../src/core/glossary/types';
import { repoRoot } from '../support';

function load(relative: string): Glossary {
  const text = fs.readFileSync(path.join(repoRoot, relative), 'utf8');
  return parseGlossary([{ file: relative, text }]);
}

function byId(glossary: Glossary): Map<string, Entity> {
  return new Map(glossary.entities.map((e) => [e.id, e]));
}

describe('glossary content', () => {
  const corpus = load('test/fixtures/corpus/glossary.yaml');
  const sample = load('samples/glossary.yaml');
  const corpusById = byId(corpus);

  it('the corpus glossary has no problems', () => assert.deepEqual(corpus.problems, []));
  it('the sample glossary has no problems', () => assert.deepEqual(sample.problems, []));

  it('the corpus glossary keeps its decisions on look-alike entities', () => {
    // The person and the city are two entities; the longest match tells them apart.
    assert.equal(corpusById.get('ho-chi-minh')?.kind, 'person');
    assert.equal(corpusById.get('ho-chi-minh-city')?.kind, 'place');
    // "Minh" is part of too many names to be a short form.
    assert.deepEqual(corpusById.get('ho-chi-minh')?.short, []);
    // The Russian Federation is Russia under its official name: linked, never rewritten.
    assert.ok(corpusById.get('russia')?.aka.includes('Russian Federation'));
    assert.equal(corpusById.get('russian-federation'), undefined);
  });

  it('gives the corpus people the short forms the articles use', () => {
    const shorts = Object.fromEntries(corpus.entities.filter((e) => e.kind === 'person').map((e) => [e.id, e.short]));
    assert.deepEqual(shorts['sergey-lavrov'], ['Lavrov']);
    assert.deepEqual(shorts['vladimir-putin'], ['Putin']);
    assert.deepEqual(shorts['dang-minh-khoi'], ['Khôi']);
    assert.deepEqual(shorts['bui-thanh-son'], ['Sơn']);
    assert.deepEqual(shorts['tran-thanh-man'], ['Mẫn']);
    assert.deepEqual(shorts['mikhail-mishustin'], ['Mishustin']);
  });

  it('spells Vietnamese people and places with their diacritics', () => {
    for (const id of ['to-lam', 'bui-thanh-son', 'tran-thanh-man', 'pham-minh-chinh', 'dang-minh-khoi', 'ho-chi-minh', 'viet-nam', 'hanoi']) {
      const e = corpusById.get(id);
      assert.ok(e, id);
      assert.match(e.name, /[^\x00-\x7f]/, `${id}: ${e.name}`);
      assert.equal(e.name, e.name.normalize('NFC'));
    }
  });

  it('every sample entity agrees with the corpus glossary', () => {
    for (const e of sample.entities) {
      const c = corpusById.get(e.id);
      assert.ok(c, `${e.id} is not in the corpus glossary`);
      assert.equal(e.kind, c.kind, e.id);
      assert.equal(e.name, c.name, e.id);
    }
  });

  for (const file of ['test/fixtures/corpus/facts.yaml', 'samples/facts.yaml']) {
    it(`${file} is a well-formed ledger`, () => {
      const doc = parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as { facts: Record<string, unknown>[] };
      const ids = new Set<string>();
      for (const fact of doc.facts) {
        assert.equal(typeof fact.id, 'string');
        assert.match(fact.id as string, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        assert.ok(!ids.has(fact.id as string), `duplicate ${String(fact.id)}`);
        ids.add(fact.id as string);
        assert.equal(typeof fact.value, 'string', `${String(fact.id)}: value should be written as text`);
        assert.ok(fact.status === 'verified' || fact.status === 'disputed', String(fact.id));
        assert.ok(Array.isArray(fact.keywords) && fact.keywords.length > 0, String(fact.id));
        assert.equal(typeof fact.source, 'string');
      }
      assert.ok(doc.facts.some((f) => f.status === 'disputed'), 'one disputed fact');
      assert.ok(ids.has('trade-2024'));
    });
  }
});
