// The corpus index's packed analyses (src/vscode/services/packedAnalysis.ts) give back exactly what
// the engine found: every mention and claim, field for field, on the real articles (with the
// fixtures' glossary and facts, so that claims are verified and disputed) and on random texts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, parseGlossary, parseLedger, type Analysis } from '../../../src/core';
import { PackedAnalysis, StringIds } from '../../../src/vscode/services/packedAnalysis';
import { corpusDir, random, repoRoot } from '../support';

const fixture = (name: string) => ({ file: name, text: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', name), 'utf8') });
const WORDS = ['Tô Lâm', 'To Lam', 'Lâm', 'Sergey Lavrov', 'LAVROV', 'Lavrov', 'Deputy Prime Minister', 'former', 'USD 5 billion', '12%', 'nearly 300 tons', 'in 2024', 'the', 'said', 'Việt Nam', 'Hà Nội', '[To Lam]', '\n', '\n\n', ',', '.', 'Bui Thanh Son', 'Son'];

function check(engine: Engine, text: string, ids: StringIds): void {
  const raw = engine.analyze(text);
  const analysis: Analysis = { mentions: raw.mentions, numbers: raw.numbers.filter((n) => n.status !== 'ignored') };
  if (raw.date) analysis.date = raw.date;
  const expected = structuredClone(analysis);
  const packed = new PackedAnalysis(analysis, ids);
  // Packed indeed (a list kept as it is would be the engine's own array).
  assert.notEqual(packed.mentions, analysis.mentions);
  assert.notEqual(packed.numbers, analysis.numbers);
  assert.deepStrictEqual(packed.mentions, expected.mentions);
  assert.deepStrictEqual(packed.numbers, expected.numbers);
  assert.deepStrictEqual(packed.date, expected.date);
  assert.equal(packed.mentionCount, expected.mentions.length);
  assert.equal(packed.numberCount, expected.numbers.length);
  assert.deepStrictEqual(packed.entityIds(), expected.mentions.map((m) => m.entityId));
  assert.deepStrictEqual(packed.statuses(), expected.numbers.map((n) => n.status));
  for (const id of new Set(expected.mentions.map((m) => m.entityId))) assert.deepStrictEqual(packed.mentionsOf(id), expected.mentions.filter((m) => m.entityId === id));
  for (const fact of new Set(expected.numbers.map((n) => n.fact))) if (fact !== null) assert.deepStrictEqual(packed.claimsOf(fact), expected.numbers.filter((n) => n.fact === fact));
}

describe('packed analysis of the corpus index', () => {
  let engine: Engine;
  before(() => {
    engine = new Engine(parseGlossary([fixture('glossary.yaml')]), parseLedger([fixture('facts.yaml')]));
  });

  it('gives back every mention and claim of every article of the shared corpus', () => {
    const ids = new StringIds();
    let mentions = 0;
    let claims = 0;
    for (const name of fs.readdirSync(corpusDir).sort()) {
      const text = fs.readFileSync(path.join(corpusDir, name), 'utf8');
      check(engine, text, ids);
      const a = engine.analyze(text);
      mentions += a.mentions.length;
      claims += a.numbers.length;
    }
    assert.ok(mentions > 100 && claims > 100, `${mentions} mentions, ${claims} numbers`);
  });

  it('gives back what the engine found in random texts', () => {
    const rnd = random(11);
    const ids = new StringIds();
    for (let k = 0; k < 300; k++) {
      const parts: string[] = [];
      for (let w = Math.floor(rnd() * 60); w > 0; w--) parts.push(WORDS[Math.floor(rnd() * WORDS.length)]);
      check(engine, parts.join(rnd() < 0.5 ? ' ' : ', '), ids);
    }
  });

  it('keeps a list it cannot pack as it is', () => {
    const odd = { start: 0, end: 3, text: 'Lâm', entityId: 'to-lam', variant: 'short', matched: 'Lâm', allCaps: false, extra: 1 } as unknown as Analysis['mentions'][number];
    const packed = new PackedAnalysis({ mentions: [odd], numbers: [] }, new StringIds());
    assert.equal(packed.mentions[0], odd);
    assert.deepStrictEqual(packed.entityIds(), ['to-lam']);
  });

  it('keeps one copy of each string', () => {
    const ids = new StringIds();
    const text = 'Sergey Lavrov met Sergey Lavrov and Sergey Lavrov.';
    assert.equal(ids.id(text.slice(0, 13)), ids.id(text.slice(18, 31)));
    assert.equal(ids.size, 1);
  });
});
