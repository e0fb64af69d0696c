import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, EntityMatcher, normalizeEdits, type Entity } from '../../../src/core';
import { countryOfDemonym, DEMONYMS } from '../../../src/core/text/demonyms';
import { entity } from '../support';

/**
 * Matching rules 9–11 (DESIGN.md): what the words around a possible mention
 * decide. Every table runs on the sentence as written (NFC), NFD-encoded and
 * with CRLF line ends; the mentions must be the same, at spans that hold them.
 */

type Found = [text: string, entityId: string];
type Case = [title: string, text: string, expected: Found[]];

/** The text as stored three ways: NFC, NFD and NFC with CRLF line ends. */
function encodings(text: string): [string, string][] {
  const nfc = text.normalize('NFC');
  return [
    ['NFC', nfc],
    ['NFD', nfc.normalize('NFD')],
    ['CRLF', nfc.replace(/\n/g, '\r\n')],
  ];
}

function runTable(matcher: EntityMatcher, cases: Case[]): void {
  for (const [title, text, expected] of cases) {
    for (const [encoding, stored] of encodings(text)) {
      it(`${title} (${encoding})`, () => {
        const mentions = matcher.match(stored);
        for (const m of mentions) assert.equal(stored.slice(m.start, m.end), m.text);
        const found = mentions.map((m): Found => [m.text.normalize('NFC').replace(/\r\n/g, '\n'), m.entityId]);
        assert.deepEqual(found, expected);
      });
    }
  }
}

const people = [
  entity({ id: 'tran-hong-ha', kind: 'person', name: 'Trần Hồng Hà', titles: ['Deputy Prime Minister'], country: 'VN' }),
  entity({ id: 'bui-thanh-son', kind: 'person', name: 'Bùi Thanh Sơn', aliases: ['Bui Thanh Son'], titles: ['Minister of Foreign Affairs'], country: 'VN' }),
  entity({ id: 'sergey-lavrov', kind: 'person', name: 'Sergey Lavrov', titles: ['Foreign Minister', 'Minister of Foreign Affairs of Russia'], country: 'RU' }),
  entity({ id: 'state-duma', kind: 'body', name: 'State Duma', short: ['Duma'], country: 'RU' }),
  entity({ id: 'viet-nam', kind: 'place', name: 'Việt Nam', aliases: ['Vietnam'], country: 'VN' }),
  entity({ id: 'russia', kind: 'place', name: 'Russia', country: 'RU' }),
];

