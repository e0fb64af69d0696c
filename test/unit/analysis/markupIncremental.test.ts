// The editor's re-analysis of the paragraphs around an edit (src/core/analysis/incremental.ts,
// plain data) on a Markdown article: after random edits that open and close code
// fences, comments, links and lists, an exact re-analysis equals a full one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, parseGlossary, parseLedger, reanalyze, type Analysis, type ChangeWindow } from '../../../src/core';
import { random, repoRoot } from '../support';

const read = (...parts: string[]) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', ...parts), 'utf8');

/** Words, names, numbers and the Markdown that stays within its blocks: links, code spans, emphasis, lists, quotes, indentation. */
const LOCAL_INSERTS = [
  'x', ' ', 'Sergei Lavrov ', 'To Lam', '\n', '\n\n', '`', '<b>', '</b>', '[', '](https://x.vn/To_Lam)', '[To Lam]', '    ', '> ', '- ', '1. ', '# ', '*',
  '===\n', 'USD 5 billion ', '12%', 'www.x.vn/Son ', '\\',
];
/** And what can change the markup far away: fences, comments, raw HTML, definitions, front matter. */
const ALL_INSERTS = [...LOCAL_INSERTS, '```\n', '~~~', '<!--', '-->', ']', '[to lam]: https://x.vn\n', '---\n', '<pre>', '</pre>'];

/** A random edit at or after `from`. */
function edit(text: string, rnd: () => number, inserts: readonly string[], from: number): { text: string; change: ChangeWindow } {
  const at = from + Math.floor(rnd() * (text.length - from + 1));
  const remove = rnd() < 0.4 ? Math.floor(rnd() * 20) : 0;
  const insert = rnd() < 0.8 ? inserts[Math.floor(rnd() * inserts.length)] : '';
  const end = Math.min(text.length, at + remove);
  return { text: text.slice(0, at) + insert + text.slice(end), change: { start: at, oldEnd: end, newEnd: at + insert.length } };
}

const plain = (a: Analysis) => JSON.stringify(a);

describe('incremental re-analysis of Markdown', function () {
  this.timeout(120000);
  const engine = new Engine(parseGlossary([{ file: 'glossary.yaml', text: read('corpus', 'glossary.yaml') }]), parseLedger([{ file: 'facts.yaml', text: read('corpus', 'facts.yaml') }]));
  const article = read('markup', 'article.md');
  // The article without its fenced code and definitions: the re-analysis then parses only around the edit.
  const prose = article.replace(/```[\s\S]*?```\n/, '').replace(/\n\[[^\]]+\]: .*/g, '');

  const cases = [
    // Far-reaching markup makes most re-analyses inexact (a full analysis follows); those that say they are exact must be.
    { title: 'an article with front matter, code and definitions, and edits of any markup anywhere', text: article, inserts: ALL_INSERTS, from: 0, minExact: 0 },
    // Edits of the body only: a broken front matter would stay broken, and every later re-analysis inexact.
    { title: 'an article with front matter, links, HTML, lists and quotes, and edits of its body that keep markup local', text: prose, inserts: LOCAL_INSERTS, from: prose.indexOf('# '), minExact: 150 },
  ];
  for (const { title, text: first, inserts, from, minExact } of cases) {
    it(`equals a full analysis after each of 400 random edits when it says it is exact: ${title}`, () => {
      const rnd = random(7);
      let exact = 0;
      let text = first;
      let previous = engine.analyze(text, { format: 'markdown' });
      for (let i = 0; i < 400; i++) {
        const next = edit(text, rnd, inserts, from);
        const result = reanalyze(engine, previous, next.text, next.change, undefined, undefined, { format: 'markdown', previousText: text });
        const full = engine.analyze(next.text, { format: 'markdown' });
        if (result?.exact) {
          exact++;
          assert.equal(plain(result.analysis), plain(full), `edit ${i}: ${JSON.stringify(next.change)} in ${JSON.stringify(next.text)}`);
        }
        text = next.text;
        previous = full;
      }
      assert.ok(exact >= minExact, `only ${exact} of 400 re-analyses were exact`);
    });
  }
});
