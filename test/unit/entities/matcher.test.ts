import * as assert from 'node:assert/strict';
import { EntityMatcher, type Mention } from '../../../src/core';
import { entity, readArticle } from '../support';
import { corpusEntities } from './fixtures';

const matcher = EntityMatcher.compile(corpusEntities);

/** The mentions of `text` as [written text, entity id, variant] triples. */
function found(text: string, m = matcher): [string, string, Mention['variant']][] {
  return m.match(text).map((x) => [x.text, x.entityId, x.variant]);
}

describe('EntityMatcher', () => {
  describe('rule 2: names, aliases, aka and folded forms', () => {
    const cases: [string, string, [string, string, Mention['variant']][]][] = [
      ['canonical name', 'Party General Secretary Tô Lâm said', [['Tô Lâm', 'to-lam', 'canonical']]],
      ['alias', 'General Secretary To Lam and his spouse', [['To Lam', 'to-lam', 'alias']]],
      ['folded name (no alias for it)', 'Minister Dang Minh Khoi said', [['Dang Minh Khoi', 'dang-minh-khoi', 'folded']]],
      ['folded alias (typographic apostrophe-free)', 'Sergéi Lavrov spoke', [['Sergéi Lavrov', 'sergey-lavrov', 'folded']]],
      ['Sergei / Sergey', 'Sergei Lavrov and Sergey Lavrov', [['Sergei Lavrov', 'sergey-lavrov', 'alias'], ['Sergey Lavrov', 'sergey-lavrov', 'canonical']]],
      ['aka', 'VNA/VNS photo', [['VNA', 'vna', 'aka']]],
      ['aka in another spelling', 'Mikhail Vladimirovich Mishustin’s official visit', [['Mikhail Vladimirovich Mishustin', 'mikhail-mishustin', 'aka']]],
      ['case-sensitive', 'the vietnam war and VIETNAMESE food', []],
      ['all capitals, canonical', 'TÔ LÂM ARRIVES', [['TÔ LÂM', 'to-lam', 'canonical']]],
      ['all capitals, alias', 'TO LAM ARRIVES', [['TO LAM', 'to-lam', 'alias']]],
      ['all capitals, folded', 'VIET NAM and VIETNAM', [['VIET NAM', 'viet-nam', 'alias'], ['VIETNAM', 'viet-nam', 'alias']]],
      ['đ folds to d', 'Đặng Minh Khôi and Dang Minh Khoi', [['Đặng Minh Khôi', 'dang-minh-khoi', 'canonical'], ['Dang Minh Khoi', 'dang-minh-khoi', 'folded']]],
    ];
    for (const [title, text, expected] of cases) {
      it(title, () => assert.deepEqual(found(text), expected));
    }

    it('matches an NFD-encoded name as a folded, differently encoded spelling', () => {
      const nfd = 'Party General Secretary Tô Lâm said'.normalize('NFD');
      const [m] = matcher.match(nfd);
      assert.equal(m.entityId, 'to-lam');
      assert.equal(m.variant, 'folded');
      assert.equal(m.encoding, 'nfd');
      assert.equal(m.text, 'Tô Lâm'.normalize('NFD'));
      assert.equal(nfd.slice(m.start, m.end), m.text);
    });
  });

  describe('rule 3: word boundaries and possessives', () => {
    const cases: [string, string, [string, string, Mention['variant']][]][] = [
      ['Vietnamese is not Vietnam', 'Vietnamese students', []],
      ['hyphenated pair', 'the Vietnam-Russia relationship', [['Vietnam', 'viet-nam', 'alias'], ['Russia', 'russia', 'canonical']]],
      ['spaced dash pair', 'Vietnam - Russia relations', [['Vietnam', 'viet-nam', 'alias'], ['Russia', 'russia', 'canonical']]],
      ['possessive outside the span', "Prime Minister Mikhail Mishustin's official visit", [['Mikhail Mishustin', 'mikhail-mishustin', 'canonical']]],
      ['typographic possessive', 'Việt Nam’s private sector', [['Việt Nam', 'viet-nam', 'canonical']]],
      ['digits glue', 'Vietnam2025 and 2025Vietnam', []],
      ['no match inside a word', 'Russias and PreRussia', []],
    ];
    for (const [title, text, expected] of cases) {
      it(title, () => assert.deepEqual(found(text), expected));
    }
    it('gives the exact span of a possessive mention', () => {
      const text = "adding that Prime Minister Mikhail Mishustin's official visit";
      const [m] = matcher.match(text);
      assert.equal(text.slice(m.start, m.end), 'Mikhail Mishustin');
      assert.equal(text.slice(m.end, m.end + 2), "'s");
    });
  });

  describe('rule 4: titles are not part of the span', () => {
    it('Russian President Vladimir Putin', () => {
      const text = 'by Russian President Vladimir Putin and';
      const [m] = matcher.match(text);
      assert.equal(text.slice(m.start, m.end), 'Vladimir Putin');
    });
  });

  describe('rule 5: short forms', () => {
    it('counts a short form after a full mention ("Khôi said")', () => {
      assert.deepEqual(found('Ambassador Đặng Minh Khôi spoke. Khôi said since 2001 ...'), [
        ['Đặng Minh Khôi', 'dang-minh-khoi', 'canonical'],
        ['Khôi', 'dang-minh-khoi', 'short'],
      ]);
    });
    it('does not count a short form before any full mention', () => {
      assert.deepEqual(found('Lavrov noted it. Later, Sergei Lavrov said.'), [['Sergei Lavrov', 'sergey-lavrov', 'alias']]);
    });
    it('counts a short form right after one of its titles ("Deputy Prime Minister Son")', () => {
      const [m] = matcher.match('Deputy Prime Minister Son emphasized that');
      assert.deepEqual([m.text, m.entityId, m.variant, m.matched, m.licensedBy, m.licensedByTitle], ['Son', 'bui-thanh-son', 'short', 'Sơn', undefined, true]);
    });
    it('does not count a short form after someone else’s title', () => {
      assert.deepEqual(found('Foreign Minister Son said'), []);
    });
    it('records the full mention that licensed a short form', () => {
      const text = 'Russian Foreign Minister Sergey Lavrov spoke. Lavrov noted';
      const [full, short] = matcher.match(text);
      assert.equal(short.licensedBy, full.start);
    });
    it('gives a shared short form to the entity fully mentioned most recently', () => {
      const m = EntityMatcher.compile([
        entity({ id: 'nguyen-van-hung', kind: 'person', name: 'Nguyễn Văn Hùng' }),
        entity({ id: 'tran-van-hung', kind: 'person', name: 'Trần Văn Hùng' }),
      ]);
      assert.deepEqual(found('Nguyễn Văn Hùng met Trần Văn Hùng. Hùng said. Then Nguyen Van Hung left; Hung smiled.', m), [
        ['Nguyễn Văn Hùng', 'nguyen-van-hung', 'canonical'],
        ['Trần Văn Hùng', 'tran-van-hung', 'canonical'],
        ['Hùng', 'tran-van-hung', 'short'],
        ['Nguyen Van Hung', 'nguyen-van-hung', 'folded'],
        ['Hung', 'nguyen-van-hung', 'short'],
      ]);
    });
    it('counts short forms of entities fully mentioned before a window of a document', () => {
      const [m] = matcher.match('Khôi said since 2001', { fullyMentioned: [['dang-minh-khoi', -250]] });
      assert.deepEqual([m.text, m.entityId, m.variant, m.licensedBy], ['Khôi', 'dang-minh-khoi', 'short', -250]);
      const shared = EntityMatcher.compile([
        entity({ id: 'nguyen-van-hung', kind: 'person', name: 'Nguyễn Văn Hùng' }),
        entity({ id: 'tran-van-hung', kind: 'person', name: 'Trần Văn Hùng' }),
      ]);
      const seeds: [string, number][] = [['nguyen-van-hung', -90], ['tran-van-hung', -40]];
      assert.equal(shared.match('Hùng said', { fullyMentioned: seeds })[0].entityId, 'tran-van-hung');
    });
    it('finds the licensed entity among many that share a short form', () => {
      const names = ['Nguyễn Văn Hùng', 'Trần Văn Hùng', 'Lê Văn Hùng', 'Phạm Văn Hùng', 'Đỗ Văn Hùng'];
      const many = EntityMatcher.compile(names.map((name, i) => entity({ id: `hung-${i}`, kind: 'person', name, titles: i === 4 ? ['Colonel'] : [] })));
      assert.deepEqual(
        many.match('Lê Văn Hùng spoke. Hùng said. Colonel Hùng agreed.').map((m) => [m.text, m.entityId, m.variant]),
        [
          ['Lê Văn Hùng', 'hung-2', 'canonical'],
          ['Hùng', 'hung-2', 'short'],
          ['Hùng', 'hung-2', 'short'],
        ],
      );
      assert.deepEqual(
        many.match('Colonel Hùng agreed.').map((m) => [m.text, m.entityId, m.licensedByTitle]),
        [['Hùng', 'hung-4', true]],
      );
    });
    it('honours short: [] (no short form)', () => {
      assert.deepEqual(found('President Hồ Chí Minh. Minh was'), [['Hồ Chí Minh', 'ho-chi-minh', 'canonical']]);
    });
    it('matches a short form diacritic-insensitively', () => {
      assert.deepEqual(found('Đặng Minh Khôi spoke; Khoi said'), [
        ['Đặng Minh Khôi', 'dang-minh-khoi', 'canonical'],
        ['Khoi', 'dang-minh-khoi', 'short'],
      ]);
    });
  });

  describe('rule 6: the longest match wins', () => {
    const cases: [string, string, [string, string, Mention['variant']][]][] = [
      ['Ho Chi Minh City over Ho Chi Minh', 'Hanoi, Ho Chi Minh City, Moscow', [['Ho Chi Minh City', 'ho-chi-minh-city', 'canonical']]],
      ['Ho Chi Minh alone', 'a statue of President Ho Chi Minh in', [['Ho Chi Minh', 'ho-chi-minh', 'alias']]],
      ['Russian Federation over Russia', 'visit to the Russian Federation and', [['Russian Federation', 'russian-federation', 'canonical']]],
    ];
    for (const [title, text, expected] of cases) {
      it(title, () => assert.deepEqual(found(text), expected));
    }
  });

  describe('line breaks inside a name', () => {
    it('matches a name broken over one line', () => {
      assert.deepEqual(found('General Secretary To\nLam arrived'), [['To\nLam', 'to-lam', 'alias']]);
      assert.deepEqual(found('General Secretary To\r\nLam arrived'), [['To\r\nLam', 'to-lam', 'alias']]);
    });
    it('does not match across a paragraph break', () => {
      assert.deepEqual(found('the Soviet\n\nUnion'), []);
    });
  });

  describe('a real article', () => {
    const article = readArticle('001');
    const expected = (text: string) =>
      matcher.match(text).map((m) => `${m.text}|${m.entityId}|${m.variant}`);

    it('finds what a careful reader finds in the first paragraphs', () => {
      const firstParagraphs = article.text.split('\n\n').slice(0, 6).join('\n\n');
      assert.deepEqual(expected(firstParagraphs), [
        'Sergey Lavrov|sergey-lavrov|canonical',
        'Vietnam|viet-nam|alias',
        'Russia|russia|canonical',
        'To Lam|to-lam|alias',
        'Vladimir Putin|vladimir-putin|canonical',
        'To Lam|to-lam|alias',
        'Russian Federation|russian-federation|canonical',
        'Bui Thanh Son|bui-thanh-son|alias',
        'Sergey Lavrov|sergey-lavrov|canonical',
        'Son|bui-thanh-son|short',
        'Vietnam|viet-nam|alias',
        'Soviet Union|soviet-union|canonical',
        'Russian Federation|russian-federation|canonical',
      ]);
    });

    it('gives the same mentions on NFD-encoded and CRLF copies, at the mapped positions', () => {
      const base = matcher.match(article.text);
      for (const variant of [article.text.normalize('NFD'), article.text.replace(/\n/g, '\r\n')]) {
        const other = matcher.match(variant);
        assert.deepEqual(
          other.map((m) => [m.entityId, m.text.normalize('NFC')]),
          base.map((m) => [m.entityId, m.text]),
        );
        for (const m of other) assert.equal(variant.slice(m.start, m.end), m.text);
      }
    });
  });
});

