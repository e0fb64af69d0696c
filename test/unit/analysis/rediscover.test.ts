// The editor's re-discovery after an edit (src/core/analysis/rediscover.ts) against a full
// discovery, on the real articles with random edits that type names the glossary does not
// know, their variants, sentence-initial words, acronyms and lower-case words.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFully, Engine, parseGlossary, reanalyze, rediscover, type ChangeWindow, type DiscoveryState } from '../../../src/core';
import { random, readArticle, repoRoot } from '../support';

const ARTICLES = ['000', '001', '002', '003', '004'];
const fixture = (name: string) => ({ file: name, text: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', name), 'utf8') });

const INSERTS = [
  'x',
  ' ',
  'Serguei Lavrov ',
  'Nguyen Phu Trong ',
  'Lavorv ',
  'Reflecting ',
  'reflecting ',
  'BRICS ',
  'Sergey Lavrov ',
  '\n',
  '\n\n',
  'Mikhail Mishustine',
  'the Moscow State University ',
  'Hanoi ',
  'in Hanoi',
];

function edit(text: string, rnd: () => number, from = 0): { text: string; change: ChangeWindow } {
  const at = from + Math.floor(rnd() * (text.length - from + 1));
  const remove = rnd() < 0.4 ? Math.floor(rnd() * 20) : 0;
  const insert = rnd() < 0.85 ? INSERTS[Math.floor(rnd() * INSERTS.length)] : '';
  const end = Math.min(text.length, at + remove);
  return { text: text.slice(0, at) + insert + text.slice(end), change: { start: at, oldEnd: end, newEnd: at + insert.length } };
}

describe('re-discovery after an edit', () => {
  let engine: Engine;
  before(() => {
    engine = new Engine(parseGlossary([fixture('glossary.yaml')]));
  });

  it('equals a full discovery after each of 500 random edits when it says it is exact, carrying its statistics from edit to edit', () => {
    const rnd = random(5);
    let exact = 0;
    let inexact = 0;
    let changed = 0;
    for (const name of ARTICLES) {
      let text = readArticle(name).text;
      let analysis = engine.analyze(text);
      let state: DiscoveryState = discoverFully(engine, text, analysis.mentions, 'plain');
      for (let i = 0; i < 100; i++) {
        const next = edit(text, rnd);
        const result = reanalyze(engine, analysis, next.text, next.change, undefined, undefined, { format: 'plain', previousText: text });
        const fullAnalysis = engine.analyze(next.text);
        const full = engine.discover(next.text, fullAnalysis.mentions);
        if (JSON.stringify(full) !== JSON.stringify(state.discovery)) changed++;
        const again = result?.exact ? rediscover(engine, state, text, next.text, result.region, next.change.newEnd - next.change.oldEnd, result.analysis.mentions, 'plain') : undefined;
        if (again?.exact) {
          exact++;
          assert.deepStrictEqual(again.discovery, full, `${name}, edit ${i}: ${JSON.stringify(next.change)}`);
          state = again;
        } else {
          inexact++;
          state = discoverFully(engine, next.text, fullAnalysis.mentions, 'plain');
        }
        text = next.text;
        analysis = fullAnalysis;
      }
    }
    assert.ok(exact > inexact * 2, `${exact} exact, ${inexact} not`);
    assert.ok(changed > 100, `only ${changed} edits changed the discovery`);
  });

  it('in Markdown: equals a full discovery after random edits when it says it is exact (markup and directives read in the whole text)', () => {
    const rnd = random(9);
    const article = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'markup', 'article.md'), 'utf8');
    // Without its fenced code and definitions, edited in its body (as the incremental re-analysis test of Markdown): the re-analysis is then mostly local.
    const prose = article.replace(/```[\s\S]*?```\n/, '').replace(/\n\[[^\]]+\]: .*/g, '');
    const from = prose.indexOf('# ');
    let exact = 0;
    let text = prose;
    let analysis = engine.analyze(text, { format: 'markdown' });
    let state: DiscoveryState = discoverFully(engine, text, analysis.mentions, 'markdown');
    for (let i = 0; i < 150; i++) {
      const next = edit(text, rnd, from);
      const result = reanalyze(engine, analysis, next.text, next.change, undefined, undefined, { format: 'markdown', previousText: text });
      const fullAnalysis = engine.analyze(next.text, { format: 'markdown' });
      const again = result?.exact ? rediscover(engine, state, text, next.text, result.region, next.change.newEnd - next.change.oldEnd, result.analysis.mentions, 'markdown') : undefined;
      if (again?.exact) {
        exact++;
        assert.deepStrictEqual(again.discovery, engine.discover(next.text, fullAnalysis.mentions, undefined, 'markdown'), `edit ${i}: ${JSON.stringify(next.change)}`);
        state = again;
      } else {
        state = discoverFully(engine, next.text, fullAnalysis.mentions, 'markdown');
      }
      text = next.text;
      analysis = fullAnalysis;
    }
    assert.ok(exact > 30, `${exact} exact`);
  });

  it('is inexact when a lower-case word typed in one paragraph makes a sentence-initial word elsewhere common', () => {
    const text = 'Reflecting Hanoi and Moscow, Vu Van Ninh spoke.\n\nHe spoke again.\n';
    const analysis = engine.analyze(text);
    const state = discoverFully(engine, text, analysis.mentions, 'plain');
    assert.ok(state.discovery.unknownNames.some((u) => u.text.startsWith('Reflecting')), JSON.stringify(state.discovery));
    const at = text.indexOf('again');
    const next = `${text.slice(0, at)}reflecting ${text.slice(at)}`;
    const change = { start: at, oldEnd: at, newEnd: at + 'reflecting '.length };
    const result = reanalyze(engine, analysis, next, change, undefined, undefined, { format: 'plain', previousText: text })!;
    const again = rediscover(engine, state, text, next, result.region, change.newEnd - change.oldEnd, result.analysis.mentions, 'plain');
    assert.ok(again && !again.exact, 'the first paragraph changes although the edit is in the second');
    assert.ok(!engine.discover(next, engine.mentions(next)).unknownNames.some((u) => u.text.startsWith('Reflecting')));
  });

  it('does not build twice on one state: its statistics are taken over', () => {
    const text = readArticle('001').text;
    const analysis = engine.analyze(text);
    const state = discoverFully(engine, text, analysis.mentions, 'plain');
    const next = `${text} x`;
    const change = { start: text.length, oldEnd: text.length, newEnd: next.length };
    const result = reanalyze(engine, analysis, next, change)!;
    assert.ok(rediscover(engine, state, text, next, result.region, 2, result.analysis.mentions, 'plain'));
    assert.strictEqual(rediscover(engine, state, text, next, result.region, 2, result.analysis.mentions, 'plain'), undefined);
  });
});
