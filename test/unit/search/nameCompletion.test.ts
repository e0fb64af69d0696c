import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGlossary } from '../../../src/core/glossary/parse';
import { createNameCompletion, trailingWords } from '../../../src/core/search/nameCompletion';
import { entity, repoRoot } from '../support';

describe('createNameCompletion', () => {
  // Made-up entities that share first words and word starts, in an order that a
  // plain glossary-order list would get wrong.
  const entities = [
    entity({ id: 'tran-hong-ha', kind: 'person', name: 'Trần Hồng Hà' }),
    entity({ id: 'tran-thi-tuyet', kind: 'person', name: 'Trần Thị Tuyết Mai' }),
    entity({ id: 'tran-thanh-man', kind: 'person', name: 'Trần Thanh Mẫn', aliases: ['Tran Thanh Man'] }),
    entity({ id: 'thanh-hoa', kind: 'place', name: 'Thanh Hóa' }),
    entity({ id: 'to-lam', kind: 'person', name: 'Tô Lâm', aliases: ['To Lam'], aka: ['Party chief'] }),
    entity({ id: 'tokyo', kind: 'place', name: 'Tokyo' }),
    entity({ id: 'sergey-lavrov', kind: 'person', name: 'Sergey Lavrov', aliases: ['Sergei Lavrov'] }),
    entity({ id: 'vna', kind: 'body', name: 'Vietnam News Agency', aka: ['VNA'] }),
    entity({ id: 'hcmc', kind: 'place', name: 'Hồ Chí Minh City', aka: ['Saigon'] }),
    entity({ id: 'ho-chi-minh', kind: 'person', name: 'Hồ Chí Minh' }),
  ];
  const completion = createNameCompletion(entities);
  const ids = (before: string, limit?: number) => completion.complete(before, limit)?.hits.map((h) => h.entity.id) ?? [];

  describe('ranking on folded word prefixes', () => {
    const rows: [before: string, expected: string[]][] = [
      // Folded and case-insensitive; the second word narrows the first; the shorter name first.
      ['tran th', ['tran-thanh-man', 'tran-thi-tuyet']],
      ['Tran Th', ['tran-thanh-man', 'tran-thi-tuyet']],
      ['Trần Th', ['tran-thanh-man', 'tran-thi-tuyet']],
      ['tran thi', ['tran-thi-tuyet']],
      ['tran tha', ['tran-thanh-man']],
      ['TRAN THANH MA', ['tran-thanh-man']],
      ['tr ho', ['tran-hong-ha']],
      // A name from its first word ranks above one where the word comes later.
      ['thanh', ['thanh-hoa', 'tran-thanh-man']],
      ['to la', ['to-lam']],
      ['to', ['to-lam', 'tokyo']],
      // Aliases and other names offer the entity.
      ['Sergei', ['sergey-lavrov']],
      ['vna', ['vna']],
      ['saig', ['hcmc']],
      ['party ch', ['to-lam']],
      // The shorter name first when both start the same way.
      ['ho chi minh', ['ho-chi-minh', 'hcmc']],
      ['Ho Chi Minh Ci', ['hcmc']],
      // Fuzzy, through fuse.js, when no spelling starts so.
      ['Lavorv', ['sergey-lavrov']],
      ['tarn thanh man', ['tran-thanh-man']],
    ];
    for (const [before, expected] of rows) {
      it(`${JSON.stringify(before)} → ${expected.join(', ')}`, () => assert.deepEqual(ids(before), expected));
    }
  });

  describe('the typed words: the longest run of last words that starts a spelling', () => {
    const rows: [before: string, typed: string | undefined][] = [
      ['The talks with tran th', 'tran th'],
      ['Speaking in Hanoi, to la', 'to la'],
      ['He met Sergei', 'Sergei'],
      ['("Tran Thanh Ma', 'Tran Thanh Ma'],
      ['Tran. Th', 'Th'],
      ['visited Ho Chi Minh Ci', 'Ho Chi Minh Ci'],
      ['tran\tthanh', 'tran\tthanh'],
      ['met Lavorv', 'Lavorv'],
      // Nothing under two letters, after a space, or when nothing matches.
      ['t', undefined],
      ['tran ', undefined],
      ['tran t', undefined],
      ['the quick brown fox', undefined],
    ];
    for (const [before, typed] of rows) {
      it(`${JSON.stringify(before)} → ${JSON.stringify(typed)}`, () => {
        const result = completion.complete(before);
        assert.equal(result?.typed, typed);
        if (result) assert.equal(result.start, before.length - result.typed.length);
      });
    }
  });

  it('says which spelling matched, and whether by fuzzy search', () => {
    const hit = (before: string) => completion.complete(before)!.hits[0];
    assert.deepEqual({ ...hit('sergei la'), entity: undefined }, { entity: undefined, matched: 'Sergei Lavrov', field: 'alias', fuzzy: false });
    assert.deepEqual({ ...hit('Tô Lâ'), entity: undefined }, { entity: undefined, matched: 'Tô Lâm', field: 'name', fuzzy: false });
    assert.equal(hit('party').field, 'aka');
    assert.equal(hit('Lavorv').fuzzy, true);
  });

  it('keeps to the limit and says the list was cut', () => {
    const result = completion.complete('tr', 2)!;
    assert.equal(result.hits.length, 2);
    assert.equal(result.truncated, true);
    assert.equal(completion.complete('tran th', 5)!.truncated, false);
  });

  it('offers Trần Thanh Mẫn first for "tran th" on the corpus glossary', () => {
    const file = 'test/fixtures/corpus/glossary.yaml';
    const glossary = parseGlossary([{ file, text: fs.readFileSync(path.join(repoRoot, file), 'utf8') }]);
    const result = createNameCompletion(glossary.entities).complete('Chairman tran th')!;
    assert.equal(result.hits[0].entity.name, 'Trần Thanh Mẫn');
    assert.equal(result.typed, 'tran th');
  });

  it('answers from an index on 10,000 entities', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      entity({ id: `p${i}`, kind: 'person', name: `${['Nguyễn', 'Trần', 'Lê', 'Phạm'][i % 4]} ${['Văn', 'Thị', 'Thanh', 'Minh'][(i >> 2) % 4]} Name${i}` }),
    );
    const index = createNameCompletion(many);
    const started = performance.now();
    for (let i = 0; i < 100; i++) index.complete(`nguyen van name${i * 16}`);
    const perQuery = (performance.now() - started) / 100;
    assert.equal(index.complete('nguyen van name160')!.hits[0].entity.id, 'p160');
    // A scan of every spelling with fuse.js takes tens of milliseconds here; the word index a fraction of one.
    assert.ok(perQuery < 5, `${perQuery.toFixed(2)} ms per query`);
  });
});

describe('trailingWords', () => {
  const rows: [text: string, max: number, words: string[]][] = [
    ['met Jean-Pierre O’Brien', 5, ['met', 'Jean-Pierre', 'O’Brien']],
    ['one two three', 2, ['two', 'three']],
    ['end. Next', 5, ['Next']],
    ['a word-', 5, []],
    ['Tô Lâm'.normalize('NFD'), 5, ['Tô'.normalize('NFD'), 'Lâm'.normalize('NFD')]],
    ['x 𝐀𝐁', 5, ['x', '𝐀𝐁']],
  ];
  for (const [text, max, expected] of rows) {
    it(`${JSON.stringify(text)} (${max}) → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(trailingWords(text, max).map((w) => text.slice(w.start, w.end)), expected);
    });
  }
});
