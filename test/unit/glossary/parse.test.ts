import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { defaultShortForms, entitySpellings, parseGlossary, suggestId } from '../../../src/core/glossary/parse';
import type { Glossary } from '../../../src/core/glossary/types';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { Problem, ProblemCode, Severity } from '../../../src/core/types';

/** Joins lines with LF; the last line gets a newline too, as editors save. */
function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function parseOne(text: string, file = 'glossary.yaml'): Glossary {
  return parseGlossary([{ file, text }]);
}

const TO_LAM = ['  - id: to-lam', '    kind: person', '    name: Tô Lâm'];

describe('parseGlossary', () => {
  describe('a valid entry', () => {
    const text = yaml(
      '# The people of the corpus.',
      'entities:',
      '  - id: to-lam              # required',
      '    kind: person',
      '    name: Tô Lâm',
      '    aliases: [To Lam]',
      '    aka: [Party chief]',
      '    titles: [General Secretary, Party General Secretary]',
      '    description: General Secretary of the Communist Party of Vietnam',
      '    country: VN',
      '    links: { wikipedia: "https://en.wikipedia.org/wiki/Tô_Lâm" }',
      '',
      '  - id: russia',
      '    kind: place',
      '    name: Russia',
      '    aka: [Russian Federation]',
    );
    const glossary = parseOne(text);

    it('has no problems', () => assert.deepEqual(glossary.problems, []));

    it('reads every field', () => {
      const [toLam] = glossary.entities;
      assert.equal(toLam.id, 'to-lam');
      assert.equal(toLam.kind, 'person');
      assert.equal(toLam.name, 'Tô Lâm');
      assert.deepEqual(toLam.aliases, ['To Lam']);
      assert.deepEqual(toLam.aka, ['Party chief']);
      assert.deepEqual(toLam.titles, ['General Secretary', 'Party General Secretary']);
      assert.equal(toLam.description, 'General Secretary of the Communist Party of Vietnam');
      assert.equal(toLam.country, 'VN');
      assert.deepEqual(toLam.links, { wikipedia: 'https://en.wikipedia.org/wiki/Tô_Lâm' });
      assert.deepEqual(toLam.extra, {});
    });

    it('locates the whole entry, from its first key to its last value, and the name value', () => {
      const [toLam, russia] = glossary.entities;
      assert.deepEqual(toLam.location, { file: 'glossary.yaml', line: 2, character: 4, endLine: 10, endCharacter: 64 });
      assert.deepEqual(toLam.nameLocation, { file: 'glossary.yaml', line: 4, character: 10, endLine: 4, endCharacter: 16 });
      assert.deepEqual(russia.location, { file: 'glossary.yaml', line: 12, character: 4, endLine: 15, endCharacter: 29 });
    });

    it('gives a person the last word of the name as default short form, and a place none', () => {
      const [toLam, russia] = glossary.entities;
      assert.deepEqual(toLam.short, ['Lâm']);
      assert.equal(toLam.shortIsDefault, true);
      assert.deepEqual(russia.short, []);
      assert.equal(russia.shortIsDefault, false);
    });
  });

  describe('problems, one per kind of mistake', () => {
    interface Case {
      title: string;
      text: string;
      code: ProblemCode;
      severity: Severity;
      /** [line, character, endLine, endCharacter], 0-based. */
      at: [number, number, number, number];
      says: string[];
      /** Ids of the entities that survive. */
      kept: string[];
    }
    const cases: Case[] = [
      {
        title: 'YAML syntax error',
        text: yaml('entities:', '  - id: to-lam', '    kind: person', '    name: "Tô Lâm', '  - id: x'),
        code: 'yaml-syntax',
        severity: 'error',
        at: [5, 0, 5, 0],
        says: ['YAML syntax error', 'quote'],
        kept: [],
      },
      {
        title: 'tab indentation',
        text: 'entities:\n\t- id: a\n',
        code: 'yaml-syntax',
        severity: 'error',
        at: [1, 0, 1, 1],
        says: ['Tabs'],
        kept: [],
      },
      {
        title: 'duplicate key in an entry (YAML error: the file is not used)',
        text: yaml('entities:', ...TO_LAM, '    name: To Lam'),
        code: 'yaml-syntax',
        severity: 'error',
        at: [4, 4, 4, 5],
        says: ['unique'],
        kept: [],
      },
      {
        title: 'no entities key',
        text: yaml('people:', ...TO_LAM),
        code: 'missing-field',
        severity: 'error',
        at: [0, 0, 4, 0],
        says: ["'entities:'"],
        kept: [],
      },
      {
        title: 'a bare list at the top',
        text: yaml('- id: to-lam', '  kind: person', '  name: Tô Lâm'),
        code: 'not-a-list',
        severity: 'error',
        at: [0, 0, 3, 0],
        says: ["'entities:'"],
        kept: [],
      },
      {
        title: 'entities is not a list',
        text: yaml('entities: to-lam'),
        code: 'not-a-list',
        severity: 'error',
        at: [0, 10, 0, 16],
        says: ["'entities' must be a list"],
        kept: [],
      },
      {
        title: 'missing id',
        text: yaml('entities:', '  - kind: person', '    name: Tô Lâm'),
        code: 'missing-field',
        severity: 'error',
        at: [1, 4, 1, 16],
        says: ['entities[0]', "missing 'id'"],
        kept: [],
      },
      {
        title: 'empty id',
        text: yaml('entities:', '  - id:', '    kind: person', '    name: Tô Lâm'),
        code: 'missing-field',
        severity: 'error',
        at: [1, 4, 1, 6],
        says: ['entities[0]', "missing 'id'"],
        kept: [],
      },
      {
        title: 'missing kind',
        text: yaml('entities:', '  - id: to-lam', '    name: Tô Lâm'),
        code: 'missing-field',
        severity: 'error',
        at: [1, 4, 1, 14],
        says: ['entities[0] (to-lam)', "missing 'kind'"],
        kept: [],
      },
      {
        title: 'missing name',
        text: yaml('entities:', '  - id: to-lam', '    kind: person', '    aliases: [To Lam]'),
        code: 'missing-field',
        severity: 'error',
        at: [1, 4, 1, 14],
        says: ['entities[0] (to-lam)', "missing 'name'"],
        kept: [],
      },
      {
        title: 'invalid kind, with a suggestion',
        text: yaml('entities:', ...TO_LAM, '  - id: lavrov', '    kind: persn', '    name: Sergey Lavrov'),
        code: 'invalid-kind',
        severity: 'error',
        at: [5, 10, 5, 15],
        says: ["entities[1] (lavrov): 'kind' must be person, body or place, found 'persn'", "did you mean 'person'"],
        kept: ['to-lam'],
      },
      {
        title: 'invalid id, with a suggestion',
        text: yaml('entities:', '  - id: To_Lam', '    kind: person', '    name: Tô Lâm'),
        code: 'invalid-id',
        severity: 'error',
        at: [1, 8, 1, 14],
        says: ['entities[0] (To_Lam)', 'kebab-case', "'To_Lam'", "try 'to-lam'"],
        kept: [],
      },
      {
        title: 'id that is a number',
        text: yaml('entities:', '  - id: 42', '    kind: person', '    name: X Y'),
        code: 'wrong-type',
        severity: 'error',
        at: [1, 8, 1, 10],
        says: ["'id' must be text", 'a number (42)', "quote it: '42'"],
        kept: [],
      },
      {
        title: 'duplicate id in one file, naming the first entry',
        text: yaml('entities:', ...TO_LAM, '  - id: to-lam', '    kind: place', '    name: To Lam'),
        code: 'duplicate-id',
        severity: 'error',
        at: [4, 8, 4, 14],
        says: ['entities[1] (to-lam)', "duplicate id 'to-lam'", 'glossary.yaml:2'],
        kept: ['to-lam'],
      },
      {
        title: 'name that is a list',
        text: yaml('entities:', '  - id: to-lam', '    kind: person', '    name: [Tô Lâm, To Lam]'),
        code: 'wrong-type',
        severity: 'error',
        at: [3, 10, 3, 26],
        says: ["'name' must be text", 'a list'],
        kept: [],
      },
      {
        title: 'aliases not a list of strings (item)',
        text: yaml('entities:', ...TO_LAM, '    aliases: [To Lam, 3]'),
        code: 'wrong-type',
        severity: 'error',
        at: [4, 22, 4, 23],
        says: ["entities[0] (to-lam): 'aliases[1]' must be text", 'a number (3)'],
        kept: ['to-lam'],
      },
      {
        title: 'aliases a mapping',
        text: yaml('entities:', ...TO_LAM, '    aliases: { en: To Lam }'),
        code: 'wrong-type',
        severity: 'error',
        at: [4, 13, 4, 27],
        says: ["'aliases' must be a list of text", 'a mapping'],
        kept: ['to-lam'],
      },
      {
        title: 'aliases a single string (read as a list of one)',
        text: yaml('entities:', ...TO_LAM, '    aliases: To Lam'),
        code: 'wrong-type',
        severity: 'warning',
        at: [4, 13, 4, 19],
        says: ["'aliases' should be a list", 'aliases: [To Lam]'],
        kept: ['to-lam'],
      },
      {
        title: 'links not a map',
        text: yaml('entities:', ...TO_LAM, '    links: [https://en.wikipedia.org/wiki/Tô_Lâm]'),
        code: 'wrong-type',
        severity: 'error',
        at: [4, 11, 4, 49],
        says: ["'links' must be a mapping", 'a list'],
        kept: ['to-lam'],
      },
      {
        title: 'link value not text',
        text: yaml('entities:', ...TO_LAM, '    links: { wikipedia: [a, b] }'),
        code: 'wrong-type',
        severity: 'error',
        at: [4, 24, 4, 30],
        says: ["'links.wikipedia' must be a URL or an entity id"],
        kept: ['to-lam'],
      },
      {
        title: 'link to an unknown entity',
        text: yaml('entities:', ...TO_LAM, '    links: { party: communist-party }'),
        code: 'invalid-value',
        severity: 'warning',
        at: [4, 20, 4, 35],
        says: ["'links.party' is 'communist-party'", 'neither a URL nor the id'],
        kept: ['to-lam'],
      },
      {
        title: 'country not an ISO code',
        text: yaml('entities:', ...TO_LAM, '    country: Vietnam'),
        code: 'invalid-value',
        severity: 'warning',
        at: [4, 13, 4, 20],
        says: ["'country' should be an ISO 3166 alpha-2 code", "'Vietnam'"],
        kept: ['to-lam'],
      },
      {
        title: 'a key that looks like a typo of a known one',
        text: yaml('entities:', ...TO_LAM, '    alias: [To Lam]'),
        code: 'invalid-value',
        severity: 'info',
        at: [4, 4, 4, 9],
        says: ["'alias' is not a glossary field", "did you mean 'aliases'"],
        kept: ['to-lam'],
      },
      {
        title: 'an empty entry',
        text: yaml('entities:', ...TO_LAM, '  -'),
        code: 'empty-entry',
        severity: 'warning',
        at: [4, 2, 4, 3],
        says: ['entities[1] is empty'],
        kept: ['to-lam'],
      },
      {
        title: 'an entry that is not a mapping',
        text: yaml('entities:', ...TO_LAM, '  - Sergey Lavrov'),
        code: 'wrong-type',
        severity: 'error',
        at: [4, 4, 4, 17],
        says: ['entities[1]: an entity must be a mapping', "'Sergey Lavrov'"],
        kept: ['to-lam'],
      },
      {
        title: 'an empty spelling',
        text: yaml('entities:', ...TO_LAM, "    aliases: ['  ']"),
        code: 'invalid-value',
        severity: 'warning',
        at: [4, 14, 4, 18],
        says: ["empty spelling in 'aliases'"],
        kept: ['to-lam'],
      },
      {
        title: 'an alias whose folded form another entity claims, at the later occurrence',
        text: yaml(
          'entities:',
          '  - id: ho-chi-minh',
          '    kind: person',
          '    name: Hồ Chí Minh',
          '  - id: ho-chi-minh-city',
          '    kind: place',
          '    name: Hồ Chí Minh City',
          '    aka: [HCMC, Ho Chi Minh]',
        ),
        code: 'ambiguous-alias',
        severity: 'warning',
        at: [7, 16, 7, 27],
        says: ["'Ho Chi Minh' (aka of ho-chi-minh-city)", "ho-chi-minh (name 'Hồ Chí Minh', glossary.yaml:4)"],
        kept: ['ho-chi-minh', 'ho-chi-minh-city'],
      },
      {
        title: 'two names that fold alike',
        text: yaml('entities:', '  - id: viet-nam', '    kind: place', '    name: Việt Nam', '  - id: viet-nam-2', '    kind: body', '    name: Viet Nam'),
        code: 'ambiguous-alias',
        severity: 'warning',
        at: [6, 10, 6, 18],
        says: ["'Viet Nam' (name of viet-nam-2)", 'viet-nam (name'],
        kept: ['viet-nam', 'viet-nam-2'],
      },
      {
        title: "a default short form equal to another entity's name",
        text: yaml('entities:', '  - id: kazan', '    kind: place', '    name: Kazan', '  - id: ivan-kazan', '    kind: person', '    name: Ivan Kazan'),
        code: 'ambiguous-alias',
        severity: 'warning',
        at: [6, 10, 6, 20],
        says: ["'Kazan' (default short form of ivan-kazan)", "explicit 'short:'"],
        kept: ['kazan', 'ivan-kazan'],
      },
      {
        title: "an explicit short form equal to another entity's alias",
        text: yaml('entities:', '  - id: russia', '    kind: place', '    name: Russia', '  - id: state-duma', '    kind: body', '    name: State Duma', '    short: [Duma, Russia]'),
        code: 'ambiguous-alias',
        severity: 'warning',
        at: [7, 18, 7, 24],
        says: ["'Russia' (short form of state-duma)", 'russia (name'],
        kept: ['russia', 'state-duma'],
      },
    ];

    for (const c of cases) {
      it(c.title, () => {
        const glossary = parseOne(c.text);
        const problem = glossary.problems.find((p) => p.code === c.code);
        assert.ok(problem, `no ${c.code} among ${JSON.stringify(glossary.problems, null, 1)}`);
        assert.equal(problem.severity, c.severity);
        assert.deepEqual([problem.line, problem.character, problem.endLine, problem.endCharacter], c.at, problem.message);
        assert.equal(problem.file, 'glossary.yaml');
        for (const s of c.says) assert.ok(problem.message.includes(s), `"${problem.message}" should say "${s}"`);
        assert.deepEqual(
          glossary.entities.map((e) => e.id),
          c.kept,
        );
      });
    }

    it('reports every mistake of an entry, not just the first', () => {
      const glossary = parseOne(yaml('entities:', '  - id: To Lam', '    kind: persn', '    name: Tô Lâm', '    titles: General Secretary'));
      assert.deepEqual(
        glossary.problems.map((p) => p.code),
        ['invalid-id', 'invalid-kind', 'wrong-type'],
      );
    });

    it('keeps a valid entry whose optional field is wrong, without that field', () => {
      const glossary = parseOne(yaml('entities:', ...TO_LAM, '    aliases: [To Lam, [x]]', '    description: [a, b]', '    titles: [General Secretary]'));
      const [toLam] = glossary.entities;
      assert.deepEqual(toLam.aliases, ['To Lam']);
      assert.equal(toLam.description, undefined);
      assert.deepEqual(toLam.titles, ['General Secretary']);
      assert.equal(glossary.problems.length, 2);
    });

    it('does not flag spellings that fold alike within one entity, nor short forms two people share', () => {
      const glossary = parseOne(
        yaml(
          'entities:',
          ...TO_LAM,
          '    aliases: [To Lam, TO LAM]',
          '  - id: vladimir-putin',
          '    kind: person',
          '    name: Vladimir Putin',
          '  - id: vladimir-murashkin',
          '    kind: person',
          '    name: Vladimir Murashkin',
          '    short: [Vladimir]',
          '  - id: vladimir-lenin',
          '    kind: person',
          '    name: Vladimir Lenin',
          '    short: [Vladimir]',
        ),
      );
      assert.deepEqual(glossary.problems, []);
    });

    it('an empty file or an empty list is an empty glossary, without problems', () => {
      for (const text of ['', '\n', '# nothing yet\n', 'entities:\n', 'entities: []\n']) {
        assert.deepEqual(parseOne(text), { entities: [], problems: [] }, JSON.stringify(text));
      }
    });
  });

  describe('short forms', () => {
    const cases: [string, string, string[]][] = [
      ['Sergey Lavrov', 'person', ['Lavrov']],
      ['Vladimir Putin', 'person', ['Putin']],
      ['Đặng Minh Khôi', 'person', ['Khôi']],
      ['Bùi Thanh Sơn', 'person', ['Sơn']],
      ['Trần Thanh Mẫn', 'person', ['Mẫn']],
      ['Martin Luther King Jr.', 'person', ['King']],
      ['Madonna', 'person', []],
      ['State Duma', 'body', []],
      ['Moscow', 'place', []],
    ];
    for (const [name, kind, expected] of cases) {
      it(`${name} (${kind}) → [${expected.join(', ')}]`, () => {
        const [e] = parseOne(yaml('entities:', '  - id: x', `    kind: ${kind}`, `    name: ${name}`)).entities;
        assert.deepEqual(e.short, expected);
      });
    }

    it('an explicit list wins over the default', () => {
      const [e] = parseOne(yaml('entities:', ...TO_LAM, '    short: [Lâm, Lam]')).entities;
      assert.deepEqual(e.short, ['Lâm', 'Lam']);
      assert.equal(e.shortIsDefault, false);
    });

    it('short: [] turns them off', () => {
      const [e] = parseOne(yaml('entities:', '  - id: ho-chi-minh', '    kind: person', '    name: Hồ Chí Minh', '    short: []')).entities;
      assert.deepEqual(e.short, []);
      assert.equal(e.shortIsDefault, false);
    });

    it('short: with no value means the default', () => {
      const [e] = parseOne(yaml('entities:', ...TO_LAM, '    short:')).entities;
      assert.deepEqual(e.short, ['Lâm']);
      assert.equal(e.shortIsDefault, true);
    });

    it('a body or place may have explicit short forms', () => {
      const [e] = parseOne(yaml('entities:', '  - id: state-duma', '    kind: body', '    name: State Duma', '    short: [Duma]')).entities;
      assert.deepEqual(e.short, ['Duma']);
    });

    it('defaultShortForms skips generational suffixes and bare punctuation', () => {
      assert.deepEqual(defaultShortForms('John Smith III'), ['Smith']);
      assert.deepEqual(defaultShortForms('Phạm Minh Chính'), ['Chính']);
      assert.deepEqual(defaultShortForms('Someone —'), []);
    });
  });

  describe('dated titles', () => {
    const titled = (...lines: string[]) => parseOne(yaml('entities:', ...TO_LAM, '    titles:', ...lines.map((l) => `      ${l}`)));

    it('reads text and { title, from, until } side by side; titles stays a list of text', () => {
      const glossary = titled('- General Secretary', '- { title: President, from: 2024-05-22, until: 2024-10-21 }', '- title: Minister of Public Security', '  until: "2024-06-06"');
      assert.deepEqual(glossary.problems, []);
      const [toLam] = glossary.entities;
      assert.deepEqual(toLam.titles, ['General Secretary', 'President', 'Minister of Public Security']);
      assert.deepEqual(toLam.datedTitles, [
        { title: 'President', from: '2024-05-22', until: '2024-10-21' },
        { title: 'Minister of Public Security', until: '2024-06-06' },
      ]);
    });

    it('keeps two terms of one title, and leaves datedTitles out when no title has dates', () => {
      const [putin] = titled('- { title: President, from: 2000-05-07, until: 2008-05-07 }', '- { title: President, from: 2012-05-07 }').entities;
      assert.deepEqual(putin.titles, ['President']);
      assert.equal(putin.datedTitles?.length, 2);
      assert.equal(titled('- General Secretary').entities[0].datedTitles, undefined);
    });

    const rows: { what: string; line: string; code: ProblemCode; severity: Severity; at: [number, number]; says: string }[] = [
      { what: 'a month that does not exist', line: '- { title: President, from: 2024-13-01 }', code: 'invalid-value', severity: 'error', at: [5, 34], says: "'titles[0].from' must be a day written YYYY-MM-DD" },
      { what: 'a day that does not exist', line: '- { title: President, until: 2024-02-30 }', code: 'invalid-value', severity: 'error', at: [5, 35], says: "found '2024-02-30'" },
      { what: 'a year alone', line: '- { title: President, from: 2024 }', code: 'invalid-value', severity: 'error', at: [5, 34], says: "found '2024'" },
      { what: 'a day written otherwise', line: '- { title: President, from: 22/05/2024 }', code: 'invalid-value', severity: 'error', at: [5, 34], says: 'such as 2024-05-22' },
      { what: 'until before from', line: '- { title: President, from: 2024-10-21, until: 2024-05-22 }', code: 'invalid-value', severity: 'error', at: [5, 53], says: "'titles[0].until' (2024-05-22) is before its 'from' (2024-10-21)" },
      { what: 'no title', line: '- { from: 2024-05-22 }', code: 'missing-field', severity: 'error', at: [5, 8], says: "'titles[0]' needs 'title'" },
      { what: 'a title that is a number', line: '- { title: 7 }', code: 'wrong-type', severity: 'error', at: [5, 17], says: 'found a number (7)' },
      { what: 'an item that is a list', line: '- [President]', code: 'wrong-type', severity: 'error', at: [5, 8], says: "'titles[0]' must be text or { title, from, until }" },
      { what: 'an unknown key', line: '- { title: President, since: 2024-05-22 }', code: 'invalid-value', severity: 'warning', at: [5, 28], says: "'titles[0].since' is not read" },
    ];
    for (const row of rows) {
      it(`reports ${row.what} at its line and column`, () => {
        const glossary = titled(row.line);
        assert.equal(glossary.problems.length, 1, JSON.stringify(glossary.problems));
        const [p] = glossary.problems;
        assert.deepEqual([p.code, p.severity, p.line, p.character], [row.code, row.severity, ...row.at]);
        assert.ok(p.message.includes(row.says), p.message);
        // The entry stays; a title with a bad day keeps the title, without that day.
        assert.equal(glossary.entities.length, 1);
      });
    }

    it('a bad day drops only that bound', () => {
      const [toLam] = titled('- { title: President, from: 2024-05-22, until: 2024-13-01 }').entities;
      assert.deepEqual(toLam.datedTitles, [{ title: 'President', from: '2024-05-22' }]);
    });
  });

  describe('same name, different countries', () => {
    const twoMinistries = (second: string[]) =>
      parseOne(yaml('entities:', '  - id: mofa-vn', '    kind: body', '    name: Ministry of Foreign Affairs', '    country: VN', '  - id: mofa-ru', '    kind: body', '    name: Ministry of Foreign Affairs', ...second));

    it('no ambiguous-alias when both have a country and they differ: a demonym tells them apart', () => {
      assert.deepEqual(twoMinistries(['    country: RU']).problems, []);
    });

    const rows: [string, string[]][] = [
      ['the same country', ['    country: VN']],
      ['the same country in other case', ['    country: vn']],
      ['one without a country', []],
    ];
    for (const [what, second] of rows) {
      it(`still warns with ${what}`, () => {
        const codes = twoMinistries(second)
          .problems.filter((p) => p.code === 'ambiguous-alias')
          .map((p) => [p.severity, p.line]);
        assert.deepEqual(codes, [['warning', 7]]);
      });
    }
  });

  describe('extra keys', () => {
    it('are kept as written, with their YAML values', () => {
      const [e] = parseOne(
        yaml('entities:', ...TO_LAM, '    born: 1957', '    note: Party chief since 2024', '    offices:', '      - { title: President, from: 2024 }', '    verified: true'),
      ).entities;
      assert.deepEqual(e.extra, {
        born: 1957,
        note: 'Party chief since 2024',
        offices: [{ title: 'President', from: 2024 }],
        verified: true,
      });
    });

    it('follow YAML anchors and aliases', () => {
      const glossary = parseOne(
        yaml('entities:', '  - id: moscow', '    kind: place', '    name: Moscow', '    titles: &none []', '    region: &eu Europe', '  - id: kazan', '    kind: place', '    name: Kazan', '    titles: *none', '    region: *eu'),
      );
      assert.deepEqual(glossary.problems, []);
      assert.deepEqual(glossary.entities[1].extra, { region: 'Europe' });
    });
  });

  describe('the top-level ignore: list', () => {
    const brief = (p: Problem) => [p.severity, p.code, p.line, p.character];
    const cases: [string, string[], string[], (string | number)[][]][] = [
      ['a flow list, trimmed and NFC', ['ignore: [" Minh Nhat ", "Ngo\u0323c Va\u0302n"]'], ['Minh Nhat', 'Ngọc Vân'], []],
      ['a block list', ['ignore:', '  - Thu Trang', '  - Photo Credit'], ['Thu Trang', 'Photo Credit'], []],
      ['nothing after the colon', ['ignore:'], [], []],
      ['a lone string: a list of one, with a warning', ['ignore: Minh Nhat'], ['Minh Nhat'], [['warning', 'wrong-type', 4, 8]]],
      ['a mapping is an error', ['ignore: { Minh: Nhat }'], [], [['error', 'wrong-type', 4, 8]]],
      ['a number among the spellings is dropped with an error', ['ignore: [Minh Nhat, 42]'], ['Minh Nhat'], [['error', 'wrong-type', 4, 20]]],
      ['an empty spelling is dropped with a warning', ['ignore: ["", Minh Nhat]'], ['Minh Nhat'], [['warning', 'invalid-value', 4, 9]]],
    ];
    for (const [title, lines, spellings, problems] of cases) {
      it(title, () => {
        const glossary = parseOne(yaml('entities:', ...TO_LAM, ...lines));
        assert.deepEqual(glossary.ignore?.map((s) => s.text), spellings);
        assert.deepEqual(glossary.problems.map(brief), problems);
        assert.equal(glossary.entities.length, 1);
      });
    }

    it('gives each spelling its position, and adds up the lists of several files', () => {
      const glossary = parseGlossary([
        { file: 'a.yaml', text: yaml('ignore: [Minh Nhat]', 'entities:', ...TO_LAM) },
        { file: 'b.yaml', text: yaml('entities: []', 'ignore:', '  - Thu Trang') },
      ]);
      assert.deepEqual(
        glossary.ignore?.map((s) => [s.text, s.location.file, s.location.line, s.location.character, s.location.endCharacter]),
        [
          ['Minh Nhat', 'a.yaml', 0, 9, 18],
          ['Thu Trang', 'b.yaml', 2, 4, 13],
        ],
      );
    });

    it('is absent when no file has one', () => {
      assert.equal(parseOne(yaml('entities:', ...TO_LAM)).ignore, undefined);
    });
  });

  describe('merging several files', () => {
    const people = yaml('entities:', ...TO_LAM, '  - id: sergey-lavrov', '    kind: person', '    name: Sergey Lavrov');
    const places = yaml('# places', 'entities:', '  - id: viet-nam', '    kind: place', '    name: Việt Nam', '    aliases: [Vietnam, Viet Nam]', '  - id: sergey-lavrov', '    kind: place', '    name: Lavrov Street');

    it('keeps the files in order and reports a duplicate id with the other file and line', () => {
      const glossary = parseGlossary([
        { file: 'people.yaml', text: people },
        { file: 'places.yaml', text: places },
      ]);
      assert.deepEqual(
        glossary.entities.map((e) => `${e.location.file}:${e.id}`),
        ['people.yaml:to-lam', 'people.yaml:sergey-lavrov', 'places.yaml:viet-nam'],
      );
      assert.equal(glossary.problems.length, 1);
      const [dup] = glossary.problems;
      assert.equal(dup.code, 'duplicate-id');
      assert.equal(dup.file, 'places.yaml');
      assert.deepEqual([dup.line, dup.character], [6, 8]);
      assert.ok(dup.message.includes('people.yaml:5'), dup.message);
    });

    it('finds an ambiguous alias across files, at the later file', () => {
      const other = yaml('entities:', '  - id: to-lam-2', '    kind: person', '    name: To Lam Junior', '    aka: [Tô Lâm]');
      const glossary = parseGlossary([
        { file: 'a.yaml', text: people },
        { file: 'b.yaml', text: other },
      ]);
      const [p] = glossary.problems;
      assert.equal(p.code, 'ambiguous-alias');
      assert.equal(p.file, 'b.yaml');
      assert.deepEqual([p.line, p.character, p.endCharacter], [4, 10, 16]);
      assert.ok(p.message.includes('to-lam-2') && p.message.includes('to-lam (name') && p.message.includes('a.yaml:4'), p.message);
    });

    it('a file with a syntax error contributes nothing, the others still do', () => {
      const glossary = parseGlossary([
        { file: 'broken.yaml', text: 'entities:\n  - id: [\n' },
        { file: 'places.yaml', text: places },
      ]);
      assert.deepEqual(
        glossary.entities.map((e) => e.id),
        ['viet-nam', 'sergey-lavrov'],
      );
      assert.equal(glossary.problems[0].file, 'broken.yaml');
      assert.equal(glossary.problems[0].code, 'yaml-syntax');
    });
  });

  describe('positions as VS Code counts them', () => {
    const lf = yaml('entities:', '  - id: to-lam', '    kind: person', '    name: Tô Lâm', '    aliases: ["😀 To Lam", 7]', '  - id: Bad', '    kind: place', '    name: X');
    const crlf = lf.replace(/\n/g, '\r\n');

    const strip = (g: Glossary): unknown => ({
      problems: g.problems.map(({ line, character, endLine, endCharacter, code }) => ({ line, character, endLine, endCharacter, code })),
      entities: g.entities.map((e) => ({ location: e.location, nameLocation: e.nameLocation })),
    });

    it('CRLF gives the same positions as LF', () => {
      assert.deepEqual(strip(parseOne(crlf)), strip(parseOne(lf)));
    });

    it('counts characters in UTF-16 code units (an emoji is two)', () => {
      const problem = parseOne(crlf).problems.find((p) => p.code === 'wrong-type')!;
      // '    aliases: ["😀 To Lam", 7]': the 7 is at code unit 27 (the emoji takes 2).
      assert.deepEqual([problem.line, problem.character, problem.endCharacter], [4, 27, 28]);
      const lines = new LineIndex(crlf);
      assert.equal(crlf.slice(lines.offsetAt(problem), lines.offsetAt({ line: problem.endLine, character: problem.endCharacter })), '7');
    });

    it('every problem range points into the file', () => {
      const g = parseOne(crlf);
      const lines = new LineIndex(crlf);
      for (const p of g.problems) {
        assert.ok(p.line < lines.lineCount && p.endLine < lines.lineCount, p.message);
        assert.ok(lines.offsetAt(p) <= lines.offsetAt({ line: p.endLine, character: p.endCharacter }));
      }
    });
  });

  describe('spellings', () => {
    it('normalizes an NFD-encoded glossary to NFC spellings', () => {
      const [e] = parseOne(yaml('entities:', ...TO_LAM, '    aliases: [Tô Lâm]').normalize('NFD')).entities;
      assert.equal(e.name, 'Tô Lâm'.normalize('NFC'));
      assert.equal(e.name, 'Tô Lâm');
      assert.deepEqual(e.short, ['Lâm']);
    });

    it('entitySpellings lists each distinct spelling once, name first, with its role', () => {
      const [e] = parseOne(yaml('entities:', ...TO_LAM, '    aliases: [To Lam, Tô Lâm]', '    aka: [Party chief, To Lam]')).entities;
      assert.deepEqual(entitySpellings(e), [
        { text: 'Tô Lâm', role: 'name' },
        { text: 'To Lam', role: 'alias' },
        { text: 'Party chief', role: 'aka' },
        { text: 'Lâm', role: 'short' },
      ]);
    });

    it('suggestId turns a name into a kebab-case id', () => {
      assert.equal(suggestId('Tô Lâm'), 'to-lam');
      assert.equal(suggestId('Đà Nẵng'), 'da-nang');
      assert.equal(suggestId('Hồ Chí Minh City'), 'ho-chi-minh-city');
      assert.equal(suggestId('Asia–Pacific'), 'asia-pacific');
      assert.equal(suggestId("People's Army"), 'people-s-army');
    });
  });

  describe('never throws', () => {
    const valid = yaml(
      'entities:',
      ...TO_LAM,
      '    aliases: [To Lam]',
      '    aka: [Party chief]',
      '    links: { wikipedia: "https://en.wikipedia.org/wiki/Tô_Lâm", party: cpv }',
      '    born: 1957',
      '  - id: cpv',
      '    kind: body',
      '    name: Communist Party of Vietnam',
      '    short: [Party]',
    );

    /** Unique ids, and every problem inside its own file with a non-empty message. */
    function wellFormed(g: Glossary, texts: Record<string, string>): void {
      const ids = new Set<string>();
      for (const e of g.entities) {
        assert.ok(!ids.has(e.id), `duplicate ${e.id}`);
        ids.add(e.id);
      }
      for (const p of g.problems as Problem[]) {
        const lines = new LineIndex(texts[p.file]);
        assert.ok(p.line >= 0 && p.line < lines.lineCount && p.endLine < lines.lineCount);
        assert.ok(p.line < p.endLine || (p.line === p.endLine && p.character <= p.endCharacter));
        assert.ok(typeof p.message === 'string' && p.message.length > 0);
      }
    }

    it('on arbitrary strings', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
          wellFormed(parseOne(text), { 'glossary.yaml': text });
        }),
        { numRuns: 400 },
      );
    });

    it('on arbitrary YAML-ish strings', () => {
      const piece = fc.constantFrom('entities:', '\n', '  - ', 'id: ', 'kind: ', 'name: ', 'aliases: ', 'links: ', 'short: ', '[', ']', '{', '}', ',', ':', '&a ', '*a', '"', "'", '#', '\t', '\r\n', 'Tô Lâm', 'person', 'x', '-', '|', '>', '!!str ', '? ', '---\n', '%YAML 1.2\n');
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
          const text = pieces.join('');
          wellFormed(parseOne(text), { 'glossary.yaml': text });
        }),
        { numRuns: 1000 },
      );
    });

    it('on mutated valid glossaries', () => {
      const mutation = fc.record({
        at: fc.nat({ max: valid.length }),
        remove: fc.nat({ max: 6 }),
        insert: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(':', '- ', '[', '\n  ', '"', '*', '&', '\t', '\r')),
      });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
          let text = valid;
          for (const m of mutations) {
            const at = Math.min(m.at, text.length);
            text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
          }
          wellFormed(parseGlossary([{ file: 'a.yaml', text }, { file: 'b.yaml', text: valid }]), { 'a.yaml': text, 'b.yaml': valid });
        }),
        { numRuns: 1000 },
      );
    });
  });
});
