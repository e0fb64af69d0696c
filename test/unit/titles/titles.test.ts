/**
 * Titles and roles (DESIGN.md): the title read before a person's mention, the
 * two checks (`title-mismatch`, `outdated-title`) with and without a document
 * date, titles with country adjectives, and the title the quick fix writes.
 */
import * as assert from 'node:assert/strict';
import { currentTitle, Engine, findings, holdsOn, parseGlossary, type Entity, type Glossary } from '../../../src/core';

/** A made-up glossary in the shape of the corpus one: two Presidents of one country, a General Secretary, two Prime Ministers. */
const GLOSSARY = `
entities:
  - id: to-lam
    kind: person
    name: Tô Lâm
    aliases: [To Lam]
    country: VN
    titles:
      - { title: General Secretary, from: 2024-08-03 }
      - { title: President, from: 2024-05-22, until: 2024-10-21 }
  - id: luong-cuong
    kind: person
    name: Lương Cường
    country: VN
    titles:
      - { title: President, from: 2024-10-21 }
  - id: pham-minh-chinh
    kind: person
    name: Phạm Minh Chính
    country: VN
    titles: [Prime Minister]
  - id: mikhail-mishustin
    kind: person
    name: Mikhail Mishustin
    country: RU
    titles: [Prime Minister]
  - id: sergey-lavrov
    kind: person
    name: Sergey Lavrov
    country: RU
    titles: [Foreign Minister, "Minister of Culture, Sports and Tourism"]
  - id: nguyen-van-an
    kind: person
    name: Nguyễn Văn An
    country: VN
  - id: ha-noi
    kind: place
    name: Hà Nội
    country: VN
`;

function glossary(text = GLOSSARY): Glossary {
  const parsed = parseGlossary([{ file: 'glossary.yaml', text }]);
  assert.deepEqual(parsed.problems, []);
  return parsed;
}

const engine = new Engine(glossary());
const entity = (id: string): Entity => engine.entity(id)!;

/** The title findings of `text`: [code, text of the span, replacement]. */
function titleFindings(text: string): [string, string, string | undefined][] {
  return findings(engine.analyze(text), engine)
    .filter((f) => f.code === 'title-mismatch' || f.code === 'outdated-title')
    .map((f) => [f.code, text.slice(f.start, f.end), f.replacement]);
}

/** The title read before each person's mention: [mention, title]. */
function titlesRead(text: string): [string, string | undefined][] {
  return engine
    .analyze(text)
    .mentions.filter((m) => engine.entity(m.entityId)?.kind === 'person')
    .map((m) => [m.text, m.title?.text]);
}

