import * as assert from 'node:assert/strict';
import { addAlias, addEntity, addIgnored, renameEntity } from '../../../src/core/edit/glossaryEdits';
import { parseGlossary } from '../../../src/core/glossary/parse';
import type { Glossary } from '../../../src/core/glossary/types';
import { applied, assertAllCrlf, changedLines, crlf, readRepoFile, succeeded } from './support';

/** A small glossary with the things an edit must not disturb: comments, aligned comments, both list styles, quotes. */
const SMALL = `# People and places of the test articles.

entities:
  # ── People ──
  - id: to-lam              # unique
    kind: person
    name: Tô Lâm            # canonical
    aliases: [To Lam]           # diacritic-free
    titles: [General Secretary]

  - id: sergey-lavrov
    kind: person
    name: "Sergey Lavrov"
    description: Minister of Foreign Affairs of Russia

  # ── Places ──
  - id: moscow
    kind: place
    name: Moscow
    aliases:
      - Moskva
    country: RU
# end of glossary
`;

function parse(text: string): Glossary {
  return parseGlossary([{ file: 'glossary.yaml', text }]);
}

function entity(text: string, id: string) {
  const found = parse(text).entities.find((e) => e.id === id);
  assert.ok(found, `no entity ${id} after the edit`);
  return found;
}