describe('EntityMatcher: names in capitals', () => {
  // The caps trie takes a first word's spellings when a text first writes that word in capitals.
  const texts = [
    'SERGEY LAVROV MET TÔ LÂM IN HA NOI. LAVROV SAID THE NATIONAL ASSEMBLY OF VIET NAM AGREED.',
    'Sergey Lavrov met To Lam. Then LAVROV and TO LAM, and VIETNAM.',
    'TÔ LÂM, TO LAM, TÔ LÂM ARRIVES; VNA/VNS PHOTO; MIKHAIL MISHUSTIN’S VISIT',
    'Lavrov said. LAVROV said. Deputy Prime Minister SON and BUI THANH SON.',
  ];
  const fresh = (text: string) => found(text, EntityMatcher.compile(corpusEntities));

  it('finds the same names in any order of texts as a matcher that meets them first', () => {
    const expected = texts.map(fresh);
    assert.ok(expected.flat().filter(([text]) => text === text.toUpperCase() && /[A-Z]{3}/.test(text)).length >= 10, JSON.stringify(expected));
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      const m = EntityMatcher.compile(corpusEntities);
      for (const k of order) assert.deepEqual(found(texts[k], m), expected[k], `text ${k} in the order ${order.join(', ')}`);
    }
  });

  it('takes a short form in capitals after a full mention in either case', () => {
    assert.deepEqual(
      fresh('Sergey Lavrov arrived. LAVROV said.').map(([text, id, variant]) => [text, id, variant]),
      [
        ['Sergey Lavrov', 'sergey-lavrov', 'canonical'],
        ['LAVROV', 'sergey-lavrov', 'short'],
      ],
    );
  });
});
