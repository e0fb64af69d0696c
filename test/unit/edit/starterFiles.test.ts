import * as assert from 'node:assert/strict';
import { parseGlossary } from '../../../src/core/glossary/parse';
import { parseLedger } from '../../../src/core/numbers/ledger';
import { STARTER_FACTS, STARTER_GLOSSARY } from '../../../src/core/edit/starterFiles';

describe('starter files of Create Glossary', () => {
  it('the glossary parses without problems and holds no entity yet', () => {
    const glossary = parseGlossary([{ file: 'glossary.yaml', text: STARTER_GLOSSARY }]);
    assert.deepEqual([glossary.entities.length, glossary.problems], [0, []]);
  });

  it('the ledger parses without problems and holds no fact yet', () => {
    const ledger = parseLedger([{ file: 'facts.yaml', text: STARTER_FACTS }]);
    assert.deepEqual([ledger.facts.length, ledger.problems], [0, []]);
  });

  it('the commented example entries become valid entries once uncommented', () => {
    // The example's lines, without their "#", as the list's only item.
    const uncomment = (text: string, key: string) => `${key}:\n${text.split('\n').filter((l) => l.startsWith('#  ')).map((l) => l.slice(1)).join('\n')}\n`;
    const glossary = parseGlossary([{ file: 'glossary.yaml', text: uncomment(STARTER_GLOSSARY, 'entities') }]);
    assert.deepEqual([glossary.entities.map((e) => e.name), glossary.problems], [['Nguyễn Văn An'], []]);
    const ledger = parseLedger([{ file: 'facts.yaml', text: uncomment(STARTER_FACTS, 'facts') }]);
    assert.deepEqual([ledger.facts.map((f) => f.id), ledger.problems], [['exports-2024'], []]);
  });
});
