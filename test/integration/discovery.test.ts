// Discovery in the editor (DESIGN.md, "Discovery: names the glossary does not know yet"):
// the diagnostics of a possible variant and of an unknown name, their severity settings,
// the hover cards, and each quick fix with the exact glossary text after it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeActions, documentOf, editingSuite, eventually, readDisk, runAction, setSetting } from './acting';
import { glossaDiagnostics, hoverText, rangeOf, severityName, workspaceFile } from './glossa';
import { waitFor } from './support';

const encoder = new TextEncoder();

/** An article with a spelling of Sergey Lavrov the glossary does not list, his short form misspelt, and a name it does not know, written two ways. */
const ARTICLE = [
  'Talks in Hà Nội',
  '',
  'Foreign Minister Serguei Lavrov met Nguyễn Phú Trọng in Hà Nội on Monday.',
  '',
  'Later, Nguyen Phu Trong said the talks went well, and Sergey Lavrov agreed. Lavorv smiled.',
  '',
].join('\n');

/** Glossa's quick fixes on a range, as "title (preferred)". */
async function fixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await codeActions(uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.kind?.value.startsWith('quickfix') && (a.edit !== undefined || a.command?.command.startsWith('glossa.')));
}

const titles = (actions: vscode.CodeAction[]) => actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);

/** The diagnostic with this code on exactly this range, once it is there. */
function diagnosticAt(uri: vscode.Uri, range: vscode.Range, code: string): Promise<vscode.Diagnostic> {
  return waitFor(() => glossaDiagnostics(uri).find((d) => d.code === code && d.range.isEqual(range)), `a ${code} diagnostic at ${range.start.line + 1}:${range.start.character}`);
}

/** Runs a command whose pick and input box are accepted as they come (the first item, the prefilled value). */
async function acceptAll<T>(command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => (settled = true));
  await waitFor(async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled ? true : undefined;
  }, `${command} to accept its pick and input box`);
  return result;
}