describe('titles and roles', () => {
  describe('the title written before a mention', () => {
    const rows: [string, string, [string, string | undefined][]][] = [
      ['a title of the glossary', 'Prime Minister Phạm Minh Chính spoke.', [['Phạm Minh Chính', 'Prime Minister']]],
      ['folded and in other case', 'prime minister Phạm Minh Chính spoke.', [['Phạm Minh Chính', 'prime minister']]],
      ['with a country adjective', 'Russian Prime Minister Mikhail Mishustin spoke.', [['Mikhail Mishustin', 'Russian Prime Minister']]],
      ['with a two-word title word before it', 'Vietnamese Deputy Prime Minister Phạm Minh Chính', [['Phạm Minh Chính', 'Vietnamese Deputy Prime Minister']]],
      ['a title with a comma inside', 'Minister of Culture, Sports and Tourism Sergey Lavrov', [['Sergey Lavrov', 'Minister of Culture, Sports and Tourism']]],
      ['across one line break', 'the Prime\nMinister\nPhạm Minh Chính', [['Phạm Minh Chính', 'Prime\nMinister']]],
      ['not across punctuation', 'the Prime Minister, Phạm Minh Chính', [['Phạm Minh Chính', undefined]]],
      ['not across a paragraph break', 'Prime Minister\n\nPhạm Minh Chính', [['Phạm Minh Chính', undefined]]],
      ['not a word of the sentence before', 'They met the President. Lương Cường spoke.', [['Lương Cường', undefined]]],
      ['none when no title stands before', 'Phạm Minh Chính met Mikhail Mishustin.', [['Phạm Minh Chính', undefined], ['Mikhail Mishustin', undefined]]],
      ['not a longer word ending in a title', 'ExPresident Lương Cường', [['Lương Cường', undefined]]],
    ];
    for (const [what, text, expected] of rows) it(what, () => assert.deepEqual(titlesRead(text), expected));

    it('marks a title said to be past ("former", "ex-", "then-")', () => {
      for (const text of ['former President Tô Lâm', 'ex-President Tô Lâm', 'then-President Tô Lâm', 'the late President Tô Lâm']) {
        const [mention] = engine.analyze(text).mentions;
        assert.equal(mention.title?.text, 'President', text);
        assert.equal(mention.title?.past, true, text);
      }
      assert.equal(engine.analyze('President Tô Lâm').mentions[0].title?.past, undefined);
    });

    it('is read for people only', () => {
      const mentions = engine.analyze('President Hà Nội').mentions;
      assert.equal(mentions.length, 1);
      assert.equal(mentions[0].title, undefined);
    });
  });

  describe('title-mismatch: the title is another person’s and not this one’s', () => {
    const rows: [string, string, [string, string, string | undefined][]][] = [
      ['without a document date', 'Prime Minister Tô Lâm met them.', [['title-mismatch', 'Prime Minister', 'General Secretary']]],
      ['with a document date', 'Hà Nội, March 3, 2025\n\nPrime Minister Tô Lâm met them.', [['title-mismatch', 'Prime Minister', 'General Secretary']]],
      ['folded, in other case', 'PRIME MINISTER Tô Lâm', [['title-mismatch', 'PRIME MINISTER', 'General Secretary']]],
      ['with a country adjective: the span is the title inside', 'Vietnamese Prime Minister Tô Lâm', [['title-mismatch', 'Prime Minister', 'General Secretary']]],
      ['his own title with a country adjective is his', 'Russian Foreign Minister Sergey Lavrov', []],
      ['his own title', 'Prime Minister Phạm Minh Chính and Prime Minister Mikhail Mishustin', []],
      ['a rank below another’s title is not that title', 'Deputy Prime Minister Tô Lâm', []],
      ['a person without titles: the quick fix has nothing to write', 'Prime Minister Nguyễn Văn An', [['title-mismatch', 'Prime Minister', undefined]]],
      ['a title of nobody in the glossary', 'Governor Tô Lâm', []],
      ['a title the person held at another date is not a mismatch, without a date', 'President Tô Lâm', []],
      ['nor with one: it is outdated', 'March 3, 2025\nPresident Tô Lâm', [['outdated-title', 'President', 'General Secretary']]],
      ['said to be past: still not his', 'former Prime Minister Tô Lâm', [['title-mismatch', 'Prime Minister', 'General Secretary']]],
    ];
    for (const [what, text, expected] of rows) it(what, () => assert.deepEqual(titleFindings(text), expected));

    it('says whose title it is and what to write, with the date when it decides', () => {
      const [undated] = findings(engine.analyze('Prime Minister Tô Lâm'), engine).filter((f) => f.code === 'title-mismatch');
      assert.equal(undated.severity, 'warning');
      assert.equal(undated.entityId, 'to-lam');
      assert.equal(undated.message, 'Title mismatch: "Prime Minister" is the title of Phạm Minh Chính and Mikhail Mishustin, not of Tô Lâm; Tô Lâm\'s title is "General Secretary".');
      const dated = findings(engine.analyze('February 11, 2025\nPresident Sergey Lavrov'), engine).find((f) => f.code === 'title-mismatch');
      assert.equal(dated?.message, 'Title mismatch: "President" is the title of Lương Cường on 11 February 2025, not of Sergey Lavrov; Sergey Lavrov\'s title then is "Foreign Minister".');
    });
  });

  describe('outdated-title: the person’s title, not held on the document’s date', () => {
    const rows: [string, string, [string, string, string | undefined][]][] = [
      ['after its end', 'February 11, 2025\n\nPresident Tô Lâm arrived.', [['outdated-title', 'President', 'General Secretary']]],
      ['within its dates', 'June 3, 2024\n\nPresident Tô Lâm arrived.', []],
      ['on its last day', '21 October 2024\nPresident Tô Lâm arrived.', []],
      ['before its start: the quick fix writes the title he held then', 'June 3, 2024\nGeneral Secretary Tô Lâm', [['outdated-title', 'General Secretary', 'President']]],
      ['the other holder, before his start', 'June 3, 2024\nPresident Lương Cường', [['outdated-title', 'President', undefined]]],
      ['the other holder, within his dates', 'June 3, 2025\nPresident Lương Cường', []],
      ['no document date: no outdated title', 'President Tô Lâm arrived in February 2025.', []],
      ['a date without its year is not the document’s date', 'February 11\nPresident Tô Lâm', []],
      ['a date after the first five lines is not the document’s date', '1\n2\n3\n4\n5\nFebruary 11, 2025\nPresident Tô Lâm', []],
      ['a title said to be past', 'February 11, 2025\nformer President Tô Lâm', []],
      ['an undated title is held at any date', 'February 11, 1990\nPrime Minister Phạm Minh Chính', []],
      ['from front matter', '---\ntitle: Visit\ndate: 2025-02-11\n---\nPresident Tô Lâm arrived.', [['outdated-title', 'President', 'General Secretary']]],
    ];
    for (const [what, text, expected] of rows) it(what, () => assert.deepEqual(titleFindings(text), expected));

    it('gives the dates, the document’s date and who holds it then', () => {
      const found = findings(engine.analyze('February 11, 2025\nPresident Tô Lâm'), engine).find((f) => f.code === 'outdated-title');
      assert.equal(
        found?.message,
        'Outdated title: "President" is Tô Lâm\'s title from 22 May 2024 to 21 October 2024, not on 11 February 2025 (the document\'s date). On that date it is the title of Lương Cường. Tô Lâm\'s title then is "General Secretary".',
      );
    });

    it('follows its severity setting, or is off', () => {
      const text = 'February 11, 2025\nPresident Tô Lâm and Prime Minister Tô Lâm';
      const codes = (levels: Parameters<typeof findings>[2]) => findings(engine.analyze(text), engine, levels).filter((f) => f.code.endsWith('title') || f.code.startsWith('title')).map((f) => `${f.severity} ${f.code}`);
      assert.deepEqual(codes({}), ['warning outdated-title', 'warning title-mismatch']);
      assert.deepEqual(codes({ levels: { outdatedTitle: 'off', titleMismatch: 'error' } }), ['error title-mismatch']);
      assert.deepEqual(codes({ levels: { outdatedTitle: 'info', titleMismatch: 'off' } }), ['info outdated-title']);
    });
  });

  describe('a title two people hold at different dates: the date decides', () => {
    const rows: [string, string, string[]][] = [
      ['his dates', 'June 3, 2024\nPresident Tô Lâm and President Lương Cường', ['outdated-title Lương Cường']],
      ['the other’s dates', 'June 3, 2025\nPresident Tô Lâm and President Lương Cường', ['outdated-title Tô Lâm']],
      ['no date: both held it at some date', 'President Tô Lâm and President Lương Cường', []],
    ];
    for (const [what, text, expected] of rows) {
      it(what, () => {
        const analysis = engine.analyze(text);
        const out = findings(analysis, engine)
          .filter((f) => f.code === 'outdated-title' || f.code === 'title-mismatch')
          .map((f) => `${f.code} ${engine.entity(f.entityId!)!.name}`);
        assert.deepEqual(out, expected);
      });
    }
  });

  describe('the person’s current title (the quick fix)', () => {
    const rows: [string, string, string | undefined, string | undefined][] = [
      ['on a date, the title held then', 'to-lam', '2024-06-01', 'President'],
      ['on a later date', 'to-lam', '2025-02-11', 'General Secretary'],
      ['without a date, the one held last', 'to-lam', undefined, 'General Secretary'],
      ['an undated title', 'pham-minh-chinh', '1990-01-01', 'Prime Minister'],
      ['on a date before every term: the latest', 'luong-cuong', '2000-01-01', 'President'],
      ['no titles', 'nguyen-van-an', undefined, undefined],
    ];
    for (const [what, id, day, expected] of rows) it(what, () => assert.equal(currentTitle(entity(id), day), expected));

    it('holdsOn counts both days of a term', () => {
      const toLam = entity('to-lam');
      assert.deepEqual(
        ['2024-05-21', '2024-05-22', '2024-10-21', '2024-10-22'].map((d) => holdsOn(toLam, 'President', d)),
        [false, true, true, false],
      );
      assert.equal(holdsOn(toLam, 'Prime Minister', '2024-06-01'), false);
    });
  });

  it('keeps `titles` as strings for the matcher: a short form after a dated title counts', () => {
    const mentions = engine.analyze('President Lâm arrived.').mentions;
    assert.deepEqual(mentions.map((m) => [m.text, m.entityId, m.variant]), [['Lâm', 'to-lam', 'short']]);
    assert.deepEqual(entity('to-lam').titles, ['General Secretary', 'President']);
  });
});
