// The matcher's shortcuts (first words and next words found by hash, a short form resolved from
// the latest licence kept per trie node) against the straightforward lookups they stand for, on
// the real corpus and on random texts over a glossary whose people share surnames and given names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EntityMatcher, type Entity } from '../../../src/core';
import { DEMONYMS } from '../../../src/core/text/demonyms';
import { corpusDir, entity, random } from '../support';
import { corpusEntities } from './fixtures';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hồng'];
const GIVEN = ['Hùng', 'Lan', 'Sơn', 'Hà', 'Hải', 'Long', 'Dũng', 'Khôi'];

/** People sharing their words (so short forms are shared by many), with folded aliases and titles. */
function crowd(rnd: () => number, count: number): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)];
    const name = `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const folded = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    out.push(entity({ id: `p${i}`, kind: 'person', name, aliases: [folded], titles: rnd() < 0.3 ? ['Deputy Minister'] : [] }));
  }
  out.push(entity({ id: 'city', kind: 'place', name: 'Hà Nội', aliases: ['Hanoi', 'Ha Noi'] }));
  out.push(entity({ id: 'assembly', kind: 'body', name: 'National Assembly', aka: ['NA'] }));
  return out;
}

const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ' - ', '\u00a0', ', ', '. ', '\n\n'];

/** Words of the glossary in every case, with separators and filler words between them. */
function randomText(rnd: () => number, entities: readonly Entity[], words: number): string {
  const vocabulary = entities.flatMap((e) => [e.name, ...e.aliases, ...e.aka, ...e.titles]).flatMap((s) => s.split(' '));
  vocabulary.push('the', 'said', 'Minister', 'Deputy', 'Chinese', 'US$', '$', 'and', 'In', '2024');
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = vocabulary[Math.floor(rnd() * vocabulary.length)];
    const r = rnd();
    if (r < 0.08) w = w.toUpperCase();
    else if (r < 0.12) w = w.toLowerCase();
    else if (r < 0.14) w = w.normalize('NFD');
    parts.push(w, SEPARATORS[Math.floor(rnd() * SEPARATORS.length)]);
  }
  return parts.join('');
}

describe('matcher shortcuts', () => {
  it('find what the straightforward lookups find in every article of the corpus', () => {
    const fast = EntityMatcher.compile(corpusEntities);
    const plain = EntityMatcher.compile(corpusEntities, { shortcuts: false });
    let mentions = 0;
    for (const file of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
      const found = fast.match(text);
      assert.deepStrictEqual(found, plain.match(text), file);
      mentions += found.length;
    }
    assert.ok(mentions > 100, `${mentions} mentions`);
  });

  it('find what the straightforward lookups find in random texts, with and without earlier licences', () => {
    const rnd = random(99);
    const entities = crowd(rnd, 300);
    const fast = EntityMatcher.compile(entities);
    const plain = EntityMatcher.compile(entities, { shortcuts: false });
    let shortForms = 0;
    for (let round = 0; round < 60; round++) {
      const text = randomText(rnd, entities, 400);
      // Licences from before the text (negative offsets), some in an odd order, some past its start.
      const fullyMentioned: [string, number][] = [];
      for (let k = 0; k < round % 7; k++) fullyMentioned.push([entities[Math.floor(rnd() * entities.length)].id, Math.floor(rnd() * 400) - (round % 3 === 0 ? 100 : 500)]);
      const found = fast.match(text, { fullyMentioned });
      assert.deepStrictEqual(found, plain.match(text, { fullyMentioned }), `round ${round}`);
      shortForms += found.filter((m) => m.variant === 'short').length;
    }
    assert.ok(shortForms > 100, `${shortForms} short forms`);
  });

  it('read the demonym before a name as the straightforward lookup does, in every case and spelling', () => {
    const rnd = random(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    // Names shared by entities of several countries and of none, so that the demonym before them decides.
    const countries = ['VN', 'RU', 'CN', 'KR', 'KP', 'US', 'GB', 'LK', 'SA'];
    const entities: Entity[] = [];
    ['Foreign Ministry', 'Embassy', 'Central Bank', 'Hải Quân'].forEach((name, k) => {
      entities.push(entity({ id: `none${k}`, kind: 'body', name }));
      for (const country of countries) entities.push(entity({ id: `${country}${k}`, kind: 'body', name, country }));
    });
    const demonyms = [...DEMONYMS.keys()];
    // Words near demonyms that are none: longer, shorter, accented, a demonym's first word alone, other words.
    const others = ['North', 'South', 'Sri', 'New', 'Saudi', 'Russianness', 'Chin', 'Thái', 'Đức', 'KOREAN', 'The', 'Ministry', 'İndian', 'K\u212aorean', 'Koreans'];
    let qualified = 0;
    for (let round = 0; round < 40; round++) {
      const parts: string[] = [];
      for (let i = 0; i < 200; i++) {
        let before = rnd() < 0.7 ? pick(demonyms) : pick(others);
        const r = rnd();
        if (r < 0.4) before = before.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
        else if (r < 0.6) before = before.toUpperCase();
        parts.push(before, pick([' ', ' ', '\n', '  ', ', ']), pick(entities).name, pick([' ', '. ', '\n\n']));
      }
      const text = parts.join('');
      const fast = EntityMatcher.compile(entities).match(text);
      assert.deepStrictEqual(fast, EntityMatcher.compile(entities, { shortcuts: false }).match(text), `round ${round}`);
      qualified += fast.filter((m) => !m.entityId.startsWith('none')).length;
    }
    assert.ok(qualified > 500, `${qualified} mentions after a demonym`);
  });
});
