// Glossa's exceptions (DESIGN.md "Exceptions"): glossa-ignore, glossa-disable / glossa-enable
// and glossa-disable-next-line, in Markdown comments and plain-text lines, through the engine.
import * as assert from 'node:assert/strict';
import { directivesOf, Engine, markupOf, type TextFormat } from '../../../src/core';
import { mayHoldDirectives, mayHoldDirectivesAfterEdit } from '../../../src/core/text/directives';
import { entity, random, readArticle } from '../support';

const engine = new Engine({
  entities: [
    entity({ id: 'to-lam', kind: 'person', name: 'Tô Lâm', short: ['Lâm'] }),
    entity({ id: 'sergei-lavrov', kind: 'person', name: 'Sergei Lavrov', aliases: ['Sergey Lavrov'], short: ['Lavrov'] }),
  ],
  problems: [],
});

const mentionTexts = (text: string, format: TextFormat) => engine.analyze(text, { format }).mentions.map((m) => m.text);
const numberTexts = (text: string, format: TextFormat) => engine.analyze(text, { format }).numbers.filter((n) => n.status !== 'ignored').map((n) => n.text);

describe('exceptions (directives)', () => {
  describe('what is still a mention and a claim', () => {
    const cases: [string, TextFormat, string, string[], string[]][] = [
      ['no directive', 'plain', 'To Lam met Sergey Lavrov; trade rose 12%.', ['To Lam', 'Sergey Lavrov'], ['12%']],
      ['plain: glossa-ignore drops a spelling, folded', 'plain', 'glossa-ignore: To Lam\nTô Lâm met Sergey Lavrov; trade rose 12%.', ['Sergey Lavrov'], ['12%']],
      ['plain: glossa-ignore lists several, any case', 'plain', 'Tô Lâm met Sergey Lavrov.\n  glossa-ignore: sergey lavrov, TO LAM  \n', [], []],
      ['plain: the directive line itself is neither mention nor claim', 'plain', 'glossa-disable-next-line Tô Lâm 15%\nSergey Lavrov said 3%.\nTo Lam said 4%.', ['To Lam'], ['4%']],
      ['plain: disable … enable', 'plain', 'To Lam said 1%.\nglossa-disable\nSergey Lavrov said 2%.\n\nTô Lâm said 3%.\nglossa-enable\nSergey Lavrov said 4%.', ['To Lam', 'Sergey Lavrov'], ['1%', '4%']],
      ['plain: disable without enable runs to the end', 'plain', 'To Lam said 1%.\nglossa-disable\nSergey Lavrov said 2%.', ['To Lam'], ['1%']],
      ['plain: a directive must start its line', 'plain', 'He wrote glossa-ignore: To Lam. To Lam said 1%.', ['To Lam', 'To Lam'], ['1%']],
      ['plain: CRLF line breaks', 'plain', 'glossa-disable-next-line\r\nSergey Lavrov said 2%.\r\nTo Lam said 4%.\r\n', ['To Lam'], ['4%']],
      ['plain: NFD text, NFC ignore list', 'plain', 'glossa-ignore: Tô Lâm\n' + 'Tô Lâm and Sergey Lavrov.'.normalize('NFD'), ['Sergey Lavrov'], []],
      ['markdown: glossa-ignore in a comment', 'markdown', '<!-- glossa-ignore: Sergey Lavrov -->\n\nTô Lâm met Sergey Lavrov.', ['Tô Lâm'], []],
      ['markdown: disable-next-line', 'markdown', '<!-- glossa-disable-next-line -->\nSergey Lavrov said 2%.\nTo Lam said 4%.', ['To Lam'], ['4%']],
      ['markdown: disable … enable across paragraphs', 'markdown', 'To Lam said 1%.\n\n<!-- glossa-disable -->\n\nSergey Lavrov said 2%.\n\n<!-- glossa-enable -->\n\nSergey Lavrov said 4%.', ['To Lam', 'Sergey Lavrov'], ['1%', '4%']],
      ['markdown: a plain-text directive line is text', 'markdown', 'glossa-ignore: To Lam\n\nTo Lam said 1%.', ['To Lam', 'To Lam'], ['1%']],
      ['markdown: a directive in a code block is none', 'markdown', '```\n<!-- glossa-disable -->\n```\n\nTo Lam said 1%.', ['To Lam'], ['1%']],
      ['markdown: after front matter, CRLF', 'markdown', '---\r\ntitle: Talks\r\n---\r\n<!-- glossa-ignore: To Lam -->\r\n\r\nTo Lam met Sergey Lavrov.\r\n', ['Sergey Lavrov'], []],
    ];
    for (const [name, format, text, mentions, numbers] of cases) {
      it(name, () => {
        assert.deepEqual(mentionTexts(text, format), mentions);
        assert.deepEqual(engine.mentions(text, { format }).map((m) => m.text), mentions);
        assert.deepEqual(numberTexts(text, format), numbers);
        assert.deepEqual(engine.numbers(text, undefined, format).filter((n) => n.status !== 'ignored').map((n) => n.text), numbers);
      });
    }
  });

  it('normalization never rewrites a disabled region or an ignored spelling', () => {
    const text = 'To Lam arrived.\n\nglossa-disable\nSergey Lavrov and To Lam, as published.\nglossa-enable\n\nglossa-disable-next-line\nTo Lam again.\nSergey Lavrov left.\nglossa-ignore: Sergey Lavrov\n';
    const edits = engine.normalize(text);
    const rewritten = edits.map((e) => text.slice(e.start, e.end));
    assert.deepEqual(rewritten, ['To Lam']);
    assert.equal(edits[0].start, 0);
    // Even with the mentions of a text that had no directives, the disabled region stays.
    const unmasked = engine.mentions(text.replace(/glossa-/g, 'glossy-'));
    assert.deepEqual(engine.normalize(text, {}, unmasked).map((e) => e.start), [0]);
  });

  it('discovery: no candidates or variants in a disabled region, none of the ignored spellings', () => {
    const text = 'glossa-ignore: Nguyen Van Phuc\nNguyen Van Phuc met Sergey Lavrof.\nglossa-disable-next-line\nTran Thi Mai met Sergey Lavrof again.\nLe Minh Khai spoke.';
    const discovery = engine.discover(text);
    assert.deepEqual(discovery.unknownNames.map((u) => u.text), ['Le Minh Khai']);
    assert.ok(discovery.variants.every((v) => v.start > text.indexOf('Nguyen Van Phuc met') && v.start < text.indexOf('Tran')));
    const ignoring = engine.discover(text.replace('glossa-ignore: Nguyen Van Phuc', 'glossa-ignore: Sergey Lavrof'));
    assert.deepEqual(ignoring.variants, []);
  });

  it('reads the ignore list and where to append to it', () => {
    const md = '---\ntitle: x\n---\n<!-- glossa-ignore: Poutine,  Mishustine -->\nText.';
    const directives = directivesOf(md, 'markdown', markupOf(md, 'markdown').directives);
    assert.equal(directives.list.length, 1);
    assert.deepEqual(directives.list[0].spellings, ['Poutine', 'Mishustine']);
    assert.equal(md.slice(0, directives.list[0].listEnd).endsWith('Mishustine'), true);
    const txt = 'glossa-ignore: Poutine\r\nText.';
    const plainDirectives = directivesOf(txt, 'plain');
    assert.equal(txt.slice(0, plainDirectives.list[0].listEnd), 'glossa-ignore: Poutine');
  });
});

