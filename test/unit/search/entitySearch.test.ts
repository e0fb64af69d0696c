import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { parseGlossary } from '../../../src/core/glossary/parse';
import { createEntitySearch } from '../../../src/core/search/entitySearch';
import { entity, repoRoot } from '../support';

describe('createEntitySearch', () => {
  const file = 'test/fixtures/corpus/glossary.yaml';
  const glossary = parseGlossary([{ file, text: fs.readFileSync(path.join(repoRoot, file), 'utf8') }]);
  const search = createEntitySearch(glossary.entities);
  const first = (query: string) => search.search(query, 1)[0];

  it('the corpus glossary parses cleanly', () => assert.deepEqual(glossary.problems, []));

  describe('first result on the corpus glossary', () => {
    const rows: [query: string, id: string, matched: string][] = [
      // Diacritic-free and lower-case queries find the canonical spelling.
      ['tran thanh man', 'tran-thanh-man', 'Trần Thanh Mẫn'],
      ['Tran Thanh Man', 'tran-thanh-man', 'Trần Thanh Mẫn'],
      ['to lam', 'to-lam', 'Tô Lâm'],
      ['bui thanh son', 'bui-thanh-son', 'Bùi Thanh Sơn'],
      ['dang minh khoi', 'dang-minh-khoi', 'Đặng Minh Khôi'],
      ['lavrov', 'sergey-lavrov', 'Lavrov'],
      ['ho chi minh city', 'ho-chi-minh-city', 'Hồ Chí Minh City'],
      ['ho chi minh', 'ho-chi-minh', 'Hồ Chí Minh'],
      ['hanoi', 'hanoi', 'Hanoi'],
      ['vietnam', 'viet-nam', 'Vietnam'],
      // Spelled with diacritics, or differently encoded.
      ['Hà Nội', 'hanoi', 'Hà Nội'],
      ['Trần Thanh Mẫn'.normalize('NFD'), 'tran-thanh-man', 'Trần Thanh Mẫn'],
      // Typos.
      ['Lavorv', 'sergey-lavrov', 'Lavrov'],
      ['Mishustn', 'mikhail-mishustin', 'Mishustin'],
      ['tran thanh mna', 'tran-thanh-man', 'Trần Thanh Mẫn'],
      // Aliases and aka.
      ['Sergei', 'sergey-lavrov', 'Sergei Lavrov'],
      ['VNA', 'vietnam-news-agency', 'VNA'],
      ['saigon', 'ho-chi-minh-city', 'Saigon'],
      // Titles and descriptions.
      ['Duma', 'state-duma', 'Duma'],
      ['Tatarstan', 'kazan', 'Capital of Tatarstan, Russia; host of the 2024 BRICS summit'],
      ['legislature', 'national-assembly', 'The legislature of Vietnam'],
      ['dairy', 'th-true-milk', 'Vietnamese dairy company with a factory in Russia'],
    ];
    for (const [query, id, matched] of rows) {
      it(`${JSON.stringify(query)} → ${id}`, () => {
        const hit = first(query);
        assert.ok(hit, 'no result');
        assert.deepEqual([hit.entity.id, hit.matched], [id, matched]);
      });
    }
  });

  it('names the field that matched', () => {
    assert.equal(first('tran thanh man').field, 'name');
    assert.equal(first('Sergei Lavrov').field, 'alias');
    assert.equal(first('VNA').field, 'aka');
    assert.equal(first('Tatarstan').field, 'description');
  });

  it('finds description words with a lower weight than names', () => {
    const results = search.search('Duma');
    const ids = results.map((r) => r.entity.id);
    assert.equal(ids[0], 'state-duma');
    assert.ok(ids.includes('vyacheslav-volodin'), 'the Duma chairman (title and description) is found too');
    const volodin = results.find((r) => r.entity.id === 'vyacheslav-volodin')!;
    assert.ok(volodin.score > results[0].score);
  });

  it('ranks the person first for "ho chi minh" and the city second', () => {
    assert.deepEqual(search.search('ho chi minh', 2).map((r) => r.entity.id), ['ho-chi-minh', 'ho-chi-minh-city']);
  });

  it('lists each entity once, best first, scores from 0 (exact) up', () => {
    const results = search.search('minh');
    const ids = results.map((r) => r.entity.id);
    assert.equal(new Set(ids).size, ids.length);
    for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score <= results[i].score);
    assert.equal(first('Tô Lâm').score, 0);
    assert.ok(results.every((r) => r.score >= 0 && r.score <= 1));
  });

  it('respects the limit', () => {
    assert.equal(search.search('a', 3).length, 3);
    assert.equal(search.search('minh', 0).length, 0);
  });

  it('lists the entities in glossary order for a blank query', () => {
    const all = search.search('  ', 1000);
    assert.deepEqual(all.map((r) => r.entity.id), glossary.entities.map((e) => e.id));
    assert.ok(all.every((r) => r.matched === r.entity.name && r.score === 1));
  });

  it('finds nothing for nonsense', () => assert.deepEqual(search.search('xyzzyq'), []));

  it('works on an empty glossary and on entities built in code', () => {
    assert.deepEqual(createEntitySearch([]).search('to lam'), []);
    const small = createEntitySearch([entity({ id: 'da-nang', kind: 'place', name: 'Đà Nẵng', aliases: ['Danang'] })]);
    assert.equal(small.search('da nang')[0]?.matched, 'Đà Nẵng');
    assert.equal(small.search('DANANG')[0]?.matched, 'Danang');
  });
});

describe('entity search bundles for the web', () => {
  it('esbuild bundles it (fuse.js included) for the browser, and the bundle runs without Node', async function () {
    this.timeout(30000);
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src/core/search/entitySearch.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'glossaSearch',
      write: false,
      logLevel: 'silent',
    });
    assert.deepEqual([result.errors, result.warnings], [[], []]);
    // A context with no require, process or Buffer, like a web worker.
    const sandbox: { glossaSearch?: typeof import('../../../src/core/search/entitySearch') } = {};
    vm.runInNewContext(`${result.outputFiles[0].text}\nthis.glossaSearch = glossaSearch;`, sandbox);
    const search = sandbox.glossaSearch!.createEntitySearch([entity({ id: 'tran-thanh-man', kind: 'person', name: 'Trần Thanh Mẫn' })]);
    assert.equal(search.search('tran thanh man')[0]?.entity.id, 'tran-thanh-man');
  });
});
