import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, EntityMatcher, normalizeEdits, type Entity, type NormalizeOptions } from '../../../src/core';
import { corpusEntities } from '../entities/fixtures';

const matcher = EntityMatcher.compile(corpusEntities);
const byId = new Map<string, Entity>(corpusEntities.map((e) => [e.id, e]));

function normalize(text: string, options?: NormalizeOptions): string {
  return applyEdits(text, normalizeEdits(text, matcher.match(text), (id) => byId.get(id), options));
}

describe('normalize (rule 8)', () => {
  const cases: [string, string, string][] = [
    ['alias to canonical', 'General Secretary To Lam and his spouse', 'General Secretary Tô Lâm and his spouse'],
    ['canonical stays', 'Party General Secretary Tô Lâm said', 'Party General Secretary Tô Lâm said'],
    ['aka stays', 'VNA/VNS photo; Mikhail Vladimirovich Mishustin spoke', 'VNA/VNS photo; Mikhail Vladimirovich Mishustin spoke'],
    ['folded to canonical', 'Ambassador Dang Minh Khoi said', 'Ambassador Đặng Minh Khôi said'],
    ['short form spelled differently', 'Deputy Prime Minister Son emphasized', 'Deputy Prime Minister Sơn emphasized'],
    ['exact short form stays', 'Đặng Minh Khôi spoke. Khôi said', 'Đặng Minh Khôi spoke. Khôi said'],
    ['capitals stay capitals', 'TO LAM ARRIVES IN MOSCOW', 'TÔ LÂM ARRIVES IN MOSCOW'],
    ['possessive kept', "Sergei Lavrov's remarks", "Sergey Lavrov's remarks"],
    ['typographic possessive kept', 'Viet Nam’s private sector', 'Việt Nam’s private sector'],
    ['hyphenated pair', 'the Vietnam-Russia relationship', 'the Việt Nam-Russia relationship'],
    ['punctuation around kept', '(To Lam), "Sergei Lavrov".', '(Tô Lâm), "Sergey Lavrov".'],
    ['name at a line end', 'met General Secretary To Lam\nin Moscow', 'met General Secretary Tô Lâm\nin Moscow'],
    ['line break inside a name kept', 'General Secretary To\nLam arrived', 'General Secretary Tô\nLâm arrived'],
    ['NFD-encoded name to NFC', 'Tô Lâm said'.normalize('NFD'), 'Tô Lâm said'],
    ['URL untouched', 'see https://example.com/Vietnam-Russia/ on To Lam', 'see https://example.com/Vietnam-Russia/ on Tô Lâm'],
    ['name running into a URL untouched', 'www.example.vn/To Lam', 'www.example.vn/To Lam'],
    ['domain untouched', 'Source: Vietnam.vn reported', 'Source: Vietnam.vn reported'],
    ['e-mail untouched', 'write to Vietnam@example.org today', 'write to Vietnam@example.org today'],
    ['file name untouched', 'photo Vietnam-Russia 1826.jpg and Vietnam_1826.jpg', 'photo Việt Nam-Russia 1826.jpg and Vietnam_1826.jpg'],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => assert.equal(normalize(input), expected));
  }

  it('targets the diacritic-free spelling in the ascii style', () => {
    assert.equal(
      normalize('Tô Lâm and Đặng Minh Khôi met in Việt Nam; Deputy Prime Minister Sơn, VNA', { style: 'ascii' }),
      'To Lam and Dang Minh Khoi met in Viet Nam; Deputy Prime Minister Son, VNA',
    );
  });

  it('reports what each edit replaces and why', () => {
    const text = 'General Secretary To Lam and Sergei Lavrov';
    const edits = normalizeEdits(text, matcher.match(text), (id) => byId.get(id));
    assert.deepEqual(
      edits.map((e) => [text.slice(e.start, e.end), e.oldText, e.newText, e.entityId, e.variant]),
      [
        ['To Lam', 'To Lam', 'Tô Lâm', 'to-lam', 'alias'],
        ['Sergei Lavrov', 'Sergei Lavrov', 'Sergey Lavrov', 'sergey-lavrov', 'alias'],
      ],
    );
  });

  describe('properties', () => {
    const pieces = [
      'To Lam', 'Tô Lâm', 'TO LAM', 'Sergei Lavrov', 'Lavrov', 'Son', 'Deputy Prime Minister ', 'Vietnam', 'Việt Nam',
      'Viet Nam', '-', "'s", '’s', ' ', '\n', '\r\n', '.', ', ', 'Russia', 'Russian Federation', 'Ho Chi Minh City',
      'Khoi', 'Đặng Minh Khôi', 'VNA', 'vietnam', 'https://x.vn/', '1826.jpg', 'the', 'said',
    ];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((p) => p.join(''));

    it('normalizing twice equals normalizing once', () => {
      fc.assert(fc.property(text, (t) => normalize(normalize(t)) === normalize(t)), { numRuns: 500 });
    });

    it('changes nothing outside mention spans', () => {
      fc.assert(
        fc.property(text, (t) => {
          const mentions = matcher.match(t);
          const edits = normalizeEdits(t, mentions, (id) => byId.get(id));
          let at = 0;
          for (const edit of edits) {
            assert.ok(mentions.some((m) => m.start === edit.start && m.end === edit.end), 'an edit covers exactly one mention');
            assert.ok(edit.start >= at, 'edits do not overlap');
            at = edit.end;
          }
          // Rebuild the text from the edits in reverse: what lies between them is untouched.
          const out = applyEdits(t, edits);
          let rebuilt = out;
          for (const edit of [...edits].reverse()) {
            const delta = edits.filter((e) => e.start < edit.start).reduce((d, e) => d + e.newText.length - (e.end - e.start), 0);
            const s = edit.start + delta;
            rebuilt = rebuilt.slice(0, s) + edit.oldText + rebuilt.slice(s + edit.newText.length);
          }
          return rebuilt === t;
        }),
        { numRuns: 500 },
      );
    });
  });
});
