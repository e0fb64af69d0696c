// Editor latency on a 1 MB article: open → diagnostics, and one keystroke →
// re-annotated. Prints the figures the extension logs (see src/vscode/services/log.ts);
// the benchmark (npm run bench) owns the targets, this checks they are measured.
import * as assert from 'assert';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { Articles, articleUri, closeAll, glossa, glossaDiagnostics, glossaLog, restore, workspaceFile } from './glossa';
import { waitFor } from './support';

describe('latency on a 1 MB article', () => {
  const large = workspaceFile('scratch', 'large-article.txt');

  before(async () => {
    let text = '';
    const articles = await Promise.all(Object.values(Articles).map(async (name) => new TextDecoder().decode(await vscode.workspace.fs.readFile(articleUri(name)))));
    while (text.length < 1_000_000) for (const a of articles) text += `${a}\n\n`;
    await vscode.workspace.fs.writeFile(large, new TextEncoder().encode(text));
  });

  after(async () => {
    // VS Code keeps the document in memory for a while after its file is gone: empty it first,
    // so that it counts for nothing anywhere meanwhile.
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === large.toString());
    if (document) await restore(document, '');
    await closeAll();
    await vscode.workspace.fs.delete(workspaceFile('scratch'), { recursive: true });
    const api = await glossa();
    // The corpus index forgets the file (file-system event) before the next suite counts.
    await waitFor(async () => ((await api.entities()).some((e) => e.locations.some((l) => l.uri.includes('scratch'))) ? undefined : true), 'the scratch file gone from the index', 20_000);
  });

  it('logs open→diagnostics and keystroke→annotated', async () => {
    const api = await glossa();
    const document = await vscode.workspace.openTextDocument(large);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await api.ready();
    assert.ok(glossaDiagnostics(large).length > 1000);
    const middle = new vscode.Position(Math.floor(document.lineCount / 2), 0);
    editor.selection = new vscode.Selection(middle, middle);
    await editor.revealRange(new vscode.Range(middle, middle), vscode.TextEditorRevealType.InCenter);
    for (const ch of 'Lavrov said ') {
      await editor.edit((b) => b.insert(editor.selection.active, ch));
      await api.ready();
    }
    const figures = api.figures().filter((f) => f.uri === large.toString());
    const open = figures.find((f) => f.kind === 'open');
    const keys = figures.filter((f) => f.kind === 'keystroke');
    assert.ok(open, 'no open→diagnostics figure');
    assert.ok(keys.length >= 10, `${keys.length} keystroke figures`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const f = (n: number | undefined) => (n ?? 0).toFixed(1);
    Mocha.reporters.Base.consoleLog(
      [
        `      open→diagnostics: ${f(open.ms)} ms (analysis ${f(open.analysisMs)} ms, ${open.diagnostics} diagnostics)`,
        `      keystroke→annotated, median of ${keys.length}: ${f(median(keys.map((k) => k.ms)))} ms ` +
          `(text ${f(median(keys.map((k) => k.textMs ?? 0)))}, analysis ${f(median(keys.map((k) => k.analysisMs)))}, decorations ${f(median(keys.map((k) => k.decorationsMs ?? 0)))}; ` +
          `${keys.filter((k) => !k.incremental).length} full analyses); max ${f(Math.max(...keys.map((k) => k.ms)))} ms`,
      ].join('\n'),
    );
    const log = await glossaLog();
    assert.match(log, /open→diagnostics scratch\/large-article\.txt: [\d.]+ ms/);
    assert.match(log, /keystroke→annotated scratch\/large-article\.txt: [\d.]+ ms/);
    assert.ok(api.decorations(large)!.person.some((r) => r.line === middle.line), 'the typed "Lavrov" is highlighted');
  });
});
