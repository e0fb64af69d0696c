import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseDocument } from 'yaml';
import { appendFact } from '../../../src/core/edit/factEdits';
import { addAlias, addEntity, renameEntity } from '../../../src/core/edit/glossaryEdits';
import type { EditResult } from '../../../src/core/edit/types';
import { parseGlossary } from '../../../src/core/glossary/parse';
import { applyEdits } from '../../../src/core/normalize/normalize';
import { parseLedger } from '../../../src/core/numbers/ledger';

const GLOSSARY = 'entities:\n  - id: a\n    kind: place\n    name: A   # the first\n    aliases: [B]\n';
/** How the edits write a spelling: one line, trimmed, NFC. */
const written = (s: string) => s.replace(/\s+/g, ' ').trim().normalize('NFC');

function entityAfter(text: string, result: EditResult, id: string) {
  assert.ok(result.ok, result.ok ? '' : result.error);
  return parseGlossary([{ file: 'g.yaml', text: applyEdits(text, result.edits) }]).entities.find((e) => e.id === id);
}

describe('YAML edit properties', () => {
  it('any text reads back exactly as written: as a name, an alias, a new name, a fact', function () {
    this.timeout(30000);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const expected = written(s);
        const added = addEntity(GLOSSARY, { kind: 'place', name: s });
        const alias = addAlias(GLOSSARY, 'a', s);
        const renamed = renameEntity(GLOSSARY, 'a', s);
        const fact = appendFact('facts:\n', { value: s, source: s, about: s, keywords: [s] });
        if (expected === '') {
          assert.ok([added, alias, renamed, fact].every((r) => !r.ok));
          return;
        }
        assert.equal(entityAfter(GLOSSARY, added, added.ok ? added.id : '')?.name, expected);
        if (alias.ok && alias.changed) assert.ok(entityAfter(GLOSSARY, alias, 'a')?.aliases.includes(expected));
        if (renamed.ok && renamed.changed) assert.equal(entityAfter(GLOSSARY, renamed, 'a')?.name, expected);
        assert.ok(fact.ok, fact.ok ? '' : fact.error);
        const facts = parseLedger([{ file: 'f.yaml', text: applyEdits('facts:\n', fact.edits) }]).facts;
        assert.deepEqual([facts[0].value, facts[0].source, facts[0].about, facts[0].keywords], [expected, expected, expected, [expected]]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and never gives edits that break the file, whatever the file', function () {
    this.timeout(30000);
    const pieces = ['entities:', 'facts:', '- id: a\n', '  ', '\n', '\r\n', 'name: N', 'kind: place', 'aliases:', 'aka:', '[', ']', '{', '}', ',', '#', ':', '-', ' ', 'a', '"', '~', '&x', '*x', '|', 'value: 5', 'source: s'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const results = [
          addEntity(text, { kind: 'place', name: 'Hà Nội', aliases: ['Ha Noi'] }),
          addAlias(text, 'a', 'Z'),
          addAlias(text, 'a', 'Z', 'aka'),
          renameEntity(text, 'a', 'Z'),
          appendFact(text, { value: '5', source: 'x', keywords: ['k'] }),
        ];
        for (const result of results) {
          if (!result.ok) continue;
          assert.equal(parseDocument(applyEdits(text, result.edits)).errors.length, 0, JSON.stringify(text));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
