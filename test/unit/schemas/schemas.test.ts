/**
 * The JSON schemas that `yamlValidation` gives the YAML extension (completion,
 * hover, red squiggles in glossary.yaml and facts.yaml), checked against the
 * files the project ships and against the real parsers: a document the schema
 * rejects is one `parseGlossary` / `parseLedger` reports an error on, at the
 * same place, and a document the parsers take without error the schema takes
 * too. Where the two knowingly differ, `KNOWN_DIFFERENCES` says so and why.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parse, parseDocument, type Node } from 'yaml';
import { parseGlossary, parseLedger, type Problem } from '../../../src/core';
import { repoRoot } from '../support';

type Which = 'glossary' | 'facts';

const SCHEMA_FILES: Record<Which, string> = {
  glossary: 'schemas/glossary.schema.json',
  facts: 'schemas/facts.schema.json',
};

function readSchema(which: Which): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, SCHEMA_FILES[which]), 'utf8')) as Record<string, unknown>;
}

function newAjv(): Ajv {
  // strict: unknown keywords, ignored keywords and type mistakes throw at compile time.
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addKeyword('defaultSnippets'); // yaml-language-server's completion snippets
  return ajv;
}

const validators = new Map<Which, ValidateFunction>();
function validator(which: Which): ValidateFunction {
  let validate = validators.get(which);
  if (!validate) {
    validate = newAjv().compile(readSchema(which));
    validators.set(which, validate);
  }
  return validate;
}

function schemaErrors(which: Which, text: string): ErrorObject[] {
  const validate = validator(which);
  return validate(parse(text) as unknown) ? [] : [...(validate.errors ?? [])];
}

function parserProblems(which: Which, text: string): Problem[] {
  const file = which === 'glossary' ? 'glossary.yaml' : 'facts.yaml';
  return which === 'glossary' ? parseGlossary([{ file, text }]).problems : parseLedger([{ file, text }]).problems;
}

function show(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''}`).join('\n');
}

/** The 0-based lines a JSON pointer's node spans in the YAML text. */
function linesOf(text: string, pointer: string): { first: number; last: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const node = (keys.length === 0 ? doc.contents : doc.getIn(keys, true)) as Node | null | undefined;
  const range = node?.range ?? [0, 0, text.length];
  return { first: lineCounter.linePos(range[0]).line - 1, last: lineCounter.linePos(Math.max(range[0], range[2] - 1)).line - 1 };
}

// -------------------------------------------------------------------------------------------

interface Broken {
  what: string;
  which: Which;
  text: string;
  /** The JSON pointer every schema error stands at (or under). */
  path: string;
  /** For a missing field: the `required` property the schema names. */
  missing?: string;
}

const entity = (...lines: string[]): string => ['entities:', '  - id: to-lam', '    kind: person', '    name: Tô Lâm', ...lines.map((l) => `    ${l}`), ''].join('\n');
const fact = (...lines: string[]): string => ['facts:', '  - id: trade-2024', '    value: USD 4.58 billion', ...lines.map((l) => `    ${l}`), ''].join('\n');

