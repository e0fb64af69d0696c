import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, closeAll, glossa } from './glossa';

describe('views and status bar', () => {
  after(closeAll);

  it('the Entities view: kind → entity (count) → spelling (count) → mentions', async () => {
    const api = await glossa();
    const tree = await api.tree('glossa.entities');
    assert.deepStrictEqual(
      tree.map((n) => n.label),
      ['People', 'Bodies', 'Places'],
    );
    const people = tree[0].children!;
    const lavrov = people.find((n) => n.label === 'Sergey Lavrov');
    assert.ok(lavrov, people.map((p) => p.label).join(', '));
    const index = (await api.entities()).find((e) => e.id === 'sergey-lavrov')!;
    assert.strictEqual(lavrov.description, String(index.mentions));
    assert.deepStrictEqual(
      lavrov.children!.map((s) => `${s.label} ${s.description}`),
      index.spellings.map((s) => `${s.text} ${s.count}`),
    );
    const alias = lavrov.children!.find((s) => s.label === 'Sergei Lavrov')!;
    assert.ok(alias.children!.some((m) => m.label === `${Articles.lavrov}:1` && m.description!.includes('Sergei Lavrov')), JSON.stringify(alias.children));
    // The most mentioned person comes first.
    const counts = people.map((p) => Number(p.description));
    assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a));
  });

  it('the mention index as plain data, for the corpus and for one file', async () => {
    const api = await glossa();
    const all = await api.entities();
    const toLam = all.find((e) => e.id === 'to-lam')!;
    assert.strictEqual(toLam.kind, 'person');
    assert.strictEqual(toLam.name, 'Tô Lâm');
    assert.ok(toLam.spellings.some((s) => s.text === 'To Lam') && toLam.spellings.some((s) => s.text === 'Tô Lâm'));
    const one = await api.entities(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'articles', Articles.vnNews));
    const here = one.find((e) => e.id === 'to-lam')!;
    assert.strictEqual(here.files, 1);
    assert.deepStrictEqual(here.spellings, [
      { text: 'Party chief', count: 6 },
      { text: 'Tô Lâm', count: 3 },
    ]);
    assert.ok(here.locations.every((l) => l.uri.endsWith(Articles.vnNews)));
  });

  it('the Numbers view: numbers to check by file, conflicts first', async () => {
    const api = await glossa();
    const tree = await api.tree('glossa.numbers');
    const trade = tree.find((f) => f.label === Articles.trade);
    assert.ok(trade, tree.map((f) => f.label).join(', '));
    assert.strictEqual(trade.description, '1 conflicting · 13 unverified');
    assert.strictEqual(trade.children![0].label, '$4.15 billion');
    assert.match(trade.children![0].description!, /^conflicting · line 18 · /);
    const son = tree.find((f) => f.label === Articles.son)!;
    assert.strictEqual(son.description, '1 disputed · 5 unverified');
  });

  it('the status bar counts entities and unverified numbers, and opens the view', async () => {
    const api = await glossa();
    await api.entities(); // the corpus is read
    const status = api.status();
    assert.match(status.text, /^\$\(book\) \d+ entities {2}\$\(warning\) 45 unverified$/);
    assert.match(status.tooltip, /45 unverified and 1 conflicting numbers in the workspace/);
    assert.strictEqual(status.error, false);
    await vscode.commands.executeCommand('glossa.showEntities');
  });
});
