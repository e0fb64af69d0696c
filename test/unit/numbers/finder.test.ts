import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { findNumbers, isClaimKind, parseNumberValue } from '../../../src/core/numbers/finder';
import type { FoundNumber, NumberKind } from '../../../src/core/numbers/types';
import { readArticle } from '../support';

/** What a reader checks about a number: text, kind, value, unit, qualifier, context. */
type Seen = [string, NumberKind, number, string | null, string | null, string | null];

function seen(n: FoundNumber): Seen {
  return [n.text, n.kind, n.value, n.unit, n.qualifier, n.context];
}

function found(text: string): Seen[] {
  return findNumbers(text).map(seen);
}

/** Runs a table of [title, text, expected numbers] as one `it` per row. */
function table(rows: [string, string, Seen[]][]): void {
  for (const [title, text, expected] of rows) {
    it(`${title}: ${JSON.stringify(text)}`, () => assert.deepEqual(found(text), expected));
  }
}

/** `seen` with its texts in NFD, as the finder reports them on an NFD-stored text. */
function inNfd(row: Seen): Seen {
  return [row[0].normalize('NFD'), row[1], row[2], row[3], row[4], row[5]?.normalize('NFD') ?? null];
}

/**
 * Like `table`, but each row three times: as written (NFC), stored as NFD, and
 * with CRLF line breaks (between a dateline and a closing line of its own, so
 * that there is a line break to get wrong).
 */
function tableInEveryEncoding(rows: [string, string, Seen[]][]): void {
  for (const [title, text, expected] of rows) {
    describe(`${title}: ${JSON.stringify(text)}`, () => {
      it('NFC', () => assert.deepEqual(found(text.normalize('NFC')), expected));
      it('NFD', () => assert.deepEqual(found(text.normalize('NFD')), expected.map(inNfd)));
      it('CRLF', () => assert.deepEqual(found(`HANOI (VNA) -\r\n${text.replace(/\r?\n/g, '\r\n')}\r\nMore follows.`), expected));
    });
  }
}

