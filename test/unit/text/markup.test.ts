import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { markupIn, markupOf, textFormatOf, urlSpans, type TextFormat } from '../../../src/core';

/** The words a text shows once its markup is masked. */
const words = (text: string, format: TextFormat) => markupOf(text, format).visible.split(/\s+/).filter(Boolean);

/** The invariants of a masked text: same length, same line breaks, and every character either kept or a space. */
function assertMasked(text: string, visible: string): void {
  assert.equal(visible.length, text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') assert.equal(visible[i], c, `line break at ${i}`);
    else assert.ok(visible[i] === c || visible[i] === ' ', `offset ${i}: ${JSON.stringify(c)} became ${JSON.stringify(visible[i])}`);
  }
}

describe('markup (rule 12)', () => {
  describe('Markdown: what is text', () => {
    const cases: [string, string, string[]][] = [
      ['a link: its text, not its destination', 'See [To Lam](https://example.com/To_Lam) now.', ['See', 'To', 'Lam', 'now.']],
      ['a link with a title', 'See [To Lam](https://example.com/To_Lam "To Lam in Moscow").', ['See', 'To', 'Lam', '.']],
      ['a link with an angle-bracket destination', 'See [Sơn](<a b/Son page.html>).', ['See', 'Sơn', '.']],
      ['an autolink', 'Read <https://example.com/To_Lam> first.', ['Read', 'first.']],
      ['an e-mail autolink', 'Write <to.lam@example.vn> today.', ['Write', 'today.']],
      ['a bare URL', 'Read https://example.com/To_Lam, then www.example.vn/Son.', ['Read', ',', 'then', '.']],
      ['a bare URL in parentheses', 'Search (http://x.com/?q=To+Lam) again.', ['Search', '(', ')', 'again.']],
      ['an image: its alt text, not its path', '![To Lam in Hà Nội](photos/To_Lam_1826.jpg "Photo: VNA")', ['To', 'Lam', 'in', 'Hà', 'Nội']],
      ['an image inside a link', '[![Sergei Lavrov](img/lavrov.png)](https://example.com/Lavrov)', ['Sergei', 'Lavrov']],
      ['a full reference link and its definition', 'Met [To Lam][tl] there.\n\n[tl]: https://example.com/To_Lam "To Lam"', ['Met', 'To', 'Lam', 'there.']],
      ['a collapsed reference link', 'Met [To Lam][] there.\n\n[To Lam]: https://example.com/To_Lam', ['Met', 'To', 'Lam', 'there.']],
      ['a shortcut reference link', 'Met [To Lam] there.\n\n[to lam]: <https://example.com/To Lam>', ['Met', 'To', 'Lam', 'there.']],
      ['brackets without a definition are text', 'Met [To Lam] there.', ['Met', '[To', 'Lam]', 'there.']],
      ['inline code', 'Run `To Lam 5%` and `` a ` b `` now.', ['Run', 'and', 'now.']],
      ['a fenced code block, blank lines inside', 'Before.\n\n```text\nTo Lam\n\nUSD 5 billion\n```\n\nAfter.', ['Before.', 'After.']],
      ['a tilde fence', '~~~\nTo Lam\n~~~\nAfter.', ['After.']],
      ['an indented code block', 'Before.\n\n    To Lam\n    $5 billion\n\nAfter.', ['Before.', 'After.']],
      ['inline HTML: its text, not its tags', 'A <span title="To Lam" class=x>Tô Lâm</span> visit.', ['A', 'Tô', 'Lâm', 'visit.']],
      ['an HTML comment', 'A <!-- To Lam, USD 5 billion --> visit.', ['A', 'visit.']],
      ['an HTML block: the text between its tags', '<div class="To Lam">\n<p data-x=\'Son\'>Bùi Thanh Sơn</p>\n</div>', ['Bùi', 'Thanh', 'Sơn']],
      ['raw HTML elements are not text', '<script>\nconst toLam = "To Lam";\n</script>\n\n<pre>\nTo Lam\n</pre>', []],
      ['an HTML comment block with blank lines', '<!--\nTo Lam\n\nSon\n-->\nAfter.', ['After.']],
      ['headings and emphasis are text', '# To Lam\n\nSergei *Lavrov* and **Son** _met_.\n\nVietnam\n===', ['To', 'Lam', 'Sergei', 'Lavrov', 'and', 'Son', 'met', '.', 'Vietnam']],
      ['list items and block quotes: their text', '- To Lam\n- Son\n\n> Sergei\n> Lavrov', ['To', 'Lam', 'Son', 'Sergei', 'Lavrov']],
      ['front matter: the values, not the keys', '---\ntitle: To Lam in Moscow\ntags: [Vietnam, Russia]\nauthor:\n  name: Son # a comment\n---\nText.', ['To', 'Lam', 'in', 'Moscow', 'Vietnam', 'Russia', 'Son', 'Text.']],
      ['a thematic break and escapes', 'To \\*Lam\\*\n\n***\n\nEnd &amp; more', ['To', '\\*Lam\\*', 'End', '&amp;', 'more']],
    ];
    for (const [title, input, expected] of cases) {
      it(title, () => {
        const { visible } = markupOf(input, 'markdown');
        assertMasked(input, visible);
        assert.deepEqual(words(input, 'markdown'), expected);
      });
    }
  });

  describe('plain text: URLs by their scheme, wherever they stand', () => {
    const cases: [string, string, string[]][] = [
      ['a link in Markdown syntax is not parsed, but its URL is found', 'See [To Lam](https://example.com/To_Lam).', ['See', '[To', 'Lam](', ').']],
      ['in parentheses', 'Search (http://x.com/?q=To+Lam) again', ['Search', '(', ')', 'again']],
      ['balanced parentheses inside a URL stay in it', 'at https://en.wikipedia.org/wiki/Son_(name), then', ['at', ',', 'then']],
      ['www. without a scheme', 'Visit www.example.vn/To-Lam.', ['Visit', '.']],
      ['any scheme', 'Get ftp://files.example.org/Son.txt now', ['Get', 'now']],
      ['inside angle brackets and quotes', 'A "<https://x.vn/Son>" link', ['A', '"<', '>"', 'link']],
      ['not in the middle of a word', 'awww.example is text', ['awww.example', 'is', 'text']],
      ['Markdown syntax is text', '`To Lam` and <b>Son</b>', ['`To', 'Lam`', 'and', '<b>Son</b>']],
    ];
    for (const [title, input, expected] of cases) {
      it(title, () => {
        assertMasked(input, markupOf(input, 'plain').visible);
        assert.deepEqual(words(input, 'plain'), expected);
      });
    }

    it('finds the exact span of each URL', () => {
      const text = 'See (https://x.com/a_(b)) and www.y.vn/z. End';
      assert.deepEqual(urlSpans(text).map((s) => text.slice(s.start, s.end)), ['https://x.com/a_(b)', 'www.y.vn/z']);
    });
  });

  describe('encodings and line breaks', () => {
    const markdown = '# Tô Lâm\n\n[Tô Lâm](https://example.com/Tô_Lâm "Tô Lâm") met `Sơn`.\n\n```\nSơn\n```\n';
    for (const [title, input] of [
      ['NFC', markdown],
      ['NFD', markdown.normalize('NFD')],
      ['CRLF', markdown.replace(/\n/g, '\r\n')],
      ['NFD and CRLF', markdown.normalize('NFD').replace(/\n/g, '\r\n')],
    ] as const) {
      it(`${title}: the same words at the same offsets`, () => {
        const { visible } = markupOf(input, 'markdown');
        assertMasked(input, visible);
        assert.deepEqual(visible.split(/\s+/).filter(Boolean).map((w) => w.normalize('NFC')), ['Tô', 'Lâm', 'Tô', 'Lâm', 'met', '.']);
        // The link text stays where it was written, in its own encoding.
        const at = input.indexOf('[') + 1;
        const end = input.indexOf(']');
        assert.equal(visible.slice(at, end), input.slice(at, end));
      });
    }
  });

  it('marks reference labels, which are text but name their definition', () => {
    const text = 'Met [To Lam], [Sergei Lavrov][] and [Son][s] and ![Lavrov].\n\n[to lam]: https://a\n[sergei lavrov]: https://b\n[s]: https://c\n[lavrov]: l.png';
    const { referenceLabels } = markupOf(text, 'markdown');
    assert.deepEqual(referenceLabels.map((s) => text.slice(s.start, s.end)), ['To Lam', 'Sergei Lavrov', 'Lavrov']);
  });

  it("records Glossa's directive comments, masked like any other comment", () => {
    const text = 'A <!-- glossa-ignore: Poutine --> b\n\n<!-- glossa-disable -->\nC <!-- note --> d';
    const markup = markupOf(text, 'markdown');
    assert.deepEqual(markup.directives.map((s) => text.slice(s.start, s.end)), ['<!-- glossa-ignore: Poutine -->', '<!-- glossa-disable -->']);
    assert.deepEqual(markup.visible.split(/\s+/).filter(Boolean), ['A', 'b', 'C', 'd']);
  });

  it('picks the format from the file name', () => {
    const cases: [string, TextFormat][] = [
      ['a.md', 'markdown'],
      ['notes/B.MD', 'markdown'],
      ['c.markdown', 'markdown'],
      ['d.txt', 'plain'],
      ['e.md.txt', 'plain'],
      ['README', 'plain'],
    ];
    for (const [name, format] of cases) assert.equal(textFormatOf(name), format, name);
  });

  describe('properties', () => {
    // Pieces of Markdown that reach across lines and blank lines, and plain words around them.
    const pieces = [
      'To Lam', 'Tô Lâm', ' ', '\n', '\n\n', '\r\n', 'Son', '5%', 'USD 4 billion', '[To Lam](https://x.com/To_Lam "t")', '![Son](s.jpg)', '`To Lam`',
      '```\n', '~~~\n', '    ', '\t', '- ', '1. ', '> ', '# ', '<!--', '-->', '<div class="a">', '</div>', '<pre>', '</pre>', '<b>', '</b>', '*', '_', '**',
      '[To Lam]', '[x]: https://x.com/x\n', '---\n', 'title: To Lam\n', '===\n', 'www.x.vn/Son', 'https://x.com/a', '\\', '&amp;', '[', ']', '(', ')', '<', '>',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

    it('a masked text keeps its length and line breaks, and only ever blanks characters', () => {
      fc.assert(
        fc.property(text, fc.constantFrom<TextFormat>('markdown', 'plain'), (s, format) => assertMasked(s, markupOf(s, format).visible)),
        { numRuns: 500 },
      );
    });

    it('the markup of a part of a text is the markup of the whole text, cut', () => {
      fc.assert(
        fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
          const start = a % (s.length + 1);
          const end = start + (b % (s.length - start + 1));
          const whole = markupOf(s, 'markdown');
          const part = markupIn(s, 'markdown', start, end);
          assert.equal(part.visible, whole.visible.slice(start, end));
          const inside = (spans: { start: number; end: number }[]) => spans.filter((x) => x.end > start && x.start < end).map((x) => [x.start - start, x.end - start]);
          assert.deepEqual(part.referenceLabels.map((x) => [x.start, x.end]), inside(whole.referenceLabels));
        }),
        { numRuns: 1000 },
      );
    });

    it('where the fast path takes a text as all text, the parser agrees', () => {
      fc.assert(
        fc.property(text, (s) => {
          if (markupOf(s, 'markdown').visible !== s) return;
          // A code span after the text makes the parser run over all of it.
          const parsed = markupOf(`${s}\n\n\`x\`\n`, 'markdown').visible.slice(0, s.length);
          assert.equal(parsed.replace(/\s+/g, ' ').trim(), s.replace(/\s+/g, ' ').trim());
        }),
        { numRuns: 1000 },
      );
    });
  });
});
