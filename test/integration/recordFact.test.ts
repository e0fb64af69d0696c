import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseLedger } from '../../src/core';
import { codeActions, documentOf, editingSuite, eventually, readDisk, todayIso } from './acting';
import { Articles, glossaDiagnostics, openArticle, rangeOf, workspaceFile } from './glossa';

const unverifiedAt = (uri: vscode.Uri, range: vscode.Range) => glossaDiagnostics(uri).some((d) => d.code === 'unverified-number' && d.range.isEqual(range));

describe('record as verified fact', () => {
  const snapshot = editingSuite();
  const factsUri = () => workspaceFile('facts.yaml');

  it('appends the number as written, its key word, the source and today\'s date; keeps the comments; the warning goes', async () => {
    const editor = await openArticle(Articles.trade);
    const d = editor.document;
    const claim = rangeOf(d, '300');
    await eventually(() => unverifiedAt(d.uri, claim), 'the unverified number');
    const source = 'Russian Embassy in Hanoi, press briefing, December 2024';
    const id = await vscode.commands.executeCommand<string>('glossa.recordFact', d.uri, claim, source);
    assert.strictEqual(id, 'vietnamese-specialists');

    const before = snapshot().text(factsUri());
    const expected =
      before.slice(0, -1) +
      '\n\n  - id: vietnamese-specialists\n    value: "300"\n    keywords: [Vietnamese specialists]\n' +
      `    source: ${source}\n    status: verified\n    checked: ${todayIso()}\n`;
    assert.strictEqual(await readDisk(factsUri()), expected, 'the ledger on disk');
    const ledger = parseLedger([{ file: 'facts.yaml', text: expected }]);
    assert.deepStrictEqual(ledger.problems, []);
    const fact = ledger.facts.find((f) => f.id === 'vietnamese-specialists')!;
    assert.deepStrictEqual(fact.parsed, { kind: 'count', value: 300, unit: null });

    await eventually(() => !unverifiedAt(d.uri, claim), 'the unverified-number diagnostic gone');
    assert.ok(!glossaDiagnostics(d.uri).some((x) => x.range.isEqual(claim)), 'no diagnostic at all on the recorded number');
  });

  it('through the quick fix, with the source given as its answer', async () => {
    const editor = await openArticle(Articles.trade);
    const d = editor.document;
    const agreements = rangeOf(d, '15 cooperation agreements');
    const claim = new vscode.Range(agreements.start, agreements.start.translate(0, 2));
    await eventually(() => unverifiedAt(d.uri, claim), 'the unverified number');
    const [fix] = (await codeActions(d.uri, claim, vscode.CodeActionKind.QuickFix.value)).filter((a) => a.command?.command === 'glossa.recordFact');
    assert.ok(fix, 'the Record as verified fact… quick fix');
    const id = await vscode.commands.executeCommand<string>(fix.command!.command, ...fix.command!.arguments!, 'Kremlin.ru, joint statement of July 1, 2024');
    assert.strictEqual(id, 'cooperation-agreements');
    const text = await readDisk(factsUri());
    assert.ok(text.endsWith(`  - id: cooperation-agreements\n    value: "15"\n    keywords: [cooperation agreements]\n    source: Kremlin.ru, joint statement of July 1, 2024\n    status: verified\n    checked: ${todayIso()}\n`), text.slice(-300));
    await eventually(() => !unverifiedAt(d.uri, claim), 'the diagnostic gone');
  });

  it('keeps the unsaved text of an open ledger, and the store follows it unsaved', async () => {
    const facts = await documentOf(factsUri());
    await vscode.window.showTextDocument(facts, { preview: false });
    const before = facts.getText();
    const note = '# A reviewer\'s note, not saved yet.\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(facts.uri, new vscode.Position(0, 0), note);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(facts.isDirty);

    const editor = await openArticle(Articles.son);
    const claim = rangeOf(editor.document, '80th');
    await eventually(() => unverifiedAt(editor.document.uri, claim), 'the unverified number');
    const id = await vscode.commands.executeCommand<string>('glossa.recordFact', editor.document.uri, claim, 'Kremlin.ru, May 2025');
    assert.strictEqual(id, 'anniversary-celebration');
    assert.ok(facts.getText().startsWith(note + before.slice(0, -1)), 'the unsaved note and the old entries are all there');
    assert.ok(facts.getText().includes('  - id: anniversary-celebration\n    value: 80th\n'), facts.getText().slice(-300));
    assert.ok(facts.isDirty, 'a ledger the user was editing is not saved behind their back');
    assert.strictEqual(await readDisk(factsUri()), before);
    await eventually(() => !unverifiedAt(editor.document.uri, claim), 'the diagnostic gone (from the unsaved ledger)');
  });

  it('says so, and changes nothing, where there is no number', async () => {
    const editor = await openArticle(Articles.son);
    const id = await vscode.commands.executeCommand<string>('glossa.recordFact', editor.document.uri, rangeOf(editor.document, 'Sergey Lavrov'), 'anything');
    assert.strictEqual(id, undefined);
    assert.strictEqual(await readDisk(factsUri()), snapshot().text(factsUri()));
  });
});