describe('glossary edits', () => {
  it('the small glossary parses cleanly', () => assert.deepEqual(parse(SMALL).problems, []));

  describe('addEntity', () => {
    it('appends an entry in the file’s layout: indentation, blank line between entries, flow lists', () => {
      const result = succeeded(addEntity(SMALL, { kind: 'person', name: 'Bùi Thanh Sơn', aliases: ['Bui Thanh Son'], description: 'Deputy Prime Minister of Vietnam' }));
      assert.equal(result.id, 'bui-thanh-son');
      assert.equal(result.changed, true);
      assert.deepEqual(result.problems, []);
      assert.equal(
        applied(SMALL, result),
        SMALL.replace(
          '    country: RU\n',
          '    country: RU\n' +
            '\n' +
            '  - id: bui-thanh-son\n' +
            '    kind: person\n' +
            '    name: Bùi Thanh Sơn\n' +
            '    aliases: [Bui Thanh Son]\n' +
            '    description: Deputy Prime Minister of Vietnam\n',
        ),
      );
    });

    it('writes the fields in the usual order and leaves out what is not given', () => {
      const result = succeeded(addEntity(SMALL, { kind: 'place', name: 'Hà Nội', country: 'vn', aka: ['Hanoi capital'], titles: [], description: '  ' }));
      assert.deepEqual(changedLines(SMALL, applied(SMALL, result)).added, ['', '  - id: ha-noi', '    kind: place', '    name: Hà Nội', '    aka: [Hanoi capital]', '    country: VN']);
    });

    it('makes the id unique: -2, -3…', () => {
      const first = succeeded(addEntity(SMALL, { kind: 'place', name: 'Moscow' }));
      assert.equal(first.id, 'moscow-2');
      const text = applied(SMALL, first);
      assert.equal(succeeded(addEntity(text, { kind: 'place', name: 'Moscow' })).id, 'moscow-3');
    });

    it('reports the problems the new entry brings (a name another entity has), but still offers the edit', () => {
      const result = succeeded(addEntity(SMALL, { kind: 'place', name: 'Moscow' }));
      assert.deepEqual(result.problems.map((p) => [p.code, p.line]), [['ambiguous-alias', 25]]);
    });

    it('takes an explicit id, and refuses one that is taken or not kebab-case', () => {
      assert.equal(succeeded(addEntity(SMALL, { kind: 'body', name: 'Duma', id: 'state-duma' })).id, 'state-duma');
      const taken = addEntity(SMALL, { kind: 'body', name: 'Duma', id: 'moscow' });
      assert.deepEqual(taken, { ok: false, error: "The id 'moscow' is already used in the glossary.", line: 16, character: 4 });
      const bad = addEntity(SMALL, { kind: 'body', name: 'Duma', id: 'State Duma' });
      assert.equal(bad.ok, false);
      assert.match(bad.ok ? '' : bad.error, /not a valid id.*'duma'/);
    });

    it('refuses a bad kind, an empty name and a bad country code', () => {
      assert.equal(addEntity(SMALL, { kind: 'city' as 'place', name: 'Hanoi' }).ok, false);
      assert.equal(addEntity(SMALL, { kind: 'place', name: '  ' }).ok, false);
      assert.equal(addEntity(SMALL, { kind: 'place', name: 'Hanoi', country: 'Vietnam' }).ok, false);
    });

    it('quotes what YAML would misread, and keeps diacritics as they are', () => {
      const result = succeeded(addEntity('', { kind: 'body', name: 'Quốc hội: Việt Nam', aliases: ['#1 body', 'true', '199', 'Hà Nội, Việt Nam', "Vietnam's Assembly", '- dash'], description: 'Says "hello" \\ bye' }));
      const text = applied('', result);
      assert.equal(
        text,
        'entities:\n' +
          '  - id: quoc-hoi-viet-nam\n' +
          '    kind: body\n' +
          '    name: "Quốc hội: Việt Nam"\n' +
          `    aliases: ["#1 body", "true", "199", "Hà Nội, Việt Nam", Vietnam's Assembly, "- dash"]\n` +
          '    description: Says "hello" \\ bye\n',
      );
      const e = entity(text, 'quoc-hoi-viet-nam');
      assert.equal(e.name, 'Quốc hội: Việt Nam');
      assert.deepEqual(e.aliases, ['#1 body', 'true', '199', 'Hà Nội, Việt Nam', "Vietnam's Assembly", '- dash']);
      assert.equal(e.description, 'Says "hello" \\ bye');
    });

    it('writes NFC, trimmed, single-line spellings', () => {
      const result = succeeded(addEntity('', { kind: 'person', name: '  Tô\n Lâm '.normalize('NFD') }));
      assert.equal(applied('', result), 'entities:\n  - id: to-lam\n    kind: person\n    name: Tô Lâm\n');
    });

    const starts: [string, string, string][] = [
      ['an empty file', '', 'entities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['a file of comments', '# Glossary\n', '# Glossary\nentities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['a file of comments without a final line break', '# Glossary', '# Glossary\nentities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['entities: []', '# Glossary\nentities: []\n', '# Glossary\nentities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['entities: [] with a comment', 'entities: []   # none yet\n', 'entities:   # none yet\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['entities: with nothing', 'entities:\n# to do\n', 'entities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n# to do\n'],
      ['entities: ~', 'entities: ~\n', 'entities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['another key only', 'version: 1\n', 'version: 1\nentities:\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['a flow list of entries', 'entities: [{ id: a, kind: place, name: A }]\n', 'entities: [{ id: a, kind: place, name: A }, { id: hanoi, kind: place, name: Hanoi }]\n'],
      ['entries without blank lines between them', 'entities:\n  - id: a\n    kind: place\n    name: A\n  - id: b\n    kind: place\n    name: B\n', 'entities:\n  - id: a\n    kind: place\n    name: A\n  - id: b\n    kind: place\n    name: B\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['entries written as flow mappings', 'entities:\n  - {id: a, kind: place, name: A}\n  - {id: b, kind: place, name: B}\n', 'entities:\n  - {id: a, kind: place, name: A}\n  - {id: b, kind: place, name: B}\n  - id: hanoi\n    kind: place\n    name: Hanoi\n'],
      ['unindented items', 'entities:\n- id: a\n  kind: place\n  name: A\n', 'entities:\n- id: a\n  kind: place\n  name: A\n- id: hanoi\n  kind: place\n  name: Hanoi\n'],
      ['no final line break', 'entities:\n  - id: a\n    kind: place\n    name: A', 'entities:\n  - id: a\n    kind: place\n    name: A\n  - id: hanoi\n    kind: place\n    name: Hanoi'],
      ['block lists', 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases:\n    - A1\n', 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases:\n    - A1\n  - id: hanoi\n    kind: place\n    name: Hanoi\n    aliases:\n    - Ha Noi\n'],
      ['a last entry with comment lines inside it', 'entities:\n  - id: a\n    kind: place\n    name: A\n    # about A\n# the end\n', 'entities:\n  - id: a\n    kind: place\n    name: A\n    # about A\n  - id: hanoi\n    kind: place\n    name: Hanoi\n# the end\n'],
    ];
    for (const [title, before, after] of starts) {
      it(`works on ${title}`, () => {
        const aliases = before.includes('aliases') ? ['Ha Noi'] : [];
        const result = succeeded(addEntity(before, { kind: 'place', name: 'Hanoi', aliases }));
        const text = applied(before, result);
        assert.equal(text, after);
        assert.deepEqual(parse(text).problems, []);
        assert.equal(entity(text, 'hanoi').name, 'Hanoi');
      });
    }

    it('refuses a glossary with YAML errors, with the line and column', () => {
      const broken = 'entities:\n  - id: a\n    name: [A\n';
      const result = addEntity(broken, { kind: 'place', name: 'Hanoi' });
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.error, /^The glossary has a YAML error at line \d+, column \d+: .*nothing was changed\.$/);
      assert.equal(typeof result.line, 'number');
      assert.equal(typeof result.character, 'number');
    });

    it('refuses a glossary whose entities are not a list, or that is not a mapping', () => {
      assert.deepEqual(addEntity('entities: 5\n', { kind: 'place', name: 'Hanoi' }), {
        ok: false,
        error: "'entities' in the glossary is not a list (each item starting with '- '); nothing was changed.",
        line: 0,
        character: 10,
      });
      assert.equal(addEntity('- a\n- b\n', { kind: 'place', name: 'Hanoi' }).ok, false);
    });
  });

  describe('addAlias', () => {
    it('appends to a flow list, keeping the aligned comment in its column', () => {
      const result = succeeded(addAlias(SMALL, 'to-lam', 'TO LAM'));
      assert.equal(result.message, "Added 'TO LAM' as an alias of to-lam.");
      assert.equal(applied(SMALL, result), SMALL.replace('aliases: [To Lam]           #', 'aliases: [To Lam, TO LAM]   #'));
    });

    it('appends to a block list as a new item', () => {
      const text = applied(SMALL, addAlias(SMALL, 'moscow', 'Moscou'));
      assert.equal(text, SMALL.replace('      - Moskva\n', '      - Moskva\n      - Moscou\n'));
      assert.deepEqual(entity(text, 'moscow').aliases, ['Moskva', 'Moscou']);
    });

    it('creates the key right after name:, in the style most lists of the file use', () => {
      const text = applied(SMALL, addAlias(SMALL, 'sergey-lavrov', 'Sergei Lavrov'));
      assert.equal(text, SMALL.replace('    name: "Sergey Lavrov"\n', '    name: "Sergey Lavrov"\n    aliases: [Sergei Lavrov]\n'));
    });

    it('adds an aka after the aliases', () => {
      const text = applied(SMALL, addAlias(SMALL, 'to-lam', 'Party chief', 'aka'));
      assert.equal(text, SMALL.replace('# diacritic-free\n', '# diacritic-free\n    aka: [Party chief]\n'));
      assert.deepEqual(entity(text, 'to-lam').aka, ['Party chief']);
    });

    it('adds to a block list when the file writes its lists that way', () => {
      const block = 'entities:\n  - id: a\n    kind: place\n    name: A\n    titles:\n      - Capital\n';
      assert.equal(applied(block, addAlias(block, 'a', 'Ä')), 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases:\n      - Ä\n    titles:\n      - Capital\n');
    });

    it('fills an empty key: `aliases:` and `aliases: []`', () => {
      const empty = 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases:   # none\n';
      assert.equal(applied(empty, addAlias(empty, 'a', 'Ä')), 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases: [Ä]   # none\n');
      const flow = 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases: []\n';
      assert.equal(applied(flow, addAlias(flow, 'a', 'Ä')), 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases: [Ä]\n');
    });

    it('is a no-op, with a message, for a spelling the entity already has exactly', () => {
      assert.deepEqual(addAlias(SMALL, 'to-lam', 'To Lam'), { ok: true, edits: [], changed: false, message: "'To Lam' is already an alias of to-lam.", problems: [] });
      assert.equal(succeeded(addAlias(SMALL, 'to-lam', 'Tô Lâm'.normalize('NFD'))).message, "'Tô Lâm' is already the name of to-lam.");
      assert.equal(succeeded(addAlias(SMALL, 'to-lam', 'To Lam', 'aka')).changed, false);
    });

    it('adds a spelling that only folds to a known one: aliases are exact spellings', () => {
      const text = applied(SMALL, addAlias(SMALL, 'to-lam', 'Tô Lam'));
      assert.deepEqual(entity(text, 'to-lam').aliases, ['To Lam', 'Tô Lam']);
      assert.deepEqual(parse(text).problems, []);
    });

    it('reports a spelling another entity claims as a new problem', () => {
      const result = succeeded(addAlias(SMALL, 'moscow', 'To Lam'));
      assert.deepEqual(result.problems.map((p) => p.code), ['ambiguous-alias']);
    });

    it('refuses an unknown entity, an empty spelling, a broken file', () => {
      assert.deepEqual(addAlias(SMALL, 'no-such', 'X'), { ok: false, error: "There is no entity 'no-such' in the glossary." });
      assert.equal(addAlias(SMALL, 'to-lam', ' ').ok, false);
      const broken = addAlias(SMALL.replace('name: Moscow', 'name: [Moscow'), 'to-lam', 'X');
      assert.equal(broken.ok, false);
    });

    it('adds to an entry written as a flow mapping, and to a multi-line flow list', () => {
      const flowMap = 'entities:\n  - {id: a, kind: place, name: A}\n';
      assert.equal(applied(flowMap, addAlias(flowMap, 'a', 'Z')), 'entities:\n  - {id: a, kind: place, name: A, aliases: [Z]}\n');
      const multi = 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases: [\n      A1,\n      "A2"\n    ]\n';
      assert.equal(applied(multi, addAlias(multi, 'a', 'Z')), 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases: [\n      A1,\n      "A2", Z\n    ]\n');
    });

    it('does not mind a name written as a block scalar', () => {
      const block = 'entities:\n  - id: a\n    kind: place\n    name: >-\n      A\n';
      assert.equal(applied(block, addAlias(block, 'a', 'Z')), 'entities:\n  - id: a\n    kind: place\n    name: >-\n      A\n    aliases: [Z]\n');
      assert.match(renameEntity(block, 'a', 'B').ok ? '' : 'refused', /refused/);
    });

    it('refuses to add to a list field that is not a list', () => {
      const odd = 'entities:\n  - id: a\n    kind: place\n    name: A\n    aliases: A1\n';
      assert.deepEqual(addAlias(odd, 'a', 'Ä'), { ok: false, error: "'aliases' of 'a' is not a list; fix it first, nothing was changed.", line: 4, character: 13 });
    });
  });

  describe('renameEntity', () => {
    it('rewrites the name in its own quotes and keeps the old name as an alias', () => {
      const result = succeeded(renameEntity(SMALL, 'sergey-lavrov', 'Sergei Lavrov'));
      assert.equal(result.message, "Renamed sergey-lavrov from 'Sergey Lavrov' to 'Sergei Lavrov'; 'Sergey Lavrov' kept as an alias.");
      const text = applied(SMALL, result);
      assert.equal(text, SMALL.replace('    name: "Sergey Lavrov"\n', '    name: "Sergei Lavrov"\n    aliases: [Sergey Lavrov]\n'));
      const e = entity(text, 'sergey-lavrov');
      assert.equal(e.name, 'Sergei Lavrov');
      assert.deepEqual(e.aliases, ['Sergey Lavrov']);
    });

    it('keeps an aligned comment in its column', () => {
      const text = applied(SMALL, renameEntity(SMALL, 'to-lam', 'Tô Lâm Jr'));
      assert.equal(
        text,
        SMALL.replace('    name: Tô Lâm            # canonical', '    name: Tô Lâm Jr         # canonical').replace('aliases: [To Lam]           #', 'aliases: [To Lam, Tô Lâm]   #'),
      );
    });

    it('swaps a name with the alias that becomes the name', () => {
      const text = applied(SMALL, renameEntity(SMALL, 'to-lam', 'To Lam'));
      assert.equal(text, SMALL.replace('    name: Tô Lâm            #', '    name: To Lam            #').replace('aliases: [To Lam]', 'aliases: [Tô Lâm]'));
      assert.deepEqual(entity(text, 'to-lam').aliases, ['Tô Lâm']);
      const block = applied(SMALL, renameEntity(SMALL, 'moscow', 'Moskva'));
      assert.equal(block, SMALL.replace('    name: Moscow\n    aliases:\n      - Moskva\n', '    name: Moskva\n    aliases:\n      - Moscow\n'));
    });

    it('drops the alias that becomes the name when the old name is already an alias', () => {
      const two = 'entities:\n  - id: a\n    kind: place\n    name: Hanoi\n    aliases: [Ha Noi, Hanoi, Hà Nội]\n';
      assert.equal(applied(two, renameEntity(two, 'a', 'Hà Nội')), 'entities:\n  - id: a\n    kind: place\n    name: Hà Nội\n    aliases: [Ha Noi, Hanoi]\n');
      const block = 'entities:\n  - id: a\n    kind: place\n    name: Hanoi\n    aliases:\n      - Hà Nội\n      - Hanoi\n';
      assert.equal(applied(block, renameEntity(block, 'a', 'Hà Nội')), 'entities:\n  - id: a\n    kind: place\n    name: Hà Nội\n    aliases:\n      - Hanoi\n');
    });

    it('is a no-op for the same name, and refuses an unknown entity or an empty name', () => {
      assert.equal(succeeded(renameEntity(SMALL, 'moscow', ' Moscow ')).changed, false);
      assert.equal(renameEntity(SMALL, 'nope', 'X').ok, false);
      assert.equal(renameEntity(SMALL, 'moscow', '').ok, false);
    });

    it('keeps single quotes', () => {
      const single = "entities:\n  - id: a\n    kind: place\n    name: 'A'\n";
      assert.equal(applied(single, renameEntity(single, 'a', "it's")), "entities:\n  - id: a\n    kind: place\n    name: 'it''s'\n    aliases: [A]\n");
    });

    it('quotes a new name that needs it', () => {
      const text = applied(SMALL, renameEntity(SMALL, 'moscow', 'Moscow: the capital'));
      assert.match(text, /\n {4}name: "Moscow: the capital"\n/);
      assert.equal(entity(text, 'moscow').name, 'Moscow: the capital');
    });
  });

  describe('addIgnored', () => {
    it('creates the ignore list at the end of the file, after a blank line, in the style of its lists', () => {
      const result = succeeded(addIgnored(SMALL, ' Serguei  Lavrov '));
      assert.equal(result.message, "Added 'Serguei Lavrov' to the glossary's ignore list: discovery no longer reports it.");
      assert.deepEqual(result.problems, []);
      const text = applied(SMALL, result);
      assert.equal(text, `${SMALL}\nignore: [Serguei Lavrov]\n`);
      assert.deepEqual(parse(text).ignore?.map((s) => s.text), ['Serguei Lavrov']);
      assert.deepEqual(parse(text).entities, parse(SMALL).entities.map((e) => e), 'the entities are untouched');
    });

    it('writes a block list when the file writes its lists that way, and ends the last line first', () => {
      const block = 'entities:\n  - id: moscow\n    kind: place\n    name: Moscow\n    aliases:\n      - Moskva\n      - Moscou';
      assert.equal(applied(block, addIgnored(block, 'Photo: VNA')), `${block}\n\nignore:\n  - "Photo: VNA"\n`);
    });

    it('appends to an existing list in its own style, keeping an aligned comment in its column', () => {
      const flow = `ignore: [Photo VNA]                    # bylines\n${SMALL}`;
      assert.equal(applied(flow, addIgnored(flow, 'Serguei Lavrov')), `ignore: [Photo VNA, Serguei Lavrov]    # bylines\n${SMALL}`);
      const block = `${SMALL}ignore:\n  - Photo VNA # byline\n  - Ngọc Vân\n`;
      assert.equal(applied(block, addIgnored(block, 'Serguei Lavrov')), `${block}  - Serguei Lavrov\n`);
    });

    it('fills an empty ignore: and ignore: []', () => {
      for (const empty of ['ignore:', 'ignore: []', 'ignore: ~']) {
        const text = `${SMALL}${empty}\n`;
        assert.equal(applied(text, addIgnored(text, 'Tô Lâm Jr')), `${SMALL}ignore: [Tô Lâm Jr]\n`, empty);
      }
    });

    it('is a no-op, with a message, for a spelling the list holds in any case or diacritics', () => {
      const text = `${SMALL}ignore: [Serguei Lavrov]\n`;
      const result = succeeded(addIgnored(text, 'SERGUEÏ LAVROV'));
      assert.equal(result.changed, false);
      assert.equal(result.message, "'SERGUEÏ LAVROV' is already on the glossary's ignore list.");
    });

    it('refuses an empty spelling, a broken file and an ignore that is not a list, with the line and column', () => {
      assert.equal(addIgnored(SMALL, '  ').ok, false);
      const broken = addIgnored('entities: [\n', 'X');
      assert.ok(!broken.ok && broken.line === 1, JSON.stringify(broken));
      const scalar = addIgnored(`${SMALL}ignore: { a: b }\n`, 'X');
      assert.ok(!scalar.ok && /not a list/.test(scalar.error) && scalar.line === SMALL.split('\n').length - 1, JSON.stringify(scalar));
    });

    it('starts a file of comments only with the list', () => {
      assert.equal(applied('# Glossary\n', addIgnored('# Glossary\n', 'Ngọc Vân')), '# Glossary\nignore: [Ngọc Vân]\n');
    });
  });

  describe('CRLF files stay CRLF', () => {
    const small = crlf(SMALL);
    const cases: [string, (text: string) => ReturnType<typeof addAlias>][] = [
      ['addEntity', (t) => addEntity(t, { kind: 'person', name: 'Bùi Thanh Sơn', aliases: ['Bui Thanh Son'] })],
      ['addAlias to a flow list', (t) => addAlias(t, 'to-lam', 'TO LAM')],
      ['addAlias to a block list', (t) => addAlias(t, 'moscow', 'Moscou')],
      ['addAlias as a new key', (t) => addAlias(t, 'sergey-lavrov', 'Sergei Lavrov')],
      ['renameEntity', (t) => renameEntity(t, 'sergey-lavrov', 'Sergei Lavrov')],
      ['renameEntity in a block list', (t) => renameEntity(t, 'moscow', 'Moskva')],
      ['addIgnored as a new list', (t) => addIgnored(t, 'Serguei Lavrov')],
      ['addIgnored to a block list', (t) => addIgnored(`${t}ignore:\r\n  - Photo VNA\r\n`, 'Serguei Lavrov')],
    ];
    for (const [title, edit] of cases) {
      it(title, () => {
        const text = applied(small, edit(small));
        assertAllCrlf(text);
        assert.equal(text, crlf(applied(SMALL, edit(SMALL))));
      });
    }
    it('on a new file of CRLF comments', () => {
      const text = applied('# Glossary\r\n', addEntity('# Glossary\r\n', { kind: 'place', name: 'Hanoi' }));
      assert.equal(text, '# Glossary\r\nentities:\r\n  - id: hanoi\r\n    kind: place\r\n    name: Hanoi\r\n');
    });
  });

  for (const file of ['test/fixtures/corpus/glossary.yaml', 'samples/glossary.yaml']) {
    describe(`on ${file}`, () => {
      const original = readRepoFile(file);
      const before = parse(original);

      it('addEntity appends one entry, changes nothing else, and parses with no new problems', () => {
        const result = succeeded(addEntity(original, { kind: 'person', name: 'Nguyễn Thị Thanh', aliases: ['Nguyen Thi Thanh'], description: 'Vice Chair of the National Assembly' }));
        const text = applied(original, result);
        // The file ends with its last entry's line: the new entry comes after it, a blank line between.
        const entry = ['  - id: nguyen-thi-thanh', '    kind: person', '    name: Nguyễn Thị Thanh', '    aliases: [Nguyen Thi Thanh]', '    description: Vice Chair of the National Assembly'];
        assert.equal(text, `${original}\n${entry.join('\n')}\n`);
        const after = parse(text);
        assert.deepEqual(after.problems, before.problems);
        assert.equal(after.entities.length, before.entities.length + 1);
        assert.deepEqual(entity(text, 'nguyen-thi-thanh').aliases, ['Nguyen Thi Thanh']);
      });

      it('addAlias changes one line of a flow list, or adds one line after name:', () => {
        const flow = applied(original, addAlias(original, 'to-lam', 'Tô Lam'));
        const { removed, added } = changedLines(original, flow);
        assert.equal(removed.length, 1);
        assert.match(removed[0], /^ {4}aliases: \[To Lam\]/);
        assert.match(added[0], /^ {4}aliases: \[To Lam, Tô Lam\]/);
        assert.equal(removed[0].slice(removed[0].indexOf('#')), added[0].slice(added[0].indexOf('#')), 'the comment changed');
        assert.deepEqual(parse(flow).problems, before.problems);
        assert.deepEqual(entity(flow, 'to-lam').aliases, ['To Lam', 'Tô Lam']);

        const created = applied(original, addAlias(original, 'moscow', 'Moskva'));
        assert.deepEqual(changedLines(original, created), { removed: [], added: ['    aliases: [Moskva]'] });
        assert.deepEqual(parse(created).problems, before.problems);
        assert.deepEqual(entity(created, 'moscow').aliases, ['Moskva']);
      });

      it('renameEntity changes the name line and the aliases, nothing else', () => {
        const text = applied(original, renameEntity(original, 'vladimir-putin', 'Vladimir V. Putin'));
        const { removed, added } = changedLines(original, text);
        assert.equal(removed.length, 1);
        assert.match(removed[0], /^ {4}name: Vladimir Putin/);
        assert.deepEqual(added, [removed[0].replace('Vladimir Putin', 'Vladimir V. Putin'), '    aliases: [Vladimir Putin]']);
        const after = parse(text);
        assert.deepEqual(after.problems, before.problems);
        const e = entity(text, 'vladimir-putin');
        assert.equal(e.name, 'Vladimir V. Putin');
        assert.deepEqual(e.aliases, ['Vladimir Putin']);
      });
    });
  }
});
