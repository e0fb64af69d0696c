import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeNumber } from '../../../src/core/findings';
import { findNumbers } from '../../../src/core/numbers/finder';
import { formatValue } from '../../../src/core/numbers/format';
import { parseLedger } from '../../../src/core/numbers/ledger';
import { sentenceStarts } from '../../../src/core/numbers/sentences';
import type { ClaimStatus, Ledger, NumberKind } from '../../../src/core/numbers/types';
import { checkNumbers, compileLedger } from '../../../src/core/numbers/verify';
import { readArticle, repoRoot } from '../support';

/** A ledger from facts written as YAML flow mappings, one per string. */
function ledger(...facts: string[]): Ledger {
  const parsed = parseLedger([{ file: 'facts.yaml', text: `facts:\n${facts.map((f) => `  - ${f}\n`).join('')}` }]);
  assert.deepEqual(parsed.problems, []);
  return parsed;
}

/** [claim text, status, fact id] for every number of `text`. */
function statuses(text: string, l: Ledger | ReturnType<typeof compileLedger>): [string, ClaimStatus, string | null][] {
  return checkNumbers(text, findNumbers(text), l).map((n) => [n.text, n.status, n.fact]);
}

const trade = '{ id: trade-2024, value: USD 4.58 billion, keywords: [bilateral trade] }';

