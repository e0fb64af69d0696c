// The size limit of an open document (glossa.maxFileSize) counts UTF-8 bytes without encoding the text:
// the count must be what TextEncoder gives, on any text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { utf8Delta, utf8Length, utf8Size } from '../../../src/vscode/services/utf8Length';
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

  it('keeps a running count through edits (utf8Delta) that TextEncoder agrees with, surrogate pairs made and split at the edges included', () => {
    const unit = fc.constantFrom('a', 'ô', 'ệ', '東', '\ud83d', '\ude00', '😀', '\n', ' ');
    const text = fc.array(unit, { maxLength: 30 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(4), text), { minLength: 1, maxLength: 8 }), (start, edits) => {
        let current = start;
        let bytes = utf8Size(current);
        for (const [at, removed, inserted] of edits) {
          const from = current.length === 0 ? 0 : at % (current.length + 1);
          const to = Math.min(current.length, from + removed);
          const next = current.slice(0, from) + inserted + current.slice(to);
          bytes += utf8Delta(current, next, from, to, from + inserted.length);
          current = next;
          assert.equal(bytes, encoded(current), JSON.stringify(current));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