describe('rule 9: a short form is never part of a longer name', () => {
  const matcher = EntityMatcher.compile(people);
  const ha: Found = ['Trần Hồng Hà', 'tran-hong-ha'];
  const son: Found = ['Bùi Thanh Sơn', 'bui-thanh-son'];
  const lavrov: Found = ['Sergey Lavrov', 'sergey-lavrov'];

  describe('not a mention: another capitalised word beside it', () => {
    runTable(matcher, [
      ['the last syllable of another person’s name', 'Deputy Prime Minister Trần Hồng Hà chaired the meeting. Lê Thu Hà, a lawmaker, asked about the budget.', [ha]],
      ['a four-word name', 'Trần Hồng Hà spoke first. Nguyễn Thị Thanh Hà, a lawmaker from Hà Giang, followed.', [ha]],
      ['the first syllable of a place', 'Bùi Thanh Sơn visited Sơn La province on Monday.', [son]],
      ['written without diacritics', 'Bui Thanh Son visited Son La province on Monday.', [['Bui Thanh Son', 'bui-thanh-son']]],
      ['a name that begins a sentence is still a name', 'Trần Hồng Hà arrived. Thanh Hà, a reporter, filed the story.', [ha]],
      ['a name broken over a line', 'Trần Hồng Hà arrived on Monday.\nLawmaker Lê Thu\nHà asked about the budget.', [ha]],
      ['a capitalised word after it', 'Sergey Lavrov met reporters. Lavrov Holdings, a firm in Kazan, declined to comment.', [lavrov]],
      ['an explicit short form too', 'The State Duma met. Duma Tower, a hotel, was full.', [['State Duma', 'state-duma']]],
    ]);
  });

  describe('still a mention: the word beside it is a title, a mention, a date word or a sentence-initial common word', () => {
    runTable(matcher, [
      ['nothing capitalised beside it', 'Trần Hồng Hà chaired the meeting. Hà said the plan was sound.', [ha, ['Hà', 'tran-hong-ha']]],
      ['the entity’s own title', 'Trần Hồng Hà spoke. Later, Deputy Prime Minister Hà visited the site.', [ha, ['Hà', 'tran-hong-ha']]],
      ['a usual title word', 'Sergey Lavrov arrived. Mr Lavrov said little.', [lavrov, ['Lavrov', 'sergey-lavrov']]],
      ['a title of the glossary (another entity’s)', 'Sergey Lavrov and Bùi Thanh Sơn met. Later, Minister of Foreign Affairs Lavrov spoke.', [lavrov, son, ['Lavrov', 'sergey-lavrov']]],
      ['a function word that begins the sentence', 'Sergey Lavrov arrived. Meanwhile Lavrov said the talks went well.', [lavrov, ['Lavrov', 'sergey-lavrov']]],
      ['after a quotation that ends a sentence', 'Bùi Thanh Sơn spoke. “We agree.” The Sơn delegation left.', [son, ['Sơn', 'bui-thanh-son']]],
      ['a weekday after it', 'Sergey Lavrov flew in. Putin told Lavrov Monday that the talks would go on.', [lavrov, ['Lavrov', 'sergey-lavrov']]],
      ['a month before it', 'Sergey Lavrov visited. In March Lavrov returned.', [lavrov, ['Lavrov', 'sergey-lavrov']]],
      ['a mention after it', 'Sergey Lavrov arrived on Monday. The Lavrov Việt Nam visit was his third.', [lavrov, ['Lavrov', 'sergey-lavrov'], ['Việt Nam', 'viet-nam']]],
      ['a mention before it', 'Sergey Lavrov arrived. The talks in Russia Lavrov called useful.', [lavrov, ['Russia', 'russia'], ['Lavrov', 'sergey-lavrov']]],
      ['across a paragraph break', 'Trần Hồng Hà spoke to Lê Thu\n\nHà said the plan was sound.', [ha, ['Hà', 'tran-hong-ha']]],
      ['a possessive before it', 'Sergey Lavrov arrived. Russia’s Lavrov said little.', [lavrov, ['Russia', 'russia'], ['Lavrov', 'sergey-lavrov']]],
    ]);
  });
});

const bodies = [
  entity({ id: 'mofa-vn', kind: 'body', name: 'Ministry of Foreign Affairs', country: 'VN' }),
  entity({ id: 'asean', kind: 'body', name: 'ASEAN' }),
  entity({ id: 'sergey-lavrov', kind: 'person', name: 'Sergey Lavrov', country: 'RU' }),
  entity({ id: 'viet-nam', kind: 'place', name: 'Việt Nam', aliases: ['Vietnam'], country: 'VN' }),
];