describe('findNumbers', () => {
  describe('money: a currency before or after, an optional scale; value = amount × scale', () => {
    table([
      ['code before, billion (001)', 'In 2024, bilateral trade reached USD 4.58 billion.', [
        ['2024', 'year', 2024, null, null, null],
        ['USD 4.58 billion', 'money', 4_580_000_000, 'USD', null, null],
      ]],
      ['$ before (004)', 'with bilateral trade reaching $4.15 billion in the first', [['$4.15 billion', 'money', 4_150_000_000, 'USD', null, null]]],
      ['code after (002)', 'a total registered capital of 990 million USD.', [['990 million USD', 'money', 990_000_000, 'USD', null, null]]],
      ['code after, billion (002)', 'will reach 4.58 billion USD.', [['4.58 billion USD', 'money', 4_580_000_000, 'USD', null, null]]],
      ['two decimals (003)', 'estimated at $63.15 billion, down', [['$63.15 billion', 'money', 63_150_000_000, 'USD', null, null]]],
      ['USD 1.6 billion (001)', 'worth a combined USD 1.6 billion.', [['USD 1.6 billion', 'money', 1_600_000_000, 'USD', null, null]]],
      ['no scale (004)', 'is expected to exceed $1 billion.', [['$1 billion', 'money', 1_000_000_000, 'USD', null, null]]],
      ['USD 990 million (001)', 'capital of USD 990 million.', [['USD 990 million', 'money', 990_000_000, 'USD', null, null]]],
      ['US$', 'a loan of US$5 million', [['US$5 million', 'money', 5_000_000, 'USD', null, null]]],
      ['€ before', 'grants of €20 million', [['€20 million', 'money', 20_000_000, 'EUR', null, null]]],
      ['EUR before', 'EUR 3.5 billion', [['EUR 3.5 billion', 'money', 3_500_000_000, 'EUR', null, null]]],
      ['€ after', 'costs 15 €', [['15 €', 'money', 15, 'EUR', null, null]]],
      ['rubles', 'a fine of 500 rubles', [['500 rubles', 'money', 500, 'RUB', null, null]]],
      ['roubles, thousand', '300 thousand roubles', [['300 thousand roubles', 'money', 300_000, 'RUB', null, null]]],
      ['RUB before', 'RUB 12 trillion', [['RUB 12 trillion', 'money', 12_000_000_000_000, 'RUB', null, null]]],
      ['đồng', 'a ticket costs 10,000 đồng', [['10,000 đồng', 'money', 10_000, 'VND', null, null]]],
      ['dong in lower case', '5 million dong', [['5 million dong', 'money', 5_000_000, 'VND', null, null]]],
      ['Dong in capitals is a name, not a currency', '5 Dong Khoi Street', [['5', 'count', 5, null, null, 'Street']]],
      ['VND before', 'VND 5 trillion', [['VND 5 trillion', 'money', 5_000_000_000_000, 'VND', null, null]]],
      ['VNĐ before', 'VNĐ 200 billion', [['VNĐ 200 billion', 'money', 200_000_000_000, 'VND', null, null]]],
      ['bn glued', 'a $4.5bn deal', [['$4.5bn', 'money', 4_500_000_000, 'USD', null, null]]],
      ['mn spaced', 'USD 20 mn', [['USD 20 mn', 'money', 20_000_000, 'USD', null, null]]],
      ['code glued to the amount', 'USD4.58 billion', [['USD4.58 billion', 'money', 4_580_000_000, 'USD', null, null]]],
      ['but not a longer word in capitals', 'XUSD4 and ABC5', []],
      ['qualifier before the currency', 'nearly USD 5 billion', [['USD 5 billion', 'money', 5_000_000_000, 'USD', 'nearly', null]]],
      ['another dollar is not ours to name: the amount stays a plain number', 'HK$5 billion', [['5 billion', 'count', 5_000_000_000, null, null, null]]],
    ]);
  });

  describe('money in more currencies, with m and k after a currency, and hyphenated scales', () => {
    tableInEveryEncoding([
      ['US$ with a decimal scale', 'The lender approved a US$1.2 billion loan for the metro line.', [['US$1.2 billion', 'money', 1_200_000_000, 'USD', null, null]]],
      ['m glued after $', 'The group sold $750m of bonds on Tuesday.', [['$750m', 'money', 750_000_000, 'USD', null, null]]],
      ['M in capitals', 'a $750M bond sale', [['$750M', 'money', 750_000_000, 'USD', null, null]]],
      ['k glued after €', 'Each village receives €30k a year.', [['€30k', 'money', 30_000, 'EUR', null, null]]],
      ['£ with bn', 'London pledged £2bn for flood defences.', [['£2bn', 'money', 2_000_000_000, 'GBP', null, null]]],
      ['m after a code', 'a grant of USD 5m to Đà Nẵng', [['USD 5m', 'money', 5_000_000, 'USD', null, null]]],
      ['another dollar: a plain amount, scaled', 'The start-up raised S$30m in its latest round.', [['30m', 'count', 30_000_000, null, null, null]]],
      ['m and k without a currency are not scales', 'a 5m wall, 30k runners and 5mg doses; $5mg', []],
      ['hyphenated million', 'Hà Nội signed a $120-million contract for the port.', [['$120-million', 'money', 120_000_000, 'USD', null, null]]],
      ['hyphenated billion', 'the $300-billion plan', [['$300-billion', 'money', 300_000_000_000, 'USD', null, null]]],
      ['a hyphenated scale without a currency is an amount', 'a 2-million-strong workforce', [['2-million', 'count', 2_000_000, null, null, 'strong']]],
      ['¥ is the yen', 'Tokyo set aside ¥300 billion.', [['¥300 billion', 'money', 300_000_000_000, 'JPY', null, null]]],
      ['yen after', 'a 500 billion yen budget', [['500 billion yen', 'money', 500_000_000_000, 'JPY', null, null]]],
      ['JPY before', 'JPY 12 billion in loans', [['JPY 12 billion', 'money', 12_000_000_000, 'JPY', null, null]]],
      ['GBP before', 'GBP 45 million in aid', [['GBP 45 million', 'money', 45_000_000, 'GBP', null, null]]],
      ['pounds after', 'fined 20,000 pounds', [['20,000 pounds', 'money', 20_000, 'GBP', null, null]]],
      ['pounds sterling after', '5 million pounds sterling', [['5 million pounds sterling', 'money', 5_000_000, 'GBP', null, null]]],
      ['CNY before', 'CNY 8 billion', [['CNY 8 billion', 'money', 8_000_000_000, 'CNY', null, null]]],
      ['RMB is the yuan', 'RMB 3.5 trillion', [['RMB 3.5 trillion', 'money', 3_500_000_000_000, 'CNY', null, null]]],
      ['yuan after', 'worth 60 billion yuan', [['60 billion yuan', 'money', 60_000_000_000, 'CNY', null, null]]],
      ['dollars and euros as words', '5 million dollars and 50 euros', [
        ['5 million dollars', 'money', 5_000_000, 'USD', null, null],
        ['50 euros', 'money', 50, 'EUR', null, null],
      ]],
      ['$ after the amount', 'tickets cost 10 $ each', [['10 $', 'money', 10, 'USD', null, null]]],
      ['a qualifier before a sign', 'nearly £2bn', [['£2bn', 'money', 2_000_000_000, 'GBP', 'nearly', null]]],
      ['codes in lower case are words, not currencies', 'gbp 5 and rmb 6', [['5', 'count', 5, null, null, null], ['6', 'count', 6, null, null, null]]],
    ]);
  });

  describe('percent forms', () => {
    tableInEveryEncoding([
      ['hyphenated percent', 'a 4.5-percent rise in exports', [['4.5-percent', 'percent', 4.5, '%', null, null]]],
      ['hyphenated percent, two decimals', 'the 12.5-percent tariff on Việt Nam’s steel', [['12.5-percent', 'percent', 12.5, '%', null, null]]],
      ['hyphenated per-cent', 'a 3-per-cent cut', [['3-per-cent', 'percent', 3, '%', null, null]]],
      ['other hyphenated words stay counts', 'an 11-year plan and a 21-gun salute', [
        ['11', 'count', 11, null, null, 'year'],
        ['21', 'count', 21, null, null, 'gun'],
      ]],
    ]);
  });

  describe('not claims: dates glued to a word, o\'clock', () => {
    tableInEveryEncoding([
      ['a date glued to a word before it (a scraped page)', 'Latest News15/03/2025 Hà Nội hosts talks', [['15/03/2025', 'date', 15, null, null, null]]],
      ['dotted', 'Tin tức30.06.2023', [['30.06.2023', 'date', 30, null, null, null]]],
      ['ISO, glued', 'Updated2025-03-15', [['2025-03-15', 'date', 15, null, null, null]]],
      ['glued digits that are no date stay out', 'COVID-19 cases, the Su-30 jet and News2025', []],
      ['o\'clock', 'The talks began at 7 o\'clock.', [['7 o\'clock', 'time', 7 * 60, null, null, null]]],
      ['o’clock', 'until 11 o’clock at night', [['11 o’clock', 'time', 11 * 60, null, null, null]]],
      ['spelled-out hour', 'at ten o\'clock sharp', [['ten o\'clock', 'time', 10 * 60, null, null, null]]],
      ['a spelled-out hour below ten is not a claim either', 'at seven o\'clock', []],
    ]);
  });

  describe('designations: not claims', () => {
    tableInEveryEncoding([
      ['letters, a hyphen, digits and letters', 'The air force flies Su-30MK2 fighters.', []],
      ['letters and a hyphen', 'It retired its MiG-21 jets; the G-20 summit; COVID-19', []],
      ['a capitalised word, a space', 'in line with Decree 13 on personal data', []],
      ['a resolution', 'Việt Nam acts under Resolution 57 on science.', []],
      ['a model with its variant', 'the airline ordered a Boeing 787-9 from Seattle', []],
      ['a product name in capitals (002)', 'against the HIUP 27 nutritional product brand', []],
      ['a name in capitals, even at a line start', 'HIUP 27 was recalled', []],
      ['a designation as an ordinal', 'the delegates of Congress 13th session', []],
      ['but at a sentence start it is a count', 'Resolution 57 was adopted.', [['57', 'count', 57, null, null, null]]],
      ['after a full stop', 'It passed. Decree 13 was signed.', [['13', 'count', 13, null, null, null]]],
      ['after a closing quote', '“It passed.” Decree 13 was signed.', [['13', 'count', 13, null, null, null]]],
      ['at a line start', 'Overview\nDecree 13 was signed', [['13', 'count', 13, null, null, null]]],
      ['after a month', 'since March 40 delegates have signed', [['40', 'count', 40, null, null, 'delegates']]],
      ['after a weekday', 'On Tuesday 20 people were hurt', [['20', 'count', 20, null, null, 'people']]],
      ['after a capitalised function word, as in a title', 'Exports Reach Over 50 Markets', [['50', 'count', 50, null, 'over', 'Markets']]],
      ['before a noun of quantity', 'the Việt Nam–Russia 75 years of friendship and a Russia 75-year plan', [
        ['75', 'count', 75, null, null, 'years'],
        ['75', 'count', 75, null, null, 'year'],
      ]],
      ['after a possessive', 'the Party’s 95th anniversary and Hà Nội’s 30 parks', [
        ['95th', 'ordinal', 95, null, null, null],
        ['30', 'count', 30, null, null, 'parks'],
      ]],
      ['after a team name with digits: a score', 'to defeat Thailand U22 3-2 after extra time', [
        ['3', 'count', 3, null, null, null],
        ['2', 'count', 2, null, null, null],
      ]],
      ['money and percentages are claims after any word', 'Toyota 5% and Boeing $5 billion', [
        ['5%', 'percent', 5, '%', null, null],
        ['$5 billion', 'money', 5_000_000_000, 'USD', null, null],
      ]],
    ]);
  });

  describe('percentages', () => {
    table([
      ['% (003)', 'forecast to grow by 6.7% in 2025', [
        ['6.7%', 'percent', 6.7, '%', null, null],
        ['2025', 'year', 2025, null, null, null],
      ]],
      ['per cent (003)', 'down 10.5 per cent from the previous month and 3.5 per cent year-on-year', [
        ['10.5 per cent', 'percent', 10.5, '%', null, null],
        ['3.5 per cent', 'percent', 3.5, '%', null, null],
      ]],
      ['percent', 'rose 7.5 percent', [['7.5 percent', 'percent', 7.5, '%', null, null]]],
      ['spaced %', 'about 50 % of', [['50 %', 'percent', 50, '%', 'about', null]]],
      ['spelled-out', 'fifteen per cent', [['fifteen per cent', 'percent', 15, '%', null, null]]],
    ]);
  });

  describe('counts, with their qualifier and the noun they count', () => {
    table([
      ['plain (001)', 'Russia currently has 199 investment projects in Vietnam', [['199', 'count', 199, null, null, 'projects']]],
      ['nearly (001)', 'trained nearly 40,000 skilled Vietnamese officials and experts', [['40,000', 'count', 40_000, null, 'nearly', 'officials']]],
      ['over (001)', 'with over 5,000 Vietnamese students studying in the country', [['5,000', 'count', 5000, null, 'over', 'students']]],
      ['more than (002)', 'there are currently more than 5,000 Vietnamese students', [['5,000', 'count', 5000, null, 'more than', 'students']]],
      ['More than, capitalized (001)', 'More than 20 foreign leaders are expected', [['20', 'count', 20, null, 'more than', 'leaders']]],
      ['about, hyphenated noun (001)', 'with about 20 sister-city relationships established', [['20', 'count', 20, null, 'about', 'relationships']]],
      ['scale with a count (004)', 'reached the milestone of 250 million tons of oil production', [['250 million', 'count', 250_000_000, null, null, 'tons']]],
      ['about … times (003)', 'increasing about 60 times compared to', [['60', 'count', 60, null, 'about', 'times']]],
      ['almost', 'almost 300 Vietnamese specialists', [['300', 'count', 300, null, 'almost', 'specialists']]],
      ['around', 'around 60 people', [['60', 'count', 60, null, 'around', 'people']]],
      ['some', 'some 20 delegations', [['20', 'count', 20, null, 'some', 'delegations']]],
      ['up to', 'up to 100 guests', [['100', 'count', 100, null, 'up to', 'guests']]],
      ['less than', 'less than 10 cases', [['10', 'count', 10, null, 'less than', 'cases']]],
      ['not a qualifier: "past"', 'Over the past 75 years, the people', [['75', 'count', 75, null, null, 'years']]],
      ['names between number and noun (002)', 'the case of 900 Lao Cai teachers who failed', [['900', 'count', 900, null, null, 'teachers']]],
      ['"75-year" counts years (000)', 'Reflecting on the 75-year relationship', [['75', 'count', 75, null, null, 'year']]],
      ['"75 -year", as garbled in 002', 'this year marked the 75 -year journey', [['75', 'count', 75, null, null, 'year']]],
      ['no noun after it', 'the total was 16.', [['16', 'count', 16, null, null, null]]],
      ['a decimal count', '2.5 tons', [['2.5', 'count', 2.5, null, null, 'tons']]],
    ]);
  });

  describe('ordinals', () => {
    table([
      ['75th (000)', 'marking the 75th founding anniversary', [['75th', 'ordinal', 75, null, null, null]]],
      ['4th (002)', 'ranking 4th among 81 countries and territories', [
        ['4th', 'ordinal', 4, null, null, null],
        ['81', 'count', 81, null, null, 'countries'],
      ]],
      ['33rd (003)', 'the 33rd largest economy', [['33rd', 'ordinal', 33, null, null, null]]],
      ['100th (001)', 'marking the 100th anniversary', [['100th', 'ordinal', 100, null, null, null]]],
      ['1st, 22nd', '1st and 22nd', [['1st', 'ordinal', 1, null, null, null], ['22nd', 'ordinal', 22, null, null, null]]],
      ['spelled-out from tenth up', 'the seventy-fifth anniversary and the twentieth', [
        ['seventy-fifth', 'ordinal', 75, null, null, null],
        ['twentieth', 'ordinal', 20, null, null, null],
      ]],
    ]);
  });

  describe('spelled-out numbers from ten up', () => {
    table([
      ['Seventy-five (001)', 'Seventy-five years ago, Vietnam', [['Seventy-five', 'count', 75, null, null, 'years']]],
      ['eleven (004)', 'in the first eleven months of 2024', [
        ['eleven', 'count', 11, null, null, 'months'],
        ['2024', 'year', 2024, null, null, null],
      ]],
      ['fifteen', 'fifteen agreements', [['fifteen', 'count', 15, null, null, 'agreements']]],
      ['twenty one, spaced', 'twenty one delegates', [['twenty one', 'count', 21, null, null, 'delegates']]],
      ['one hundred', 'one hundred volunteers', [['one hundred', 'count', 100, null, null, 'volunteers']]],
      ['one hundred and twenty', 'one hundred and twenty days', [['one hundred and twenty', 'count', 120, null, null, 'days']]],
      ['two million: a unit with a scale is a claim', 'two million people', [['two million', 'count', 2_000_000, null, null, 'people']]],
      ['ten thousand', 'nearly ten thousand visitors', [['ten thousand', 'count', 10_000, null, 'nearly', 'visitors']]],
      ['fifteen-year', 'a fifteen-year plan', [['fifteen', 'count', 15, null, null, 'year']]],
      ['in capitals at a sentence start', 'Ten delegations came.', [['Ten', 'count', 10, null, null, 'delegations']]],
      ['below ten: not claims (001, 003)', 'the two countries; six strategies; nine; a two-goal deficit; all three pillars', []],
      ['spelled ordinals below tenth: not claims (003)', 'the first time; the ninth extraordinary session', []],
      ['plurals and "a hundred" are not numbers (002)', 'hundreds of teachers; thousands of people; a hundred; half a century', []],
      ['words that contain number words', 'often, city, party, eleventhly, Seventyish, tenth-rate', [['tenth', 'ordinal', 10, null, null, null]]],
    ]);
  });

  describe('years, dates and times: reported with kinds year, date, time (not claims)', () => {
    table([
      ['a year (000)', 'diplomatic ties in 1950 paved the way', [['1950', 'year', 1950, null, null, null]]],
      ['a range with an en dash (001)', 'the Battle of Moscow (1941–1942) at Patriot Park', [['1941–1942', 'year', 1941, null, null, null]]],
      ['a range with a hyphen (004)', 'strategy for 2025-2030, meeting', [['2025-2030', 'year', 2025, null, null, null]]],
      ['a short range', 'the 2024-25 season', [['2024-25', 'year', 2024, null, null, null]]],
      ['a date then a year (003)', '(January 30, 1950-2025).', [
        ['January 30, 1950', 'date', 30, null, null, null],
        ['2025', 'year', 2025, null, null, null],
      ]],
      ['month and day (000)', 'in Moscow on February 11.', [['February 11', 'date', 11, null, null, null]]],
      ['day range with year (002)', '(from May 8-11, 2025) will', [['May 8-11, 2025', 'date', 8, null, null, null]]],
      ['month, day, year (004)', 'in Hanoi on December 26, 2024. He', [['December 26, 2024', 'date', 26, null, null, null]]],
      ['day range (002)', 'visit to Vietnam from January 14-15 will', [['January 14-15', 'date', 14, null, null, null]]],
      ['month and year (000)', 'in Kazan in October 2024, Lavrov said', [['October 2024', 'date', 2024, null, null, null]]],
      ['day and abbreviated month, then a time (004)', '22 Dec, 21:56', [
        ['22 Dec', 'date', 22, null, null, null],
        ['21:56', 'time', 21 * 60 + 56, null, null, null],
      ]],
      ['garbled year "June 21,25" (002)', '(June 21,25 - June 21, 2025)', [
        ['June 21,25', 'date', 21, null, null, null],
        ['June 21, 2025', 'date', 21, null, null, null],
      ]],
      ['spaced day month year in a caption (001)', '30 06 2023 khanh thanh tuong', [['30 06 2023', 'date', 30, null, null, null]]],
      ['day month year', 'on 8 May 2025', [['8 May 2025', 'date', 8, null, null, null]]],
      ['numeric date', 'on 30/06/2023', [['30/06/2023', 'date', 30, null, null, null]]],
      ['ISO date', 'on 2025-05-08', [['2025-05-08', 'date', 8, null, null, null]]],
      ['am/pm times', 'at 9:30 am and 5 pm', [['9:30 am', 'time', 9 * 60 + 30, null, null, null], ['5 pm', 'time', 17 * 60, null, null, null]]],
      ['"may" in lower case is a verb', 'it may 5 times', [['5', 'count', 5, null, null, 'times']]],
      ['a four-digit number before a unit of count is a quantity', 'over 1000 years', [['1000', 'count', 1000, null, 'over', 'years']]],
      ['with a comma it is a count', '1,950 people', [['1,950', 'count', 1950, null, null, 'people']]],
      ['outside 1000–2100 it is a count', '2500 visitors and 999 others', [
        ['2500', 'count', 2500, null, null, 'visitors'],
        ['999', 'count', 999, null, null, 'others'],
      ]],
      ['a year with a scale is an amount', '2000 million', [['2000 million', 'count', 2_000_000_000, null, null, null]]],
    ]);
  });

  describe('digits inside other tokens are not reported', () => {
    table([
      ['image name (001)', 'anh dai dien 1826.jpg', []],
      ['a file name with words', 'In `01-lavrov-meets-son.md`, run it', []],
      ['a URL', 'see https://example.vn/2025/05/10/visit-199.html today', []],
      ['a Markdown list\'s numbering', '4. **Normalize.** Then\n  12) sub item with 16 projects', [['16', 'count', 16, null, null, 'projects']]],
      ['id-like image name (001)', 'db2c3c3c45a9f5f7acb8.jpg', []],
      ['a line that is an image name (001)', 'anh 1 669.jpg\nMemorial to', []],
      ['the caption line keeps only its date (001)', '30 06 2023 khanh thanh tuong chu tich nga 971d28cf details 333.jpg', [['30 06 2023', 'date', 30, null, null, null]]],
      ['team names (004)', 'Vietnam U22 earns epic comeback', []],
      ['product name after a word in capitals (002)', 'against the HIUP 27 nutritional product brand', []],
      ['hyphenated codes', 'COVID-19 and Su-30 and MiG-21', []],
      ['glued units and versions', '5G networks, a 3D model, No.5, v.2, file_3', []],
      ['decades', 'in the 1990s', []],
      ['serial numbers longer than 24 digits', 'ref 1234567890123456789012345 and 5', [['5', 'count', 5, null, null, null]]],
    ]);
  });

  describe('scores and ranges: two numbers', () => {
    table([
      // A score is a checkable figure; it is read as its two numbers (the ledger holds single values).
      ['a score (004)', 'to defeat Thailand U22 3-2 after extra time', [
        ['3', 'count', 3, null, null, null],
        ['2', 'count', 2, null, null, null],
      ]],
      ['a range of counts', '10-15 people', [
        ['10', 'count', 10, null, null, null],
        ['15', 'count', 15, null, null, 'people'],
      ]],
    ]);
  });

  it('reports spans as UTF-16 offsets into the text as stored', () => {
    const text = 'Tết: Việt Nam’s “USD 4.58 billion” 🚀 and 75th';
    for (const n of findNumbers(text)) assert.equal(text.slice(n.start, n.end), n.text);
    assert.deepEqual(findNumbers(text).map((n) => n.text), ['USD 4.58 billion', '75th']);
  });

  it('computes exact values (4.58 × 10⁹ is 4580000000, not 4580000000.000001)', () => {
    assert.equal(findNumbers('USD 4.58 billion')[0].value, 4_580_000_000);
    assert.equal(findNumbers('$63.15 billion')[0].value, 63_150_000_000);
    assert.equal(findNumbers('6.7%')[0].value, 6.7);
  });

  describe('a whole article (001), as a careful reader lists its claims', () => {
    const { text } = readArticle('001');
    const claims: Seen[] = [
      ['80th', 'ordinal', 80, null, null, null],
      ['Seventy-five', 'count', 75, null, null, 'years'],
      ['75', 'count', 75, null, null, 'years'],
      ['USD 4.58 billion', 'money', 4_580_000_000, 'USD', null, null],
      ['199', 'count', 199, null, null, 'projects'],
      ['USD 990 million', 'money', 990_000_000, 'USD', null, null],
      ['16', 'count', 16, null, null, 'projects'],
      ['USD 1.6 billion', 'money', 1_600_000_000, 'USD', null, null],
      ['40,000', 'count', 40_000, null, 'nearly', 'officials'],
      ['5,000', 'count', 5000, null, 'over', 'students'],
      ['20', 'count', 20, null, 'about', 'relationships'],
      ['80,000', 'count', 80_000, null, 'about', 'strong'],
      ['20', 'count', 20, null, 'more than', 'leaders'],
      ['100th', 'ordinal', 100, null, null, null],
    ];
    const ignored = [['2012', 'year'], ['2024', 'year'], ['30 06 2023', 'date'], ['2023', 'year'], ['1941–1942', 'year']];

    it('lists exactly these claims', () => {
      assert.deepEqual(findNumbers(text).filter((n) => isClaimKind(n.kind)).map(seen), claims);
    });
    it('and these years and dates, which are not claims', () => {
      assert.deepEqual(findNumbers(text).filter((n) => !isClaimKind(n.kind)).map((n) => [n.text, n.kind]), ignored);
    });
  });

  it('reads NFD-encoded text: "đồng", and offsets after decomposed letters', () => {
    const text = 'Việt Nam’s Tết: a ticket costs 10,000 đồng, về 75th'.normalize('NFD');
    const numbers = findNumbers(text);
    assert.deepEqual(numbers.map(seen), [
      ['10,000 đồng'.normalize('NFD'), 'money', 10_000, 'VND', null, null],
      ['75th', 'ordinal', 75, null, null, null],
    ]);
    for (const n of numbers) assert.equal(text.slice(n.start, n.end), n.text);
  });

  describe('the same results on every article stored as NFD or with CRLF line breaks', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { file, text } = readArticle(prefix);
      const expected = findNumbers(text);

      it(`${file} as NFD`, () => {
        const nfd = text.normalize('NFD'); // 001 and 004 happen to have no precomposed letters: the same text
        // NFC offset → NFD offset: each code point decomposes on its own (no marks stand alone in the corpus).
        const map = new Map<number, number>();
        let o = 0;
        for (let i = 0; i < text.length; ) {
          map.set(i, o);
          const ch = String.fromCodePoint(text.codePointAt(i)!);
          o += ch.normalize('NFD').length;
          i += ch.length;
        }
        map.set(text.length, o);
        const actual = findNumbers(nfd);
        assert.deepEqual(
          actual.map((n) => ({ ...n, text: n.text.normalize('NFC'), context: n.context?.normalize('NFC') ?? null })),
          expected.map((n) => ({ ...n, start: map.get(n.start), end: map.get(n.end) })),
        );
        for (const n of actual) assert.equal(nfd.slice(n.start, n.end), n.text);
      });

      it(`${file} with CRLF`, () => {
        const crlf = text.replace(/\r?\n/g, '\r\n');
        const shift = (offset: number) => offset + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
        assert.deepEqual(
          findNumbers(crlf),
          expected.map((n) => ({ ...n, start: shift(n.start), end: shift(n.end) })),
        );
      });
    }
  });

  describe('properties', () => {
    const pieces = [
      ' ', '  ', '\n', '\r\n', '.', ',', '-', '–', '/', ':', '%', '$', '€', '(', ')', '"', '’', 'a', 'Z', 'đ', '\u0301',
      '0', '1', '5', '19', '2025', '4.58', '40,000', '1,0', 'USD', 'US', 'VND', 'VNĐ', 'RUB', 'EUR', 'đồng', 'rubles', 'billion', 'million', 'bn',
      'per cent', 'percent', 'th', 'st', 'nd', 'May', 'December', 'Dec', 'ten', 'Seventy', 'five', 'one', 'hundred', 'and',
      'nearly', 'more than', 'up to', 'about', 'years', 'year', 'people', '.jpg', 'HIUP', 'U22', 'am', 'p.m.',
    ];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

    it('never throws; spans are in the text, in order, without overlap; text is the span', () => {
      fc.assert(
        fc.property(texts, (text) => {
          let last = 0;
          for (const n of findNumbers(text)) {
            assert.ok(n.start >= last && n.start < n.end && n.end <= text.length, `span ${n.start}-${n.end} after ${last}`);
            assert.equal(text.slice(n.start, n.end), n.text);
            assert.ok(Number.isFinite(n.value));
            if (!isClaimKind(n.kind)) assert.equal(n.qualifier, null);
            last = n.end;
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('no claim overlaps a designation or a currency prefix', () => {
      // Designations are whole pieces, set off by spaces, with the span of the designation itself.
      const designations: [string, number, number][] = [
        [' the Su-30MK2 jets ', 5, 13], [' the MiG-21 jets ', 5, 11], [' under Decree 13 now ', 7, 16],
        [' under Resolution 57 now ', 7, 20], [' the Boeing 787-9 jets ', 5, 17], [' the HIUP 27 brand ', 5, 12],
      ];
      const prefixes = ['US$', 'S$', 'HK$', '$', '€', '£', '¥', 'USD ', 'GBP ', 'RMB ', 'VNĐ '];
      const parts = [...pieces, ...prefixes, ...designations.map(([p]) => p), '750m', '30k', '-million', '-percent', ' o\'clock'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), (chosen) => {
          const text = chosen.join('');
          const guarded: [number, number, 'designation' | 'prefix'][] = [];
          let at = 0;
          for (const piece of chosen) {
            const d = designations.find(([p]) => p === piece);
            if (d !== undefined) guarded.push([at + d[1], at + d[2], 'designation']);
            if (prefixes.includes(piece)) guarded.push([at, at + piece.trimEnd().length, 'prefix']);
            at += piece.length;
          }
          for (const n of findNumbers(text).filter((x) => isClaimKind(x.kind))) {
            for (const [start, end, what] of guarded) {
              const overlaps = n.start < end && start < n.end;
              // A claim may hold a whole currency prefix ("£2bn"), never part of one, and never part of a designation.
              const allowed = what === 'prefix' && n.start <= start && end <= n.end;
              assert.ok(!overlaps || allowed, `${JSON.stringify(n.text)} overlaps ${what} ${JSON.stringify(text.slice(start, end))} in ${JSON.stringify(text)}`);
            }
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('stays linear on pathological texts', () => {
      for (const text of ['ty'.repeat(200_000), '9'.repeat(400_000), `${'a'.repeat(400_000)} 5 ${'b'.repeat(400_000)}`, '1 '.repeat(50_000)]) {
        const start = Date.now();
        findNumbers(text);
        assert.ok(Date.now() - start < 1000, `${text.slice(0, 10)}…`);
      }
    });

    it('never throws on arbitrary strings', () => {
      fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void findNumbers(text)), { numRuns: 1000 });
    });
  });
});

describe('parseNumberValue', () => {
  const rows: [string, ReturnType<typeof parseNumberValue>][] = [
    ['USD 4.58 billion', { kind: 'money', value: 4_580_000_000, unit: 'USD' }],
    ['4.58 billion USD', { kind: 'money', value: 4_580_000_000, unit: 'USD' }],
    ['$4.15 billion', { kind: 'money', value: 4_150_000_000, unit: 'USD' }],
    ['6.7%', { kind: 'percent', value: 6.7, unit: '%' }],
    ['10.5 per cent', { kind: 'percent', value: 10.5, unit: '%' }],
    ['40,000', { kind: 'count', value: 40_000, unit: null }],
    ['  199 ', { kind: 'count', value: 199, unit: null }],
    ['250 million', { kind: 'count', value: 250_000_000, unit: null }],
    ['75th', { kind: 'ordinal', value: 75, unit: null }],
    ['Seventy-five', { kind: 'count', value: 75, unit: null }],
    ['$750m', { kind: 'money', value: 750_000_000, unit: 'USD' }],
    ['£2bn', { kind: 'money', value: 2_000_000_000, unit: 'GBP' }],
    ['RMB 3.5 billion', { kind: 'money', value: 3_500_000_000, unit: 'CNY' }],
    ['12.5-percent', { kind: 'percent', value: 12.5, unit: '%' }],
    ['Decree 13', null],
    ['7 o\'clock', null],
    ['2000', { kind: 'count', value: 2000, unit: null }], // in a ledger a bare number is a count, not a year
    ['about 5,000', null], // a qualifier is not part of a value
    ['5,000 students', null],
    ['1941–1942', null],
    ['May 8', null],
    ['21:56', null],
    ['5 and 6', null],
    ['four', null],
    ['', null],
    ['n/a', null],
  ];
  for (const [input, expected] of rows) {
    it(JSON.stringify(input), () => assert.deepEqual(parseNumberValue(input), expected));
  }
});
