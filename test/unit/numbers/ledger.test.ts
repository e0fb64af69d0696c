import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parseLedger } from '../../../src/core/numbers/ledger';
import type { Problem } from '../../../src/core/types';
import { repoRoot } from '../support';

function parse(text: string, file = 'facts.yaml') {
  return parseLedger([{ file, text }]);
}

/** A problem as [code, severity, line, character, endLine, endCharacter, message]. */
type Seen = [Problem['code'], Problem['severity'], number, number, number, number, string];

function problems(text: string): Seen[] {
  return parse(text).problems.map((p) => [p.code, p.severity, p.line, p.character, p.endLine, p.endCharacter, p.message]);
}

const VALUE_HINT = "write it as in a text, e.g. 'USD 4.58 billion', '6.7%', '40,000' or '75th'";

describe('parseLedger', () => {
  it('reads the format of DESIGN.md', () => {
    const ledger = parse(
      [
        'facts:',
        '  - id: trade-2024',
        '    value: USD 4.58 billion          # parsed with the same number parser as the text',
        '    about: Vietnam–Russia bilateral trade, 2024',
        '    keywords: [bilateral trade]',
        '    source: General Statistics Office of Vietnam, January 2025',
        '    status: verified',
        '',
      ].join('\n'),
    );
    assert.deepEqual(ledger.problems, []);
    assert.deepEqual(ledger.facts, [
      {
        id: 'trade-2024',
        value: 'USD 4.58 billion',
        parsed: { kind: 'money', value: 4_580_000_000, unit: 'USD' },
        about: 'Vietnam–Russia bilateral trade, 2024',
        keywords: ['bilateral trade'],
        source: 'General Statistics Office of Vietnam, January 2025',
        status: 'verified',
        extra: {},
        location: { file: 'facts.yaml', line: 1, character: 4, endLine: 6, endCharacter: 20 },
        valueLocation: { file: 'facts.yaml', line: 2, character: 11, endLine: 2, endCharacter: 27 },
      },
    ]);
  });

  it('defaults: status verified, keywords []; other keys are kept', () => {
    const { facts, problems } = parse('facts:\n  - id: students\n    value: "5,000"\n    checked-by: Lan\n');
    assert.deepEqual(problems, []);
    assert.equal(facts[0].status, 'verified');
    assert.deepEqual(facts[0].keywords, []);
    assert.deepEqual(facts[0].extra, { 'checked-by': 'Lan' });
    assert.equal(facts[0].about, undefined);
  });

  describe('values, read with the text’s number parser', () => {
    const rows: [string, string, unknown][] = [
      ['money, code after', '4.58 billion USD', { kind: 'money', value: 4_580_000_000, unit: 'USD' }],
      ['percent', '"6.7%"', { kind: 'percent', value: 6.7, unit: '%' }],
      ['a quoted count', '"40,000"', { kind: 'count', value: 40_000, unit: null }],
      ['an ordinal', '75th', { kind: 'ordinal', value: 75, unit: null }],
      ['a count with a scale', '250 million', { kind: 'count', value: 250_000_000, unit: null }],
      ['a YAML number, read as written', '4580000000', { kind: 'count', value: 4_580_000_000, unit: null }],
      ['a YAML decimal', '6.7', { kind: 'count', value: 6.7, unit: null }],
      ['a four-digit number is a count in a ledger', '2000', { kind: 'count', value: 2000, unit: null }],
    ];
    for (const [title, yaml, parsed] of rows) {
      it(`${title}: value: ${yaml}`, () => {
        const { facts, problems } = parse(`facts:\n  - id: x\n    value: ${yaml}\n`);
        assert.deepEqual(problems, []);
        assert.deepEqual(facts[0].parsed, parsed);
      });
    }
  });

  describe('problems, each at its exact line and character', () => {
    const rows: [string, string, Seen[]][] = [
      ['bad YAML', 'facts:\n  - id: a\n    value: [unclosed\n', [
        ['yaml-syntax', 'error', 3, 0, 3, 0, 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
      ]],
      ['a key given twice', 'facts:\n  - id: a\n    id: b\n    value: "1"\n', [['yaml-syntax', 'error', 2, 4, 2, 5, 'YAML syntax error: Map keys must be unique']]],
      ['no facts list', 'fact:\n  - id: a\n', [['missing-field', 'error', 0, 0, 2, 0, "Missing the top-level 'facts:' list of facts."]]],
      ['facts not a list', 'facts: 5\n', [['not-a-list', 'error', 0, 7, 0, 8, "'facts' must be a list of facts (each item starting with '- ')."]]],
      ['value missing: on the id', 'facts:\n  - id: trade-2024\n    about: trade\n', [
        ['missing-field', 'error', 1, 4, 1, 18, `facts[0]: 'value' is missing (${VALUE_HINT}).`],
      ]],
      ['value empty: on its key', 'facts:\n  - id: a\n    value:\n', [['missing-field', 'error', 2, 4, 2, 9, `facts[0]: 'value' is missing (${VALUE_HINT}).`]]],
      ['id missing: on the first pair', 'facts:\n  - value: "199"\n    about: x\n', [
        ['missing-field', 'error', 1, 4, 1, 16, "facts[0]: 'id' is missing (a unique name for the fact, e.g. 'trade-2024')."],
      ]],
      ['id not text', 'facts:\n  - id: 2024\n    value: "199"\n', [['wrong-type', 'error', 1, 8, 1, 12, "facts[0]: 'id' must be text, found a number (2024); quote it: '2024'."]]],
      ['status neither verified nor disputed', 'facts:\n  - id: a\n    value: "199"\n    status: ok\n', [
        ['invalid-status', 'error', 3, 12, 3, 14, "facts[0]: 'status' must be verified or disputed, found 'ok'. The fact is ignored until this is fixed."],
      ]],
      ['duplicate id: names the earlier line', 'facts:\n  - id: a\n    value: "199"\n  - id: a\n    value: "16"\n', [
        ['duplicate-id', 'error', 3, 8, 3, 9, "facts[1]: duplicate fact id 'a': already used by the fact at line 2. This fact is ignored."],
      ]],
      ['a value that is not a number', 'facts:\n  - id: a\n    value: about four\n', [
        ['invalid-value', 'error', 2, 11, 2, 21, `facts[0]: 'value' cannot be read as a number: 'about four' (${VALUE_HINT}; one number, no dates or years).`],
      ]],
      ['a date is not a value', 'facts:\n  - id: a\n    value: May 8\n', [
        ['invalid-value', 'error', 2, 11, 2, 16, `facts[0]: 'value' cannot be read as a number: 'May 8' (${VALUE_HINT}; one number, no dates or years).`],
      ]],
      ['a value that is a list', 'facts:\n  - id: a\n    value: [1, 2]\n', [['wrong-type', 'error', 2, 11, 2, 17, "facts[0]: 'value' must be a number written as in a text, found a list."]]],
      ['keywords not a list', 'facts:\n  - id: a\n    value: "199"\n    keywords: {a: 1}\n', [
        ['wrong-type', 'error', 3, 14, 3, 20, "facts[0]: 'keywords' must be a list of words or phrases, e.g. [bilateral trade], found a mapping."],
      ]],
      ['keywords as one string: a warning', 'facts:\n  - id: a\n    value: "199"\n    keywords: bilateral trade\n', [
        ['wrong-type', 'warning', 3, 14, 3, 29, "facts[0]: 'keywords' must be a list, e.g. keywords: [bilateral trade]; read as a list of one."],
      ]],
      ['a keyword that is not text', 'facts:\n  - id: a\n    value: "199"\n    keywords: [trade, [x]]\n', [
        ['wrong-type', 'error', 3, 22, 3, 25, "facts[0]: 'keywords[1]' must be a word or phrase, found a list."],
      ]],
      ['about not text', 'facts:\n  - id: a\n    value: "199"\n    about: [x]\n', [['wrong-type', 'error', 3, 11, 3, 14, "facts[0]: 'about' must be text, found a list."]]],
      ['an empty item', 'facts:\n  -\n  - id: a\n    value: "1"\n', [['empty-entry', 'warning', 1, 2, 1, 3, "facts[0] is empty: a fact needs at least 'id' and 'value'."]]],
      ['an item that is not a mapping', 'facts:\n  - trade-2024\n', [
        ['wrong-type', 'error', 1, 4, 1, 14, "facts[0]: a fact must be a mapping of fields (id, value, keywords, …), found 'trade-2024'."],
      ]],
    ];
    for (const [title, text, expected] of rows) {
      it(title, () => assert.deepEqual(problems(text), expected));
    }
  });

  it('keeps a fact whose value cannot be read, with parsed null; leaves out those with errors in id, value or status', () => {
    const ledger = parse(
      'facts:\n  - id: unreadable\n    value: about four\n  - id: bad-status\n    value: "1"\n    status: ok\n  - value: "2"\n  - id: fine\n    value: "3"\n',
    );
    assert.deepEqual(ledger.facts.map((f) => [f.id, f.parsed]), [['unreadable', null], ['fine', { kind: 'count', value: 3, unit: null }]]);
  });

  it('accepts a status in other case', () => {
    assert.equal(parse('facts:\n  - id: a\n    value: "1"\n    status: Disputed\n').facts[0].status, 'disputed');
  });

  it('treats an empty file as an empty ledger', () => {
    assert.deepEqual(parse(''), { facts: [], problems: [] });
    assert.deepEqual(parse('# nothing yet\n'), { facts: [], problems: [] });
    assert.deepEqual(parse('facts:\n'), { facts: [], problems: [] });
  });

  it('merges several files; a duplicate id across files names the other file', () => {
    const ledger = parseLedger([
      { file: 'facts.yaml', text: 'facts:\n  - id: trade-2024\n    value: USD 4.58 billion\n' },
      { file: 'more/facts.yaml', text: 'facts:\n  - id: students\n    value: "5,000"\n  - id: trade-2024\n    value: $4.15 billion\n' },
    ]);
    assert.deepEqual(ledger.facts.map((f) => [f.id, f.location.file]), [['trade-2024', 'facts.yaml'], ['students', 'more/facts.yaml']]);
    assert.deepEqual(
      ledger.problems.map((p) => [p.file, p.code, p.line, p.character, p.message]),
      [['more/facts.yaml', 'duplicate-id', 3, 8, "facts[1]: duplicate fact id 'trade-2024': already used by the fact at facts.yaml:2. This fact is ignored."]],
    );
  });

  it('a file with YAML errors contributes no facts, the others still do', () => {
    const ledger = parseLedger([
      { file: 'a.yaml', text: 'facts:\n  - id: a\n    value: "1"\n  - id: [\n' },
      { file: 'b.yaml', text: 'facts:\n  - id: b\n    value: "2"\n' },
    ]);
    assert.deepEqual(ledger.facts.map((f) => f.id), ['b']);
    assert.ok(ledger.problems.length > 0 && ledger.problems.every((p) => p.file === 'a.yaml' && p.code === 'yaml-syntax'));
  });

  it('counts characters in UTF-16 code units and follows CRLF line breaks', () => {
    const [p] = problems('facts:\r\n  - id: tết\r\n    about: "🚀"\r\n    value: "🚀 x"\r\n');
    assert.deepEqual(p.slice(0, 6), ['invalid-value', 'error', 3, 11, 3, 17]); // the rocket is two code units
  });

  for (const file of ['test/fixtures/corpus/facts.yaml', 'samples/facts.yaml']) {
    it(`parses ${file} without problems`, () => {
      const ledger = parseLedger([{ file, text: fs.readFileSync(path.join(repoRoot, file), 'utf8') }]);
      assert.deepEqual(ledger.problems, []);
      assert.ok(ledger.facts.length > 0);
      for (const f of ledger.facts) assert.notEqual(f.parsed, null, f.id);
    });
  }

  it('never throws', () => {
    const pieces = ['facts:', '\n', '  ', '- ', 'id: ', 'value: ', 'status: ', 'keywords: ', '[', ']', '{', '}', ',', ':', '"', 'a', '199', 'USD 4.58 billion', '&x ', '*x', '!!str ', '#', '\t'];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(texts, (text) => void parse(text)), { numRuns: 500 });
  });
});
