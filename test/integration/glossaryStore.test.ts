import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, closeAll, glossa, glossaLog, openArticle, restore, revert, setText, show, workspaceFile } from './glossa';
import { waitFor } from './support';

const glossaryProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'glossa');

describe('glossary store', () => {
  after(closeAll);
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log((await glossaLog()).split('\n').slice(-30).join('\n'));
  });

  it('shows a broken glossary at the exact place while the last good one stays in use, and recovers', async () => {
    const api = await glossa();
    const article = await openArticle(Articles.toLam);
    const before = api.decorations(article.document.uri)!;
    assert.ok(before.person.length > 0);

    const glossaryUri = workspaceFile('glossary.yaml');
    const glossary = await vscode.workspace.openTextDocument(glossaryUri);
    await vscode.window.showTextDocument(glossary, { preview: false });
    const text = glossary.getText();
    // A second entry with the id of the first (unsaved): an error on that id.
    const at = text.indexOf('id: luong-cuong');
    assert.ok(at > 0);
    await setText(glossary, text.slice(0, at) + 'id: to-lam' + text.slice(at + 'id: luong-cuong'.length));
    try {
      const problem = await waitFor(() => glossaryProblems(glossaryUri).find((d) => d.code === 'duplicate-id'), 'a duplicate-id diagnostic');
      const pos = glossary.positionAt(at + 'id: '.length);
      assert.strictEqual(show(problem.range), `${pos.line + 1}:${pos.character}-${pos.line + 1}:${pos.character + 'to-lam'.length}`);
      assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);
      assert.match(problem.message, /duplicate id 'to-lam'/);
      await api.ready();
      assert.strictEqual(api.status().error, true);

      // The article keeps its colours: the last good glossary (with Lương Cường) is still in use.
      await vscode.window.showTextDocument(article.document, { preview: false });
      await api.ready();
      assert.deepStrictEqual(api.decorations(article.document.uri), before);
      const index = await api.entities(article.document.uri);
      assert.ok(index.some((e) => e.id === 'to-lam'));
    } finally {
      await restore(glossary, text);
    }
    await waitFor(() => (glossaryProblems(glossaryUri).length === 0 ? true : undefined), 'the glossary problems cleared');
    await api.ready();
    assert.strictEqual(api.status().error, false);
  });

  it('reports YAML syntax errors with their line', async () => {
    const glossaryUri = workspaceFile('glossary.yaml');
    const glossary = await vscode.workspace.openTextDocument(glossaryUri);
    await vscode.window.showTextDocument(glossary, { preview: false });
    const text = glossary.getText();
    const at = text.indexOf('  - id: pham-minh-chinh');
    await setText(glossary, text.slice(0, at) + '  - id: [broken\n' + text.slice(at));
    try {
      const problem = await waitFor(() => glossaryProblems(glossaryUri).find((d) => d.code === 'yaml-syntax'), 'a YAML syntax diagnostic');
      assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);
      const line = glossary.positionAt(at).line;
      assert.ok(Math.abs(problem.range.start.line - line) <= 1, `syntax error reported at line ${problem.range.start.line + 1}, expected near ${line + 1}`);
    } finally {
      await restore(glossary, text);
    }
    await waitFor(() => (glossaryProblems(glossaryUri).length === 0 ? true : undefined), 'the glossary problems cleared');
  });

  it('follows unsaved edits of the glossary: a new entity is highlighted at once', async () => {
    const api = await glossa();
    const article = await openArticle(Articles.trade);
    const line = article.document.getText().split('\n').findIndex((l) => l.includes('Photo: Viet Anh'));
    const peopleOnLine = () => api.decorations(article.document.uri)!.person.filter((r) => r.line === line).length;
    const before = peopleOnLine();

    const glossary = await vscode.workspace.openTextDocument(workspaceFile('glossary.yaml'));
    const text = glossary.getText();
    await setText(glossary, `${text.trimEnd()}\n\n  - id: viet-anh\n    kind: person\n    name: Viet Anh\n    description: A photographer (added by the test)\n`);
    try {
      await vscode.window.showTextDocument(article.document, { preview: false });
      await waitFor(async () => {
        await api.ready();
        return peopleOnLine() === before + 1 ? true : undefined;
      }, 'the photographer Viet Anh highlighted as a person');
    } finally {
      await restore(glossary, text);
    }
    await vscode.window.showTextDocument(article.document, { preview: false });
    await waitFor(async () => {
      await api.ready();
      return peopleOnLine() === before ? true : undefined;
    }, 'Viet Anh no longer highlighted once the glossary is back');
  });

  it('keeps a large glossary parsed in its storage, and takes it from there when it loads again', async function () {
    this.timeout(60_000);
    const api = await glossa();
    const article = await openArticle(Articles.trade);
    const line = article.document.getText().split('\n').findIndex((l) => l.includes('Photo: Viet Anh'));
    const peopleOnLine = () => api.decorations(article.document.uri)!.person.filter((r) => r.line === line).length;
    const before = peopleOnLine();
    // Over 64 KB: 900 people, and the photographer of the trade article.
    const people = Array.from({ length: 900 }, (_, n) => `  - id: cached-person-${n}\n    kind: person\n    name: "Cached Person${n}"\n    description: One of the many people of a large glossary (written by the test)\n`);
    const large = workspaceFile('large-glossary.yaml');
    await vscode.workspace.fs.writeFile(large, new TextEncoder().encode(`entities:\n${people.join('')}  - id: viet-anh\n    kind: person\n    name: Viet Anh\n`));
    const config = vscode.workspace.getConfiguration('glossa');
    const logged = (await glossaLog()).length;
    const since = async () => (await glossaLog()).slice(logged);
    const loads = async () => [...(await since()).matchAll(/: (\d+) entities, \d+ spellings \(glossary\.yaml, large-glossary\.yaml\);.*? ms, (taken from the cache of the parsed glossary and compiled|compiled) in/g)];
    const highlighted = (what: string) =>
      waitFor(async () => {
        await api.ready();
        return peopleOnLine() === before + 1 ? true : undefined;
      }, what);
    const kept = async () => (await since()).match(/Kept the parsed glossary/g)?.length ?? 0;
    try {
      await config.update('glossaryFiles', ['glossary.yaml', 'large-glossary.yaml'], vscode.ConfigurationTarget.Workspace);
      const [first] = await waitFor(async () => ((await loads()).length > 0 ? await loads() : undefined), 'the large glossary loaded');
      assert.strictEqual(first[2], 'compiled', 'parsed the first time');
      assert.ok(Number(first[1]) > 900, first[0]);
      await highlighted('the photographer Viet Anh of the large glossary highlighted');
      // The setting may load the glossary more than once: each parse is kept, and then it is read from the cache.
      await waitFor(async () => {
        const parsed = (await loads()).filter((l) => l[2] === 'compiled').length;
        return (await kept()) >= parsed ? true : undefined;
      }, 'the parsed glossary kept');

      const loadsSoFar = (await loads()).length;
      await vscode.commands.executeCommand('glossa.reloadGlossary');
      const again = await waitFor(async () => (await loads())[loadsSoFar], 'the large glossary loaded again');
      assert.strictEqual(again[2], 'taken from the cache of the parsed glossary and compiled', again[0]);
      assert.strictEqual(again[1], first[1], 'the same entities');
      await highlighted('Viet Anh still highlighted');

      // Unsaved text is parsed, never stored: one entity more, and nothing kept for it.
      const keptBefore = await kept();
      const loadsBefore = (await loads()).length;
      const document = await vscode.workspace.openTextDocument(large);
      await setText(document, `${document.getText()}  - id: unsaved-person\n    kind: person\n    name: Unsaved Person\n`);
      const unsaved = await waitFor(async () => (await loads()).slice(loadsBefore).find((l) => Number(l[1]) === Number(first[1]) + 1), 'the large glossary loaded with the unsaved entity');
      assert.strictEqual(unsaved[2], 'compiled', unsaved[0]);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.strictEqual(await kept(), keptBefore, 'unsaved text is not kept');
      await revert(document);
    } finally {
      await config.update('glossaryFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(large);
    }
    await waitFor(async () => {
      await api.ready();
      return peopleOnLine() === before ? true : undefined;
    }, 'Viet Anh no longer highlighted once the glossary is back');
  });
});
