// The size limit of an open document (glossa.maxFileSize) counts UTF-8 bytes without encoding the text:
// the count must be what TextEncoder gives, on any text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { utf8Length } from '../../../src/vscode/services/utf8Length';
import { corpusDir } from '../support';

const encoded = (text: string) => new TextEncoder().encode(text).length;
/** A limit that leaves the count in doubt (between the UTF-16 length and three times it), so that it is counted. */
const doubtful = (text: string) => Math.max(1, text.length * 2);

describe('utf8Length', () => {
  it('counts as TextEncoder encodes: ASCII, diacritics, CJK, surrogate pairs, lone surrogates', () => {
    for (const text of ['plain', 'Tô Lâm ở Hà Nội', '東京 2024', 'emoji 😀 pair', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d', '\ud83d\ude00\ud83d']) {
      assert.equal(utf8Length(text, doubtful(text)), encoded(text), JSON.stringify(text));
    }
  });

  it('counts as TextEncoder encodes on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        if (text.length > 0) assert.equal(utf8Length(text, doubtful(text)), encoded(text));
      }),
      { numRuns: 500 },
    );
  });

  it('counts as TextEncoder encodes on every article of the shared corpus', () => {
    for (const name of fs.readdirSync(corpusDir)) {
      const text = fs.readFileSync(path.join(corpusDir, name), 'utf8');
      assert.equal(utf8Length(text, doubtful(text)), encoded(text), name);
    }
  });

  it('takes the UTF-16 length when that settles the question', () => {
    assert.equal(utf8Length('Tô Lâm', 0), 6);
    assert.equal(utf8Length('Tô Lâm', 100), 6);
    assert.equal(utf8Length('Tô Lâm', 3), 6);
  });
});
