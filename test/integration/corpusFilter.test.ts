import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, closeAll, glossa, glossaDiagnostics, openArticle } from './glossa';
import { waitFor } from './support';

const config = () => vscode.workspace.getConfiguration('glossa');

describe('which files', () => {
  afterEach(async () => {
    for (const key of ['exclude', 'maxFileSize', 'include']) {
      if (config().inspect(key)?.workspaceValue !== undefined) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await closeAll();
  });

  it('leaves out files matched by glossa.exclude', async () => {
    const api = await glossa();
    await config().update('exclude', ['**/000_*.txt'], vscode.ConfigurationTarget.Workspace);
    const excluded = await openArticle(Articles.lavrov);
    const included = await openArticle(Articles.son);
    await api.ready();
    assert.strictEqual(api.decorations(excluded.document.uri)?.person.length ?? 0, 0);
    assert.deepStrictEqual(glossaDiagnostics(excluded.document.uri), []);
    assert.ok(glossaDiagnostics(included.document.uri).length > 0);
    const files = (await api.tree('glossa.numbers')).map((f) => f.label);
    assert.ok(!files.includes(Articles.lavrov) && files.includes(Articles.son), files.join(', '));
  });

  it('annotates any file the include globs name, whatever its language', async () => {
    const api = await glossa();
    await config().update('include', ['**/*.yaml'], vscode.ConfigurationTarget.Workspace);
    const article = await openArticle(Articles.son);
    await api.ready();
    assert.deepStrictEqual(glossaDiagnostics(article.document.uri), [], 'a .txt file is no longer a corpus file');
  });

  it('skips a file over glossa.maxFileSize, and says so', async () => {
    const api = await glossa();
    await config().update('maxFileSize', 4000, vscode.ConfigurationTarget.Workspace);
    const big = await openArticle(Articles.son); // 5.3 KB
    await api.ready();
    assert.deepStrictEqual(glossaDiagnostics(big.document.uri), []);
    assert.strictEqual(api.decorations(big.document.uri)?.person.length ?? 0, 0);
    const status = await waitFor(() => {
      const s = api.status();
      return /skipped for their size: articles\/001_7535bc9d9727ee16\.txt \(5\.\d KB\)/.test(s.tooltip) ? s : undefined;
    }, 'the skipped file in the status bar tooltip');
    assert.ok(status);
    const small = await openArticle(Articles.lavrov); // 3.6 KB
    assert.ok(glossaDiagnostics(small.document.uri).length > 0);
  });

  it('counts the bytes of an open document as it is typed in: three letters of three bytes take it over the limit, and back', async () => {
    const api = await glossa();
    const editor = await openArticle(Articles.lavrov);
    const uri = editor.document.uri;
    await api.ready();
    await waitFor(() => ((api.decorations(uri)?.person.length ?? 0) > 0 ? true : undefined), 'the article annotated');
    // A limit seven bytes over the article: its UTF-16 length says nothing (it is under the limit either way).
    const bytes = new TextEncoder().encode(editor.document.getText()).length;
    await config().update('maxFileSize', bytes + 7, vscode.ConfigurationTarget.Workspace);
    // One keystroke analysed first: the next edit is then an edit of an analysed version, as typing is.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, ' '));
    const analysed = (): boolean => api.trace(uri).analyses.some((a) => a.version === editor.document.version);
    await waitFor(() => (analysed() ? true : undefined), 'the keystroke analysed');
    const at = end.translate(0, 1);
    await editor.edit((b) => b.insert(at, 'ệệệ'));
    assert.ok(editor.document.getText().length <= bytes + 7, 'the text is under the limit in UTF-16 code units');
    await waitFor(() => ((api.decorations(uri)?.person.length ?? 0) === 0 && /skipped for their size/.test(api.status().tooltip) ? true : undefined), 'the document skipped once over the limit');
    await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, 3))));
    await waitFor(() => ((api.decorations(uri)?.person.length ?? 0) > 0 ? true : undefined), 'the document annotated again under the limit');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