describe('mayHoldDirectivesAfterEdit', () => {
  it('answers as a scan of the whole edited text does, on random edits of an article', () => {
    const rnd = random(5);
    const pieces = ['glossa-', 'glossa', '-', 'a', ' ', '\n', 'glo', 'ssa-', 'x'];
    let text = readArticle('001').text;
    let held = mayHoldDirectives(text);
    let holding = 0;
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const end = Math.min(text.length, at + (rnd() < 0.4 ? Math.floor(rnd() * 12) : 0));
      const insert = rnd() < 0.8 ? pieces[Math.floor(rnd() * pieces.length)] : '';
      text = text.slice(0, at) + insert + text.slice(end);
      const answer = mayHoldDirectivesAfterEdit(text, at, at + insert.length, held);
      assert.strictEqual(answer, mayHoldDirectives(text), `edit ${i} at ${at}`);
      held = answer;
      if (held) holding++;
      // Keep most of the run on texts without a mark, where only the window is read.
      if (held && rnd() < 0.5) {
        text = text.split('glossa-').join('glossa ');
        held = false;
      }
    }
    assert.ok(holding > 100 && holding < 2900, `${holding} texts held a mark`);
  });
});

describe('mayHoldDirectives', () => {
  it('answers as a plain search for "glossa-" does, on random texts of near misses and on an article', () => {
    const rnd = random(8);
    const pieces = ['glossa-', 'glossa', 'Glossa-', 'GLOSSA-', 'gglossa-', 'glossa—', 'lossa-', 'g', '-', ' ', 'Việt', '\n'];
    let marked = 0;
    for (let i = 0; i < 2000; i++) {
      const parts: string[] = [];
      for (let k = Math.floor(rnd() * 8); k > 0; k--) parts.push(pieces[Math.floor(rnd() * pieces.length)]);
      const text = parts.join('');
      assert.strictEqual(mayHoldDirectives(text), text.includes('glossa-'), JSON.stringify(text));
      if (text.includes('glossa-')) marked++;
    }
    assert.ok(marked > 100, `${marked} texts held a mark`);
    const article = readArticle('001').text;
    for (const text of [article, `${article}glossa-`, `glossa-${article}`, article.replace(/ /g, '-')]) assert.strictEqual(mayHoldDirectives(text), text.includes('glossa-'));
  });
});