describe('checkNumbers', () => {
  describe('the kinds a caller ignores (setting glossa.numbers.ignore)', () => {
    const text = 'Diplomatic ties were established in 1950, on January 30, with 75 delegates.';
    const facts = ledger("{ id: ties, value: '1950', keywords: [diplomatic ties] }", "{ id: delegates, value: '75', keywords: [delegates] }");
    const run = (ignore: string[]) => checkNumbers(text, findNumbers(text), facts, new Set(ignore as NumberKind[])).map((n) => [n.text, n.status, n.fact]);

    it('by default years, dates and times are not claims', () => {
      assert.deepEqual(run(['year', 'date', 'time']), [
        ['1950', 'ignored', null],
        ['January 30', 'ignored', null],
        ['75', 'verified', 'delegates'],
      ]);
    });
    it('a year that is not ignored is checked as a plain number; a date is unverified', () => {
      assert.deepEqual(run(['count']), [
        ['1950', 'verified', 'ties'],
        ['January 30', 'unverified', null],
        ['75', 'ignored', null],
      ]);
    });
  });

  describe('statuses as DESIGN.md defines them', () => {
    const rows: [string, string, string[], [string, ClaimStatus, string | null][]][] = [
      ['verified: same value and currency, keyword in the sentence (001)', 'In 2024, bilateral trade reached USD 4.58 billion.', [trade], [
        ['2024', 'ignored', null],
        ['USD 4.58 billion', 'verified', 'trade-2024'],
      ]],
      ['verified whichever way the currency is written (002)', 'Bilateral trade turnover in 2024 will reach 4.58 billion USD.', [trade], [
        ['2024', 'ignored', null],
        ['4.58 billion USD', 'verified', 'trade-2024'],
      ]],
      ['"$" is USD', 'Bilateral trade hit $4.58 billion.', [trade], [['$4.58 billion', 'verified', 'trade-2024']]],
      ['conflicting: a keyword one word away, another value (004)', 'with bilateral trade reaching $4.15 billion in the first eleven months', [trade], [
        ['$4.15 billion', 'conflicting', 'trade-2024'],
        ['eleven', 'unverified', null],
      ]],
      ['conflicting: keyword after the claim', 'Some $5 billion came from bilateral trade last year.', [trade], [['$5 billion', 'conflicting', 'trade-2024']]],
      ['conflicting: six words between', 'bilateral trade, the ministry said on Monday, reached $5 billion.', [trade], [['$5 billion', 'conflicting', 'trade-2024']]],
      ['not conflicting: seven words between', 'bilateral trade, the ministry said on Monday night, reached $5 billion.', [trade], [['$5 billion', 'unverified', null]]],
      ['not conflicting: another sentence', 'It was about bilateral trade. Exports reached $5 billion.', [trade], [['$5 billion', 'unverified', null]]],
      ['not conflicting: another currency', 'bilateral trade reached 5 billion rubles', [trade], [['5 billion rubles', 'unverified', null]]],
      ['not conflicting: another kind', 'bilateral trade grew 5%', [trade], [['5%', 'unverified', null]]],
      ['unverified: the keyword is elsewhere (004)', 'Russian language courses taught by 200 teachers to more than 5,000 students.', [
        '{ id: students, value: "5,000", keywords: [Vietnamese students] }',
      ], [
        ['200', 'unverified', null],
        ['5,000', 'unverified', null],
      ]],
      ['verified: a fact without keywords matches anywhere', 'They number 5,000.', ['{ id: students, value: "5,000" }'], [['5,000', 'verified', 'students']]],
      ['disputed (001)', 'The Vietnamese community in Russia - about 80,000 strong - has made contributions.', [
        '{ id: community, value: "80,000", keywords: [Vietnamese community], status: disputed }',
      ], [['80,000', 'disputed', 'community']]],
      ['a disputed fact does not make other values conflicting', 'The Vietnamese community numbers 100,000.', [
        '{ id: community, value: "80,000", keywords: [Vietnamese community], status: disputed }',
      ], [['100,000', 'unverified', null]]],
      ['percent and plain numbers do not mix', 'growth of 6.7 and 6.7%', ['{ id: growth, value: 6.7% }'], [
        ['6.7', 'unverified', null],
        ['6.7%', 'verified', 'growth'],
      ]],
      ['amount × scale compares with the digits written out', 'USD 4.58 billion', ['{ id: t, value: "4,580,000,000 USD" }'], [['USD 4.58 billion', 'verified', 't']]],
      ['a spelled-out number is its value', 'Seventy-five years ago', ['{ id: years, value: "75" }'], [['Seventy-five', 'verified', 'years']]],
      ['an ordinal prefers the fact written as an ordinal', 'the 75th anniversary of diplomatic ties, 75 years', [
        '{ id: years, value: "75", keywords: [diplomatic] }',
        '{ id: anniversary, value: 75th, keywords: [diplomatic] }',
      ], [
        ['75th', 'verified', 'anniversary'],
        ['75', 'verified', 'years'],
      ]],
      ['a fact whose keyword matches beats one without keywords', '199 investment projects in Vietnam', [
        '{ id: any, value: "199" }',
        '{ id: projects, value: "199", keywords: [projects in Vietnam] }',
      ], [['199', 'verified', 'projects']]],
      ['years, dates and times are ignored', 'On May 8, 2025 at 21:56, in 2025', ['{ id: y, value: "2025" }'], [
        ['May 8, 2025', 'ignored', null],
        ['21:56', 'ignored', null],
        ['2025', 'ignored', null],
      ]],
    ];
    for (const [title, text, facts, expected] of rows) {
      it(title, () => assert.deepEqual(statuses(text, ledger(...facts)), expected));
    }
  });

  describe('the conflict window: six tokens between spaces, inside the sentence, the nearest keyword wins', () => {
    const exports = '{ id: exports-2024, value: USD 2 billion, keywords: [exports] }';
    // A long keyword in the ledger, so that how far the window reaches is not what decides.
    const long = '{ id: founding, value: 95th, keywords: [the founding of the party] }';
    const rows: [string, string, string[], [string, ClaimStatus, string | null][]][] = [
      ['numbers and dashes between are words: six', 'bilateral trade — up from 2023 — reached $5 billion', [trade, long], [
        ['2023', 'ignored', null],
        ['$5 billion', 'conflicting', 'trade-2024'],
      ]],
      ['numbers and dashes between are words: seven', 'bilateral trade — up sharply from 2023 — reached $5 billion', [trade, long], [
        ['2023', 'ignored', null],
        ['$5 billion', 'unverified', null],
      ]],
      ['a figure between is a word', 'bilateral trade, after 12 months and 3 rounds, hit $5 billion', [trade, long], [
        ['12', 'unverified', null],
        ['3', 'unverified', null],
        ['$5 billion', 'unverified', null],
      ]],
      ['the rest of the keyword’s own token is not a word', 'bilateral trade’s value, the ministry said Monday, hit $5 billion', [trade], [
        ['$5 billion', 'conflicting', 'trade-2024'],
      ]],
      ['nor the rest of the claim’s', 'It hit ($5 billion), the ministry said, in bilateral trade.', [trade], [['$5 billion', 'conflicting', 'trade-2024']]],
      ['a keyword in the next sentence is outside', 'Exports reached $5 billion. Bilateral trade grew.', [trade], [['$5 billion', 'unverified', null]]],
      ['a keyword in the sentence before is outside', 'They discussed bilateral trade. Then $5 billion was pledged.', [trade], [['$5 billion', 'unverified', null]]],
      ['the nearest keyword’s fact wins', 'Bilateral trade, officials said, put exports at $5 billion.', [trade, exports], [['$5 billion', 'conflicting', 'exports-2024']]],
      ['whatever the ledger’s order', 'Bilateral trade, officials said, put exports at $5 billion.', [exports, trade], [['$5 billion', 'conflicting', 'exports-2024']]],
      ['nearest after the claim too', 'Exports, officials said, were worth $5 billion in bilateral trade.', [exports, trade], [['$5 billion', 'conflicting', 'trade-2024']]],
      ['new currencies: same unit only', 'bilateral trade hit £2bn, and exports reached $5 billion', [trade, '{ id: uk-trade, value: GBP 3 billion, keywords: [bilateral trade] }'], [
        ['£2bn', 'conflicting', 'uk-trade'],
        ['$5 billion', 'conflicting', 'trade-2024'],
      ]],
    ];
    for (const [title, text, facts, expected] of rows) {
      it(title, () => assert.deepEqual(statuses(text, ledger(...facts)), expected));
    }
  });

  describe('keywords: case- and diacritic-insensitive, on word boundaries, in the same sentence', () => {
    const viet = '{ id: students, value: "5,000", keywords: [Việt Nam students] }';
    const rows: [string, string, ClaimStatus][] = [
      ['without diacritics', 'There are 5,000 Viet Nam students.', 'verified'],
      ['in capitals', 'There are 5,000 VIET NAM STUDENTS.', 'verified'],
      ['NFD-encoded', 'There are 5,000 Việt Nam students.'.normalize('NFD'), 'verified'],
      ['not inside a word', 'There are 5,000 Viet Nam studentship holders.', 'unverified'],
      ['"4.58" and "U.S." do not end the sentence', 'Viet Nam students, 4.58 U.S. programs and 5,000 places.', 'verified'],
      ['"Mr." does not end the sentence', 'Viet Nam students met Mr. Lavrov, 5,000 of them.', 'verified'],
      ['a full stop does', 'Viet Nam students came. There were 5,000.', 'unverified'],
      ['a blank line does', 'Viet Nam students\n\n5,000 came', 'unverified'],
      ['a single line break does not', 'Viet Nam students\n5,000 came', 'verified'],
    ];
    for (const [title, text, expected] of rows) {
      it(title, () => {
        const claim = checkNumbers(text, findNumbers(text), ledger(viet)).find((n) => n.value === 5000);
        assert.equal(claim?.status, expected);
      });
    }
  });

  it('folds typographic quotes and dashes in keywords and text alike', () => {
    const l = ledger('{ id: community, value: "80,000", keywords: ["Vietnam’s community", "Vietnam–Russia ties"] }');
    assert.deepEqual(statuses("Vietnam's community: 80,000.", l), [['80,000', 'verified', 'community']]);
    assert.deepEqual(statuses('Vietnam-Russia ties: 80,000.', l), [['80,000', 'verified', 'community']]);
  });

  it('keeps every field of the found number and adds status and fact', () => {
    const text = 'bilateral trade reaching nearly $4.15 billion';
    const [n] = checkNumbers(text, findNumbers(text), ledger(trade));
    assert.deepEqual(n, { ...findNumbers(text)[0], status: 'conflicting', fact: 'trade-2024' });
    assert.equal(n.qualifier, 'nearly');
  });

  it('accepts a compiled ledger, and gives the same results', () => {
    const l = ledger(trade, '{ id: students, value: "5,000", keywords: [Vietnamese students] }');
    const compiled = compileLedger(l);
    assert.equal(compileLedger(l), compiled, 'compiled once per ledger');
    const text = readArticle('001').text;
    assert.deepEqual(statuses(text, compiled), statuses(text, l));
  });

  it('ignores facts whose value could not be read', () => {
    const l = parseLedger([{ file: 'f.yaml', text: 'facts:\n  - id: x\n    value: lots\n' }]);
    assert.deepEqual(statuses('lots of 5 people', l), [['5', 'unverified', null]]);
  });

  describe('the real corpus against the corpus fixture ledger', () => {
    const facts = parseLedger([{ file: 'facts.yaml', text: fs.readFileSync(path.join(repoRoot, 'test/fixtures/corpus/facts.yaml'), 'utf8') }]);
    const check = (prefix: string) => {
      const { text } = readArticle(prefix);
      return checkNumbers(text, findNumbers(text), facts).filter((n) => n.status !== 'ignored');
    };
    const find = (prefix: string, claim: string, qualifier: string | null = null) => {
      const n = check(prefix).find((x) => x.text === claim && x.qualifier === qualifier);
      assert.ok(n, `${claim} in ${prefix}`);
      return [n.status, n.fact];
    };

    const rows: [string, string, string | null, ClaimStatus, string | null][] = [
      ['001', 'USD 4.58 billion', null, 'verified', 'trade-2024'],
      ['002', '4.58 billion USD', null, 'verified', 'trade-2024'],
      ['004', '$4.15 billion', null, 'conflicting', 'trade-2024'],
      ['001', '80,000', 'about', 'disputed', 'vietnamese-community-in-russia'],
      ['001', '40,000', 'nearly', 'verified', 'trained-in-soviet-union'],
      ['002', '5,000', 'more than', 'verified', 'vietnamese-students-in-russia'],
      ['000', '75th', null, 'verified', 'diplomatic-ties-anniversary'],
      ['003', '7.5 per cent', null, 'verified', 'growth-forecast-2025-h1'],
      ['004', '250 million', null, 'verified', 'vietsovpetro-output'],
      ['004', '15', null, 'unverified', null],
      ['004', '300', 'about', 'unverified', null],
      ['004', '200', null, 'unverified', null],
      ['001', '20', 'about', 'unverified', null],
      ['002', '4th', null, 'unverified', null],
      ['002', '81', null, 'unverified', null],
      ['003', '33rd', null, 'unverified', null],
    ];
    for (const [prefix, claim, qualifier, status, fact] of rows) {
      it(`${prefix}: ${qualifier ? qualifier + ' ' : ''}${claim} is ${status}`, () => assert.deepEqual(find(prefix, claim, qualifier), [status, fact]));
    }

    it('finds no conflict other than the one the fixture plans', () => {
      const conflicts = ['000', '001', '002', '003', '004'].flatMap((p) => check(p).filter((n) => n.status === 'conflicting').map((n) => `${p}: ${n.text}`));
      assert.deepEqual(conflicts, ['004: $4.15 billion']);
    });
  });

  it('is fast enough for a large document', () => {
    const text = ['000', '001', '002', '003', '004'].map((p) => readArticle(p).text).join('\n\n').repeat(30); // ~1 MB
    const facts = parseLedger([{ file: 'facts.yaml', text: fs.readFileSync(path.join(repoRoot, 'test/fixtures/corpus/facts.yaml'), 'utf8') }]);
    const numbers = findNumbers(text);
    const start = Date.now();
    checkNumbers(text, numbers, facts);
    assert.ok(Date.now() - start < 2000, 'well under two seconds even on a slow machine');
  });
});

