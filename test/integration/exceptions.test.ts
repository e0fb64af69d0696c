// Exceptions in the real editor: the quick fix "Ignore "…" in this file" writes a
// glossa-ignore directive (a plain-text line, a Markdown comment after the front
// matter), the name's diagnostics go away, and Undo brings the text back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeActions, editingSuite, eventually, line, runAction } from './acting';
import { Articles, glossaDiagnostics, openArticle, positionOf, rangeOf } from './glossa';

/**
 * Glossa's one Ignore quick fix on a range, with this title. Asked again until it
 * comes: a diagnostic can still be on screen from before the article was opened
 * again, while its new analysis (which the quick fixes read) is on its way.
 */
async function ignoreFix(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  let found: vscode.CodeAction[] = [];
  await eventually(async () => {
    const actions = await codeActions(uri, range, vscode.CodeActionKind.QuickFix.value);
    found = actions.filter((a) => a.title.startsWith('Ignore "'));
    return found.length > 0;
  }, `the quick fix ${title}`);
  assert.deepStrictEqual(found.map((a) => a.title), [title]);
  return found[0];
}

describe('exceptions', () => {
  editingSuite();

  it('plain text: Ignore "Son" in this file writes glossa-ignore on the first line, and every "Son" diagnostic goes', async () => {
    const { document } = await openArticle(Articles.son);
    const original = document.getText();
    const at = positionOf(document, 'Son emphasized');
    const son = new vscode.Range(at, at.translate(0, 'Son'.length));
    await eventually(() => glossaDiagnostics(document.uri).some((d) => d.code === 'non-canonical-spelling' && d.range.isEqual(son)), 'the diagnostic on "Son"');
    await runAction(await ignoreFix(document.uri, son, 'Ignore "Son" in this file'));
    assert.strictEqual(line(document, 1), 'glossa-ignore: Son');
    await eventually(() => !glossaDiagnostics(document.uri).some((d) => document.getText(d.range) === 'Son'), 'no diagnostic on "Son" after the fix');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original);
  });

  it("a figure: Don't check line N writes glossa-disable-next-line above it, and that line's figures are no longer flagged", async () => {
    const { document } = await openArticle(Articles.son);
    const original = document.getText();
    const figure = rangeOf(document, '80th');
    await eventually(() => glossaDiagnostics(document.uri).some((d) => d.code === 'unverified-number' && d.range.isEqual(figure)), 'the diagnostic on "80th"');
    const title = `Don't check line ${figure.start.line + 1} (glossa-disable-next-line)`;
    const actions = await codeActions(document.uri, figure, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix, `the quick fix "${title}" among ${actions.map((a) => a.title).join(', ')}`);
    const figureLine = document.lineAt(figure.start.line).text;
    await runAction(fix);
    assert.strictEqual(line(document, figure.start.line + 1), 'glossa-disable-next-line');
    assert.strictEqual(line(document, figure.start.line + 2), figureLine);
    await eventually(() => !glossaDiagnostics(document.uri).some((d) => d.range.start.line === figure.start.line + 1), 'no diagnostic on the disabled line');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original);
  });

  it('Markdown: the directive goes after the front matter as a comment, and the title diagnostics on the name go', async () => {
    const { document } = await openArticle('titles-2025.md');
    const original = document.getText();
    const title = rangeOf(document, 'Prime Minister Tô Lâm');
    const range = new vscode.Range(title.start, title.start.translate(0, 'Prime Minister'.length));
    await eventually(() => glossaDiagnostics(document.uri).some((d) => d.code === 'title-mismatch' && d.range.isEqual(range)), 'the title-mismatch diagnostic');
    await runAction(await ignoreFix(document.uri, range, 'Ignore "Tô Lâm" in this file'));
    assert.strictEqual(line(document, 5), '<!-- glossa-ignore: Tô Lâm -->');
    await eventually(() => !glossaDiagnostics(document.uri).some((d) => String(d.code).includes('title')), 'no title diagnostic on Tô Lâm after the fix');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original);
  });
});
