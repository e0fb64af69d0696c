import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONNECTORS, mergeWordStats, newWordStats, scanText, wordHash, WordHashes, type Scan } from '../../../src/core/discovery/scan';
import { isAllCaps, isWordCode } from '../../../src/core/text/chars';
import { fold } from '../../../src/core/text/fold';
import { isInUrlOrFileName, tokenAround } from '../../../src/core/text/tokens';
import { FUNCTION_WORDS } from '../../../src/core/text/wordLists';
import { corpusDir } from '../support';

// A straightforward scan, written from the rules with strings, regular expressions and Sets, one token at a
// time: the optimised `scanText` must say exactly what it says.

interface Token {
  start: number;
  end: number;
  text: string;
  kind: 'upper' | 'lower' | 'other';
}

const JOINERS = "'’-‐‑";

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < text.length) {
      if (isWordCode(text.charCodeAt(i))) i++;
      else if (JOINERS.includes(text[i]) && i + 1 < text.length && isWordCode(text.charCodeAt(i + 1)) && !/[0-9]/.test(text[i + 1])) i++;
      else break;
    }
    let end = i;
    if (end - start > 2 && /['’][sS]$/.test(text.slice(start, end))) end -= 2;
    const first = text[start];
    const kind = /[\p{Lu}\p{Lt}]/u.test(first) ? 'upper' : /\p{Ll}/u.test(first) ? 'lower' : 'other';
    out.push({ start, end, text: text.slice(start, end), kind });
  }
  return out;
}

function keyOf(word: string): string {
  return /[^\x00-\x7f]/.test(word) ? fold(word.normalize('NFC')).toLowerCase() : word.toLowerCase();
}

const horizontal = (s: string): boolean => /^[ \t\u00a0\u202f]+$/.test(s);

function sentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  if (k >= 1 && text[k] === ' ' && isWordCode(text.charCodeAt(k - 1))) return false;
  while (k >= 0 && ' \t\u00a0"“‘\'([*_#>«„'.includes(text[k])) k--;
  if (k < 0) return true;
  if ('\n\r.!?:|—–•'.includes(text[k])) return true;
  return text[k] === '-' && k < start - 1 && (k === 0 || /\s/.test(text[k - 1]));
}

function gluedToUrlish(text: string, start: number, end: number): boolean {
  const urlish = './@:_\\=?&#%~';
  if (end + 1 < text.length && urlish.includes(text[end]) && (isWordCode(text.charCodeAt(end + 1)) || text[end + 1] === '/')) return true;
  return start >= 2 && urlish.includes(text[start - 1]) && !' \n\t\r'.includes(text[start - 2]);
}

type Word = [start: number, end: number, key: string, flags: number];

interface Plain {
  lower: number[];
  caps: [string, number][];
  midCapital: [string, number][];
  runs: { place: boolean; words: Word[] }[];
}

function referenceScan(text: string): Plain {
  const lower = new Set<number>();
  const caps = new Map<string, number>();
  const midCapital = new Map<string, number>();
  const runs: Plain['runs'] = [];
  let lineWords: number[] = [];
  let lineStart = 0;
  let run: { place: boolean; words: Word[] } | undefined;
  let pending: Word[] = [];
  let lastEnd = 0;
  let lastLower: Token | undefined;
  let at = 0;
  const endRun = (): void => {
    if (run) {
      const [first] = run.words;
      const initial = (first[3] & 2) !== 0;
      if (run.words.length === 1 && !initial) midCapital.set(first[2], (midCapital.get(first[2]) ?? 0) + 1);
      if (!(run.words.length === 1 && initial && FUNCTION_WORDS.has(first[2]))) runs.push(run);
    }
    run = undefined;
    pending = [];
  };
  for (const t of tokensOf(text)) {
    // The lower-case words of a line count once the line is over (unless it proves to be a file name).
    const newline = text.slice(at, t.start).lastIndexOf('\n');
    if (newline >= 0) {
      for (const h of lineWords) lower.add(h);
      lineWords = [];
      lineStart = at + newline + 1;
    }
    at = t.end;
    if (t.kind !== 'other' && gluedToUrlish(text, t.start, t.end) && isInUrlOrFileName(text, t.start, t.end)) {
      endRun();
      if (/\.[a-z0-9]{2,5}$/i.test(tokenAround(text, t.start, t.end)) && !/[,;!?]|\.\s/.test(text.slice(lineStart, t.start))) lineWords = [];
    } else if (t.kind === 'lower') {
      lineWords.push(wordHash(keyOf(t.text)));
      if (run) {
        if (t.text.length <= 3 && horizontal(text.slice(lastEnd, t.start)) && CONNECTORS.has(t.text)) pending.push([t.start, t.end, t.text, 1]);
        else endRun();
      }
      lastLower = t;
    } else if (t.kind === 'other') {
      endRun();
    } else {
      const key = keyOf(t.text);
      const shortCaps = t.text.length >= 2 && t.text.length <= 5 && isAllCaps(t.text);
      if (shortCaps) caps.set(fold(t.text), (caps.get(fold(t.text)) ?? 0) + 1);
      const flags = (sentenceStart(text, t.start) ? 2 : 0) | (shortCaps ? 4 : 0);
      if (run && horizontal(text.slice(lastEnd, t.start))) {
        run.words.push(...pending);
        pending = [];
      } else {
        endRun();
        const place = lastLower !== undefined && lastLower.text.length <= 4 && horizontal(text.slice(lastLower.end, t.start)) && ['in', 'from', 'to'].includes(lastLower.text.toLowerCase());
        run = { place, words: [] };
      }
      run.words.push([t.start, t.end, key, flags]);
    }
    lastEnd = t.end;
  }
  endRun();
  for (const h of lineWords) lower.add(h);
  return { lower: [...lower].sort((a, b) => a - b), caps: [...caps].sort(byKey), midCapital: [...midCapital].sort(byKey), runs };
}

