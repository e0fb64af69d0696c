import * as assert from 'node:assert/strict';
import { isCapitalisedAt, isSentenceStart, wordAfter, wordBefore } from '../../../src/core/entities/neighbours';

/** `text` with `|` marking an offset, as [text without the mark, offset]. */
function marked(text: string): [string, number] {
  const at = text.indexOf('|');
  return [text.slice(0, at) + text.slice(at + 1), at];
}

describe('the words around a mention', () => {
  describe('wordBefore and wordAfter: only white space between', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['Lê Thu |Hà said', 'Thu', 'said'],
      ['Lê Thu |Hà Giang', 'Thu', 'Giang'],
      ['Thu\n|Hà\nGiang', 'Thu', 'Giang'],
      ['Thu\r\n|Hà\r\nGiang', 'Thu', 'Giang'],
      ['Thu\n\n|Hà\n\nGiang', undefined, undefined],
      ['Thu\r\n\r\n|Hà\r\n\r\nGiang', undefined, undefined],
      ['Thu, |Hà, Giang', undefined, undefined],
      ['|Hà', undefined, undefined],
      ['Thu\u00a0|Hà\u00a0Giang', 'Thu', 'Giang'],
    ];
    for (const [text, before, after] of cases) {
      it(JSON.stringify(text), () => {
        const [plain, at] = marked(text);
        const end = at + 'Hà'.length;
        const b = wordBefore(plain, at);
        const a = wordAfter(plain, end);
        assert.equal(b && plain.slice(b.start, b.end), before);
        assert.equal(a && plain.slice(a.start, a.end), after);
      });
    }
    it('reads an NFD-encoded word whole, marks included', () => {
      const text = 'Nguyễn Thị |Hà'.normalize('NFD');
      const [plain, at] = marked(text);
      const b = wordBefore(plain, at)!;
      assert.equal(plain.slice(b.start, b.end), 'Thị'.normalize('NFD'));
    });
  });

  describe('isCapitalisedAt', () => {
    const cases: [string, boolean][] = [
      ['Thanh', true],
      ['Đặng', true],
      ['Đặng'.normalize('NFD'), true],
      ['ÉLYSÉE', true],
      ['thanh', false],
      ['đặng', false],
      ['2025', false],
    ];
    for (const [word, expected] of cases) it(`${JSON.stringify(word)} → ${expected}`, () => assert.equal(isCapitalisedAt(word, 0), expected));
  });

  describe('isSentenceStart', () => {
    const cases: [string, boolean][] = [
      ['|Meanwhile Lavrov', true],
      ['He left. |Meanwhile Lavrov', true],
      ['He left.\n|Meanwhile Lavrov', true],
      ['He left.\r\n|Meanwhile Lavrov', true],
      ['“We agree.” |The talks', true],
      ['Did he? “|The talks', true],
      ['# |Meanwhile in Moscow', true],
      ['- |Meanwhile in Moscow', true],
      ['text\n  * |Meanwhile in Moscow', true],
      ['Photo: |Minh Nhat', true],
      ['said that |The Hague', false],
      ['Vietnam - |Russia ties', false],
      ['said, |Meanwhile', false],
    ];
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} → ${expected}`, () => {
        const [plain, at] = marked(text);
        assert.equal(isSentenceStart(plain, at), expected);
      });
    }
  });
});
