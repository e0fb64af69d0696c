import * as assert from 'node:assert/strict';
import { factKeyword } from '../../../src/core/edit/factKeyword';
import { readArticle } from '../support';

/** The keyword for `claim`, found in `article` right inside `near` (a phrase that pins it down). */
function keywordIn(article: string, near: string, claim: string): string | null {
  const { text } = readArticle(article);
  const at = text.indexOf(near);
  assert.ok(at >= 0, `"${near}" is not in article ${article}`);
  const start = at + near.indexOf(claim);
  return factKeyword(text, start, start + claim.length);
}

describe('factKeyword', () => {
  describe('on sentences of the real corpus', () => {
    const rows: [article: string, near: string, claim: string, keyword: string | null][] = [
      // Money and percentages: the noun phrase before the figure, past verbs and function words.
      ['001', 'In 2024, bilateral trade reached USD 4.58 billion.', 'USD 4.58 billion', 'bilateral trade'],
      ['004', 'with bilateral trade reaching $4.15 billion', '$4.15 billion', 'bilateral trade'],
      ['001', 'total registered capital of USD 990 million', 'USD 990 million', 'registered capital'],
      ['001', 'Vietnam has 16 projects in Russia worth a combined USD 1.6 billion', 'USD 1.6 billion', 'projects in Russia'],
      ['003', 'import-export turnover estimated at $63.15 billion', '$63.15 billion', 'import-export turnover'],
      ['004', 'agricultural trade is expected to exceed $1 billion', '$1 billion', 'agricultural trade'],
      ['003', 'Vietnam’s economy is forecast to grow by 6.7% in 2025', '6.7%', 'Vietnam’s economy'],
      ['003', 'Growth is expected to moderate from 7.5 per cent', '7.5 per cent', 'Growth'],
      // Counts and ordinals: what they count, right after them.
      ['001', 'Russia currently has 199 investment projects in Vietnam', '199', 'investment projects'],
      ['001', 'Vietnam has 16 projects in Russia', '16', 'projects'],
      ['001', 'nearly 40,000 skilled Vietnamese officials and experts', '40,000', 'skilled Vietnamese officials'],
      ['001', 'with over 5,000 Vietnamese students studying', '5,000', 'Vietnamese students'],
      ['001', 'about 20 sister-city relationships established', '20', 'sister-city relationships'],
      ['001', 'More than 20 foreign leaders are expected', '20', 'foreign leaders'],
      ['004', 'during which 15 cooperation agreements were signed', '15', 'cooperation agreements'],
      ['004', 'trained about 300 Vietnamese specialists in this field', '300', 'Vietnamese specialists'],
      ['004', 'taught by 200 teachers to more than 5,000 students', '200', 'teachers'],
      ['004', 'taught by 200 teachers to more than 5,000 students', '5,000', 'students'],
      ['003', 'the 33rd largest economy in the world', '33rd', 'largest economy'],
      ['000', 'marking the 75th founding anniversary of diplomatic ties', '75th', 'founding anniversary'],
      // A unit: what follows its "of"; alone, the phrase before; else the unit itself.
      ['004', 'reached the milestone of 250 million tons of oil production', '250 million', 'oil production'],
      ['004', 'approach 75 years of diplomatic relations', '75', 'diplomatic relations'],
      ['001', 'The Vietnamese community in Russia - about 80,000 strong', '80,000', 'Vietnamese community in Russia'],
      ['003', 'Over the past 75 years, the people of the former Soviet Union', '75', 'years'],
      // Nothing that would make a keyword.
      ['002', 'ranking 4th among 81 countries', '4th', null],
    ];
    for (const [article, near, claim, keyword] of rows) {
      it(`${article}: "${near}" → ${JSON.stringify(keyword)}`, () => assert.equal(keywordIn(article, near, claim), keyword));
    }
  });

  describe('rules', () => {
    const rows: [title: string, sentence: string, claim: string, keyword: string | null][] = [
      ['only the claim’s sentence', 'Exports rose. 5% of it was rice.', '5%', null],
      ['"in 2024" is skipped', 'Bilateral trade turnover in 2024 will reach USD 5 billion.', 'USD 5 billion', 'Bilateral trade turnover'],
      ['another number ends the walk back', 'Exports of 5 tons reached USD 3 million.', 'USD 3 million', null],
      ['punctuation ends the walk back', 'Exports, however, reached USD 3 million.', 'USD 3 million', null],
      ['a dash does not', 'The Vietnamese community – some 80,000 people – thrives.', '80,000', 'people'],
      ['at most three words', 'The new joint venture oil output was 5 million tons.', '5 million', 'venture oil output'],
      ['a line break ends the phrase', 'Trade figures\nUSD 4 billion in 2024', 'USD 4 billion', null],
      ['an empty or out-of-range span', 'Trade reached USD 4 billion.', '', null],
    ];
    for (const [title, sentence, claim, keyword] of rows) {
      it(`${title}: ${JSON.stringify(sentence)}`, () => {
        const start = claim === '' ? 0 : sentence.indexOf(claim);
        assert.equal(factKeyword(sentence, start, start + claim.length), keyword);
      });
    }
    it('never throws on odd spans', () => {
      assert.equal(factKeyword('', 0, 0), null);
      assert.equal(factKeyword('abc', 2, 10), null);
      assert.equal(factKeyword('abc', -1, 2), null);
    });
  });
});
