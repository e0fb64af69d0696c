// Discovery's fast paths (words judged once per distinct word, short forms' neighbours and runs'
// closest spellings remembered, early exits, possible variants only) against the straightforward judgement they stand
// for, on the real corpus and on random texts full of near-misses of a glossary's names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiscoveryIndex, Engine, EntityMatcher, mergeWordStats, newWordStats, parseGlossary, type Entity, type TextFormat } from '../../../src/core';
import { scanText } from '../../../src/core/discovery/scan';
import { corpusDir, entity, random, repoRoot } from '../support';
import { ReferenceDiscovery } from './referenceDiscovery';

const corpusGlossary = parseGlossary([{ file: 'glossary.yaml', text: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus', 'glossary.yaml'), 'utf8') }]);
const corpusTexts = fs
  .readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));

const GIVEN = ['Sergey', 'Mikhail', 'Vladimir', 'Vyacheslav', 'Valentina', 'Dmitry', 'Yuri', 'Nikolai', 'Trần', 'Nguyễn', 'Bùi', 'Phạm'];
const MIDDLE = ['Thanh', 'Hồng', 'Văn', 'Minh', 'Phú', 'Thị'];
const LAST = ['Lavrov', 'Mishustin', 'Putin', 'Volodin', 'Matvienko', 'Matviyenko', 'Peskov', 'Zakharova', 'Kozhevnikov', 'Sơn', 'Mẫn', 'Hà', 'Hải', 'Trọng', 'Khôi', 'Chernyshenko'];
const BODIES = ['National Assembly', 'Ministry of Industry and Trade', 'Soviet Union', 'State Duma', 'Vietnam News Agency', 'Moscow State University', 'Communist Party of Vietnam'];
const PLACES = ['Russia', 'Việt Nam', 'Vietnam', 'China', 'Korea', 'Hà Nội', 'Ho Chi Minh City', 'Saint Petersburg'];
const TITLES = ['President', 'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister', 'Minister of Culture, Sports and Tourism', 'General Secretary', 'Ambassador', 'Chairman'];

/** People made of those words (so short forms and words are shared), with folded aliases, some titles and more short forms. */
function people(rnd: () => number, count: number): Entity[] {
  const pick = (xs: readonly string[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const name = rnd() < 0.4 ? `${pick(GIVEN)} ${pick(MIDDLE)} ${pick(LAST)}` : `${pick(GIVEN)} ${pick(LAST)}`;
    const folded = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const words = name.split(' ');
    // Some people have two short forms (their first and last words), some a misspelt one beside the right one.
    const r = rnd();
    const short = r < 0.2 ? [words[words.length - 1], words[0]] : r < 0.3 ? [words[words.length - 1], slip(rnd, words[words.length - 1])] : undefined;
    out.push(entity({ id: `p${i}`, kind: 'person', name, aliases: folded !== name && rnd() < 0.5 ? [folded] : [], titles: rnd() < 0.5 ? [pick(TITLES)] : [], short }));
  }
  BODIES.forEach((name, i) => out.push(entity({ id: `b${i}`, kind: 'body', name, aka: i === 4 ? ['VNA'] : [] })));
  PLACES.forEach((name, i) => out.push(entity({ id: `l${i}`, kind: 'place', name })));
  return out;
}

/** A word one slip away: a letter replaced, dropped, doubled, two swapped, or another romanization. */
function slip(rnd: () => number, word: string): string {
  const swaps: [RegExp, string][] = [[/ey$/, 'ei'], [/ov$/, 'ow'], [/kh/, 'h'], [/u/, 'ou'], [/in$/, 'ine'], [/ya/, 'ia'], [/sky$/, 'ski'], [/ch/, 'kh'], [/v/, 'w']];
  const k = Math.floor(rnd() * 6);
  const i = 1 + Math.floor(rnd() * Math.max(1, word.length - 2));
  if (k === 0) return word.slice(0, i) + 'aeiou'[Math.floor(rnd() * 5)] + word.slice(i + 1);
  if (k === 1) return word.slice(0, i) + word.slice(i + 1);
  if (k === 2) return word.slice(0, i) + word[i] + word.slice(i);
  if (k === 3 && i + 1 < word.length) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const [re, to] = swaps[Math.floor(rnd() * swaps.length)];
  return word.replace(re, to);
}

const FILLER = ['said', 'the', 'of', 'and', 'met', 'in', 'from', 'to', 'for', 'on', 'visited', 'political', 'reflects', 'trade', 'news', 'state', 'union'];
const OTHER = ['The', 'Reflecting', 'Politically', 'In', 'January', 'Monday', 'Russian', 'Russians', 'Vietnamese', 'Chinese', 'Korean', 'Soviets', 'VNA', 'USD', 'BTV', 'BTV', 'Mr', 'Dr', 'State', 'Union', 'News', 'Kremlin', 'Kremlin', 'Duma', 'Zelenograd', 'Lavrovs', 'Economic', 'Week', 'de', 'van', 'bin'];
const SEPARATORS = [' ', ' ', ' ', ' ', ' ', ', ', '. ', '.\n', '\n\n', ' - ', '\u00a0', ' (', ') ', ': ', '? '];

/** Glossary spellings, their slips, titles, short forms, made-up and sentence-initial words, with separators between them. */
function randomText(rnd: () => number, entities: readonly Entity[], words: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = rnd();
    const e = pick(entities);
    let piece: string;
    if (r < 0.15) piece = e.name;
    else if (r < 0.3) piece = e.name.split(' ').map((w) => (rnd() < 0.4 ? slip(rnd, w) : w)).join(' ');
    else if (r < 0.38) piece = e.short.length > 0 ? (rnd() < 0.5 ? e.short[0] : slip(rnd, e.short[0])) : e.name;
    else if (r < 0.45) piece = `${pick(TITLES)} ${e.name}`;
    else if (r < 0.52) piece = e.name.toUpperCase();
    else if (r < 0.7) piece = pick(OTHER);
    else if (r < 0.75) piece = `${pick(LAST)} ${pick(OTHER)}`;
    else piece = pick(FILLER);
    parts.push(piece, pick(SEPARATORS));
  }
  return parts.join('');
}

describe('discovery fast paths', () => {
  it('find what the straightforward judgement finds in every article of the corpus, alone and with corpus-wide statistics', () => {
    const fast = new DiscoveryIndex(corpusGlossary.entities, (corpusGlossary.ignore ?? []).map((s) => s.text));
    const plain = new ReferenceDiscovery(corpusGlossary.entities, (corpusGlossary.ignore ?? []).map((s) => s.text));
    const matcher = EntityMatcher.compile(corpusGlossary.entities);
    const corpus = newWordStats();
    for (const text of corpusTexts) mergeWordStats(corpus, scanText(text, false).stats);
    let found = 0;
    for (const text of corpusTexts) {
      const mentions = matcher.match(text);
      const own = fast.discover(text, mentions);
      assert.deepStrictEqual(own, plain.discover(text, mentions));
      assert.deepStrictEqual(fast.discover(text, mentions, corpus), plain.discover(text, mentions, corpus));
      assert.deepStrictEqual(fast.discover(text, mentions, undefined, { unknownNames: false }), { variants: own.variants, unknownNames: [] });
      found += own.variants.length + own.unknownNames.length;
    }
    assert.ok(found > 50, `${found} findings`);
  });

  it('name the same short form as the straightforward judgement when a word is near several of one entity\'s', () => {
    const entities = [
      entity({ id: 'lavrov', kind: 'person', name: 'Sergey Lavrov', short: ['Lavrov', 'Lavrow', 'Lawrov', 'Sergey'] }),
      entity({ id: 'peskov', kind: 'person', name: 'Dmitry Peskov', short: ['Peskow', 'Peskov', 'Dmitry'] }),
    ];
    const text = 'Sergey Lavrov and Dmitry Peskov came. Lavrox said. Lawrow said. Lavrovv said. Peskof said. Pesckov said. Sergej said. Dmitri said.';
    const mentions = EntityMatcher.compile(entities).match(text);
    const d = new DiscoveryIndex(entities).discover(text, mentions);
    assert.deepStrictEqual(d, new ReferenceDiscovery(entities).discover(text, mentions));
    assert.equal(d.variants.length, 7);
  });

  it('license a short form\'s variant as the straightforward judgement does while more people sharing it are mentioned', () => {
    const entities = [
      entity({ id: 'sergey-lavrov', kind: 'person', name: 'Sergey Lavrov' }),
      entity({ id: 'ivan-lavrov', kind: 'person', name: 'Ivan Lavrov' }),
      entity({ id: 'dmitry-peskov', kind: 'person', name: 'Dmitry Peskov', short: ['Peskov', 'Lavrow'] }),
    ];
    const text = 'Lavrox spoke first. Then Sergey Lavrov came. Lavrox said. Dmitry Peskov came. Lavrox said. Ivan Lavrov came. Lavrox said. Peskow said.';
    const mentions = EntityMatcher.compile(entities).match(text);
    const d = new DiscoveryIndex(entities).discover(text, mentions);
    assert.deepStrictEqual(d, new ReferenceDiscovery(entities).discover(text, mentions));
    // Before any full mention: none; after Sergey Lavrov: his; after Dmitry Peskov too ("Lavrow"): a tie, as after Ivan Lavrov.
    assert.deepEqual(
      d.variants.map((v) => [v.start, v.entityId]),
      [
        [text.indexOf('Lavrox said'), 'sergey-lavrov'],
        [text.indexOf('Peskow'), 'dmitry-peskov'],
      ],
    );
  });

  it('find what the straightforward judgement finds in random texts, one index kept across texts', () => {
    const rnd = random(7);
    const entities = people(rnd, 400);
    const ignore = ['Vladimir Putni', 'Kremlin', 'national asembly'];
    const fast = new DiscoveryIndex(entities, ignore);
    const plain = new ReferenceDiscovery(entities, ignore);
    const matcher = EntityMatcher.compile(entities);
    let variants = 0;
    let unknown = 0;
    let shortVariants = 0;
    const reasons = new Set<string>();
    for (let round = 0; round < 80; round++) {
      const text = randomText(rnd, entities, 300);
      const mentions = matcher.match(text);
      // Some rounds without mentions (no short form licensed) or with the statistics of another text.
      const given = round % 5 === 0 ? [] : mentions;
      const stats = round % 3 === 0 ? scanText(randomText(rnd, entities, 200), false).stats : undefined;
      const d = fast.discover(text, given, stats);
      assert.deepStrictEqual(d, plain.discover(text, given, stats), `round ${round}`);
      // Possible variants only (glossa check): the same variants.
      assert.deepStrictEqual(fast.discover(text, given, stats, { unknownNames: false }), { variants: d.variants, unknownNames: [] }, `round ${round}`);
      variants += d.variants.length;
      unknown += d.unknownNames.length;
      for (const v of d.variants) reasons.add(v.reason);
      shortVariants += d.variants.filter((v) => !v.text.includes(" ")).length;
    }
    assert.ok(variants > 200 && unknown > 1000 && shortVariants > 20, `${variants} variants (${shortVariants} of a short form), ${unknown} unknown names`);
    assert.deepEqual([...reasons].sort(), ['edit', 'romanization', 'short-word', 'transposition']);
  });


  it('read each text with its own markup when discovery follows an analysis of the same text (the markup is read once)', () => {
    const glossary = `entities:
  - id: sergey-lavrov
    kind: person
    name: Sergey Lavrov
  - id: national-assembly
    kind: body
    name: National Assembly
`;
    const texts: [string, TextFormat][] = [
      ['Serguei Lavrov met the [National Asembly](https://example.com/Nikolai_Patrushev "Nikolai Patrushev") and `Vladimir Poutine` in Moscow.\n<!-- glossa-ignore: Serguei Lavrov -->\n', 'markdown'],
      ['Serguei Lavrov met the [National Asembly](https://example.com/Nikolai_Patrushev "Nikolai Patrushev") and `Vladimir Poutine` in Moscow.\n<!-- glossa-ignore: Serguei Lavrov -->\n', 'plain'],
      ['Sergey Lavrov spoke at https://www.Nikolai-Patrushev.ru/Lavorv today. Later Lavorv said more, and Nikolai Patrushev listened.\nglossa-ignore: Nikolai Patrushev\n', 'plain'],
      ['Sergey Lavrov spoke at https://www.Nikolai-Patrushev.ru/Lavorv today. Later Lavorv said more, and Nikolai Patrushev listened.\nglossa-ignore: Nikolai Patrushev\n', 'markdown'],
    ];
    const engine = new Engine(parseGlossary([{ file: 'glossary.yaml', text: glossary }]));
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (const [text, format] of texts) {
        const analysis = engine.analyze(text, { format });
        const fresh = new Engine(parseGlossary([{ file: 'glossary.yaml', text: glossary }]));
        const expected = fresh.discover(text, fresh.mentions(text, { format }), undefined, format);
        assert.deepStrictEqual(engine.discover(text, analysis.mentions, undefined, format), expected, `${format}: ${text}`);
        // A copy of the same text, and the text asked for without its mentions.
        assert.deepStrictEqual(engine.discover(` ${text}`.slice(1), analysis.mentions, undefined, format), expected);
        assert.deepStrictEqual(engine.discover(text, undefined, undefined, format), expected);
        assert.deepStrictEqual(engine.discover(text, analysis.mentions, undefined, format, { unknownNames: false }), { variants: expected.variants, unknownNames: [] });
        seen.add(JSON.stringify([...expected.variants.map((v) => v.text), ...expected.unknownNames.map((u) => u.text)]));
      }
    }
    // The formats and the directives do make a difference: each text finds its own.
    assert.equal(seen.size, 4);
  });
});