const BROKEN: Broken[] = [
  // Glossary: the required fields.
  { what: 'an entity without id', which: 'glossary', text: 'entities:\n  - kind: person\n    name: Tô Lâm\n', path: '/entities/0', missing: 'id' },
  { what: 'an entity without kind', which: 'glossary', text: 'entities:\n  - id: to-lam\n    name: Tô Lâm\n', path: '/entities/0', missing: 'kind' },
  { what: 'an entity without name', which: 'glossary', text: 'entities:\n  - id: to-lam\n    kind: person\n', path: '/entities/0', missing: 'name' },
  { what: 'an empty id', which: 'glossary', text: 'entities:\n  - id:\n    kind: person\n    name: Tô Lâm\n', path: '/entities/0/id' },
  { what: 'an empty name', which: 'glossary', text: 'entities:\n  - id: to-lam\n    kind: person\n    name: "  "\n', path: '/entities/0/name' },
  { what: 'a name that is a number', which: 'glossary', text: 'entities:\n  - id: g7\n    kind: body\n    name: 7\n', path: '/entities/0/name' },
  // Glossary: kind and id.
  { what: 'a kind that is not person|body|place', which: 'glossary', text: 'entities:\n  - id: to-lam\n    kind: organisation\n    name: Tô Lâm\n', path: '/entities/0/kind' },
  { what: 'a kind in capitals', which: 'glossary', text: 'entities:\n  - id: to-lam\n    kind: Person\n    name: Tô Lâm\n', path: '/entities/0/kind' },
  { what: 'an id with an underscore and capitals', which: 'glossary', text: 'entities:\n  - id: To_Lam\n    kind: person\n    name: Tô Lâm\n', path: '/entities/0/id' },
  { what: 'an id with a double hyphen', which: 'glossary', text: 'entities:\n  - id: to--lam\n    kind: person\n    name: Tô Lâm\n', path: '/entities/0/id' },
  { what: 'an id with spaces', which: 'glossary', text: 'entities:\n  - id: to lam\n    kind: person\n    name: Tô Lâm\n', path: '/entities/0/id' },
  { what: 'an id that is a number', which: 'glossary', text: 'entities:\n  - id: 1945\n    kind: place\n    name: Ba Đình\n', path: '/entities/0/id' },
  // Glossary: the lists.
  { what: 'aliases as a mapping', which: 'glossary', text: entity('aliases: { To: Lam }'), path: '/entities/0/aliases' },
  { what: 'aliases with a number in it', which: 'glossary', text: entity('aliases: [To Lam, 42]'), path: '/entities/0/aliases/1' },
  { what: 'aliases with a list in it', which: 'glossary', text: entity('aliases: [[To Lam]]'), path: '/entities/0/aliases/0' },
  { what: 'aka as a number', which: 'glossary', text: entity('aka: 1'), path: '/entities/0/aka' },
  { what: 'short with a yes/no value in it', which: 'glossary', text: entity('short: [Lâm, true]'), path: '/entities/0/short/1' },
  { what: 'titles as a mapping', which: 'glossary', text: entity('titles:', '  General: Secretary'), path: '/entities/0/titles' },
  { what: 'a dated title with a month that does not exist', which: 'glossary', text: entity('titles:', '  - { title: President, from: 2024-13-01 }'), path: '/entities/0/titles/0/from' },
  { what: 'a dated title with a year alone', which: 'glossary', text: entity('titles:', '  - { title: President, until: 2024 }'), path: '/entities/0/titles/0/until' },
  { what: 'a dated title with a day written otherwise', which: 'glossary', text: entity('titles:', '  - { title: President, from: 22/05/2024 }'), path: '/entities/0/titles/0/from' },
  { what: 'a dated title without its title', which: 'glossary', text: entity('titles:', '  - { from: 2024-05-22 }'), path: '/entities/0/titles/0', missing: 'title' },
  { what: 'a title that is a number', which: 'glossary', text: entity('titles: [General Secretary, 7]'), path: '/entities/0/titles/1' },
  // Glossary: links and the text fields.
  { what: 'links as a list', which: 'glossary', text: entity('links: ["https://en.wikipedia.org/wiki/Tô_Lâm"]'), path: '/entities/0/links' },
  { what: 'links as a string', which: 'glossary', text: entity('links: "https://en.wikipedia.org/wiki/Tô_Lâm"'), path: '/entities/0/links' },
  { what: 'a link to a number', which: 'glossary', text: entity('links: { wikipedia: 42 }'), path: '/entities/0/links/wikipedia' },
  { what: 'an empty link', which: 'glossary', text: entity('links: { wikipedia: "" }'), path: '/entities/0/links/wikipedia' },
  { what: 'a description that is a mapping', which: 'glossary', text: entity('description: { en: Party chief }'), path: '/entities/0/description' },
  { what: 'a country that is a list', which: 'glossary', text: entity('country: [VN]'), path: '/entities/0/country' },
  // Glossary: the file's shape.
  { what: 'entities as a mapping', which: 'glossary', text: 'entities:\n  to-lam: { kind: person, name: Tô Lâm }\n', path: '/entities' },
  { what: 'entities as a string', which: 'glossary', text: 'entities: to-lam\n', path: '/entities' },
  { what: 'an entity that is a string', which: 'glossary', text: 'entities:\n  - to-lam\n', path: '/entities/0' },
  { what: 'a top-level list', which: 'glossary', text: '- id: to-lam\n  kind: person\n  name: Tô Lâm\n', path: '' },
  { what: 'no entities key', which: 'glossary', text: 'entity:\n  - id: to-lam\n    kind: person\n    name: Tô Lâm\n', path: '', missing: 'entities' },
  { what: 'ignore as a mapping', which: 'glossary', text: entity() + 'ignore: { Minh: Nhat }\n', path: '/ignore' },
  { what: 'ignore with a number in it', which: 'glossary', text: entity() + 'ignore: [Minh Nhat, 42]\n', path: '/ignore/1' },
  { what: 'a bad second entity after a good one', which: 'glossary', text: entity() + '  - id: lavrov\n    kind: minister\n    name: Sergey Lavrov\n', path: '/entities/1/kind' },

  // Facts: the required fields.
  { what: 'a fact without id', which: 'facts', text: 'facts:\n  - value: USD 4.58 billion\n    about: trade\n', path: '/facts/0', missing: 'id' },
  { what: 'a fact without value', which: 'facts', text: 'facts:\n  - id: trade-2024\n    about: trade\n', path: '/facts/0', missing: 'value' },
  { what: 'an empty value', which: 'facts', text: 'facts:\n  - id: trade-2024\n    value: ""\n', path: '/facts/0/value' },
  { what: 'a value with nothing after the colon', which: 'facts', text: 'facts:\n  - id: trade-2024\n    value:\n', path: '/facts/0/value' },
  { what: 'a yes/no value', which: 'facts', text: 'facts:\n  - id: trade-2024\n    value: true\n', path: '/facts/0/value' },
  { what: 'a value that is a list', which: 'facts', text: 'facts:\n  - id: trade-2024\n    value: [4.58, 4.15]\n', path: '/facts/0/value' },
  { what: 'a fact id that is a number', which: 'facts', text: 'facts:\n  - id: 2024\n    value: USD 4.58 billion\n', path: '/facts/0/id' },
  // Facts: status, keywords, text fields.
  { what: 'a status other than verified|disputed', which: 'facts', text: fact('status: checked'), path: '/facts/0/status' },
  { what: 'a status that is a yes/no value', which: 'facts', text: fact('status: true'), path: '/facts/0/status' },
  { what: 'keywords as a mapping', which: 'facts', text: fact('keywords: { bilateral: trade }'), path: '/facts/0/keywords' },
  { what: 'keywords with a list in it', which: 'facts', text: fact('keywords: [bilateral trade, [trade]]'), path: '/facts/0/keywords/1' },
  { what: 'keywords with an empty item', which: 'facts', text: fact('keywords: [bilateral trade, ~]'), path: '/facts/0/keywords/1' },
  { what: 'an about that is a list', which: 'facts', text: fact('about: [trade, 2024]'), path: '/facts/0/about' },
  { what: 'a source that is a mapping', which: 'facts', text: fact('source: { name: GSO }'), path: '/facts/0/source' },
  // Facts: the file's shape.
  { what: 'facts as a string', which: 'facts', text: 'facts: none yet\n', path: '/facts' },
  { what: 'a fact that is a string', which: 'facts', text: 'facts:\n  - trade-2024\n', path: '/facts/0' },
  { what: 'no facts key', which: 'facts', text: 'fact:\n  - id: trade-2024\n    value: "199"\n', path: '', missing: 'facts' },
];

