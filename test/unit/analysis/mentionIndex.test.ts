import * as assert from 'node:assert/strict';
import { MentionIndex, spellingKey, type Entity, type Mention, type SpellingOrder } from '../../../src/core';
import { entity } from '../support';

const minister = entity({ id: 'anna-koval', kind: 'person', name: 'Anna Koval', aliases: ['Ganna Koval'] });
const port = entity({ id: 'port-of-veln', kind: 'place', name: 'Port of Veln', aka: ['Veln harbour'] });
const entities = new Map<string, Entity>([minister, port].map((e) => [e.id, e]));
const entityOf = (id: string) => entities.get(id);

/** Mentions as the matcher would report them; only the text and the entity count here. */
const mentions = (...items: [entityId: string, text: string][]): Mention[] =>
  items.map(([entityId, text], i) => ({ start: i * 20, end: i * 20 + text.length, text, entityId, variant: 'canonical', matched: text, allCaps: false }));

describe('the mention index', () => {
  const files = [
    mentions(['anna-koval', 'Koval'], ['anna-koval', 'Anna Koval'], ['anna-koval', 'Koval'], ['port-of-veln', 'Veln harbour']),
    mentions(['anna-koval', 'Ganna Koval'], ['anna-koval', 'ANNA KOVAL'], ['anna-koval', 'Anna\nKoval'], ['unknown-id', 'Nobody']),
    mentions(['port-of-veln', 'Port of Veln']),
  ];

  const cases: [order: SpellingOrder, expected: string[]][] = [
    ['glossary', ['Anna Koval 6 in 2: Anna Koval 2, Ganna Koval 1, Koval 2, ANNA KOVAL 1', 'Port of Veln 2 in 2: Port of Veln 1, Veln harbour 1']],
    ['frequency', ['Anna Koval 6 in 2: Anna Koval 2, Koval 2, ANNA KOVAL 1, Ganna Koval 1', 'Port of Veln 2 in 2: Port of Veln 1, Veln harbour 1']],
  ];
  for (const [order, expected] of cases) {
    it(`counts mentions, files and spellings, most mentioned first, spellings in ${order} order`, () => {
      const index = new MentionIndex();
      for (const file of files) index.add(file, entityOf);
      const shown = index.entries(order).map((e) => `${e.entity.name} ${e.mentions} in ${e.files}: ${e.spellings.map((s) => `${s.text} ${s.count}`).join(', ')}`);
      assert.deepEqual(shown, expected);
    });
  }

  it('keeps entities of different scopes apart', () => {
    const index = new MentionIndex();
    index.add(mentions(['anna-koval', 'Koval']), entityOf, 'folder-a');
    index.add(mentions(['anna-koval', 'Koval'], ['anna-koval', 'Koval']), entityOf, 'folder-b');
    assert.deepEqual(
      index.entries().map((e) => [e.scope, e.mentions, e.files]),
      [
        ['folder-b', 2, 1],
        ['folder-a', 1, 1],
      ],
    );
  });

  const keys: [written: string, key: string][] = [
    ['Anna Koval', 'Anna Koval'],
    ['Anna\nKoval', 'Anna Koval'],
    ['Anna  Koval', 'Anna Koval'],
    ['Anna\u00a0Koval', 'Anna Koval'],
    ['Bu\u0300i', 'Bùi'],
  ];
  for (const [written, key] of keys) {
    it(`counts ${JSON.stringify(written)} as ${JSON.stringify(key)}`, () => assert.equal(spellingKey(written), key));
  }
});