const byKey = (a: [string, number], b: [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function plainOf(scan: Scan): Plain {
  const { runs: r, stats } = scan;
  const W = r.words;
  const runs: Plain['runs'] = [];
  for (let k = 0; k < r.count; k++) {
    const words: Word[] = [];
    for (let j = r.first[k]; j < r.end[k]; j++) words.push([W.start[j], W.end[j], W.key[j], W.flags[j]]);
    runs.push({ place: r.afterPlacePreposition[k] === 1, words });
  }
  return { lower: [...stats.lower].sort((a, b) => a - b), caps: [...stats.caps].sort(byKey), midCapital: [...stats.midCapital].sort(byKey), runs };
}

// A seeded generator, so that a failure can be replayed.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'the', 'of', 'and', 'for', 'de', 'van', 'al', 'bin', 'in', 'from', 'to', 'In', 'From', 'iN', 'fROM', 'said', 'minister', 'politically', 'reflecting',
  'The', 'In', 'Reflecting', 'Politically', 'National', 'Assembly', 'Sergey', 'Lavrov', 'Tô', 'Lâm', 'Trần', 'Hồng', 'Hà', 'Nguyễn', 'Việt', 'Nam',
  'VNA', 'BTV', 'USD', 'TÔ', 'LÂM', 'NATO', 'O’Brien', "O'Neil", 'Jean-Pierre', 'Putin’s', "Lavrov's", 'COVID-19', 'sci-tech', 'đường', 'phố', 'ĐÀ',
  'T\u00f4', 'To\u0302', 'La\u0302m', 'Ho\u0300ng', '2024', '4.58', '1,6', 'x', 'A', 'I', 'İn', 'ſo', 'Ǆemal', 'ǅemal', '\ud835\udc00bc',
  'vietnamnews.vn', 'https://x.vn/Tô_Lâm', 'mail@vna.vn', 'anh dai dien 1826.jpg', 'photo.png', 'www.Example.com/To', 'a_b', 'Dr', 'Mr.',
];
const GAPS = [' ', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\u202f', ', ', '. ', '.', ': ', '; ', '! ', '? ', ' - ', ' — ', ' | ', '\n', '\r\n', '\n\n', ' (', ') ', ' "', '" ', ' “', '” ', ' ‘', ' «', '» ', ' [', '] ', ' *', '* ', ' _', ' #', '> ', '/', '-', "'", '’', '•', '_', '@', '='];

function randomText(next: () => number, words: number): string {
  let out = '';
  for (let k = 0; k < words; k++) out += PIECES[Math.floor(next() * PIECES.length)] + GAPS[Math.floor(next() * GAPS.length)];
  return out;
}

function corpusTexts(): string[] {
  if (!fs.existsSync(corpusDir)) return [];
  return fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
}

describe('discovery scan (scanText)', () => {
  it('finds the same runs and word statistics as a straightforward scan, on random text', () => {
    const next = random(10);
    for (let k = 0; k < 400; k++) {
      const text = randomText(next, 5 + Math.floor(next() * 120));
      assert.deepEqual(plainOf(scanText(text)), referenceScan(text), JSON.stringify(text));
    }
  });

  it('finds the same as a straightforward scan on the real corpus, also in NFD and with CRLF line ends', () => {
    const texts = corpusTexts();
    assert.ok(texts.length > 0, `no corpus in ${corpusDir}`);
    for (const text of texts) {
      for (const variant of [text, text.normalize('NFD'), text.replace(/\n/g, '\r\n')]) {
        assert.deepEqual(plainOf(scanText(variant)), referenceScan(variant));
      }
    }
  });

  it('gives the same statistics without the runs, and runs that do not depend on the scan before', () => {
    const next = random(11);
    const texts = [...corpusTexts(), ...Array.from({ length: 50 }, () => randomText(next, 200))];
    for (const text of texts) {
      const withRuns = plainOf(scanText(text));
      const statsOnly = plainOf(scanText(text, false));
      assert.deepEqual(statsOnly, { ...withRuns, runs: [] });
      // A longer text in between grows the scratch arrays; the runs come out the same.
      scanText(text + text + text);
      assert.deepEqual(plainOf(scanText(text)), withRuns);
    }
  });

  it('counts names right when thousands of different ones pass through its cache of capitalised words', () => {
    const next = random(13);
    const name = (k: number): string => `N${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + ((k / 26) | 0) % 26)}${k.toString(36)}`;
    let text = '';
    // Twenty thousand names mid-sentence, a few of them often; one name of the few recurs at the very end.
    for (let k = 0; k < 20_000; k++) text += `met ${name(next() < 0.3 ? Math.floor(next() * 20) : Math.floor(next() * 15_000))} today, ${next() < 0.5 ? "Tô Lâm" : "VNA"} said, `;
    text += `met ${name(3)}`;
    assert.deepEqual(plainOf(scanText(text)), referenceScan(text));
    assert.deepEqual(plainOf(scanText(text, false)).midCapital, referenceScan(text).midCapital);
  });

  it('leaves out the lower-case words of a line that is a file name, and only those', () => {
    const scan = scanText('the minister spoke\n30 06 2023 khanh thanh tuong 333.jpg\nkhanh came');
    const lower = new Set(scan.stats.lower);
    for (const w of ['the', 'minister', 'spoke', 'khanh', 'came']) assert.ok(lower.has(wordHash(w)), w);
    for (const w of ['thanh', 'tuong']) assert.ok(!lower.has(wordHash(w)), w);
  });
});

describe('WordHashes', () => {
  it('has, adds, deletes and counts as a Set of the same hashes does, through growth and deletion in clusters', () => {
    const next = random(12);
    const set = new Set<number>();
    const hashes = new WordHashes(4);
    // Few distinct values, so that adds and deletes hit the same clusters often.
    const pool = Array.from({ length: 3000 }, () => Math.floor(next() * 2 ** 30));
    for (let k = 0; k < 40_000; k++) {
      const h = pool[Math.floor(next() * (k < 20_000 ? pool.length : 300))];
      const op = next();
      if (op < 0.55) assert.equal(hashes.add(h), !set.has(h));
      else if (op < 0.8) assert.equal(hashes.delete(h), set.has(h));
      else assert.equal(hashes.has(h), set.has(h));
      if (op < 0.55) set.add(h);
      else if (op < 0.8) set.delete(h);
      assert.equal(hashes.size, set.size);
    }
    for (const h of pool) assert.equal(hashes.has(h), set.has(h));
    assert.deepEqual([...hashes].sort((a, b) => a - b), [...set].sort((a, b) => a - b));
  });

  it('knows no value that is not a word hash, and refuses to add one', () => {
    const hashes = new WordHashes();
    hashes.add(0);
    hashes.add(2 ** 30 - 1);
    assert.ok(hashes.has(0) && hashes.has(2 ** 30 - 1));
    for (const v of [-1, 2 ** 30, 0.5, NaN]) {
      assert.equal(hashes.has(v), false);
      assert.equal(hashes.delete(v), false);
      assert.throws(() => hashes.add(v), RangeError);
    }
  });

  it('merges word statistics: the union of the lower-case words, the counts added', () => {
    const a = scanText('the minister met VNA reporters in Hanoi, said Lavrov.').stats;
    const b = scanText('reporters of VNA met the press in Hanoi, said Tô Lâm.').stats;
    const merged = mergeWordStats(mergeWordStats(newWordStats(), a), b);
    assert.deepEqual([...merged.lower].sort(), [...new Set([...a.lower, ...b.lower])].sort());
    assert.equal(merged.caps.get('VNA'), 2);
    assert.equal(merged.midCapital.get('hanoi'), 2);
  });
});