describe('rule 10: country qualifiers', () => {
  describe('a demonym of another country: not the entity', () => {
    const matcher = EntityMatcher.compile(bodies);
    const mofa: Found = ['Ministry of Foreign Affairs', 'mofa-vn'];
    runTable(matcher, [
      ['Chinese', 'A spokesperson for the Chinese Ministry of Foreign Affairs said on Tuesday that talks would resume.', []],
      ['Japanese', 'the Japanese Ministry of Foreign Affairs said', []],
      ['two words: North Korean', 'a North Korean Ministry of Foreign Affairs statement', []],
      ['in capitals', 'CHINESE MINISTRY OF FOREIGN AFFAIRS SPEAKS', []],
      ['across one line break', 'the Japanese\nMinistry of Foreign Affairs said', []],
      ['a person', 'The American Sergey Lavrov of the film was played by an actor.', []],
      ['its own country’s demonym', 'the Vietnamese Ministry of Foreign Affairs said', [mofa]],
      ['no demonym', 'the Ministry of Foreign Affairs said', [mofa]],
      ['a demonym with punctuation between', 'Chinese, Japanese and Ministry of Foreign Affairs officials met.', [mofa]],
      ['a demonym further back', 'the Japanese delegation met the Ministry of Foreign Affairs', [mofa]],
      ['an entity with no country', 'the Thai ASEAN chairmanship', [['ASEAN', 'asean']]],
      ['a diacritic is not a demonym: Thái is a Vietnamese name', 'an aide to Lê Văn Thái Ministry of Foreign Affairs officials', [mofa]],
      ['only in its span', 'Chinese Ministry of Foreign Affairs, Vietnamese Ministry of Foreign Affairs', [mofa]],
    ]);
  });

  describe('two entities of the same name: the demonym picks one', () => {
    const matcher = EntityMatcher.compile([
      entity({ id: 'mofa-vn', kind: 'body', name: 'Ministry of Foreign Affairs', country: 'VN' }),
      entity({ id: 'mofa-ru', kind: 'body', name: 'Ministry of Foreign Affairs', country: 'RU' }),
      entity({ id: 'mofa-any', kind: 'body', name: 'Ministry of Foreign Affairs' }),
    ]);
    runTable(matcher, [
      ['Russian', 'the Russian Ministry of Foreign Affairs said', [['Ministry of Foreign Affairs', 'mofa-ru']]],
      ['Vietnamese', 'the Vietnamese Ministry of Foreign Affairs said', [['Ministry of Foreign Affairs', 'mofa-vn']]],
      ['a country with no entity: the one with no country', 'the Chinese Ministry of Foreign Affairs said', [['Ministry of Foreign Affairs', 'mofa-any']]],
      ['no demonym: the first in the glossary', 'the Ministry of Foreign Affairs said', [['Ministry of Foreign Affairs', 'mofa-vn']]],
      [
        'no demonym after a qualified mention: the one mentioned last',
        'The Russian Ministry of Foreign Affairs said on Monday it had received the note. The Ministry of Foreign Affairs gave no details.',
        [
          ['Ministry of Foreign Affairs', 'mofa-ru'],
          ['Ministry of Foreign Affairs', 'mofa-ru'],
        ],
      ],
    ]);
  });

  describe('the demonym table', () => {
    const cases: [string, string | undefined][] = [
      ['Vietnamese', 'VN'],
      ['Russian', 'RU'],
      ['Russians', 'RU'],
      ['Chinese', 'CN'],
      ['American', 'US'],
      ['Americans', 'US'],
      ['British', 'GB'],
      ['Britons', 'GB'],
      ['French', 'FR'],
      ['Lao', 'LA'],
      ['Cambodians', 'KH'],
      ['Thais', 'TH'],
      ['Filipinos', 'PH'],
      ['North Korean', 'KP'],
      ['South Koreans', 'KR'],
      ['KAZAKH', 'KZ'],
      ['Thái', undefined],
      ['Soviet', undefined],
      ['Vietnam', undefined],
      ['President', undefined],
    ];
    for (const [word, code] of cases) it(`${word} → ${code ?? 'none'}`, () => assert.equal(countryOfDemonym(word), code));

    it('covers the shared corpus’s countries, their neighbours and the permanent members of the Security Council', () => {
      const codes = new Set(DEMONYMS.values());
      const required = ['VN', 'RU', 'TH', 'JP', 'DE', 'SE', 'GB', 'US', 'FR', 'CN', 'LA', 'KH', 'NO', 'FI', 'EE', 'LV', 'LT', 'PL', 'BY', 'UA', 'GE', 'AZ', 'KZ', 'MN', 'KP'];
      assert.deepEqual(required.filter((code) => !codes.has(code)), []);
      for (const code of codes) assert.match(code, /^[A-Z]{2}$/);
    });
  });
});

const currencies = [
  entity({ id: 'united-states', kind: 'place', name: 'United States', aka: ['US'], country: 'US' }),
  entity({ id: 'hong-kong', kind: 'place', name: 'Hong Kong', aka: ['HK'], country: 'HK' }),
  // One-letter spellings, so that the letter of S$ and A$ could match if the rule let it.
  entity({ id: 'singapore', kind: 'place', name: 'Singapore', aka: ['S'], country: 'SG' }),
  entity({ id: 'australia', kind: 'place', name: 'Australia', aka: ['A'], country: 'AU' }),
  entity({ id: 'viet-nam', kind: 'place', name: 'Việt Nam', aliases: ['Vietnam'], country: 'VN' }),
];

