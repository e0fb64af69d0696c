import * as assert from 'node:assert/strict';
import { isInUrlOrFileName, isSpaceCode, tokenAround } from '../../../src/core/text/tokens';
import { random, readArticle } from '../support';

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

describe('isInUrlOrFileName, its shortcut', () => {
  // The straightforward reading it answers without building the token when the token has no '.' or ':'.
  const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;
  const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
  const FILE = /\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|txt|md|html?|php|aspx?|mp[34]|mov|zip|yaml|yml|json|csv)$/i;
  const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|vn|ru|gov|edu|info|io|int|uk|de|fr)(?:\/\S*)?$/iu;
  const reference = (text: string, start: number, end: number) => {
    const token = tokenAround(text, start, end);
    return /[.:]/.test(token) && (URL.test(token) || EMAIL.test(token) || FILE.test(token) || DOMAIN.test(token));
  };

  it('answers as the token does, on random spans of the corpus and of text full of addresses', () => {
    const rnd = random(3);
    const pieces = ['see ', 'https://vietnamnews.vn/a/b.html', ' 4.58 ', 'desk@example.vn', ' photo 1826.jpg', ':', '.', '\n', 'Tô Lâm', ' (www.gov.vn)', '\u00a0', 'x'];
    const synthetic = Array.from({ length: 3000 }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    let inside = 0;
    for (const text of [readArticle('000').text, readArticle('003').text, synthetic]) {
      for (let k = 0; k < 4000; k++) {
        const start = Math.floor(rnd() * text.length);
        const end = Math.min(text.length, start + Math.floor(rnd() * 6));
        const expected = reference(text, start, end);
        assert.equal(isInUrlOrFileName(text, start, end), expected, `${JSON.stringify(text.slice(start, end))} at ${start}`);
        if (expected) inside++;
      }
    }
    assert.ok(inside > 500, `${inside} spans inside an address`);
  });
});