/** Documents the parsers take without an error (warnings allowed): the schema must take them too. */
const ACCEPTED: { what: string; which: Which; text: string }[] = [
  { what: 'an empty glossary file', which: 'glossary', text: '' },
  { what: 'a glossary with only comments', which: 'glossary', text: '# nothing yet\n' },
  { what: 'entities with nothing after the colon', which: 'glossary', text: 'entities:\n' },
  { what: 'an empty entities list', which: 'glossary', text: 'entities: []\n' },
  { what: 'other top-level keys', which: 'glossary', text: 'version: 1\nentities: []\n' },
  { what: 'the three required fields only', which: 'glossary', text: entity() },
  { what: 'every field of DESIGN.md', which: 'glossary', text: entity('aliases: [To Lam]', 'aka: [Party chief]', 'short: [Lâm]', 'titles: [General Secretary, Party General Secretary]', 'description: General Secretary of the Communist Party of Vietnam', 'country: VN', 'links: { wikipedia: "https://en.wikipedia.org/wiki/Tô_Lâm" }') },
  { what: 'ids with digits', which: 'glossary', text: 'entities:\n  - id: g7\n    kind: body\n    name: G7\n  - id: 2024-summit\n    kind: body\n    name: Summit\n' },
  { what: 'a single alias instead of a list (parser: warning)', which: 'glossary', text: entity('aliases: To Lam') },
  { what: 'a single title instead of a list (parser: warning)', which: 'glossary', text: entity('titles: General Secretary') },
  { what: 'dated titles beside plain ones', which: 'glossary', text: entity('titles:', '  - General Secretary', '  - { title: President, from: 2024-05-22, until: 2024-10-21 }', '  - { title: Party chief, from: "2024-08-03" }', '  - { title: Minister, until: 2024-06-06 }', '  - { title: Chairman }') },
  { what: 'a dated title with nothing after from:', which: 'glossary', text: entity('titles:', '  - { title: President, from: ~, until: 2024-10-21 }') },
  { what: 'an empty spelling in aliases (parser: warning, ignored)', which: 'glossary', text: entity('aliases: ["", To Lam]') },
  { what: 'short: [] (short forms off)', which: 'glossary', text: entity('short: []') },
  { what: 'optional fields with nothing after the colon', which: 'glossary', text: entity('aliases:', 'aka:', 'short:', 'titles:', 'description:', 'country:', 'links:') },
  { what: 'a description that is a number or a yes/no value', which: 'glossary', text: entity('description: 1984') + '  - id: g7\n    kind: body\n    name: G7\n    description: true\n' },
  { what: 'a lower-case country (parser: warning)', which: 'glossary', text: entity('country: vn') },
  { what: 'a link to an unknown id (parser: warning)', which: 'glossary', text: entity('links: { party: no-such-entity }') },
  { what: 'extra keys of any shape', which: 'glossary', text: entity('born: 1947', 'notes: { checked: yes }', 'sources: [VNA, TASS]') },
  { what: 'an NFD-encoded name', which: 'glossary', text: entity('aka: ["T\u006f\u0302 La\u0302m"]') },
  { what: 'YAML anchors and aliases', which: 'glossary', text: 'entities:\n  - id: to-lam\n    kind: person\n    name: Tô Lâm\n    titles: &gs [General Secretary]\n  - id: nguyen-phu-trong\n    kind: person\n    name: Nguyễn Phú Trọng\n    titles: *gs\n' },

  { what: 'an ignore list', which: 'glossary', text: 'ignore: [Minh Nhat, Thu Trang]\n' + entity() },
  { what: 'a single ignored spelling instead of a list (parser: warning)', which: 'glossary', text: entity() + 'ignore: Minh Nhat\n' },
  { what: 'ignore with nothing after the colon', which: 'glossary', text: entity() + 'ignore:\n' },

  { what: 'an empty facts file', which: 'facts', text: '' },
  { what: 'facts with nothing after the colon', which: 'facts', text: 'facts:\n' },
  { what: 'a fact with id and value only', which: 'facts', text: fact() },
  { what: 'every field of DESIGN.md', which: 'facts', text: fact('about: Vietnam–Russia bilateral trade, 2024', 'keywords: [bilateral trade]', 'source: General Statistics Office of Vietnam, January 2025', 'status: verified') },
  { what: 'a fact id that is not kebab-case', which: 'facts', text: 'facts:\n  - id: Trade 2024\n    value: USD 4.58 billion\n' },
  { what: 'a value that is a YAML number', which: 'facts', text: 'facts:\n  - id: trade-2024\n    value: 4580000000\n  - id: growth\n    value: 6.7\n' },
  { what: 'a disputed fact', which: 'facts', text: fact('status: disputed') },
  { what: 'a status in other case', which: 'facts', text: fact('status: Verified') + '  - id: community\n    value: "80,000"\n    status: DISPUTED\n' },
  { what: 'a status with nothing after the colon (the default, verified)', which: 'facts', text: fact('status:') },
  { what: 'a single keyword instead of a list (parser: warning)', which: 'facts', text: fact('keywords: bilateral trade') },
  { what: 'keywords that are numbers', which: 'facts', text: fact('keywords: [2024, bilateral trade]') + '  - id: g20\n    value: "20"\n    keywords: 20\n' },
  { what: 'keywords with nothing after the colon', which: 'facts', text: fact('keywords:') },
  { what: 'about and source as numbers or empty', which: 'facts', text: fact('about: 2024', 'source:') },
  { what: 'extra keys', which: 'facts', text: fact('checked-by: Anna', 'checked-on: 2025-05-12', 'urls: [https://gso.gov.vn]') },
];

