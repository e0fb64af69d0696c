import * as assert from 'node:assert/strict';
import { documentDate } from '../../../src/core';

describe('the document’s date', () => {
  const rows: [string, string, string | undefined, string?][] = [
    // [what, text, day, the date as written]
    ['month first', 'Hà Nội, February 11, 2025 — Talks began.', '2025-02-11', 'February 11, 2025'],
    ['day first', 'MOSCOW, 11 February 2025 (VNA) — Talks began.', '2025-02-11', '11 February 2025'],
    ['an abbreviated month', 'Updated: Feb. 11, 2025 09:30', '2025-02-11', 'Feb. 11, 2025'],
    ['an ordinal day', 'on the 11th of February, 2025', '2025-02-11', '11th of February, 2025'],
    ['a range of days: its first day', 'during the visit (from May 8-11, 2025) both sides', '2025-05-08', 'May 8-11, 2025'],
    ['a weekday before it', 'Tuesday, February 11, 2025', '2025-02-11', 'February 11, 2025'],
    ['ISO', 'Posted 2025-02-11T09:30:00+07:00', '2025-02-11', '2025-02-11'],
    ['digits, day first', 'Published 11/02/2025', '2025-02-11', '11/02/2025'],
    ['digits, month first when the day cannot be', 'Published 02/25/2025', '2025-02-25', '02/25/2025'],
    ['the first of two', 'February 11, 2025\nJanuary 2, 2024', '2025-02-11', 'February 11, 2025'],
    ['on the fifth line', 'Title\n\nBy a reporter\n\nMarch 3, 2025', '2025-03-03', 'March 3, 2025'],
    ['not on the sixth', 'Title\n\nBy a reporter\n\n\nMarch 3, 2025', undefined],
    ['no year', 'on February 11 the two sides met', undefined],
    ['no day', 'in February 2025 the two sides met', undefined],
    ['a year alone', 'in 2025', undefined],
    ['not a real day', 'February 30, 2025', undefined],
    ['"may" as a word is no month', 'they may 8, 2025 units', undefined],
    ['a number that is not a date', 'USD 4.58 billion, 12.5 percent', undefined],
  ];
  for (const [what, text, day, written] of rows) {
    it(what, () => {
      const date = documentDate(text);
      assert.equal(date?.day, day);
      if (date) {
        assert.equal(date.source, 'text');
        assert.equal(text.slice(date.start, date.end), written);
      }
    });
  }

  describe('Markdown front matter', () => {
    const rows: [string, string, string | undefined, 'front-matter' | 'text' | undefined][] = [
      ['its date: first', '---\ntitle: Visit\ndate: 2025-02-11\n---\nMarch 3, 2024\n', '2025-02-11', 'front-matter'],
      ['a date with a time', '---\ndate: "2025-02-11T09:30:00Z"\n---\nText\n', '2025-02-11', 'front-matter'],
      ['a date written out', '---\ndate: February 11, 2025\n---\nText\n', '2025-02-11', 'front-matter'],
      ['no date: the first lines after it', '---\ntitle: Visit\nauthor: A reporter\ntags: [a, b]\nsummary: none\n---\nMarch 3, 2024\n', '2024-03-03', 'text'],
      ['an unreadable date: the first lines after it', '---\ndate: soon\n---\nMarch 3, 2024\n', '2024-03-03', 'text'],
      ['an unclosed block is text', '---\ndate: 2025-02-11\nMarch 3, 2024\n', '2025-02-11', 'text'],
      ['no date anywhere', '---\ntitle: Visit\n---\nText\n', undefined, undefined],
    ];
    for (const [what, text, day, source] of rows) {
      it(what, () => {
        const date = documentDate(text);
        assert.equal(date?.day, day);
        assert.equal(date?.source, source);
      });
    }

    it('points at the value of date:', () => {
      const text = '---\ntitle: Visit\ndate: 2025-02-11\n---\n';
      const date = documentDate(text)!;
      assert.equal(text.slice(date.start, date.end), '2025-02-11');
    });
  });
});
