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
});
