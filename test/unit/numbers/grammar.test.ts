// The TextMate grammars colour money, scaled amounts and percentages without code; these
// tests keep their patterns (in the common subset of Oniguruma and JavaScript) in step with
// the number finder, on wire-copy sentences with every currency and form the finder reads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNumbers } from '../../../src/core/numbers/finder';
import type { FoundNumber } from '../../../src/core/numbers/types';
import { numberTokens, type Grammar } from '../../grammarTokens';
import { repoRoot } from '../support';


function readGrammar(file: string): Grammar {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', file), 'utf8')) as Grammar;
}

const plaintext = readGrammar('glossa-plaintext.tmLanguage.json');
const injection = readGrammar('glossa-numbers.injection.tmLanguage.json');


const SCALED_RE = /\d[ \u00a0-]?(?:thousand|million|billion|trillion|bn|mn)$/;

/** The scope the grammar should give a number the finder reads, or null for one it leaves alone. */
function expectedScope(n: FoundNumber): string | null {
  if (n.kind === 'money') return 'constant.numeric.money.glossa';
  if (n.kind === 'percent') return 'constant.numeric.percent.glossa';
  if (n.kind === 'count' && SCALED_RE.test(n.text)) return 'constant.numeric.scaled.glossa';
  return null;
}

describe('number grammars', () => {
  it('share one set of patterns (plain text and the Markdown injection)', () => {
    assert.deepEqual(injection.repository, plaintext.repository);
  });

  const rows: [string, [string, string][]][] = [
    ['The lender approved a US$1.2 billion loan and $750m in bonds.', [
      ['US$1.2 billion', 'constant.numeric.money.glossa'],
      ['$750m', 'constant.numeric.money.glossa'],
    ]],
    ['London pledged £2bn, Tokyo ¥300 billion and Brussels €30k per village.', [
      ['£2bn', 'constant.numeric.money.glossa'],
      ['¥300 billion', 'constant.numeric.money.glossa'],
      ['€30k', 'constant.numeric.money.glossa'],
    ]],
    ['a $120-million port and a $300-billion plan; GBP 45 million, JPY 12 billion, CNY 8 billion, RMB 3.5 trillion', [
      ['$120-million', 'constant.numeric.money.glossa'],
      ['$300-billion', 'constant.numeric.money.glossa'],
      ['GBP 45 million', 'constant.numeric.money.glossa'],
      ['JPY 12 billion', 'constant.numeric.money.glossa'],
      ['CNY 8 billion', 'constant.numeric.money.glossa'],
      ['RMB 3.5 trillion', 'constant.numeric.money.glossa'],
    ]],
    ['fined 20,000 pounds, 500 billion yen, 60 billion yuan, 5 million dollars, 50 euros and 10 $', [
      ['20,000 pounds', 'constant.numeric.money.glossa'],
      ['500 billion yen', 'constant.numeric.money.glossa'],
      ['60 billion yuan', 'constant.numeric.money.glossa'],
      ['5 million dollars', 'constant.numeric.money.glossa'],
      ['50 euros', 'constant.numeric.money.glossa'],
      ['10 $', 'constant.numeric.money.glossa'],
    ]],
    ['exports rose 4.5-percent, imports 12.5-per-cent and prices 3 per cent, 2.1 percent and 6.7%', [
      ['4.5-percent', 'constant.numeric.percent.glossa'],
      ['12.5-per-cent', 'constant.numeric.percent.glossa'],
      ['3 per cent', 'constant.numeric.percent.glossa'],
      ['2.1 percent', 'constant.numeric.percent.glossa'],
      ['6.7%', 'constant.numeric.percent.glossa'],
    ]],
    ['a 2-million-strong workforce, 250 million tons and 4.5bn views; an 11-year plan, 5m walls, Su-30MK2 jets', [
      ['2-million', 'constant.numeric.scaled.glossa'],
      ['250 million', 'constant.numeric.scaled.glossa'],
      ['4.5bn', 'constant.numeric.scaled.glossa'],
    ]],
  ];
  for (const [line, expected] of rows) {
    it(`marks what the finder reads as money, percent or a scaled amount: ${JSON.stringify(line)}`, () => {
      assert.deepEqual(numberTokens(plaintext, line).map((t): [string, string] => [t.text, t.scope]), expected);
      const fromFinder = findNumbers(line).flatMap((n): [string, string][] => {
        const scope = expectedScope(n);
        return scope === null ? [] : [[n.text, scope]];
      });
      assert.deepEqual(fromFinder, expected);
    });
  }
});
