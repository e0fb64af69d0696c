import * as assert from 'node:assert/strict';
import { Engine, parseGlossary, sameDiscoveryWords, suggestEntities, type SuggestFile, type WordStats } from '../../../src/core';

const GLOSSARY = `entities:
  - id: to-lam
    kind: person
    name: Tô Lâm
    aliases: [To Lam]
`;
const engine = new Engine(parseGlossary([{ file: 'glossary.yaml', text: GLOSSARY }]));

/** The texts as corpus files, counting the discoveries each one is asked for. */
function files(texts: Record<string, string>, asked: string[] = []): SuggestFile<[number, number]>[] {
  return Object.entries(texts).map(([name, text]) => ({
    name,
    words: () => engine.discoveryWords(text),
    discover: (words: WordStats, changed: boolean) => {
      asked.push(`${name}${changed ? '' : ' (unchanged)'}`);
      return engine.discover(text, engine.mentions(text), words);
    },
    locate: (start: number, end: number) => [start, end] as [number, number],
  }));
}

describe('suggestEntities (the corpus-wide list of glossa suggest and the Suggestions view)', () => {
  it('groups the spellings of a name across files, with the counts and the places', () => {
    const a = 'Tô Lâm met Nguyen Phu Trong in Hanoi. Later Nguyen Phu Trong spoke.';
    const b = 'General Secretary Nguyễn Phú Trọng visited the school.';
    const { candidates, discoveries } = suggestEntities(files({ 'a.txt': a, 'b.txt': b }), engine.entities.map((e) => e.id));
    const trong = candidates.find((c) => c.id === 'nguyen-phu-trong');
    assert.ok(trong, candidates.map((c) => c.name).join(', '));
    assert.equal(trong.name, 'Nguyễn Phú Trọng');
    assert.deepEqual(trong.aliases, ['Nguyen Phu Trong']);
    assert.deepEqual([trong.count, trong.files], [3, 2]);
    assert.deepEqual(trong.spellings, [{ text: 'Nguyen Phu Trong', count: 2 }, { text: 'Nguyễn Phú Trọng', count: 1 }]);
    assert.deepEqual(trong.occurrences.map((o) => [o.file, o.at]), [
      ['a.txt', [a.indexOf('Nguyen'), a.indexOf('Nguyen') + 16]],
      ['a.txt', [a.lastIndexOf('Nguyen'), a.lastIndexOf('Nguyen') + 16]],
      ['b.txt', [b.indexOf('Nguyễn'), b.indexOf('Nguyễn') + 16]],
    ]);
    assert.deepEqual(discoveries.map((d) => d.name), ['a.txt', 'b.txt']);
    // Mentions are never candidates: Tô Lâm is in the glossary.
    assert.ok(!candidates.some((c) => c.name.includes('Lâm')));
  });

  it('reads the whole corpus for common words: a word another file writes in lower case only begins a sentence', () => {
    const a = 'Politically Trong Vu left the room.';
    const alone = suggestEntities(files({ 'a.txt': a })).candidates.map((c) => c.name);
    assert.deepEqual(alone, ['Politically Trong Vu']);
    const withB = suggestEntities(files({ 'a.txt': a, 'b.txt': 'It was a political choice.' })).candidates.map((c) => c.name);
    assert.deepEqual(withB, ['Trong Vu']);
  });

  it('says whether the corpus statistics changed since the previous call', () => {
    const texts = { 'a.txt': 'Nguyen Phu Trong spoke.', 'b.txt': 'The choice was political.' };
    const asked: string[] = [];
    const first = suggestEntities(files(texts, asked));
    assert.deepEqual(asked, ['a.txt', 'b.txt']);
    asked.length = 0;
    suggestEntities(files({ ...texts, 'b.txt': 'The choice was political. The choice was political.' }, asked), [], first.words);
    assert.deepEqual(asked, ['a.txt (unchanged)', 'b.txt (unchanged)']);
    asked.length = 0;
    suggestEntities(files({ ...texts, 'b.txt': 'The choice was economic.' }, asked), [], first.words);
    assert.deepEqual(asked, ['a.txt', 'b.txt']);
  });

  it('sameDiscoveryWords compares what discovery reads: lower-case words, recurring acronyms and mid-sentence capitals', () => {
    const words = (text: string) => engine.discoveryWords(text);
    assert.ok(sameDiscoveryWords(words('the cat sat'), words('sat the cat the')));
    assert.ok(!sameDiscoveryWords(words('the cat sat'), words('the cat sat down')));
    // An acronym counts once it occurs twice; more occurrences change nothing.
    assert.ok(sameDiscoveryWords(words('we met VNA and VNA'), words('we met VNA and VNA and VNA')));
    assert.ok(!sameDiscoveryWords(words('we met VNA and VNA'), words('we met VNA and BTV')));
    // A capitalised word alone mid-sentence counts from its second time.
    assert.ok(!sameDiscoveryWords(words('we saw Hanoi and it.'), words('we saw Hanoi and Hanoi.')));
  });
});
