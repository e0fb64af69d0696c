import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { fold, foldWithMap, LineIndex, toOriginalSpan } from '../../../src/core';

describe('fold', () => {
  const cases: [string, string, string][] = [
    ['drops Vietnamese diacritics', 'Tô Lâm', 'To Lam'],
    ['folds an NFD-encoded name the same way', 'Tô Lâm'.normalize('NFD'), 'To Lam'],
    ['đ and Đ', 'Đặng Minh Khôi, Hà Nội, đồng', 'Dang Minh Khoi, Ha Noi, dong'],
    ['typographic quotes', '“Nothing can hinder” ‘our’ Russia’s', '"Nothing can hinder" \'our\' Russia\'s'],
    ['typographic dashes', 'Battle of Moscow (1941–1942) — Vietnam‑Russia', 'Battle of Moscow (1941-1942) - Vietnam-Russia'],
    ['leaves ASCII alone', 'Sergey Lavrov, USD 4.58 billion', 'Sergey Lavrov, USD 4.58 billion'],
    ['keeps case', 'TÔ LÂM', 'TO LAM'],
    ['keeps Cyrillic letters, dropping their marks too (й → и)', 'Сергей Лавров, Ёлкин', 'Сергеи Лавров, Елкин'],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => {
      assert.equal(fold(input), expected);
      assert.equal(foldWithMap(input).text, expected);
    });
  }

  it('maps a folded span back to the original text', () => {
    const original = 'Party General Secretary Tô Lâm said';
    const folded = foldWithMap(original.normalize('NFD'));
    const start = folded.text.indexOf('To Lam');
    const span = toOriginalSpan(folded, start, start + 'To Lam'.length);
    assert.equal(original.normalize('NFD').slice(span.start, span.end), 'Tô Lâm'.normalize('NFD'));
  });

  describe('properties', () => {
    // Vietnamese letters precomposed and decomposed, typographic punctuation, and any code points (astral ones included).
    const piece = fc.oneof(fc.constantFrom(...'aăâđĐêôơưÀẤỆỘ\u0301\u0303\u0323’–—“ \n\r'), fc.string({ unit: 'binary', maxLength: 2 }));
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

    it('offsets are non-decreasing and always inside the original text', () => {
      fc.assert(
        fc.property(text, (s) => {
          const { text: folded, offsets } = foldWithMap(s);
          assert.equal(offsets.length, folded.length + 1);
          assert.equal(offsets[folded.length], s.length);
          for (let i = 0; i < folded.length; i++) {
            assert.ok(offsets[i] <= offsets[i + 1]);
            assert.ok(offsets[i] < s.length);
            // Never inside a surrogate pair.
            const c = s.charCodeAt(offsets[i]);
            assert.ok(!(c >= 0xdc00 && c <= 0xdfff));
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('folds as the whole string folds: NFD, marks dropped, đ and typographic punctuation replaced', () => {
      const reference = (s: string) =>
        s
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[\u0111\u0110]/g, (c) => (c === '\u0111' ? 'd' : 'D'))
          .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
          .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
          .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g, '-');
      fc.assert(
        fc.property(text, (s) => assert.equal(fold(s), reference(s))),
        { numRuns: 3000 },
      );
      for (const s of ['Tô Lâm', 'Trần Thanh Mẫn'.normalize('NFD'), 'Nguyễn Phú Trọng’s “win” — 2024', 'e\u0323\u0302 \ud835\udc00\u0301', '\ud800 lone', 'Ǆ ﬁ Å Ω']) assert.equal(fold(s), reference(s), s);
    });

    it('fold and foldWithMap agree, and folding is idempotent', () => {
      fc.assert(
        fc.property(text, (s) => {
          assert.equal(foldWithMap(s).text, fold(s));
          assert.equal(fold(fold(s)), fold(s));
        }),
        { numRuns: 1000 },
      );
    });

    it('every folded span on character boundaries maps to an original span that folds to it', () => {
      fc.assert(
        fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
          const folded = foldWithMap(s);
          const n = folded.text.length;
          const start = n === 0 ? 0 : a % (n + 1);
          const end = start + (n === 0 ? 0 : b % (n - start + 1));
          // Spans that begin and end on the boundaries of original characters (an NFD
          // decomposition such as a Hangul syllable's jamo is never split by a match).
          const boundary = (k: number) => k === 0 || k === n || folded.offsets[k] !== folded.offsets[k - 1];
          fc.pre(boundary(start) && boundary(end));
          const span = toOriginalSpan(folded, start, end);
          assert.ok(0 <= span.start && span.start <= span.end && span.end <= s.length);
          // Whole code points on both ends; the span's own fold contains the folded slice.
          assert.ok(fold(s.slice(span.start, span.end)).includes(folded.text.slice(start, end)));
        }),
        { numRuns: 1000 },
      );
    });
  });
});

describe('LineIndex', () => {
  const cases: [string, string, number, [number, number]][] = [
    ['LF', 'ab\ncd', 3, [1, 0]],
    ['CRLF counts as one break', 'ab\r\ncd', 4, [1, 0]],
    ['the CR of a CRLF stays on its line', 'ab\r\ncd', 2, [0, 2]],
    ['lone CR', 'ab\rcd', 3, [1, 0]],
    ['astral characters are two code units', '😀 Tô\nx', 3, [0, 3]],
    ['NFD text counts code units', 'Tô'.normalize('NFD') + ' Lâm', 4, [0, 4]],
    ['end of text', 'ab\n', 3, [1, 0]],
  ];
  for (const [title, text, offset, [line, character]] of cases) {
    it(title, () => {
      const index = new LineIndex(text);
      assert.deepEqual(index.positionAt(offset), { line, character });
      assert.equal(index.offsetAt({ line, character }), offset);
    });
  }

  it('round-trips every offset of a CRLF, NFD text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ô'.normalize('NFD'), '\r\n', '\n', '\r', '😀', ' '), maxLength: 40 }), (s) => {
        const index = new LineIndex(s);
        for (let o = 0; o <= s.length; o++) {
          const p = index.positionAt(o);
          // Offsets inside a CRLF land at the end of the line.
          if (s[o - 1] === '\r' && s[o] === '\n') continue;
          assert.equal(index.offsetAt(p), o);
        }
      }),
    );
  });

  it('puts each line where splitting at LF, CRLF and lone CR does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\r\n', '\n', '\r', '\r\r', '\n\r', ' '), maxLength: 60 }), (s) => {
        const index = new LineIndex(s);
        const lines = s.split(/\r\n|\r|\n/);
        assert.equal(index.lineCount, lines.length);
        let start = 0;
        lines.forEach((line, k) => {
          assert.deepEqual(index.positionAt(start), { line: k, character: 0 });
          assert.deepEqual(index.positionAt(start + line.length), { line: k, character: line.length });
          start += line.length + (s.startsWith('\r\n', start + line.length) ? 2 : 1);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
