// The analysis pipeline: a burst of keystrokes is analysed once, at its last
// version, and the decorations and the diagnostics of the document both come from
// that one analysis; reading it (hovers, symbols, problems) analyses nothing again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, closeAll, glossa, glossaDiagnostics, openArticle, positionOf, restore } from './glossa';

describe('analysis pipeline', () => {
  let document: vscode.TextDocument | undefined;
  let original = '';

  after(async () => {
    if (document) await restore(document, original);
    await closeAll();
  });

  it('analyses one burst of keystrokes once, for highlighting and diagnostics alike', async () => {
    const editor = await openArticle(Articles.trade);
    const api = await glossa();
    document = editor.document;
    original = document.getText();
    const uri = document.uri;
    const startVersion = document.version;
    const seen = api.trace(uri).analyses.length;

    // A new paragraph at the end, typed one character at a time without waiting.
    for (const ch of '\n\nNote on sources') {
      const end = document.lineAt(document.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, ch), { undoStopBefore: false, undoStopAfter: false }));
    }
    const finalVersion = document.version;
    assert.ok(finalVersion > startVersion + 1, `${finalVersion - startVersion} versions typed`);
    await api.ready();

    const trace = api.trace(uri);
    const burst = trace.analyses.slice(seen);
    const ofFinal = burst.filter((a) => a.version === finalVersion);
    assert.strictEqual(ofFinal.length, 1, `analyses of the last version: ${JSON.stringify(burst)}`);
    for (const version of new Set(burst.map((a) => a.version))) {
      assert.strictEqual(burst.filter((a) => a.version === version).length, 1, `version ${version} analysed more than once: ${JSON.stringify(burst)}`);
    }
    assert.ok(burst.length < finalVersion - startVersion, `one analysis per keystroke, not per burst: ${JSON.stringify(burst)}`);
    assert.strictEqual(trace.decorations, ofFinal[0].serial, 'the decorations come from the analysis of the last version');
    assert.strictEqual(trace.diagnostics, ofFinal[0].serial, 'the diagnostics come from the analysis of the last version');

    // Reading the analysis computes nothing new.
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, positionOf(document, 'Note on sources'));
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(glossaDiagnostics(uri).length > 0);
    await api.ready();
    assert.strictEqual(api.trace(uri).analyses.length, trace.analyses.length, 'reads made no analysis');
  });
});