describe('rule 11: the letters of a currency are never a mention', () => {
  const matcher = EntityMatcher.compile(currencies);
  runTable(matcher, [
    ['US$ with a decimal', 'The bank approved a US$1.2 billion loan to Việt Nam.', [['Việt Nam', 'viet-nam']]],
    ['HK$', 'shares worth HK$500 million changed hands', []],
    ['S$', 'the deal, valued at S$30m, closed', []],
    ['A$', 'A$2.5 billion in exports', []],
    ['US$ alone', 'prices quoted in US$ rose', []],
    ['$US with a space before the amount', 'a $US 5 million grant', []],
    ['the same letters elsewhere are mentions', 'US officials said the US$3 billion package would reach Hong Kong and HK traders.', [['US', 'united-states'], ['Hong Kong', 'hong-kong'], ['HK', 'hong-kong']]],
    ['a line break before the amount', 'the United States\nput US$40 million into the fund', [['United States', 'united-states']]],
  ]);

  it('property: no mention overlaps the letters of a currency', function () {
    this.timeout(30000);
    const prefix = fc.constantFrom('US', 'HK', 'S', 'A', 'NZ', 'C', 'VN');
    const amount = fc.tuple(prefix, fc.constantFrom('$', '$ ', '€', '£'), fc.nat(9999)).map(([p, sign, n]) => `${p}${sign}${n}`);
    const leading = fc.tuple(fc.constantFrom('$', '€'), prefix, fc.constantFrom(' ', '')).map(([sign, p, space]) => `${sign}${p}${space}5`);
    const word = fc.constantFrom('US', 'HK', 'S', 'A', 'Hong Kong', 'United States', 'Việt Nam', 'Singapore', 'the', 'billion', 'said');
    const separator = fc.constantFrom(' ', ', ', '. ', '\n', ' (', ') ', '');
    const piece = fc.tuple(fc.oneof(amount, leading, word), separator).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom('NFC', 'NFD', 'CRLF'), (pieces, encoding) => {
        const nfc = pieces.join('');
        const text = encoding === 'NFD' ? nfc.normalize('NFD') : encoding === 'CRLF' ? nfc.replace(/\n/g, '\r\n') : nfc;
        // The letters glued to a currency sign, on either side.
        const prefixes = [...text.matchAll(/\p{L}+(?=\p{Sc})|(?<=\p{Sc})\p{L}+/gu)].map((m) => [m.index!, m.index! + m[0].length]);
        for (const m of matcher.match(text)) {
          for (const [start, end] of prefixes) {
            assert.ok(m.end <= start || m.start >= end, `"${m.text}" at ${m.start} overlaps the currency letters at ${start} in ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('rules 9–11: Normalize rewrites only what is still a mention', () => {
  // "US" as an alias here, so that Normalize would rewrite it wherever it is a mention.
  const unitedStates = entity({ id: 'united-states', kind: 'place', name: 'United States', aliases: ['US'], country: 'US' });
  const glossary: Entity[] = [...people, ...bodies.filter((e) => e.id === 'mofa-vn'), unitedStates];
  const matcher = EntityMatcher.compile(glossary);
  const byId = (id: string) => glossary.find((e) => e.id === id);
  const cases: [string, string, string][] = [
    ['a short form inside a longer name', 'Bui Thanh Son visited Son La province. Son said it was his first visit.', 'Bùi Thanh Sơn visited Son La province. Sơn said it was his first visit.'],
    ['a name after another country’s demonym', 'Vietnam and the Chinese Ministry of Foreign Affairs', 'Việt Nam and the Chinese Ministry of Foreign Affairs'],
    ['currency letters', 'US lenders gave Vietnam US$2 billion', 'United States lenders gave Việt Nam US$2 billion'],
  ];
  for (const [title, text, expected] of cases) {
    for (const [encoding, stored] of encodings(text)) {
      it(`${title} (${encoding})`, () => {
        assert.equal(applyEdits(stored, normalizeEdits(stored, matcher.match(stored), byId)).normalize('NFC'), expected);
      });
    }
  }
});
