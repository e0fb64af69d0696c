import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseGlossary, type SuggestReport as SuggestData } from '../../src/core';
import type { TreeSnapshot } from '../../src/vscode/treeSnapshot';
import { documentOf, editingSuite, eventually, readDisk } from './acting';
import { Articles, folderUri, glossa, openArticle, workspaceFile } from './glossa';
import { desktopOnly, waitFor } from './support';

/** Writes `line` as a new first line of the article (unsaved: auto save is off in the suite). */
async function prepend(article: string, line: string): Promise<vscode.TextDocument> {
  const editor = await openArticle(article);
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), `${line}\n`)));
  return editor.document;
}

/** The Suggestions view once `probe` holds of it. */
async function suggestionsWhen(probe: (tree: TreeSnapshot[]) => boolean, what: string): Promise<TreeSnapshot[]> {
  const api = await glossa();
  return waitFor(async () => {
    await api.ready();
    const tree = await api.tree('glossa.suggestions');
    return probe(tree) ? tree : undefined;
  }, what, 20_000);
}

const suggest = (folder: vscode.Uri = folderUri()) => vscode.commands.executeCommand<SuggestData>('glossa.suggestEntities', folder);

describe('the Suggestions view and the discovery commands', () => {
  const snapshot = editingSuite(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
  const glossaryUri = () => workspaceFile('glossary.yaml');

  it('lists a new name written in two articles as one candidate: its spellings, counts and occurrences', async () => {
    const before = await suggestionsWhen(() => true, 'the Suggestions view');
    assert.ok(!before.some((c) => c.label === 'Nguyễn Phú Trọng'));

    await prepend(Articles.lavrov, 'Nguyen Phu Trong sent a message.');
    await prepend(Articles.son, 'Earlier, General Secretary Nguyễn Phú Trọng had written to him.');
    const tree = await suggestionsWhen((t) => t.some((c) => c.label === 'Nguyễn Phú Trọng'), 'the new name in the view');
    const trong = tree.find((c) => c.label === 'Nguyễn Phú Trọng')!;
    assert.strictEqual(trong.description, '2 in 2 files');
    assert.deepStrictEqual(
      trong.children!.map((s) => `${s.label} ${s.description}`),
      ['Nguyen Phu Trong 1', 'Nguyễn Phú Trọng 1'],
    );
    const [ascii, accented] = trong.children!;
    assert.deepStrictEqual(ascii.children!.map((o) => `${o.label} ${o.description}`), [`${Articles.lavrov}:1 Nguyen Phu Trong sent a message.`]);
    assert.deepStrictEqual(accented.children!.map((o) => o.label), [`${Articles.son}:1`]);
    // The title is trimmed, as everywhere in discovery.
    assert.ok(!tree.some((c) => c.label.startsWith('General Secretary')));
    // Most files first, then most occurrences.
    const ranks = tree.map((c) => /^(\d+) in (\d+) files?$/.exec(c.description!)!.slice(1).map(Number));
    for (let i = 1; i < ranks.length; i++) assert.ok(ranks[i - 1][1] > ranks[i][1] || (ranks[i - 1][1] === ranks[i][1] && ranks[i - 1][0] >= ranks[i][0]), JSON.stringify(ranks));

    // Undoing the edit takes the name away again.
    const son = await openArticle(Articles.son);
    await vscode.commands.executeCommand('undo');
    await suggestionsWhen((t) => t.find((c) => c.label === 'Nguyen Phu Trong')?.description === '1 in 1 file', 'the candidate of one spelling left');
    assert.ok(!son.document.getText().includes('Trọng'));
  });

  desktopOnly.it('glossa.suggestEntities with a folder returns the candidates as glossa suggest --format json prints them', async () => {
    const data = await suggest();
    assert.ok(data && data.candidates.length > 0);
    const tree = await suggestionsWhen(() => true, 'the Suggestions view');
    assert.deepStrictEqual(data.candidates.map((c) => c.name), tree.map((c) => c.label));
    for (const c of data.candidates) {
      assert.deepStrictEqual(Object.keys(c), ['name', 'id', 'kind', 'aliases', 'count', 'files', 'spellings', 'occurrences']);
      assert.strictEqual(c.count, c.occurrences.length);
      assert.strictEqual(c.files, new Set(c.occurrences.map((o) => o.file)).size);
    }
    // The command line, run in the folder on the same files, says the same.
    const cli = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');
    const run = spawnSync(process.execPath, [cli, 'suggest', '--format', 'json'], { cwd: folderUri().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(data, JSON.parse(run.stdout));
    // Without a folder it shows the view, and returns nothing.
    assert.strictEqual(await vscode.commands.executeCommand('glossa.suggestEntities'), undefined);
  });

  it('glossa.suggestEntities follows an unsaved edit: the occurrence where it is written', async () => {
    const document = await prepend(Articles.trade, 'Lê Minh Hưng arrived.');
    await eventually(async () => (await suggest()).candidates.some((c) => c.name === 'Lê Minh Hưng'), 'the new name in the data');
    const hung = (await suggest()).candidates.find((c) => c.name === 'Lê Minh Hưng')!;
    assert.deepStrictEqual(hung, {
      name: 'Lê Minh Hưng',
      id: 'le-minh-hung',
      kind: 'person',
      aliases: [],
      count: 1,
      files: 1,
      spellings: [{ text: 'Lê Minh Hưng', count: 1 }],
      occurrences: [{ file: `articles/${Articles.trade}`, line: 0, character: 0, endLine: 0, endCharacter: 12, text: 'Lê Minh Hưng' }],
    });
    assert.ok(document.isDirty);
  });

  it('glossa.addSuggested with names adds them in one edit, comments and layout kept; one Undo reverts it', async () => {
    await prepend(Articles.lavrov, 'Nguyen Phu Trong sent a message.');
    await prepend(Articles.son, 'Nguyễn Phú Trọng had written.');
    await prepend(Articles.trade, 'Lê Minh Hưng arrived.');
    await eventually(async () => {
      const names = (await suggest()).candidates.map((c) => c.name);
      return names.includes('Nguyễn Phú Trọng') && names.includes('Lê Minh Hưng');
    }, 'both names suggested');

    const ids = await vscode.commands.executeCommand<string[]>('glossa.addSuggested', 'Nguyễn Phú Trọng', 'Lê Minh Hưng');
    assert.deepStrictEqual(ids, ['nguyen-phu-trong', 'le-minh-hung']);
    const before = snapshot().text(glossaryUri());
    const expected =
      before.slice(0, -1) +
      '\n\n  - id: nguyen-phu-trong\n    kind: person\n    name: Nguyễn Phú Trọng\n    aliases: [Nguyen Phu Trong]\n' +
      '\n  - id: le-minh-hung\n    kind: person\n    name: Lê Minh Hưng\n';
    assert.strictEqual(await readDisk(glossaryUri()), expected);
    assert.deepStrictEqual(parseGlossary([{ file: 'glossary.yaml', text: expected }]).problems, []);

    // Now mentions: gone from the view.
    await suggestionsWhen((t) => !t.some((c) => c.label === 'Nguyễn Phú Trọng' || c.label === 'Lê Minh Hưng'), 'the added names gone from the view');
    const api = await glossa();
    await eventually(async () => (await api.entities()).find((e) => e.id === 'nguyen-phu-trong')?.mentions === 2, 'the new entry mentioned twice');

    const glossary = await vscode.window.showTextDocument(await documentOf(glossaryUri()), { preview: false });
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(glossary.document.getText(), before);
  });

  it('glossa.addSuggested with no arguments adds the candidates selected in the view', async () => {
    const api = await glossa();
    const data = await suggest();
    assert.ok(data.candidates.length >= 2);
    const [first, second] = data.candidates;

    // As a user does: focus the view and its first candidate, select it, Shift+Down (again until the view has rendered and has the focus).
    await waitFor(async () => {
      await vscode.commands.executeCommand('glossa.suggestions.focus');
      await vscode.commands.executeCommand('list.clear');
      await vscode.commands.executeCommand('list.focusFirst');
      await vscode.commands.executeCommand('list.toggleSelection');
      await vscode.commands.executeCommand('list.expandSelectionDown');
      const selected = api.suggestionsSelection();
      return selected.length === 2 ? selected : undefined;
    }, 'two candidates selected in the view');
    assert.deepStrictEqual(api.suggestionsSelection(), [first.name, second.name]);

    const ids = await vscode.commands.executeCommand<string[]>('glossa.addSuggested');
    assert.deepStrictEqual(ids, [first.id, second.id]);
    const added = parseGlossary([{ file: 'glossary.yaml', text: await readDisk(glossaryUri()) }]).entities.slice(-2);
    assert.deepStrictEqual(
      added.map((e) => [e.id, e.kind, e.name, e.aliases]),
      [first, second].map((c) => [c.id, c.kind, c.name, c.aliases]),
    );
    const glossary = await vscode.window.showTextDocument(await documentOf(glossaryUri()), { preview: false });
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(glossary.document.getText(), snapshot().text(glossaryUri()));
  });

  it('glossa.addSuggested names what it cannot find, and adds nothing', async () => {
    const ids = await vscode.commands.executeCommand<string[]>('glossa.addSuggested', 'Nobody Ever Written Here');
    assert.deepStrictEqual(ids, []);
    assert.strictEqual(await readDisk(glossaryUri()), snapshot().text(glossaryUri()));
  });
});
