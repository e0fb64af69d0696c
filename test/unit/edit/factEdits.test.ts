import * as assert from 'node:assert/strict';
import { appendFact, factIdBase } from '../../../src/core/edit/factEdits';
import { factKeyword } from '../../../src/core/edit/factKeyword';
import { findNumbers, parseNumberValue } from '../../../src/core/numbers/finder';
import { parseLedger } from '../../../src/core/numbers/ledger';
import type { Ledger } from '../../../src/core/numbers/types';
import { checkNumbers } from '../../../src/core/numbers/verify';
import { readArticle } from '../support';
import { applied, assertAllCrlf, changedLines, crlf, readRepoFile, succeeded } from './support';

const SMALL = `# Checked figures.
facts:
  - id: trade-2024
    value: USD 4.58 billion     # as written in the text
    about: Vietnam–Russia bilateral trade, 2024
    keywords: [bilateral trade]
    source: GSO
    status: verified
# end of ledger
`;

const CHECKED = '2026-11-22';

function parse(text: string): Ledger {
  return parseLedger([{ file: 'facts.yaml', text }]);
}

describe('appendFact', () => {
  it('the small ledger parses cleanly', () => assert.deepEqual(parse(SMALL).problems, []));

  it('appends a fact after the last one, keeping comments; the value stays text', () => {
    const result = succeeded(
      appendFact(SMALL, { value: '199', about: 'Russian investment projects in Vietnam', keywords: ['investment projects'], source: 'As reported: VNA', checked: CHECKED }),
    );
    assert.equal(result.id, 'russian-investment-projects-in-vietnam');
    assert.equal(result.message, "Recorded 199 as a verified fact 'russian-investment-projects-in-vietnam'.");
    assert.deepEqual(result.problems, []);
    const text = applied(SMALL, result);
    assert.equal(
      text,
      SMALL.replace(
        '    status: verified\n',
        '    status: verified\n' +
          '  - id: russian-investment-projects-in-vietnam\n' +
          '    value: "199"\n' +
          '    about: Russian investment projects in Vietnam\n' +
          '    keywords: [investment projects]\n' +
          '    source: "As reported: VNA"\n' +
          '    status: verified\n' +
          '    checked: 2026-11-22\n',
      ),
    );
    const fact = parse(text).facts.find((f) => f.id === result.id);
    assert.ok(fact);
    assert.equal(fact.value, '199');
    assert.deepEqual(fact.parsed, { kind: 'count', value: 199, unit: null });
    assert.deepEqual(fact.keywords, ['investment projects']);
    assert.equal(fact.source, 'As reported: VNA');
    assert.equal(fact.extra.checked, CHECKED);
  });

  it('makes the id from what the fact is about, else its keyword, else its value, unique', () => {
    assert.equal(succeeded(appendFact(SMALL, { value: '6.7%', keywords: ['Standard Chartered'], source: 'SCB' })).id, 'standard-chartered');
    assert.equal(succeeded(appendFact(SMALL, { value: 'USD 990 million', source: 'GSO' })).id, 'usd-990-million');
    assert.equal(succeeded(appendFact(SMALL, { value: '5', about: 'Trade 2024', source: 'GSO' })).id, 'trade-2024-2');
    assert.equal(factIdBase('Vietnam–Russia bilateral trade, 2024, as reported by the ministry', undefined, '1'), 'vietnam-russia-bilateral-trade-2024-as');
    assert.equal(factIdBase(undefined, undefined, '…'), 'fact');
  });

  it('writes a disputed status, and leaves out what is not given', () => {
    const text = applied(SMALL, appendFact(SMALL, { id: 'community', value: '80,000', source: 'estimates', status: 'disputed' }));
    assert.deepEqual(changedLines(SMALL, text).added, ['  - id: community', '    value: "80,000"', '    source: estimates', '    status: disputed']);
  });

  it('refuses what would make a bad fact', () => {
    const cases: [string, Parameters<typeof appendFact>[1], RegExp][] = [
      ['no source', { value: '5', source: ' ' }, /needs a source/],
      ['no value', { value: '', source: 'x' }, /needs a value/],
      ['a taken id', { id: 'trade-2024', value: '5', source: 'x' }, /already used/],
      ['a bad id', { id: 'Trade 2024', value: '5', source: 'x' }, /not a valid id/],
      ['a bad status', { value: '5', source: 'x', status: 'true' as 'verified' }, /not a status/],
      ['a bad date', { value: '5', source: 'x', checked: '22/11/2026' }, /YYYY-MM-DD/],
    ];
    for (const [title, fact, error] of cases) {
      const result = appendFact(SMALL, fact);
      assert.equal(result.ok, false, title);
      assert.match(result.ok ? '' : result.error, error, title);
    }
  });

  it('reports a value the number reader cannot read as a new problem', () => {
    const result = succeeded(appendFact(SMALL, { value: 'a lot', source: 'x' }));
    assert.deepEqual(result.problems.map((p) => p.code), ['invalid-value']);
  });

  it('creates facts: in an empty file, and fills facts: []', () => {
    assert.equal(applied('', appendFact('', { value: '6.7%', source: 'SCB' })), 'facts:\n  - id: 6-7\n    value: 6.7%\n    source: SCB\n    status: verified\n');
    assert.equal(
      applied('facts: []  # none yet\n', appendFact('facts: []  # none yet\n', { value: '75th', keywords: ['diplomatic'], source: 'VNA' })),
      'facts:  # none yet\n  - id: diplomatic\n    value: 75th\n    keywords: [diplomatic]\n    source: VNA\n    status: verified\n',
    );
  });

  it('refuses a ledger with YAML errors, with the line and column', () => {
    const result = appendFact('facts:\n  - id: a\n    value: "5\n', { value: '5', source: 'x' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /^The facts ledger has a YAML error at line \d+, column \d+/);
  });

  it('keeps a CRLF ledger CRLF', () => {
    const fact = { value: '199', keywords: ['investment projects'], source: 'VNA', checked: CHECKED };
    const text = applied(crlf(SMALL), appendFact(crlf(SMALL), fact));
    assertAllCrlf(text);
    assert.equal(text, crlf(applied(SMALL, appendFact(SMALL, fact))));
  });

  for (const file of ['samples/facts.yaml', 'test/fixtures/corpus/facts.yaml']) {
    it(`appends to ${file}: one new entry, nothing else changed, no new problems`, () => {
      const original = readRepoFile(file);
      const before = parse(original);
      const result = succeeded(appendFact(original, { value: 'USD 63.15 billion', about: 'Import-export turnover, January 2025', keywords: ['import-export turnover'], source: 'General Department of Vietnam Customs', checked: CHECKED }));
      const text = applied(original, result);
      assert.deepEqual(changedLines(original, text).removed, []);
      assert.ok(text.startsWith(original.replace(/\n$/, '')), 'the existing text is a prefix of the new one');
      const after = parse(text);
      assert.deepEqual(after.problems, before.problems);
      assert.equal(after.facts.length, before.facts.length + 1);
      const fact = after.facts.find((f) => f.id === 'import-export-turnover-january-2025');
      assert.ok(fact);
      assert.deepEqual(fact.parsed, parseNumberValue('USD 63.15 billion'));
      assert.deepEqual(fact.keywords, ['import-export turnover']);
    });
  }

  describe('recording a claim of the corpus verifies it (value as written, the sentence’s keyword)', () => {
    const ledgerText = readRepoFile('test/fixtures/corpus/facts.yaml');
    const cases: [article: string, claim: string, near: string][] = [
      ['004', '300', 'about 300 Vietnamese specialists'],
      ['004', '15', '15 cooperation agreements'],
      ['004', '200', 'by 200 teachers'],
      ['003', '$63.15 billion', 'estimated at $63.15 billion'],
      ['001', '20', 'about 20 sister-city'],
    ];
    for (const [prefix, claimText, near] of cases) {
      it(`${prefix}: "${near}"`, () => {
        const { text } = readArticle(prefix);
        const at = text.indexOf(near) + near.indexOf(claimText);
        const claim = findNumbers(text).find((n) => n.start === at && n.text === claimText);
        assert.ok(claim, `no claim ${claimText} at ${at}`);
        const statusBefore = checkNumbers(text, [claim], parse(ledgerText))[0].status;
        assert.equal(statusBefore, 'unverified');

        const keyword = factKeyword(text, claim.start, claim.end);
        assert.ok(keyword);
        const result = succeeded(appendFact(ledgerText, { value: claim.text, keywords: [keyword], source: 'A reviewer', checked: CHECKED }));
        assert.deepEqual(result.problems, []);
        const [checked] = checkNumbers(text, [claim], parse(applied(ledgerText, result)));
        assert.deepEqual([checked.status, checked.fact], ['verified', result.id]);
      });
    }
  });
});
