// Completion of canonical names: what VS Code's completion request returns in an
// article, and the text after accepting an item as the editor would apply it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, closeAll, openArticle, restore, workspaceFile } from './glossa';

/** Glossa's items at the end of the document (other providers' items, such as words of the file, left out). */
async function completionsAtEnd(document: vscode.TextDocument): Promise<vscode.CompletionItem[]> {
  const end = document.positionAt(document.getText().length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
  return list.items.filter((item) => item.sortText !== undefined && /^\d{4}$/.test(item.sortText));
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Applies the item as accepting it does: its insert text over its range. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
  const text = typeof item.insertText === 'string' ? item.insertText : item.insertText!.value;
  assert.ok(await editor.edit((b) => b.replace(range, text)));
}

describe('completion of canonical names', () => {
  let editor: vscode.TextEditor;
  let original: string;

  before(async () => {
    editor = await openArticle(Articles.son);
    original = editor.document.getText();
  });
  afterEach(() => restore(editor.document, original));
  after(closeAll);

  const typeAtEnd = async (line: string): Promise<void> => {
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, `\n${line}`)));
  };

  it('"tran th" offers Trần Thanh Mẫn first, with kind and description; accepting it replaces both words', async () => {
    await typeAtEnd('The delegation was received by tran th');
    const items = await completionsAtEnd(editor.document);
    assert.ok(items.length > 0, 'no Glossa completion');
    const first = items[0];
    assert.equal(label(first), 'Trần Thanh Mẫn');
    assert.match(first.detail ?? '', /^Person · VN$/);
    const doc = first.documentation instanceof vscode.MarkdownString ? first.documentation.value : String(first.documentation ?? '');
    assert.ok(doc.length > 0, 'the description is in the item');
    await accept(editor, first);
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[lines.length - 1], 'The delegation was received by Trần Thanh Mẫn');
  });

  it('"Sergei La" (an alias) offers the canonical spelling, Sergey Lavrov', async () => {
    await typeAtEnd('Foreign Minister Sergei La');
    const items = await completionsAtEnd(editor.document);
    assert.equal(label(items[0]), 'Sergey Lavrov');
    await accept(editor, items[0]);
    assert.ok(editor.document.getText().endsWith('\nForeign Minister Sergey Lavrov'));
  });

  it('offers nothing for one letter, nor in the glossary file', async () => {
    await typeAtEnd('and t');
    assert.deepEqual((await completionsAtEnd(editor.document)).map(label), []);
    const glossary = await vscode.workspace.openTextDocument(workspaceFile('glossary.yaml'));
    const at = glossary.positionAt(glossary.getText().indexOf('Tran Thanh Man') + 'Tran Th'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', glossary.uri, at);
    assert.deepEqual(list.items.filter((i) => label(i) === 'Trần Thanh Mẫn').map(label), []);
  });

  it('glossa.completion.enabled: false turns it off', async () => {
    const config = vscode.workspace.getConfiguration('glossa');
    await config.update('completion.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await typeAtEnd('tran th');
      assert.deepEqual((await completionsAtEnd(editor.document)).map(label), []);
    } finally {
      await config.update('completion.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
