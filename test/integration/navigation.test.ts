import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, closeAll, glossa, openArticle, positionOf, show, workspaceFile } from './glossa';

async function lineOf(uri: vscode.Uri, text: string): Promise<{ line: number; character: number }> {
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const index = content.indexOf(text);
  assert.ok(index >= 0, `${text} not in ${uri.path}`);
  const before = content.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('navigation', () => {
  after(closeAll);

  it('goes from a mention to its glossary entry', async () => {
    const editor = await openArticle(Articles.toLam);
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'To Lam', 0, 1));
    assert.strictEqual(links.length, 1);
    const link = links[0] as vscode.LocationLink;
    assert.strictEqual(vscode.workspace.asRelativePath(link.targetUri), 'glossary.yaml');
    const name = await lineOf(workspaceFile('glossary.yaml'), 'name: Tô Lâm');
    assert.strictEqual(show(link.targetSelectionRange!), `${name.line + 1}:${name.character + 'name: '.length}-${name.line + 1}:${name.character + 'name: Tô Lâm'.length}`);
    assert.strictEqual(editor.document.getText(link.originSelectionRange), 'To Lam');
    assert.ok(link.targetRange.contains(link.targetSelectionRange!));
  });

  it('goes to the entry with the Go to Glossary Entry command', async () => {
    const editor = await openArticle(Articles.lavrov);
    editor.selection = new vscode.Selection(positionOf(editor.document, 'Lavrov', 0, 2), positionOf(editor.document, 'Lavrov', 0, 2));
    await vscode.commands.executeCommand('glossa.goToEntry');
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(vscode.workspace.asRelativePath(active.document.uri), 'glossary.yaml');
    assert.strictEqual(active.document.getText(active.selection), 'Sergey Lavrov');
  });

  it('finds every mention of an entity in the corpus, in files never opened', async () => {
    const editor = await openArticle(Articles.son);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      editor.document.uri,
      positionOf(editor.document, 'Bui Thanh Son', 0, 1),
    );
    const texts = await Promise.all(
      locations.map(async (l) => {
        const doc = await vscode.workspace.openTextDocument(l.uri);
        return `${vscode.workspace.asRelativePath(l.uri)} ${doc.getText(l.range)}`;
      }),
    );
    // Its glossary entry (includeDeclaration), and the mentions.
    assert.ok(texts.includes('glossary.yaml Bùi Thanh Sơn'), texts.join('\n'));
    const files = new Set(locations.map((l) => vscode.workspace.asRelativePath(l.uri)));
    assert.ok(files.has(`articles/${Articles.son}`) && files.has(`articles/${Articles.toLam}`), [...files].join(', '));
    assert.ok(texts.includes(`articles/${Articles.son} Son`), 'the short form "Son" is a reference');
    const api = await glossa();
    const index = (await api.entities()).find((e) => e.id === 'bui-thanh-son')!;
    assert.strictEqual(locations.length - 1, index.mentions);
  });

  it('lists the entities of an article in the Outline', async () => {
    const editor = await openArticle(Articles.lavrov);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const glossaSymbols = symbols.filter((s) => s.detail.includes('mention'));
    const first = glossaSymbols.slice(0, 3).map((s) => `${s.name} (${s.detail})`);
    assert.deepStrictEqual(first.slice(0, 2), ['Moscow (place · 2 mentions)', 'Sergey Lavrov (person · 3 mentions)']);
    const lavrov = glossaSymbols.find((s) => s.name === 'Sergey Lavrov')!;
    assert.deepStrictEqual(
      lavrov.children.map((c) => `${c.name} ${c.detail}`),
      ['Sergei Lavrov line 1', 'Lavrov line 5', 'Lavrov line 9'],
    );
    // The entity spans its mentions, from the first to the last (the breadcrumbs follow the cursor), and its selection is the first.
    const [firstMention, , lastMention] = lavrov.children;
    assert.ok(lavrov.range.isEqual(new vscode.Range(firstMention.range.start, lastMention.range.end)), JSON.stringify(lavrov.range));
    assert.ok(lavrov.selectionRange.isEqual(firstMention.range), JSON.stringify(lavrov.selectionRange));
    assert.strictEqual(editor.document.getText(firstMention.range), 'Sergei Lavrov');
    assert.strictEqual(editor.document.getText(lastMention.range), 'Lavrov');
  });
});