describe('sentenceStarts', () => {
  const rows: [string, string[]][] = [
    ['One. Two! Three? Four', ['One. ', 'Two! ', 'Three? ', 'Four']],
    ['It reached 4.58 billion. Then', ['It reached 4.58 billion. ', 'Then']],
    ['The U.S. officials met. Mr. Lavrov said', ['The U.S. officials met. ', 'Mr. Lavrov said']],
    ['“Quoted.” Next', ['“Quoted.” ', 'Next']],
    ['Title\n\nBody', ['Title\n\n', 'Body']],
    ['Title\r\n\r\nBody', ['Title\r\n\r\n', 'Body']],
    ['Line one\nline two', ['Line one\nline two']],
    ['Wait... what', ['Wait... what']],
    ['Wait... What', ['Wait... ', 'What']],
  ];
  for (const [text, expected] of rows) {
    it(JSON.stringify(text), () => {
      const starts = sentenceStarts(text);
      assert.deepEqual(starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length)), expected);
    });
  }
});

describe('formatValue', () => {
  const rows: [Parameters<typeof formatValue>[0], string][] = [
    [{ kind: 'money', value: 4_580_000_000, unit: 'USD' }, '4,580,000,000 USD'],
    [{ kind: 'money', value: 63_150_000_000, unit: 'USD' }, '63,150,000,000 USD'],
    [{ kind: 'money', value: 10_000, unit: 'VND' }, '10,000 VND'],
    [{ kind: 'percent', value: 6.7, unit: '%' }, '6.7%'],
    [{ kind: 'count', value: 40_000, unit: null }, '40,000'],
    [{ kind: 'count', value: 2.5, unit: null }, '2.5'],
    [{ kind: 'count', value: 1234.5678, unit: null }, '1,234.5678'],
    [{ kind: 'count', value: 199, unit: null }, '199'],
    [{ kind: 'ordinal', value: 75, unit: null }, '75th'],
    [{ kind: 'ordinal', value: 1, unit: null }, '1st'],
    [{ kind: 'ordinal', value: 22, unit: null }, '22nd'],
    [{ kind: 'ordinal', value: 33, unit: null }, '33rd'],
    [{ kind: 'ordinal', value: 11, unit: null }, '11th'],
    [{ kind: 'ordinal', value: 113, unit: null }, '113th'],
    [{ kind: 'year', value: 2025, unit: null }, '2025'],
    [{ kind: 'date', value: 8, unit: null, text: 'May 8-11, 2025' }, 'May 8-11, 2025'],
    [{ kind: 'time', value: 1316, unit: null, text: '21:56' }, '21:56'],
  ];
  for (const [input, expected] of rows) {
    it(expected, () => assert.equal(formatValue(input), expected));
  }

  it('shows what the finder read', () => {
    assert.deepEqual(findNumbers('USD 4.58 billion, 6.7%, nearly 40,000').map(formatValue), ['4,580,000,000 USD', '6.7%', '40,000']);
  });

  it('a diagnostic names the value read, in every currency', () => {
    const text = 'The fund holds $750m and £2bn, up nearly 12.5-percent.';
    assert.deepEqual(checkNumbers(text, findNumbers(text), ledger(trade)).map(describeNumber), [
      '"$750m" read as 750,000,000 USD',
      '"£2bn" read as 2,000,000,000 GBP',
      '"12.5-percent" read as 12.5% (nearly)',
    ]);
  });

  it('shows the new currencies and scales as read', () => {
    assert.deepEqual(findNumbers('$750m, £2bn, €30k, ¥300 billion, RMB 5 billion, S$30m, $120-million and 4.5-percent').map(formatValue), [
      '750,000,000 USD', '2,000,000,000 GBP', '30,000 EUR', '300,000,000,000 JPY', '5,000,000,000 CNY', '30,000,000', '120,000,000 USD', '4.5%',
    ]);
  });
});
