// Rule 12 through the engine: what markup hides is no mention, no number, and is
// never rewritten.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, Engine, markupOf, type TextFormat } from '../../../src/core';
import { corpusEntities } from '../entities/fixtures';

const engine = new Engine({ entities: corpusEntities, problems: [] }, { facts: [], problems: [] });

const normalized = (text: string, format: TextFormat) => applyEdits(text, engine.normalize(text, { format }));

describe('markup through the engine (rule 12)', () => {
  describe('normalization rewrites text only', () => {
    const cases: [string, string, string][] = [
      ['a link: its text, not its destination or title', 'See [To Lam](https://example.com/To_Lam "To Lam").', 'See [Tô Lâm](https://example.com/To_Lam "To Lam").'],
      ['a URL in parentheses', 'Search (http://x.com/?q=To+Lam) for To Lam.', 'Search (http://x.com/?q=To+Lam) for Tô Lâm.'],
      ['an autolink', '<https://example.com/To Lam> To Lam', '<https://example.com/To Lam> Tô Lâm'],
      ['an image: its alt text, not its path', '![To Lam](img/To Lam.jpg)', '![Tô Lâm](img/To Lam.jpg)'],
      ['inline code and a code block', '`To Lam` To Lam\n\n```\nTo Lam\n\nSergei Lavrov\n```\n', '`To Lam` Tô Lâm\n\n```\nTo Lam\n\nSergei Lavrov\n```\n'],
      ['HTML attributes, not the text between tags', '<abbr title="Sergei Lavrov">Sergei Lavrov</abbr>', '<abbr title="Sergei Lavrov">Sergey Lavrov</abbr>'],
      ['a comment, also a Glossa directive', '<!-- To Lam --> <!-- glossa-ignore: Sergei Lavrov --> Vietnam', '<!-- To Lam --> <!-- glossa-ignore: Sergei Lavrov --> Việt Nam'],
      ['a reference definition and a shortcut reference, which is its label', '[Vietnam] and [To Lam][tl] in Vietnam.\n\n[vietnam]: https://x.vn/Vietnam\n[tl]: https://x.vn/To_Lam "To Lam"', '[Vietnam] and [Tô Lâm][tl] in Việt Nam.\n\n[vietnam]: https://x.vn/Vietnam\n[tl]: https://x.vn/To_Lam "To Lam"'],
      ['front matter: values, not keys', '---\nVietnam: Vietnam\n---\nVietnam', '---\nVietnam: Việt Nam\n---\nViệt Nam'],
      ['emphasis and headings', '## To Lam\n\n**Sergei Lavrov** met _Bui Thanh Son_.', '## Tô Lâm\n\n**Sergey Lavrov** met _Bùi Thanh Sơn_.'],
      ['CRLF', '`To Lam`\r\n\r\nTo Lam\r\n', '`To Lam`\r\n\r\nTô Lâm\r\n'],
      ['NFD', '[Tô Lâm](https://x.vn/Tô_Lâm)'.normalize('NFD'), '[Tô Lâm](https://x.vn/Tô_Lâm)'.normalize('NFD').replace('Tô Lâm'.normalize('NFD'), 'Tô Lâm')],
    ];
    for (const [title, input, expected] of cases) {
      it(title, () => assert.equal(normalized(input, 'markdown'), expected));
    }

    it('the same text read as plain text keeps only its URLs', () => {
      assert.equal(normalized('`To Lam` [To Lam](https://x.vn/To_Lam)', 'plain'), '`Tô Lâm` [Tô Lâm](https://x.vn/To_Lam)');
    });
  });

  it('finds no mention and no number in markup, and the same ones in text as before', () => {
    const text = '# Sergei Lavrov\n\nUp 12% in [Hanoi](https://x.vn/40 "75%") and `USD 9 billion`.\n\n    15 projects\n';
    const analysis = engine.analyze(text, { format: 'markdown' });
    assert.deepEqual(analysis.mentions.map((m) => [m.start, m.text, m.entityId]), [[2, 'Sergei Lavrov', 'sergey-lavrov']]);
    assert.deepEqual(analysis.numbers.map((n) => [n.start, n.text, n.kind]), [[20, '12%', 'percent']]);
    assert.deepEqual(engine.mentions(text, { format: 'markdown' }), analysis.mentions);
    assert.deepEqual(engine.numbers(text, undefined, 'markdown'), analysis.numbers);
  });

  it('a name that runs over markup is no mention ("To `x` Lam" is not "To Lam")', () => {
    assert.deepEqual(engine.mentions('To `x` Lam, To <b>Lam</b>', { format: 'markdown' }), []);
  });

  it('analyzes a region as the whole text reads it (a paragraph inside a fenced code block is code)', () => {
    const text = 'To Lam\n\n```\nSergei Lavrov\n\nSergei Lavrov 5%\n```\n\nSergei Lavrov 7%\n';
    const whole = engine.analyze(text, { format: 'markdown' });
    for (const start of [0, 8, text.indexOf('Sergei Lavrov 5%'), text.indexOf('Sergei Lavrov 7%')]) {
      const region = engine.analyzeRegion(text, start, text.length, { format: 'markdown' });
      assert.deepEqual(region.mentions.map((m) => m.start + start), whole.mentions.filter((m) => m.start >= start).map((m) => m.start), `from ${start}`);
      assert.deepEqual(region.numbers.map((n) => n.text), whole.numbers.filter((n) => n.start >= start).map((n) => n.text), `from ${start}`);
    }
  });

  describe('properties', () => {
    const pieces = [
      'To Lam', 'Tô Lâm', 'TO LAM', 'Sergei Lavrov', 'Lavrov', 'Son', 'Deputy Prime Minister ', 'Vietnam', 'Viet Nam', ' ', '\n', '\n\n', '\r\n', '.',
      '[', ']', '(', ')', '<', '>', '`', '```\n', '    ', '> ', '- ', '# ', '*', '**', '_', '"', '---\n', ': ', '[Vietnam]', '[To Lam](https://x.vn/To_Lam "Vietnam")',
      '![Sergei Lavrov](a/Sergei Lavrov.jpg)', '<a title="To Lam">', '</a>', '<!-- Vietnam -->', '[vietnam]: https://x.vn/Vietnam\n', 'https://x.vn/To_Lam',
      'www.x.vn/Vietnam', '(http://x.com/?q=To+Lam)', '<https://x.vn/Son>', '&amp;', '\\',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    /** The characters that are not text, in order: the markup as it is written. */
    const markupChars = (s: string, format: TextFormat) => {
      const { visible } = markupOf(s, format);
      let out = '';
      for (let i = 0; i < s.length; i++) if (visible[i] !== s[i]) out += s[i];
      return out;
    };

    for (const format of ['markdown', 'plain'] as const) {
      it(`${format}: normalization never changes a byte outside text, and the result has the same markup`, () => {
        fc.assert(
          fc.property(text, (s) => {
            const { visible, referenceLabels } = markupOf(s, format);
            const edits = engine.normalize(s, { format });
            for (const edit of edits) {
              assert.equal(visible.slice(edit.start, edit.end), s.slice(edit.start, edit.end), `edit at ${edit.start} touches markup`);
              assert.ok(!referenceLabels.some((l) => l.start < edit.end && edit.start < l.end), `edit at ${edit.start} touches a reference label`);
            }
            assert.equal(markupChars(applyEdits(s, edits), format), markupChars(s, format));
          }),
          { numRuns: 500 },
        );
      });
    }
  });
});
