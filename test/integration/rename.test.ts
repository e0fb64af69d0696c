import * as assert from 'assert';
import * as vscode from 'vscode';
import { documentOf, editingSuite, eventually, line, withoutPreview } from './acting';
import { Articles, articleUri, glossaDiagnostics, openArticle, positionOf, rangeOf, show, workspaceFile } from './glossa';

describe('rename symbol', () => {
  const snapshot = editingSuite();

  it('prepares the rename on a mention with its canonical name, and refuses elsewhere with a reason', async () => {
    const editor = await openArticle(Articles.lavrov);
    const d = editor.document;
    const at = positionOf(d, 'Sergei Lavrov', 0, 3);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', d.uri, at);
    assert.strictEqual(prepared.placeholder, 'Sergey Lavrov');
    assert.strictEqual(show(prepared.range), show(rangeOf(d, 'Sergei Lavrov')));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', d.uri, positionOf(d, 'friendship', 0, 2))),
      /Glossa renames the names of its glossary/,
    );
  });

  it('renames the entity in the glossary (old name kept as an alias) and its canonical mentions across the corpus', async () => {
    const editor = await openArticle(Articles.lavrov);
    const d = editor.document;
    // From "Sergei Lavrov" (an alias in 000), to the spelling that alias has.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', d.uri, positionOf(d, 'Sergei Lavrov', 0, 3), 'Sergei Lavrov');
    const files = edit.entries().map(([uri, edits]) => `${vscode.workspace.asRelativePath(uri)} ${edits.length}`);
    assert.deepStrictEqual(files.sort(), ['articles/' + Articles.son + ' 3', 'glossary.yaml 2']);
    assert.ok(await vscode.workspace.applyEdit(withoutPreview(edit)));

    const glossary = await documentOf(workspaceFile('glossary.yaml'));
    const before = snapshot().text(workspaceFile('glossary.yaml'));
    assert.strictEqual(
      glossary.getText(),
      before.replace('    name: Sergey Lavrov\n    aliases: [Sergei Lavrov]\n', '    name: Sergei Lavrov\n    aliases: [Sergey Lavrov]\n'),
    );
    const son = await documentOf(articleUri(Articles.son));
    assert.strictEqual(line(son, 1).slice(0, 60), 'Russian Foreign Minister Sergei Lavrov described the Vietnam');
    assert.ok(!son.getText().includes('Sergey Lavrov'));
    // The store follows the edited glossary: "Sergei Lavrov" in 000 is now canonical, no longer a spelling to fix.
    const sergei = rangeOf(d, 'Sergei Lavrov');
    await eventually(() => !glossaDiagnostics(d.uri).some((x) => x.range.isEqual(sergei)), 'the old alias now the canonical name');
  });

  it('keeps the possessive of a renamed mention, and leaves the other names (aka) alone', async () => {
    const editor = await openArticle(Articles.vnNews);
    const d = editor.document;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', d.uri, positionOf(d, 'Mikhail Mishustin', 0, 2), 'Mikhail V. Mishustin');
    const texts = edit
      .entries()
      .filter(([uri]) => uri.path.includes('/articles/'))
      .flatMap(([uri, edits]) => edits.map((e) => `${vscode.workspace.asRelativePath(uri)}: ${e.newText}`));
    assert.ok(texts.length >= 3, texts.join('\n'));
    assert.ok(texts.every((t) => t.endsWith(': Mikhail V. Mishustin')), texts.join('\n'));
    assert.ok(await vscode.workspace.applyEdit(withoutPreview(edit)));
    const lavrov = await documentOf(articleUri(Articles.lavrov));
    assert.ok(lavrov.getText().includes("Prime Minister Mikhail V. Mishustin's official visit"), 'the possessive stays');
    const toLam = await documentOf(articleUri(Articles.toLam));
    assert.ok(toLam.getText().includes("Russian Prime Minister Mikhail Vladimirovich Mishustin's official visit"), 'an aka is not rewritten');
  });
});
