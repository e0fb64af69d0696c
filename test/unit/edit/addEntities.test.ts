import * as assert from 'node:assert/strict';
import { addEntities } from '../../../src/core/edit/addEntities';
import { addEntity } from '../../../src/core/edit/glossaryEdits';
import { parseGlossary } from '../../../src/core/glossary/parse';
import { applied, assertAllCrlf, changedLines, crlf, readRepoFile, succeeded } from './support';

const SMALL = `# People of the test articles.

entities:
  - id: to-lam              # unique
    kind: person
    name: Tô Lâm            # canonical
    aliases: [To Lam]

  - id: moscow
    kind: place
    name: Moscow
# end of glossary
`;

describe('addEntities (several new entries in one edit)', () => {
  it('appends each entry as addEntity would, in order, as one replacement', () => {
    const entities = [
      { kind: 'person' as const, name: 'Nguyễn Phú Trọng', id: 'nguyen-phu-trong', aliases: ['Nguyen Phu Trong'] },
      { kind: 'body' as const, name: 'Youth Library of Russia' },
    ];
    const result = succeeded(addEntities(SMALL, entities, { file: 'glossary.yaml' }));
    assert.equal(result.edits.length, 1);
    assert.deepEqual(result.ids, ['nguyen-phu-trong', 'youth-library-of-russia']);
    const after = applied(SMALL, result);
    const oneByOne = applied(applied(SMALL, addEntity(SMALL, entities[0])), addEntity(applied(SMALL, addEntity(SMALL, entities[0])), entities[1]));
    assert.equal(after, oneByOne);
    assert.deepEqual(changedLines(SMALL, after), {
      removed: [],
      added: ['', '  - id: nguyen-phu-trong', '    kind: person', '    name: Nguyễn Phú Trọng', '    aliases: [Nguyen Phu Trong]', '', '  - id: youth-library-of-russia', '    kind: body', '    name: Youth Library of Russia'],
    });
    assert.equal(result.message, 'Added 2 entries to the glossary: Nguyễn Phú Trọng, Youth Library of Russia.');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(parseGlossary([{ file: 'glossary.yaml', text: after }]).problems, []);
  });

  it('works on an empty file and on entities: [], and keeps CRLF', () => {
    const two = [
      { kind: 'person' as const, name: 'Chu Thanh Huyen' },
      { kind: 'place' as const, name: 'Bac Ha' },
    ];
    for (const text of ['', 'entities: []\n', crlf('# glossary\nentities: []\n')]) {
      const after = applied(text, succeeded(addEntities(text, two)));
      const glossary = parseGlossary([{ file: 'glossary.yaml', text: after }]);
      assert.deepEqual(glossary.entities.map((e) => [e.id, e.kind, e.name]), [['chu-thanh-huyen', 'person', 'Chu Thanh Huyen'], ['bac-ha', 'place', 'Bac Ha']], after);
      if (text.includes('\r\n')) assertAllCrlf(after);
    }
  });

  it('adds none when one cannot be added, and names it', () => {
    const result = addEntities(SMALL, [
      { kind: 'person', name: 'Chu Thanh Huyen' },
      { kind: 'person', name: 'Tô Lâm Junior', id: 'to-lam' },
    ]);
    assert.ok(!result.ok);
    assert.match(result.error, /^Tô Lâm Junior: The id 'to-lam' is already used/);
  });

  it('is a no-op with nothing to add', () => {
    const result = succeeded(addEntities(SMALL, []));
    assert.equal(result.changed, false);
    assert.deepEqual(result.edits, []);
  });

  it('changes nothing but the new entries of the corpus glossary', () => {
    const text = readRepoFile('test/fixtures/corpus/glossary.yaml');
    const result = succeeded(addEntities(text, [{ kind: 'person', name: 'Chu Thanh Huyen' }, { kind: 'body', name: 'Coast Guard' }]));
    const { removed, added } = changedLines(text, applied(text, result));
    assert.deepEqual(removed, []);
    assert.ok(added.includes('    name: Chu Thanh Huyen') && added.includes('    name: Coast Guard'), added.join('\n'));
    assert.deepEqual(result.problems, []);
  });
});
