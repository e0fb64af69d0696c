import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeActions, documentOf, editingSuite, eventually, line, readDisk, runAction, setSetting } from './acting';
import { Articles, articleUri, glossaDiagnostics, openArticle, positionOf, rangeOf, setText, workspaceFile } from './glossa';

const encoder = new TextEncoder();

/** Glossa's diagnostic with this code on exactly this range. */
function diagnosticAt(uri: vscode.Uri, range: vscode.Range, code: string): vscode.Diagnostic {
  const found = glossaDiagnostics(uri).find((d) => d.code === code && d.range.isEqual(range));
  assert.ok(found, `no ${code} diagnostic at ${range.start.line + 1}:${range.start.character}`);
  return found;
}

/** Titles of the quick fixes VS Code offers on a diagnostic's range. */
async function fixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await codeActions(uri, range, vscode.CodeActionKind.QuickFix.value);
  // Glossa's: an edit, or a glossa.* command (VS Code's chat adds "Fix" and "Explain" to warnings).
  return actions.filter((a) => a.kind?.value.startsWith('quickfix') && (a.edit !== undefined || a.command?.command.startsWith('glossa.')));
}

describe('quick fixes', () => {
  const snapshot = editingSuite(async () => {
    await setSetting('editor', 'codeActionsOnSave', undefined);
  });

  it('on "Son" in "Deputy Prime Minister Son": Normalize to Sơn (preferred) and Normalize all 23 in this file', async () => {
    const editor = await openArticle(Articles.son);
    const d = editor.document;
    const original = d.getText();
    const at = positionOf(d, 'Son emphasized');
    const son = new vscode.Range(at, at.translate(0, 'Son'.length));
    const diagnostic = diagnosticAt(d.uri, son, 'non-canonical-spelling');
    assert.strictEqual(diagnostic.message, '"Son" is a short form of Bùi Thanh Sơn: write "Sơn".');
    const fixes = await fixesAt(d.uri, son);
    assert.deepStrictEqual(
      fixes.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`),
      ['Normalize to Sơn (preferred)', 'Normalize all 23 in this file', 'Ignore "Son" in this file'],
    );
    await runAction(fixes[0]);
    assert.ok(line(d, 11).startsWith('Deputy Prime Minister Sơn emphasized that Vietnam deeply respects'), line(d, 11));
    assert.strictEqual(d.getText().length, original.length);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(d.getText(), original);

    // "Normalize all" gives what Normalize All in File gives.
    await eventually(() => glossaDiagnostics(d.uri).some((x) => x.range.isEqual(son)), 'the diagnostic back after undo');
    await runAction((await fixesAt(d.uri, son))[1]);
    const all = d.getText();
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(d.getText(), original);
    await vscode.commands.executeCommand('glossa.normalizeFile');
    assert.strictEqual(d.getText(), all);
  });

  it('on "Vietnam-Russia" and "Vietnam\'s": the hyphen and the possessive stay', async () => {
    const editor = await openArticle(Articles.son);
    const d = editor.document;
    const hyphen = rangeOf(d, 'Vietnam-Russia relationship today');
    const vietnam = new vscode.Range(hyphen.start, hyphen.start.translate(0, 'Vietnam'.length));
    const fixes = await fixesAt(d.uri, vietnam);
    assert.deepStrictEqual(fixes.map((a) => a.title), ['Normalize to Việt Nam', 'Normalize all 23 in this file', 'Ignore "Vietnam" in this file']);
    await runAction(fixes[0]);
    assert.ok(line(d, 25).startsWith('Deputy Prime Minister Son noted that the Việt Nam-Russia relationship today'), line(d, 25));

    const possessive = rangeOf(d, "Vietnam's desire");
    await eventually(() => glossaDiagnostics(d.uri).some((x) => x.range.start.isEqual(possessive.start)), 'the diagnostics of the edited text');
    const [fix] = await fixesAt(d.uri, new vscode.Range(possessive.start, possessive.start.translate(0, 7)));
    assert.strictEqual(fix.title, 'Normalize to Việt Nam');
    await runAction(fix);
    assert.ok(line(d, 13).startsWith("He expressed Việt Nam's desire to further deepen"), line(d, 13));
  });

  it('on an NFD-encoded name: Normalize to the NFC spelling, no alias to add', async () => {
    const nfd = snapshot().text(articleUri(Articles.vnNews)).normalize('NFD');
    const uri = workspaceFile('articles', 'nfd-quickfix.txt');
    await vscode.workspace.fs.writeFile(uri, encoder.encode(nfd));
    const document = await documentOf(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const name = rangeOf(document, 'Party General Secretary Tô Lâm and'.normalize('NFD'));
    const toLam = new vscode.Range(name.start.translate(0, 'Party General Secretary '.length), name.end.translate(0, -' and'.length));
    await eventually(() => glossaDiagnostics(uri).some((x) => x.range.isEqual(toLam)), 'the diagnostics of the NFD copy');
    assert.strictEqual(diagnosticAt(uri, toLam, 'non-canonical-spelling').message, `"${'Tô Lâm'.normalize('NFD')}" is stored as decomposed Unicode (NFD): write "Tô Lâm", the same letters composed.`);
    const fixes = await fixesAt(uri, toLam);
    assert.deepStrictEqual(fixes.map((a) => a.title), ['Normalize to Tô Lâm', 'Normalize all 31 in this file', 'Ignore "Tô Lâm" in this file']);
    await runAction(fixes[0]);
    const after = document.lineAt(toLam.start.line).text;
    assert.ok(after.startsWith('Party General Secretary Tô Lâm and State President'), after);
    assert.ok(after.includes('Lương Cường'.normalize('NFD')), 'the other names are left for their own fixes');
  });

  it('on a spelling the glossary does not list: Add it as an alias, keeping the glossary\'s comments', async () => {
    const editor = await openArticle(Articles.vnNews);
    const d = editor.document;
    const front = rangeOf(d, 'Việt Nam Fatherland Front');
    const fixes = await fixesAt(d.uri, front);
    // The longer name holding the mention is not in the glossary either (discovery): its fixes come after.
    assert.deepStrictEqual(fixes.map((a) => a.title), [
      'Normalize to Vietnam Fatherland Front',
      'Normalize all 4 in this file',
      "Add 'Việt Nam Fatherland Front' as an alias of Vietnam Fatherland Front",
      'Add "Việt Nam Fatherland Front for the Government" to Glossary…',
      'Not a name to track: add "Việt Nam Fatherland Front for the Government" to the glossary\'s ignore list',
      'Ignore "Việt Nam Fatherland Front" in this file',
      'Ignore "Việt Nam Fatherland Front for the Government" in this file',
    ]);
    const glossaryUri = workspaceFile('glossary.yaml');
    const before = snapshot().text(glossaryUri);
    assert.strictEqual(await runAction(fixes[2]), true);
    const anchor = '    aliases: [Viet Nam Fatherland Front]\n';
    const expected = before.replace(anchor, '    aliases: [Viet Nam Fatherland Front, Việt Nam Fatherland Front]\n');
    assert.notStrictEqual(expected, before);
    assert.strictEqual((await documentOf(glossaryUri)).getText(), expected);
    assert.strictEqual(await readDisk(glossaryUri), expected, 'the glossary is saved');
    // The store follows: the spelling is now an alias, still normalized, and there is nothing left to add.
    await eventually(() => glossaDiagnostics(d.uri).some((x) => x.range.isEqual(front) && x.message.includes('is an alias of Vietnam Fatherland Front')), 'the mention now an alias');
    assert.deepStrictEqual(
      (await fixesAt(d.uri, front)).filter((a) => !a.title.includes('for the Government')).map((a) => a.title),
      ['Normalize to Vietnam Fatherland Front', 'Normalize all 4 in this file', 'Ignore "Việt Nam Fatherland Front" in this file'],
    );
  });

  it('Fix All (source.fixAll.glossa) gives the text of Normalize All in File, and runs on save', async () => {
    const editor = await openArticle(Articles.trade);
    const d = editor.document;
    const original = d.getText();
    const whole = new vscode.Range(0, 0, d.lineCount, 0);
    const fixAll = (await codeActions(d.uri, whole, 'source.fixAll.glossa')).filter((a) => a.kind?.value === 'source.fixAll.glossa');
    assert.strictEqual(fixAll.length, 1);
    await runAction(fixAll[0]);
    const fixed = d.getText();
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(d.getText(), original);
    assert.strictEqual(await vscode.commands.executeCommand<number>('glossa.normalizeFile'), 42);
    assert.strictEqual(d.getText(), fixed);
    await vscode.commands.executeCommand('undo');

    // editor.codeActionsOnSave: an unsaved edit, then Save: the file is written normalized.
    await setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.glossa': 'explicit' });
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Note: To Lam\n'));
    await vscode.window.showTextDocument(d, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.save');
    await eventually(() => !d.isDirty, 'the document saved');
    assert.strictEqual(line(d, 1), 'Note: Tô Lâm');
    assert.strictEqual(await readDisk(d.uri), `Note: Tô Lâm\n${fixed}`);
  });

  it('on a conflicting number: go to the claims it contradicts, or open the fact', async () => {
    const editor = await openArticle(Articles.trade);
    const claim = rangeOf(editor.document, '$4.15 billion');
    await eventually(() => glossaDiagnostics(editor.document.uri).some((x) => x.code === 'conflicting-number' && x.range.isEqual(claim)), 'the conflict');
    const fixes = await fixesAt(editor.document.uri, claim);
    assert.deepStrictEqual(fixes.map((a) => a.title), [
      `Go to the conflicting claim "USD 4.58 billion" (articles/${Articles.son}, line 29)`,
      `Go to the conflicting claim "4.58 billion USD" (articles/${Articles.toLam}, line 13)`,
      "Open fact 'trade-2024' (USD 4.58 billion)",
      `Don't check line ${claim.start.line + 1} (glossa-disable-next-line)`,
    ]);
    await runAction(fixes[0]);
    let active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), articleUri(Articles.son).toString());
    assert.strictEqual(active.document.getText(active.selection), 'USD 4.58 billion');

    await runAction(fixes[2]);
    active = vscode.window.activeTextEditor!;
    assert.strictEqual(vscode.workspace.asRelativePath(active.document.uri), 'facts.yaml');
    assert.strictEqual(active.document.lineAt(active.selection.start.line).text, '  - id: trade-2024');
  });

  it('on an unverified number: Record as verified fact…; on a disputed one: Open fact', async () => {
    const editor = await openArticle(Articles.son);
    const d = editor.document;
    const disputed = rangeOf(d, '80,000');
    const [open] = await fixesAt(d.uri, disputed);
    assert.strictEqual(open.title, "Open fact 'vietnamese-community-in-russia' (80,000)");
    const unverified = rangeOf(d, '80th');
    diagnosticAt(d.uri, unverified, 'unverified-number');
    const fixes = await fixesAt(d.uri, unverified);
    assert.deepStrictEqual(fixes.map((a) => a.title), ['Record as verified fact…', `Don't check line ${unverified.start.line + 1} (glossa-disable-next-line)`]);
    assert.strictEqual(fixes[0].command?.command, 'glossa.recordFact');
    assert.strictEqual(String(fixes[0].command?.arguments?.[0]), d.uri.toString());
    assert.ok((fixes[0].command?.arguments?.[1] as vscode.Range).isEqual(unverified));
  });

  it('offers nothing where there is nothing to fix', async () => {
    const editor = await openArticle(Articles.son);
    await setText(editor.document, 'Tô Lâm met Sergey Lavrov.\n');
    await eventually(() => glossaDiagnostics(editor.document.uri).length === 0, 'no diagnostics');
    assert.deepStrictEqual(await fixesAt(editor.document.uri, new vscode.Range(0, 0, 0, 6)), []);
  });
});
