// The incremental re-analysis (src/core/analysis/incremental.ts) against a full analysis,
// on the real articles with many random edits: typed words, names, numbers,
// deleted spans and paragraph breaks, one by one and several merged.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, mergeWindows, parseGlossary, parseLedger, reanalyze, type Analysis, type ChangeWindow } from '../../../src/core';
import { blockStart } from '../../../src/core/analysis/incremental';
import { textFactsOf } from '../../../src/core/analysis/textFacts';
import { random, readArticle, repoRoot } from '../support';

/** The articles the editor's tests open, by their number in the shared corpus. */
const ARTICLES = ['000', '001', '002', '003', '004'];
const fixture = (name: string) => ({ file: name, text: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', name), 'utf8') });

const INSERTS = ['x', ' ', 'Sergey Lavrov ', 'Son ', 'Lavrov', 'Bui Thanh Son', 'USD 5 billion ', '12%', '\n', '\n\n', 'Deputy Prime Minister ', 'Tô Lâm', 'Việt Nam', ' bilateral trade reached $4.15 billion.'];

function edit(text: string, rnd: () => number): { text: string; change: ChangeWindow } {
  const at = Math.floor(rnd() * (text.length + 1));
  const remove = rnd() < 0.4 ? Math.floor(rnd() * 20) : 0;
  const insert = rnd() < 0.8 ? INSERTS[Math.floor(rnd() * INSERTS.length)] : '';
  const end = Math.min(text.length, at + remove);
  return { text: text.slice(0, at) + insert + text.slice(end), change: { start: at, oldEnd: end, newEnd: at + insert.length } };
}

/** `insert` at the start of a random line. */
function insertAtLineStart(text: string, insert: string, rnd: () => number): { text: string; change: ChangeWindow } {
  const at = text.lastIndexOf('\n', Math.floor(rnd() * text.length)) + 1;
  return { text: text.slice(0, at) + insert + text.slice(at), change: { start: at, oldEnd: at, newEnd: at + insert.length } };
}

const plain = (a: Analysis) => JSON.stringify(a);

describe('incremental re-analysis', () => {
  let engine: Engine;
  before(() => {
    engine = new Engine(parseGlossary([fixture('glossary.yaml')]), parseLedger([fixture('facts.yaml')]));
  });

  it('equals a full analysis after each of 600 random edits when it says it is exact', () => {
    const rnd = random(42);
    let exact = 0;
    let inexact = 0;
    for (const name of ARTICLES) {
      let text = readArticle(name).text;
      let previous = engine.analyze(text);
      for (let i = 0; i < 120; i++) {
        const next = edit(text, rnd);
        const result = reanalyze(engine, previous, next.text, next.change);
        const full = engine.analyze(next.text);
        if (result?.exact) {
          exact++;
          assert.strictEqual(plain(result.analysis), plain(full), `${name}, edit ${i}: ${JSON.stringify(next.change)}`);
        } else {
          inexact++;
        }
        text = next.text;
        previous = full;
      }
    }
    assert.ok(exact > inexact * 3, `${exact} exact, ${inexact} not`);
  });

  it('with directives: an edit that adds or removes one is never taken as exact unless it equals a full analysis', () => {
    const rnd = random(11);
    const directiveInserts = ['glossa-disable\n', 'glossa-enable\n', 'glossa-disable-next-line\n', 'glossa-ignore: Lavrov, To Lam\n', 'glossa-'];
    let checked = 0;
    for (const name of ARTICLES.slice(0, 2)) {
      let text = `glossa-ignore: Sergey Lavrov\n${readArticle(name).text}`;
      let previous = engine.analyze(text);
      for (let i = 0; i < 60; i++) {
        const next = i % 2 === 0 ? edit(text, rnd) : insertAtLineStart(text, directiveInserts[Math.floor(rnd() * directiveInserts.length)], rnd);
        const result = reanalyze(engine, previous, next.text, next.change, undefined, undefined, { format: 'plain', previousText: text });
        const full = engine.analyze(next.text);
        if (result?.exact) assert.strictEqual(plain(result.analysis), plain(full), `${name}, edit ${i}: ${JSON.stringify(next.change)}`);
        if (plain(previous) !== plain(full) && i % 2 === 1) checked++;
        text = next.text;
        previous = full;
      }
    }
    // The directive edits did change the analysis beyond their window: the test exercised something.
    assert.ok(checked > 5, `${checked} directive edits changed the analysis`);
  });

  it('in a text without directives, typing one is never taken as exact unless it equals a full analysis', () => {
    const rnd = random(23);
    const directives = ['glossa-disable\n', 'glossa-disable-next-line\n', 'glossa-ignore: Lavrov, To Lam\n'];
    let changed = 0;
    for (const name of ARTICLES.slice(0, 3)) {
      const original = readArticle(name).text;
      const previous = engine.analyze(original);
      for (let i = 0; i < 20; i++) {
        const next = insertAtLineStart(original, directives[i % directives.length], rnd);
        const result = reanalyze(engine, previous, next.text, next.change, undefined, undefined, { format: 'plain', previousText: original });
        const full = engine.analyze(next.text);
        if (result?.exact) assert.strictEqual(plain(result.analysis), plain(full), `${name}, edit ${i}: ${JSON.stringify(next.change)}`);
        else if (plain(previous) !== plain(full)) changed++;
        // And the edit after it, in a text that now holds one, is read with it.
        const again = edit(next.text, rnd);
        const second = reanalyze(engine, result?.exact ? result.analysis : full, again.text, again.change, undefined, undefined, { format: 'plain', previousText: next.text });
        if (second?.exact) assert.strictEqual(plain(second.analysis), plain(engine.analyze(again.text)), `${name}, edit ${i} then ${JSON.stringify(again.change)}`);
      }
    }
    assert.ok(changed > 5, `${changed} typed directives changed the analysis`);
  });

  it('reads the mentions before a window once while the edits stay in it, and equals a full analysis each time', () => {
    // Each edit re-analyses the last result, as the editor does while the user types. The edits stay in a few
    // paragraphs: the next keystroke there takes where the entities before it were fully mentioned from the one
    // before; names typed in an earlier paragraph must change it.
    const rnd = random(11);
    let reused = 0;
    let compared = 0;
    for (const name of ARTICLES) {
      let text = readArticle(name).text;
      let previous = engine.analyze(text);
      let at = 0;
      for (let i = 0; i < 150; i++) {
        // Mostly right after the last edit; now and then somewhere else (often earlier, where a name may be typed).
        if (i % 10 === 0) at = Math.floor(rnd() * text.length);
        const insert = INSERTS[Math.floor(rnd() * INSERTS.length)];
        const next = { text: text.slice(0, at) + insert + text.slice(at), change: { start: at, oldEnd: at, newEnd: at + insert.length } };
        const known = textFactsOf(previous)?.fullyMentionedBefore;
        const result = reanalyze(engine, previous, next.text, next.change);
        const full = engine.analyze(next.text);
        text = next.text;
        at += insert.length;
        if (!result?.exact) {
          previous = full;
          continue;
        }
        compared++;
        assert.strictEqual(plain(result.analysis), plain(full), `${name}, edit ${i}: ${JSON.stringify(next.change)}`);
        if (known && textFactsOf(result.analysis)?.fullyMentionedBefore === known) reused++;
        previous = result.analysis;
      }
    }
    assert.ok(compared > 300, `${compared} exact re-analyses compared`);
    assert.ok(reused > compared / 2, `${reused} of ${compared} re-analyses took the entities before their window from the one before`);
  });

  it('starts a window past as many blank lines above the edit as asked (any text, any offset)', () => {
    // Against a reading of the text's lines: the line holding the offset, then up past `count` lines of spaces,
    // tabs, CRs and no-break spaces (or to the start).
    const reference = (text: string, offset: number, count: number): number => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      let blanks = 0;
      for (let j = line - 1; j >= 0; j--) {
        if (/^[ \t\r\u00a0]*$/.test(text.slice(starts[j], starts[j + 1] - 1)) && ++blanks >= count) return starts[j + 1];
      }
      return 0;
    };
    const rnd = random(5);
    const pieces = ['', ' ', '\t', '\r', '\u00a0', 'Tô Lâm', 'a b', ' x '];
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pieces[Math.floor(rnd() * pieces.length)]);
      const text = lines.join('\n');
      for (let offset = 0; offset <= text.length; offset++) {
        for (const count of [1, 2, 3]) assert.strictEqual(blockStart(text, offset, count), reference(text, offset, count), `${JSON.stringify(text)} at ${offset}, ${count} blank lines`);
      }
    }
  });

  it('merges several edits into one window', () => {
    const rnd = random(7);
    for (const name of ARTICLES) {
      const original = readArticle(name).text;
      const previous = engine.analyze(original);
      for (let round = 0; round < 30; round++) {
        let text = original;
        let window: ChangeWindow | undefined;
        for (let k = 0; k < 3; k++) {
          const next = edit(text, rnd);
          window = mergeWindows(window, next.change);
          text = next.text;
        }
        const result = reanalyze(engine, previous, text, window!);
        if (result?.exact) assert.strictEqual(plain(result.analysis), plain(engine.analyze(text)), `${name}, round ${round}`);
      }
    }
  });
});
