// The number finder's shortcuts (a word told apart by the hash of its lower case before it is
// built) against the straightforward lookups they stand for: the qualifier before a claim and the
// spelled-out number at an anchor, on random texts of the very words, their near misses, in every
// case, and on the corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNumbers } from '../../../src/core/numbers/finder';
import { qualifierBefore } from '../../../src/core/numbers/phrases';
import { isAsciiLetter, spacesBefore } from '../../../src/core/numbers/scan';
import { readSpelled } from '../../../src/core/numbers/spelled';
import { QUALIFIERS, TWO_WORD_QUALIFIERS, WORDS } from '../../../src/core/numbers/words';
import { isWordCode } from '../../../src/core/text/chars';
import { corpusDir, random } from '../support';

/** The qualifier before `start` as the finder read it before its shortcut: every word built and looked up. */
function plainQualifierBefore(t: string, start: number): string | null {
  const wordBefore = (end: number): [number, string] | null => {
    let p = end;
    while (p > 0 && end - p <= 16 && isAsciiLetter(t.charCodeAt(p - 1))) p--;
    if (p === end || (p > 0 && isWordCode(t.charCodeAt(p - 1)))) return null;
    return [p, t.slice(p, end).toLowerCase()];
  };
  const p = spacesBefore(t, start);
  if (p === start) return null;
  const w1 = wordBefore(p);
  if (w1 === null) return null;
  if (QUALIFIERS.has(w1[1])) return w1[1];
  const firsts = TWO_WORD_QUALIFIERS.get(w1[1]);
  if (firsts === undefined) return null;
  const q = spacesBefore(t, w1[0]);
  if (q === w1[0]) return null;
  const w0 = wordBefore(q);
  return w0 !== null && firsts.includes(w0[1]) ? `${w0[1]} ${w1[1]}` : null;
}

/** Is the ASCII word around `i` a spelled-out number word (looked up the straightforward way)? */
function isSpelledWordAt(t: string, i: number): boolean {
  let ws = i;
  while (ws > 0 && isAsciiLetter(t.charCodeAt(ws - 1))) ws--;
  let we = i;
  while (we < t.length && isAsciiLetter(t.charCodeAt(we))) we++;
  return WORDS.get(t.slice(ws, we).toLowerCase())?.spelled !== undefined;
}

const NEAR_MISSES = ['city', 'party', 'often', 'tenant', 'hundreds', 'sixtyish', 'Thousands', 'nearlyy', 'aboutt', 'than', 'more', 'less', 'up', 'to', 'overall', 'Ove', 'Some', 'tens', 'teens', 'eleventy', 'million', 'Việt', 'đến'];

function variants(word: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.3) return word.toUpperCase();
  if (r < 0.6) return word[0].toUpperCase() + word.slice(1);
  return word;
}

function randomText(rnd: () => number): string {
  const vocabulary = [...WORDS.keys(), ...QUALIFIERS, ...TWO_WORD_QUALIFIERS.keys(), ...[...TWO_WORD_QUALIFIERS.values()].flat(), ...NEAR_MISSES, '12', '4.5', '1,000', '$3', '75th'];
  const separators = [' ', ' ', ' ', '-', '  ', ', ', '\n', ' and '];
  const parts: string[] = [];
  for (let i = 0; i < 300; i++) parts.push(variants(vocabulary[Math.floor(rnd() * vocabulary.length)], rnd), separators[Math.floor(rnd() * separators.length)]);
  return parts.join('');
}

function texts(): string[] {
  const rnd = random(11);
  const out = Array.from({ length: 40 }, () => randomText(rnd));
  for (const file of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) out.push(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
  return out;
}

describe('number finder shortcuts', () => {
  it('read the qualifier before every position as the straightforward lookup does', () => {
    let qualified = 0;
    for (const text of texts()) {
      for (let i = 0; i <= text.length; i++) {
        const fast = qualifierBefore(text, i);
        assert.equal(fast, plainQualifierBefore(text, i), `${JSON.stringify(text.slice(Math.max(0, i - 30), i))}|`);
        if (fast !== null) qualified++;
      }
    }
    assert.ok(qualified > 300, `${qualified} qualifiers`);
  });

  it('read a spelled-out number at every letter where the word is one, and none where it is not', () => {
    let numbers = 0;
    for (const text of texts()) {
      for (let i = 0; i < text.length; i++) {
        if (!isAsciiLetter(text.charCodeAt(i))) continue;
        const read = readSpelled(text, i, 0);
        if (!isSpelledWordAt(text, i)) assert.equal(read.found, false, `${JSON.stringify(text.slice(i - 10, i + 10))}`);
        else if (read.found) numbers++;
      }
    }
    assert.ok(numbers > 1000, `${numbers} spelled-out numbers`);
    // Every spelled-out word of ten and more is read on its own, in every case the finder reads.
    for (const [word, info] of WORDS) {
      if (info.spelled === undefined || info.spelled.value < 10) continue;
      // A scale word is read from the unit before it ("two hundred").
      const scaled = info.spelled.role === 'hundred' || info.spelled.role === 'scale';
      if (scaled && info.spelled.ordinal) continue; // "two millionth": no anchor of the finder's scan ends a scale's ordinal.
      for (const written of scaled ? [`two ${word}`] : [word, word[0].toUpperCase() + word.slice(1)]) {
        const [n] = findNumbers(`They counted ${written} of them.`);
        assert.equal(n?.text, written, written);
        assert.equal(n.value, (scaled ? 2 : 1) * info.spelled.value, written);
      }
    }
  });
});
