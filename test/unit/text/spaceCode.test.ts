import * as assert from 'node:assert/strict';
import { isInUrlOrFileName, isSpaceCode, tokenAround } from '../../../src/core/text/tokens';

describe('isSpaceCode', () => {
  it('agrees with \\s on every UTF-16 code unit', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) disagree.push(c.toString(16));
    }
    assert.deepEqual(disagree, []);
  });
});

describe('tokenAround and isInUrlOrFileName', () => {
  const rows: [string, string, string, boolean][] = [
    ['a file name', 'see anh dai dien 1826.jpg here', '1826', true],
    ['a URL', 'at https://example.vn/2025/05/visit today', '2025', true],
    ['a domain', 'on vietnamnews.vn\u00a0now', 'vietnamnews', true],
    ['an e-mail address', 'write to desk@example.vn.', 'desk', true],
    ['a figure', 'reached 4.58 billion', '4.58', false],
    ['a word with a colon', 'Note:\u2003a figure', 'Note', false],
    ['a plain word', 'the 75th anniversary', '75th', false],
  ];
  for (const [title, text, inside, expected] of rows) {
    it(`${title}: ${JSON.stringify(text)}`, () => {
      const start = text.indexOf(inside);
      assert.equal(isInUrlOrFileName(text, start, start + inside.length), expected);
    });
  }

  it('ends a token at any white space, as \\s does', () => {
    assert.equal(tokenAround('a\u2003b.jpg\u3000c', 2, 3), 'b.jpg');
  });
});
