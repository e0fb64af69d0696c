import * as assert from 'node:assert/strict';
import { renameMentionEdits } from '../../../src/core/edit/renameMentions';
import { EntityMatcher } from '../../../src/core/entities/matcher';
import { applyEdits } from '../../../src/core/normalize/normalize';
import { corpusEntities } from '../entities/fixtures';
import { readArticle } from '../support';

const matcher = EntityMatcher.compile(corpusEntities);
const byId = new Map(corpusEntities.map((e) => [e.id, e]));

function renamed(text: string, id: string, newName: string): string {
  return applyEdits(text, renameMentionEdits(text, matcher.match(text), byId.get(id)!, newName));
}

describe('renameMentionEdits', () => {
  const rows: [title: string, text: string, id: string, newName: string, expected: string][] = [
    ['the canonical spelling', 'General Secretary Tô Lâm said', 'to-lam', 'Tô Lâm Jr', 'General Secretary Tô Lâm Jr said'],
    ['aliases and folded forms stay', 'To Lam, Tô Lâm and Sergei Lavrov', 'to-lam', 'Tô Lâm Jr', 'To Lam, Tô Lâm Jr and Sergei Lavrov'],
    ['capitals stay capitals', 'TÔ LÂM ARRIVES', 'to-lam', 'Tô Lâm Jr', 'TÔ LÂM JR ARRIVES'],
    ['NFD-encoded, to NFC', 'Tô Lâm said'.normalize('NFD'), 'to-lam', 'Tô Lâm Jr', 'Tô Lâm Jr said'],
    ['a line break inside the name', 'met Sergey\nLavrov today', 'sergey-lavrov', 'Sergei Lavrov', 'met Sergei\nLavrov today'],
    ['possessive kept', "Sergey Lavrov's remarks", 'sergey-lavrov', 'Sergei Lavrov', "Sergei Lavrov's remarks"],
    ['short forms stay', 'Sergey Lavrov spoke. Lavrov said', 'sergey-lavrov', 'Sergei Lavrov', 'Sergei Lavrov spoke. Lavrov said'],
    ['aka stays', 'VNA and Vietnam News Agency', 'vna', 'Viet Nam News Agency', 'VNA and Viet Nam News Agency'],
    ['URLs stay', 'see https://example.com/Sergey Lavrov and Sergey Lavrov', 'sergey-lavrov', 'Sergei Lavrov', 'see https://example.com/Sergey Lavrov and Sergei Lavrov'],
    ['the same name: nothing', 'Sergey Lavrov', 'sergey-lavrov', ' Sergey  Lavrov ', 'Sergey Lavrov'],
  ];
  for (const [title, text, id, newName, expected] of rows) {
    it(`${title}: ${JSON.stringify(text)}`, () => assert.equal(renamed(text, id, newName), expected));
  }

  it('on a real article, changes only the canonical spellings of the entity', () => {
    const { text } = readArticle('003');
    const mentions = matcher.match(text);
    const canonical = mentions.filter((m) => m.entityId === 'viet-nam' && m.variant === 'canonical').length;
    assert.ok(canonical > 0);
    const edits = renameMentionEdits(text, mentions, byId.get('viet-nam')!, 'Viet-Nam');
    assert.equal(edits.length, canonical);
    assert.ok(edits.every((e) => text.slice(e.start, e.end) === 'Việt Nam' && e.newText === 'Viet-Nam'));
  });
});