describe('discovery in the editor', () => {
  const snapshot = editingSuite(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    for (const key of ['possibleVariant', 'unknownName']) await setSetting('glossa', `diagnostics.${key}`, undefined);
  });
  const glossaryUri = () => workspaceFile('glossary.yaml');

  let planted = 0;
  /** A new article of the planted names (a new file each time: VS Code may keep the last one's document a while after it is deleted). */
  async function openPlanted(): Promise<vscode.TextDocument> {
    const uri = workspaceFile('articles', `planted-names-${++planted}.txt`);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(ARTICLE));
    const document = await documentOf(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  it('underlines a possible variant (Warning) and an unknown name (Hint), with messages that say what to do', async () => {
    const d = await openPlanted();
    const serguei = rangeOf(d, 'Serguei Lavrov');
    const variant = await diagnosticAt(d.uri, serguei, 'possible-variant');
    assert.strictEqual(severityName(variant.severity), 'warning');
    assert.strictEqual(variant.message, 'Not in the glossary: "Serguei Lavrov" looks like Sergey Lavrov (another romanization). Add it as an alias of Sergey Lavrov, or write "Sergey Lavrov".');
    // His short form misspelt after his full mention.
    const lavorv = await diagnosticAt(d.uri, rangeOf(d, 'Lavorv'), 'possible-variant');
    assert.match(lavorv.message, /"Lavorv" looks like Sergey Lavrov \("Lavrov"\) \(two letters are swapped\)/);
    for (const spelling of ['Nguyễn Phú Trọng', 'Nguyen Phu Trong']) {
      const unknown = await diagnosticAt(d.uri, rangeOf(d, spelling), 'unknown-name');
      assert.strictEqual(severityName(unknown.severity), 'hint');
      assert.strictEqual(unknown.message, `"${spelling}" is not in the glossary: add it to the glossary, or to the glossary's ignore list if it is no name to track.`);
    }
    // Titles, places the glossary knows and sentence-initial words are no candidates.
    assert.deepStrictEqual(
      glossaDiagnostics(d.uri)
        .filter((x) => x.code === 'unknown-name' || x.code === 'possible-variant')
        .map((x) => d.getText(x.range)),
      ['Serguei Lavrov', 'Nguyễn Phú Trọng', 'Nguyen Phu Trong', 'Lavorv'],
    );
  });

  it('the severity settings: a possible variant as a hint, unknown names off, then as warnings', async () => {
    const d = await openPlanted();
    const serguei = rangeOf(d, 'Serguei Lavrov');
    await diagnosticAt(d.uri, serguei, 'possible-variant');
    await setSetting('glossa', 'diagnostics.possibleVariant', 'hint');
    await eventually(() => glossaDiagnostics(d.uri).some((x) => x.code === 'possible-variant' && x.range.isEqual(serguei) && x.severity === vscode.DiagnosticSeverity.Hint), 'the variant as a hint');
    await setSetting('glossa', 'diagnostics.unknownName', 'off');
    await eventually(() => !glossaDiagnostics(d.uri).some((x) => x.code === 'unknown-name'), 'no unknown names');
    assert.ok(glossaDiagnostics(d.uri).some((x) => x.code === 'possible-variant'), 'the variants stay');
    await setSetting('glossa', 'diagnostics.unknownName', 'warning');
    await eventually(() => glossaDiagnostics(d.uri).filter((x) => x.code === 'unknown-name' && x.severity === vscode.DiagnosticSeverity.Warning).length === 2, 'the unknown names as warnings');
  });

  it('in the workspace scope, a file never opened: its possible variants, and its unknown names once they are more than hints', async () => {
    const uri = workspaceFile('articles', `planted-names-${++planted}.txt`);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(ARTICLE));
    const lines = ARTICLE.split('\n');
    const at = (text: string): string => {
      const line = lines.findIndex((l) => l.includes(text));
      return `${line}:${lines[line].indexOf(text)} ${text}`;
    };
    const found = (code: string): string[] =>
      glossaDiagnostics(uri)
        .filter((x) => x.code === code)
        .map((x) => `${x.range.start.line}:${x.range.start.character} ${lines[x.range.start.line].slice(x.range.start.character, x.range.end.character)}`);
    try {
      await setSetting('glossa', 'diagnostics.scope', 'workspace');
      await eventually(() => found('possible-variant').length === 2, 'the possible variants of the unopened file');
      assert.deepStrictEqual(found('possible-variant'), [at('Serguei Lavrov'), at('Lavorv')]);
      // Hints show only in an editor: none for a file read from disk.
      assert.deepStrictEqual(found('unknown-name'), []);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was opened');
      // As warnings, the unknown names of the files read from disk are listed too.
      await setSetting('glossa', 'diagnostics.unknownName', 'warning');
      await eventually(() => found('unknown-name').length === 2, 'the unknown names of the unopened file');
      assert.deepStrictEqual(found('unknown-name'), [at('Nguyễn Phú Trọng'), at('Nguyen Phu Trong')]);
      assert.deepStrictEqual(found('possible-variant'), [at('Serguei Lavrov'), at('Lavorv')]);
    } finally {
      await setSetting('glossa', 'diagnostics.scope', undefined);
    }
  });

  it('hover: the entity\'s card under "Not in the glossary: looks like …"; on an unknown name, what to do', async () => {
    const d = await openPlanted();
    const serguei = rangeOf(d, 'Serguei Lavrov');
    await diagnosticAt(d.uri, serguei, 'possible-variant');
    const card = await hoverText(d.uri, serguei.start.translate(0, 3));
    const lines = card.split('\n').filter((l) => l.trim() !== '');
    assert.strictEqual(lines[0], '$(question) **Not in the glossary: looks like Sergey Lavrov**', card);
    assert.ok(lines.includes('#### $(person) Sergey Lavrov'), card);
    assert.ok(card.includes('**Here:** "Serguei Lavrov" — not a spelling the glossary lists: another romanization.'), card);
    assert.ok(card.includes('**Known spellings:** **Sergey Lavrov *(name)***'), card);
    assert.ok(card.includes('Go to glossary entry'), card);

    const unknown = await hoverText(d.uri, rangeOf(d, 'Nguyễn Phú Trọng').start.translate(0, 2));
    assert.ok(unknown.startsWith('#### $(question) Nguyễn Phú Trọng\n\n**Not in the glossary.**'), unknown);
    assert.ok(unknown.includes('Add to Glossary…'), unknown);
  });

  it('Add "…" as an alias (preferred): one more alias in the glossary, and the spelling is an ordinary alias at once', async () => {
    const d = await openPlanted();
    const serguei = rangeOf(d, 'Serguei Lavrov');
    await diagnosticAt(d.uri, serguei, 'possible-variant');
    const fixes = await fixesAt(d.uri, serguei);
    assert.deepStrictEqual(titles(fixes), [
      'Add "Serguei Lavrov" as an alias of Sergey Lavrov (preferred)',
      'Replace with "Sergey Lavrov"',
      'Not a variant: add "Serguei Lavrov" to the glossary\'s ignore list',
      'Ignore "Serguei Lavrov" in this file',
    ]);
    assert.strictEqual(await runAction(fixes[0]), true);
    const before = snapshot().text(glossaryUri());
    const expected = before.replace('    name: Sergey Lavrov\n    aliases: [Sergei Lavrov]\n', '    name: Sergey Lavrov\n    aliases: [Sergei Lavrov, Serguei Lavrov]\n');
    assert.notStrictEqual(expected, before);
    assert.strictEqual(await readDisk(glossaryUri()), expected);
    // The store reloads: the mention is an alias now, normalized like any other, and no variant any more.
    await eventually(
      () => glossaDiagnostics(d.uri).some((x) => x.code === 'non-canonical-spelling' && x.range.isEqual(serguei) && x.message === '"Serguei Lavrov" is an alias of Sergey Lavrov: write "Sergey Lavrov".'),
      'the spelling reported as an alias',
    );
    assert.ok(!glossaDiagnostics(d.uri).some((x) => x.code === 'possible-variant' && x.range.isEqual(serguei)));
    assert.ok((await hoverText(d.uri, serguei.start)).includes('an alias of Sergey Lavrov'));
  });

  it('Replace with "…": the canonical spelling in place, one undo puts it back', async () => {
    const d = await openPlanted();
    const serguei = rangeOf(d, 'Serguei Lavrov');
    await diagnosticAt(d.uri, serguei, 'possible-variant');
    const replace = (await fixesAt(d.uri, serguei)).find((a) => a.title === 'Replace with "Sergey Lavrov"');
    assert.ok(replace);
    await runAction(replace);
    assert.strictEqual(d.lineAt(2).text, 'Foreign Minister Sergey Lavrov met Nguyễn Phú Trọng in Hà Nội on Monday.');
    assert.strictEqual(await readDisk(glossaryUri()), snapshot().text(glossaryUri()), 'the glossary is untouched');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(d.getText(), ARTICLE);
  });

  it('Not a variant: the spelling goes on a new ignore: list at the end of the glossary, and is no longer reported', async () => {
    const d = await openPlanted();
    const serguei = rangeOf(d, 'Serguei Lavrov');
    await diagnosticAt(d.uri, serguei, 'possible-variant');
    const ignore = (await fixesAt(d.uri, serguei)).find((a) => a.title.startsWith('Not a variant'));
    assert.ok(ignore);
    assert.strictEqual(await runAction(ignore), true);
    // In the style of the glossary's lists (flow lists here: aliases: [To Lam]).
    const before = snapshot().text(glossaryUri());
    assert.strictEqual(await readDisk(glossaryUri()), `${before}\nignore: [Serguei Lavrov]\n`);
    await eventually(() => !glossaDiagnostics(d.uri).some((x) => x.range.isEqual(serguei)), 'no diagnostic on the ignored spelling');
    assert.ok(glossaDiagnostics(d.uri).some((x) => x.code === 'possible-variant' && d.getText(x.range) === 'Lavorv'), 'the other variant stays');

    // A second one goes on the same list.
    const lavorv = rangeOf(d, 'Lavorv');
    const again = (await fixesAt(d.uri, lavorv)).find((a) => a.title.startsWith('Not a variant'));
    assert.ok(again);
    assert.strictEqual(await runAction(again), true);
    assert.strictEqual(await readDisk(glossaryUri()), `${before}\nignore: [Serguei Lavrov, Lavorv]\n`);
    await eventually(() => !glossaDiagnostics(d.uri).some((x) => x.code === 'possible-variant'), 'no variant left');
  });

  it('Add to Glossary… on an unknown name: filled in with the proposed name, kind and the other spelling', async () => {
    const d = await openPlanted();
    const written = rangeOf(d, 'Nguyen Phu Trong');
    await diagnosticAt(d.uri, written, 'unknown-name');
    const fixes = await fixesAt(d.uri, written);
    assert.deepStrictEqual(titles(fixes), [
      'Add "Nguyen Phu Trong" to Glossary…',
      'Not a name to track: add "Nguyen Phu Trong" to the glossary\'s ignore list',
      'Ignore "Nguyen Phu Trong" in this file',
    ]);
    // The kind pick offers the proposed kind first, the name box the spelling with the diacritics.
    const { command, arguments: args = [] } = fixes[0].command!;
    const id = await acceptAll<string>(command, ...args);
    assert.strictEqual(id, 'nguyen-phu-trong');
    const before = snapshot().text(glossaryUri());
    assert.strictEqual(await readDisk(glossaryUri()), `${before.slice(0, -1)}\n\n  - id: nguyen-phu-trong\n    kind: person\n    name: Nguyễn Phú Trọng\n    aliases: [Nguyen Phu Trong]\n`);
    // Both spellings are mentions now: the canonical one, and the alias to normalize.
    await eventually(
      () => glossaDiagnostics(d.uri).some((x) => x.code === 'non-canonical-spelling' && x.range.isEqual(written) && x.message === '"Nguyen Phu Trong" is an alias of Nguyễn Phú Trọng: write "Nguyễn Phú Trọng".'),
      'the other spelling an alias',
    );
    assert.ok(!glossaDiagnostics(d.uri).some((x) => x.code === 'unknown-name'), 'no unknown name left');
  });
});
