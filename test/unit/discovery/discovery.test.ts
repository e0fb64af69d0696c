import * as assert from 'node:assert/strict';
import { DiscoveryIndex, discoveryFindings, EntityMatcher, groupUnknownNames, type Discovery, type Entity, type NameOccurrence } from '../../../src/core';
import { oneEdit, relate, romanized } from '../../../src/core/discovery/compare';
import { compareNames, NameIndex } from '../../../src/core/discovery/nameIndex';
import { entity } from '../support';

/** A small glossary in the corpus's manner, built in code. */
const ENTITIES: Entity[] = [
  entity({ id: 'sergey-lavrov', kind: 'person', name: 'Sergey Lavrov', aliases: ['Sergei Lavrov'], titles: ['Foreign Minister', 'Russian Foreign Minister'] }),
  entity({ id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', titles: ['President', 'Russian President'] }),
  entity({ id: 'mikhail-mishustin', kind: 'person', name: 'Mikhail Mishustin', titles: ['Prime Minister'] }),
  entity({ id: 'vyacheslav-volodin', kind: 'person', name: 'Vyacheslav Volodin' }),
  entity({ id: 'tran-thanh-man', kind: 'person', name: 'Trần Thanh Mẫn', titles: ['National Assembly Chairman'] }),
  entity({ id: 'tran-hong-ha', kind: 'person', name: 'Trần Hồng Hà' }),
  entity({ id: 'to-lam', kind: 'person', name: 'Tô Lâm', aliases: ['To Lam'], titles: ['General Secretary'] }),
  entity({ id: 'national-assembly', kind: 'body', name: 'National Assembly' }),
  entity({ id: 'viet-nam', kind: 'place', name: 'Việt Nam', aliases: ['Vietnam'] }),
  entity({ id: 'russia', kind: 'place', name: 'Russia' }),
  entity({ id: 'soviet-union', kind: 'body', name: 'Soviet Union' }),
  // "Nguyen Van Hunt" is two letters from Hang, one short word from Hung: a new name of two short words off.
  entity({ id: 'nguyen-van-hung', kind: 'person', name: 'Nguyen Van Hang Hung', short: [] }),
  // "Matvyenko" is one edit from both: a tie.
  entity({ id: 'valentina-matvienko', kind: 'person', name: 'Valentina Matvienko' }),
  entity({ id: 'valentina-matviyenko', kind: 'person', name: 'Valentina Matviyenko' }),
];

const matcher = EntityMatcher.compile(ENTITIES);

function discover(text: string, ignore: string[] = [], entities = ENTITIES, m = matcher): Discovery {
  return new DiscoveryIndex(entities, ignore).discover(text, m.match(text));
}

type Found = [text: string, entity: string, reason: string];
const variantsOf = (d: Discovery): Found[] => d.variants.map((v) => [v.text, v.entityId, v.reason]);
const unknownsOf = (d: Discovery): string[] => d.unknownNames.map((u) => u.text);

describe('discovery', () => {
  describe('the romanization equivalences (one table row each)', () => {
    const cases: [string, string][] = [
      ['sergei', 'sergey'],
      ['sergej', 'sergey'],
      ['sergii', 'sergei'],
      ['poutine', 'putin'],
      ['serguei', 'sergey'],
      ['mikhail', 'mihail'],
      ['michail', 'mikhail'],
      ['philippov', 'filippov'],
      ['aleksandr', 'alexandr'],
      ['lawrow', 'lavrov'],
      ['dostoevsky', 'dostoevski'],
      ['dostoevskiy', 'dostoevskii'],
      ['yuriev', 'iuriev'],
      ['juriev', 'yuriev'],
      ['yakovlev', 'iakovlev'],
      ['jakovlev', 'yakovlev'],
      ['fyodorov', 'fiodorov'],
      ['fjodorov', 'fedorov'],
      ['mishustine', 'mishustin'],
      ['smirnow', 'smirnov'],
      ['smirnoff', 'smirnov'],
    ];
    for (const [a, b] of cases) {
      it(`${a} ~ ${b}`, () => {
        assert.equal(romanized(a), romanized(b));
        assert.equal(relate(a, b), 'romanization');
      });
    }
    it('keeps different names apart', () => {
      for (const [a, b] of [['lavrov', 'lebedev'], ['putin', 'patin'], ['sergey', 'sergio']]) assert.notEqual(romanized(a), romanized(b), `${a} / ${b}`);
    });
  });

  describe('one edit and transpositions', () => {
    const cases: [string, string, 'edit' | 'transposition' | null][] = [
      ['asembly', 'assembly', 'edit'],
      ['assembly', 'asembly', 'edit'],
      ['lavrof', 'lavrov', 'edit'],
      ['lavorv', 'lavrov', 'transposition'],
      ['mikhial', 'mikhail', 'transposition'],
      ['lavrov', 'lavrov', null],
      ['lavrovvv', 'lavrov', null],
      ['lvaorv', 'lavrov', null],
    ];
    for (const [a, b, expected] of cases) it(`${a} / ${b}: ${String(expected)}`, () => assert.equal(oneEdit(a, b), expected));

    it('words under five letters must be identical, unless the short-word tier is asked for', () => {
      assert.equal(relate('hai', 'ha'), null);
      assert.equal(relate('manh', 'man'), null);
      assert.equal(relate('manh', 'man', true), 'edit');
      assert.equal(relate('lavrof', 'lavrov'), 'edit');
    });
  });

  describe('names compared word by word', () => {
    const cases: [string, string, string | null][] = [
      ['serguei lavrov', 'sergey lavrov', 'romanization'],
      ['national asembly', 'national assembly', 'edit'],
      ['vladimir putni', 'vladimir putin', 'transposition'],
      ['serguei lawrow', 'sergey lavrov', null], // No word identical.
      ['tran hong hai', 'tran hong ha', 'short-word'],
      ['hong hai', 'hong ha', null], // Two words: a short word never differs.
      ['tran thanh manh', 'tran thanh man', 'short-word'],
      ['tren thanh manh', 'tran thanh man', null], // Two short words differ.
      ['vladimir putin', 'vladimir putin', null], // The spelling itself.
      ['vladimir putin junior', 'vladimir putin', null],
    ];
    for (const [a, b, expected] of cases) {
      it(`${a} / ${b}: ${String(expected)}`, () => assert.equal(compareNames(a.split(' '), b.split(' '))?.reason ?? null, expected));
    }
  });

  describe('the name index', () => {
    // A glossary's worth of names from a few words, so that many spellings share all words but one (large buckets),
    // and written names near them: one edit, a transposition, a romanization, a short word changed, or unrelated.
    const pool = ['nguyen', 'van', 'thanh', 'sergey', 'lavrov', 'tran', 'hong', 'national', 'assembly', 'mikhail', 'putin', 'ha', 'minh', 'chinh', 'volodin'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const name = (): string[] => Array.from({ length: 2 + random(3) }, () => pool[random(pool.length)]);
    const spellings = Array.from({ length: 600 }, name);
    const changed = (words: string[]): string[] => {
      const out = words.slice();
      const i = random(out.length);
      const w = out[i];
      const j = random(w.length);
      const change = random(5);
      out[i] =
        change === 0 ? w.slice(0, j) + w.slice(j + 1)
        : change === 1 ? w.slice(0, j) + 'x' + w.slice(j + 1)
        : change === 2 ? w.replace(/ey$/, 'ei').replace(/v/g, 'w').replace(/kh/, 'h')
        : change === 3 && j + 1 < w.length ? w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2)
        : pool[random(pool.length)];
      return out;
    };
    const index = new NameIndex<number>();
    spellings.forEach((words, k) => index.add(words, k));

    it('finds what comparing the name with every spelling finds', () => {
      const reasons = new Set<string>();
      for (let q = 0; q < 1500; q++) {
        const written = q % 10 === 0 ? name() : changed(spellings[random(spellings.length)]);
        const expected = spellings.flatMap((words, k) => {
          const match = compareNames(written, words);
          return match ? [`${k} ${match.reason} ${match.distance}`] : [];
        });
        const actual = index.lookup(written).map((m) => `${m.value} ${m.reason} ${m.distance}`);
        assert.deepEqual(actual.sort(), expected.sort(), written.join(' '));
        for (const m of index.lookup(written)) reasons.add(m.reason);
      }
      // What was compared: names with matches, of every reason.
      assert.deepEqual([...reasons].sort(), ['edit', 'romanization', 'short-word', 'transposition']);
    });
  });

  describe('possible variants in a text', () => {
    const cases: [string, string, Found[], string[]][] = [
      ['another romanization of the first name', 'Russian Foreign Minister Serguei Lavrov arrived.', [['Serguei Lavrov', 'sergey-lavrov', 'romanization']], []],
      ['-ine ~ -in', 'Prime Minister Mikhail Mishustine said so.', [['Mikhail Mishustine', 'mikhail-mishustin', 'romanization']], []],
      ['ou ~ u and -ine ~ -in', 'They met Vladimir Poutine in Moscow.', [['Vladimir Poutine', 'vladimir-putin', 'romanization']], []],
      ['ia ~ ya, ch ~ h', 'Viacheslav Volodin opened the session.', [['Viacheslav Volodin', 'vyacheslav-volodin', 'romanization']], []],
      ['one letter missing', 'the National Asembly approved it', [['National Asembly', 'national-assembly', 'edit']], []],
      ['two letters swapped', 'said Vladimir Putni on Monday', [['Vladimir Putni', 'vladimir-putin', 'transposition']], []],
      ['a short form one edit away, after a full mention', 'Sergey Lavrov spoke. Later Lavorv said more.', [['Lavorv', 'sergey-lavrov', 'transposition']], []],
      ['a short form with no full mention before', 'Lavorv said more. Sergey Lavrov spoke.', [], []],
      ['a two-word name with a short word off is a new name', 'Hồng Hải met Thanh Mẫn and Nguyen Van Hunt.', [], ['Hồng Hải', 'Thanh Mẫn', 'Nguyen Van Hunt']],
      ['three words, one short word off: short-word, and still unknown', 'Deputy Prime Minister Trần Hồng Hải met them.', [['Trần Hồng Hải', 'tran-hong-ha', 'short-word']], ['Trần Hồng Hải']],
      ['the short-word tier without diacritics', 'Chairman Tran Thanh Manh opened it.', [['Tran Thanh Manh', 'tran-thanh-man', 'short-word']], ['Tran Thanh Manh']],
      ['equally close to two entities: a tie, an unknown name', 'Valentina Matvyenko arrived.', [], ['Valentina Matvyenko']],
      ['closer to one of two similar entities', 'Valentina Matvienka arrived.', [['Valentina Matvienka', 'valentina-matvienko', 'edit']], []],
      ['the glossary spelling itself is a mention, not a variant', 'Sergey Lavrov and Sergei Lavrov', [], []],
    ];
    for (const [title, text, variants, unknowns] of cases) {
      it(title, () => {
        const d = discover(text);
        assert.deepEqual(variantsOf(d), variants);
        assert.deepEqual(unknownsOf(d), unknowns);
        for (const v of d.variants) assert.equal(text.slice(v.start, v.end), v.text);
      });
    }
  });

  describe('candidates', () => {
    const cases: [string, string, string[]][] = [
      ['a new name of two words', 'The minister met Nguyễn Phú Trọng in Hanoi.', ['Nguyễn Phú Trọng']],
      ['titles trimmed, demonym before a title', 'Russian President Vladimir Putin and Vietnamese Ambassador Đặng Minh Khôi met.', ['Đặng Minh Khôi']],
      ['usual title words trimmed', 'Deputy Prime Minister Lê Minh Khái spoke.', ['Lê Minh Khái']],
      ['a run with a mention and other words is one candidate', 'He studied at Moscow State University.', ['Moscow State University']],
      ['connectors inside a name, not at its edges', 'the Center for Nuclear Science and Technology Research of the city', ['Center for Nuclear Science and Technology Research']],
      ['"and" between two names', 'Lê Minh Khái and Nguyễn Văn Nên met.', ['Lê Minh Khái', 'Nguyễn Văn Nên']],
      ['"and" beside a mention joins two names', 'To Lam and Party Secretary Nguyễn Văn Nên met.', ['Party Secretary Nguyễn Văn Nên']],
      ['demonyms and inflections of glossary words are not names', 'Russian and Vietnamese officials, Russians and Soviets alike.', []],
      ['a demonym kept inside an event name', 'the Russian Economic Week opened', ['Russian Economic Week']],
      ['sentence-initial function words', 'The talks went well. In Hanoi, however, it rained.', []],
      ['a sentence-initial word the text writes in lower case', 'Bilateral Trade Minister Hoàng Long spoke. Trade was bilateral.', ['Trade Minister Hoàng Long']],
      ['months and weekdays', 'On Monday, February 11 and March 3 passed.', []],
      ['URLs, e-mail addresses and file names', 'See https://example.com/Nguyen_Phu_Trong or Le.Van@Example.com, and Tran_Van_Photo.jpg here.', []],
      ['a rare acronym is not a name, a recurring one is', 'TIN LIÊN QUAN was read; the PMI rose and the PMI fell in Vietnam.', ['PMI', 'PMI']],
      ['a possessive is not part of the name', 'Nguyễn Phú Trọng’s visit', ['Nguyễn Phú Trọng']],
      ['one word mid-sentence once is not a name', 'they sailed on the Volga yesterday', []],
      ['one word mid-sentence twice is', 'they sailed on the Volga and crossed the Volga again', ['Volga', 'Volga']],
      ['line starts are sentence starts', 'Photo: Minh Nhat\nReflecting on it, Politically speaking', ['Minh Nhat']],
    ];
    for (const [title, text, expected] of cases) it(title, () => assert.deepEqual(unknownsOf(discover(text)), expected));

    it('the ignore list holds spellings that are neither candidates nor variants, compared folded', () => {
      const text = 'Photo: Minh Nhat. The National Asembly met. Minh Nhật again.';
      assert.deepEqual(unknownsOf(discover(text)), ['Minh Nhat', 'Minh Nhật']);
      const d = discover(text, ['minh nhat', 'National Asembly']);
      assert.deepEqual(unknownsOf(d), []);
      assert.deepEqual(variantsOf(d), []);
    });

    it('finds the same in an NFD copy and a CRLF copy, at the spans of each', () => {
      const text = 'Russian Foreign Minister Serguei Lavrov met Trần Hồng Hải.\nThe National Asembly met Nguyễn Phú Trọng.\n';
      const expected = discover(text);
      for (const copy of [text.normalize('NFD'), text.replace(/\n/g, '\r\n')]) {
        const d = discover(copy);
        assert.deepEqual(
          d.variants.map((v) => [v.text.normalize('NFC'), v.entityId, v.reason]),
          variantsOf(expected),
        );
        assert.deepEqual(d.unknownNames.map((u) => u.text.normalize('NFC')), unknownsOf(expected));
        for (const x of [...d.variants, ...d.unknownNames]) assert.equal(copy.slice(x.start, x.end), x.text);
      }
    });
  });

  describe('findings', () => {
    it('possible-variant at Warning, short-word at Information (may be another person), unknown-name at Hint', () => {
      const d = discover('Serguei Lavrov met Tran Thanh Manh and Nguyễn Phú Trọng.');
      const found = discoveryFindings(d).map((f) => [f.code, f.severity, f.entityId ?? null]);
      assert.deepEqual(found, [
        ['possible-variant', 'warning', 'sergey-lavrov'],
        ['possible-variant', 'info', 'tran-thanh-man'],
        ['unknown-name', 'hint', null],
        ['unknown-name', 'hint', null],
      ]);
      const [variant, shortWord] = discoveryFindings(d);
      assert.match(variant.message, /"Serguei Lavrov" looks like Sergey Lavrov/);
      assert.equal(variant.replacement, 'Sergey Lavrov');
      assert.match(shortWord.message, /may be another person/);
      assert.deepEqual(discoveryFindings(d, { unknownName: 'off', shortWordVariant: 'off' }).map((f) => f.code), ['possible-variant']);
    });
  });

  describe('the corpus-wide list of candidates', () => {
    const occ = (file: string, text: string, afterPlacePreposition = false): NameOccurrence<number> => ({ file, text, afterPlacePreposition, at: 0 });

    it('groups spellings that fold alike or are close, names it by the most diacritics, proposes id and kind', () => {
      const candidates = groupUnknownNames(
        [
          occ('a.txt', 'Nguyen Phu Trong'),
          occ('a.txt', 'Nguyen Phu Trong'),
          occ('b.txt', 'Nguyễn Phú Trọng'),
          occ('b.txt', 'Nguyen Phu Trongg'),
          occ('a.txt', 'Moscow State University'),
          occ('a.txt', 'Bac Ha', true),
          occ('b.txt', 'Bac Ha', true),
          occ('b.txt', 'Hai Phong City'),
          occ('a.txt', 'Trần Hồng Hải'),
          occ('b.txt', 'Trần Hồng Hà'),
        ],
        ['moscow-state-university'],
      );
      assert.deepEqual(
        candidates.map((c) => [c.name, c.id, c.kind, c.count, c.files, c.aliases]),
        [
          ['Nguyễn Phú Trọng', 'nguyen-phu-trong', 'person', 4, 2, ['Nguyen Phu Trong', 'Nguyen Phu Trongg']],
          ['Bac Ha', 'bac-ha', 'place', 2, 2, []],
          ['Hai Phong City', 'hai-phong-city', 'place', 1, 1, []],
          ['Moscow State University', 'moscow-state-university-2', 'body', 1, 1, []],
          ['Trần Hồng Hà', 'tran-hong-ha', 'person', 1, 1, []],
          ['Trần Hồng Hải', 'tran-hong-hai', 'person', 1, 1, []],
        ],
      );
      assert.deepEqual(candidates[0].spellings, [
        { text: 'Nguyen Phu Trong', count: 2 },
        { text: 'Nguyen Phu Trongg', count: 1 },
        { text: 'Nguyễn Phú Trọng', count: 1 },
      ]);
    });
  });
});