interface Difference {
  what: string;
  which: Which;
  text: string;
  schema: 'accepts' | 'rejects';
  /** The worst severity among the parser's problems ('none' when it reports none). */
  parser: 'error' | 'warning' | 'none';
  why: string;
}

/** Where the schema and the parsers knowingly disagree. */
const KNOWN_DIFFERENCES: Difference[] = [
  {
    what: 'an empty entity (a lone dash)',
    which: 'glossary',
    text: entity() + '  -\n',
    schema: 'rejects',
    parser: 'warning',
    why: 'the parser skips an empty entry with a warning since nothing is lost; for the schema an entry is an entity with id, kind and name, which is also what makes the YAML extension propose those fields',
  },
  {
    what: 'an empty entity ({})',
    which: 'glossary',
    text: entity() + '  - {}\n',
    schema: 'rejects',
    parser: 'warning',
    why: 'as above',
  },
  {
    what: 'an empty fact (a lone dash)',
    which: 'facts',
    text: fact() + '  -\n',
    schema: 'rejects',
    parser: 'warning',
    why: 'as for entities: a fact needs id and value',
  },
  {
    what: 'a duplicate entity id',
    which: 'glossary',
    text: entity() + '  - id: to-lam\n    kind: person\n    name: To Lam\n',
    schema: 'accepts',
    parser: 'error',
    why: 'uniqueness across entries (and across files) is beyond a JSON schema',
  },
  {
    what: 'an alias claimed by two entities',
    which: 'glossary',
    text: entity('aliases: [Lam]') + '  - id: lam-son\n    kind: place\n    name: Lam Sơn\n    aliases: [Lam]\n',
    schema: 'accepts',
    parser: 'warning',
    why: 'folded spellings across entries are beyond a JSON schema',
  },
  {
    what: 'a duplicate fact id',
    which: 'facts',
    text: fact() + '  - id: trade-2024\n    value: "$4.15 billion"\n',
    schema: 'accepts',
    parser: 'error',
    why: 'uniqueness is beyond a JSON schema',
  },
  {
    what: 'a value that does not read as a number',
    which: 'facts',
    text: 'facts:\n  - id: trade-2024\n    value: soon\n',
    schema: 'accepts',
    parser: 'error',
    why: "only the number parser can tell (spelled-out numbers such as 'Seventy-five' are values); the schema gives the examples",
  },
  {
    what: 'a value that is a year or a date',
    which: 'facts',
    text: 'facts:\n  - id: founding\n    value: May 8, 1950\n',
    schema: 'accepts',
    parser: 'error',
    why: 'as above',
  },
  {
    what: 'a title day that is not in the calendar',
    which: 'glossary',
    text: entity('titles:', '  - { title: President, from: 2024-02-30 }'),
    schema: 'accepts',
    parser: 'error',
    why: 'the pattern checks the form YYYY-MM-DD and the ranges of month and day; the length of each month is beyond it',
  },
  {
    what: 'a title that ends before it begins',
    which: 'glossary',
    text: entity('titles:', '  - { title: President, from: 2024-10-21, until: 2024-05-22 }'),
    schema: 'accepts',
    parser: 'error',
    why: 'comparing two values is beyond a JSON schema',
  },
  {
    what: 'a kind written with spaces inside quotes',
    which: 'glossary',
    text: 'entities:\n  - id: to-lam\n    kind: " person "\n    name: Tô Lâm\n',
    schema: 'rejects',
    parser: 'none',
    why: 'the parser trims; the schema offers the three exact words, which is what completion inserts',
  },
];

