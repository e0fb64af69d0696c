// Titles and roles in the real editor: the title-mismatch and outdated-title
// diagnostics of a dated article, their quick fix, and the hover card's dated titles.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeActions, editingSuite, eventually, line, runAction } from './acting';
import { glossaDiagnostics, hoverText, openArticle, positionOf, rangeOf, severityName, show } from './glossa';

/** The fixture article dated 11 February 2025 in its front matter. */
const ARTICLE = 'titles-2025.md';

describe('titles', () => {
  editingSuite();

  it('flags "President Tô Lâm" as outdated and "Prime Minister Tô Lâm" as another person\'s title', async () => {
    const { document } = await openArticle(ARTICLE);
    const diagnostics = await (async () => {
      let found: vscode.Diagnostic[] = [];
      await eventually(() => (found = glossaDiagnostics(document.uri).filter((d) => String(d.code).includes('title'))).length >= 2, 'the title diagnostics');
      return found;
    })();
    assert.deepStrictEqual(
      diagnostics.map((d) => `${severityName(d.severity)} ${String(d.code)} ${show(d.range)} ${document.getText(d.range)}`),
      ['warning outdated-title 6:9-6:18 President', 'warning title-mismatch 8:18-8:32 Prime Minister'],
    );
    assert.strictEqual(
      diagnostics[0].message,
      'Outdated title: "President" is Tô Lâm\'s title from 22 May 2024 to 21 October 2024, not on 11 February 2025 (the document\'s date). On that date it is the title of Lương Cường and Vladimir Putin. Tô Lâm\'s title then is "General Secretary".',
    );
    assert.strictEqual(
      diagnostics[1].message,
      'Title mismatch: "Prime Minister" is the title of Phạm Minh Chính and Mikhail Mishustin on 11 February 2025, not of Tô Lâm; Tô Lâm\'s title then is "General Secretary".',
    );
    // Lương Cường is President on that date: nothing on his title.
    assert.ok(!diagnostics.some((d) => d.range.intersection(rangeOf(document, 'President Lương Cường'))));
  });

  it('the quick fix writes the person\'s current title, and Undo brings the old one back', async () => {
    const editor = await openArticle(ARTICLE);
    const document = editor.document;
    const original = document.getText();
    const title = rangeOf(document, 'Prime Minister Tô Lâm');
    const range = new vscode.Range(title.start, title.start.translate(0, 'Prime Minister'.length));
    await eventually(() => glossaDiagnostics(document.uri).some((d) => d.code === 'title-mismatch' && d.range.isEqual(range)), 'the title-mismatch diagnostic');
    const fixes = (await codeActions(document.uri, range, vscode.CodeActionKind.QuickFix.value)).filter((a) => a.edit !== undefined && a.title.startsWith('Replace with'));
    assert.deepStrictEqual(fixes.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`), ['Replace with "General Secretary", the title of Tô Lâm (preferred)']);
    await runAction(fixes[0]);
    assert.strictEqual(line(document, 8), 'Later in the day, General Secretary Tô Lâm chaired a meeting on trade with President Lương Cường.');
    await eventually(() => !glossaDiagnostics(document.uri).some((d) => d.code === 'title-mismatch'), 'no title-mismatch after the fix');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original);
  });

  it('the hover card lists the titles with their dates', async () => {
    const { document } = await openArticle(ARTICLE);
    const text = await hoverText(document.uri, positionOf(document, 'Tô Lâm welcomed', 0, 1));
    assert.ok(
      text.includes('**Titles:** General Secretary (since 3 August 2024), Party General Secretary (since 3 August 2024), President (22 May 2024 – 21 October 2024), State President (22 May 2024 – 21 October 2024)'),
      text,
    );
  });
});