// -------------------------------------------------------------------------------------------

describe('JSON schemas (schemas/*.schema.json)', () => {
  for (const which of ['glossary', 'facts'] as const) {
    describe(which, () => {
      const schema = readSchema(which);

      it('is a draft-07 schema that compiles in strict mode', () => {
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
        const ajv = newAjv();
        assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
        assert.doesNotThrow(() => ajv.compile(schema));
      });

      it('has a description on every property, for hovers', () => {
        const missing: string[] = [];
        const walk = (node: unknown, at: string): void => {
          if (node === null || typeof node !== 'object') return;
          const record = node as Record<string, unknown>;
          const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
          for (const [key, sub] of Object.entries(properties ?? {})) {
            if (typeof sub.description !== 'string' || sub.description === '') missing.push(`${at}/properties/${key}`);
          }
          for (const [key, value] of Object.entries(record)) {
            if (key !== 'examples' && key !== 'defaultSnippets') walk(value, `${at}/${key}`);
          }
        };
        walk(schema, '#');
        assert.deepEqual(missing, []);
      });

      it('keeps other keys of an entry (additionalProperties: true)', () => {
        const definitions = schema.definitions as Record<string, Record<string, unknown>>;
        const entry = definitions[which === 'glossary' ? 'entity' : 'fact'];
        assert.equal(entry.additionalProperties, true);
      });

      it('accepts its own examples and default snippets', () => {
        const ajv = newAjv();
        ajv.addSchema(schema);
        const id = schema.$id as string;
        const entryName = which === 'glossary' ? 'entity' : 'fact';
        const entry = (schema.definitions as Record<string, Record<string, unknown>>)[entryName];
        const properties = entry.properties as Record<string, { examples?: unknown[] }>;
        for (const [key, property] of Object.entries(properties)) {
          const validate = ajv.getSchema(`${id}#/definitions/${entryName}/properties/${key}`);
          assert.ok(validate, key);
          for (const example of property.examples ?? []) {
            assert.equal(validate(example), true, `${key}: ${JSON.stringify(example)} ${JSON.stringify(validate.errors)}`);
          }
        }
        // A snippet's body, with its placeholders filled in, is a valid entry.
        const snippets = entry.defaultSnippets as { body: Record<string, unknown> }[];
        const fill = (value: unknown): unknown =>
          typeof value === 'string' ? value.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\d+/g, 'x-1') : Array.isArray(value) ? value.map(fill) : value;
        const validateEntry = ajv.getSchema(`${id}#/definitions/${entryName}`)!;
        for (const { body } of snippets) {
          const filled = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fill(v)]));
          assert.equal(validateEntry(filled), true, `${JSON.stringify(filled)} ${JSON.stringify(validateEntry.errors)}`);
        }
      });
    });
  }

  describe('every glossary and ledger the project ships validates', () => {
    const shipped: [Which, string][] = [
      ['glossary', 'test/fixtures/corpus/glossary.yaml'],
      ['facts', 'test/fixtures/corpus/facts.yaml'],
      ['glossary', 'samples/glossary.yaml'],
      ['facts', 'samples/facts.yaml'],
    ];
    for (const [which, file] of shipped) {
      it(file, () => {
        const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
        const data = parse(text) as { entities?: unknown[]; facts?: unknown[] };
        assert.ok((which === 'glossary' ? data.entities : data.facts)?.length, `${file} has entries`);
        assert.equal(show(schemaErrors(which, text)), '');
      });
    }
  });

  describe('rejects broken documents at the right path, as the parser does', () => {
    for (const row of BROKEN) {
      it(`${row.which}: ${row.what}`, () => {
        const errors = schemaErrors(row.which, row.text);
        assert.ok(errors.length > 0, 'the schema accepts it');
        const under = (p: string): boolean => p === row.path || p.startsWith(`${row.path}/`);
        assert.deepEqual(errors.filter((e) => !under(e.instancePath)).map((e) => e.instancePath), [], `errors elsewhere than ${row.path}:\n${show(errors)}`);
        assert.ok(
          errors.some((e) => e.instancePath === row.path),
          `no error at ${row.path}:\n${show(errors)}`,
        );
        if (row.missing !== undefined) {
          assert.ok(
            errors.some((e) => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === row.missing),
            `not reported as missing '${row.missing}':\n${show(errors)}`,
          );
        }

        // The parser agrees: an error, within the lines of the node the schema points at.
        const problems = parserProblems(row.which, row.text);
        const parserErrors = problems.filter((p) => p.severity === 'error');
        assert.ok(parserErrors.length > 0, `the parser reports no error: ${JSON.stringify(problems)}`);
        const { first, last } = linesOf(row.text, row.path);
        assert.ok(
          parserErrors.some((p) => p.line >= first && p.line <= last),
          `no parser error on lines ${first}-${last}: ${JSON.stringify(parserErrors)}`,
        );
      });
    }
  });

  describe('accepts what the parser accepts without error', () => {
    for (const row of ACCEPTED) {
      it(`${row.which}: ${row.what}`, () => {
        const errors = parserProblems(row.which, row.text).filter((p) => p.severity === 'error');
        assert.deepEqual(errors, [], 'the parser reports an error: the row belongs in BROKEN');
        assert.equal(show(schemaErrors(row.which, row.text)), '');
      });
    }
  });

  describe('known differences between the schema and the parser', () => {
    for (const row of KNOWN_DIFFERENCES) {
      it(`${row.which}: ${row.what} (schema ${row.schema}, parser: ${row.parser})`, () => {
        const errors = schemaErrors(row.which, row.text);
        assert.equal(errors.length > 0 ? 'rejects' : 'accepts', row.schema, show(errors));
        const problems = parserProblems(row.which, row.text);
        const worst = problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'none';
        assert.equal(worst, row.parser, JSON.stringify(problems));
        assert.ok(row.why.length > 0);
      });
    }
  });
});
