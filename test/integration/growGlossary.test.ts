import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseGlossary } from '../../src/core';
import { documentOf, editingSuite, eventually, readDisk } from './acting';
import { Articles, glossa, glossaDiagnostics, openArticle, rangeOf, workspaceFile } from './glossa';
import { waitFor } from './support';

/** Runs a command that shows a QuickPick and accepts the pick's first item, as Enter would. */
async function acceptFirst<T>(command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => (settled = true));
  // Until the pick is shown and has its items, accepting does nothing: try again.
  await waitFor(async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled ? true : undefined;
  }, `${command} to accept the first item of its pick`);
  return result;
}

const sameRange = (a: { line: number; character: number; endCharacter: number }, b: vscode.Range) =>
  a.line === b.start.line && a.character === b.start.character && a.endCharacter === b.end.character;

describe('growing the glossary', () => {
  const snapshot = editingSuite(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
  const glossaryUri = () => workspaceFile('glossary.yaml');

  it('Add to Glossary: a new entry at the end, comments and layout kept; the name is highlighted at once', async () => {
    const api = await glossa();
    const editor = await openArticle(Articles.trade);
    const d = editor.document;
    const credits = [0, 1, 2].map((n) => rangeOf(d, 'Viet Anh', n));
    assert.ok(!api.decorations(d.uri)!.person.some((r) => sameRange(r, credits[0])));

    const id = await vscode.commands.executeCommand<string>('glossa.addToGlossary', d.uri, credits[0], 'person', 'Viet Anh');
    assert.strictEqual(id, 'viet-anh');
    const before = snapshot().text(glossaryUri());
    const expected = before.slice(0, -1) + '\n\n  - id: viet-anh\n    kind: person\n    name: Viet Anh\n';
    assert.strictEqual(await readDisk(glossaryUri()), expected);
    assert.deepStrictEqual(parseGlossary([{ file: 'glossary.yaml', text: expected }]).problems, []);

    await vscode.window.showTextDocument(d, { preview: false });
    await eventually(() => credits.every((c) => api.decorations(d.uri)!.person.some((r) => sameRange(r, c))), 'the three photo credits highlighted as a person');
    const index = (await api.entities(d.uri)).find((e) => e.id === 'viet-anh');
    assert.strictEqual(index?.mentions, 3);
  });

  it('Add to Glossary from the editor asks for the kind, then the name prefilled from the selection', async () => {
    const editor = await openArticle(Articles.trade);
    const credit = rangeOf(editor.document, 'Viet Anh');
    editor.selection = new vscode.Selection(credit.start, credit.end);
    // Enter on the kind pick (Person, the first), then on the name box (prefilled "Viet Anh").
    const id = await acceptFirst<string>('glossa.addToGlossary');
    assert.strictEqual(id, 'viet-anh');
    assert.strictEqual(await readDisk(glossaryUri()), snapshot().text(glossaryUri()).slice(0, -1) + '\n\n  - id: viet-anh\n    kind: person\n    name: Viet Anh\n');
  });

  it('Add to Glossary with a canonical spelling: the selection is kept as an alias, and normalized', async () => {
    const editor = await openArticle(Articles.toLam);
    const d = editor.document;
    const bacHa = rangeOf(d, 'Bac Ha');
    const id = await vscode.commands.executeCommand<string>('glossa.addToGlossary', d.uri, bacHa, 'place', 'Bắc Hà');
    assert.strictEqual(id, 'bac-ha');
    const before = snapshot().text(glossaryUri());
    assert.strictEqual(await readDisk(glossaryUri()), before.slice(0, -1) + '\n\n  - id: bac-ha\n    kind: place\n    name: Bắc Hà\n    aliases: [Bac Ha]\n');
    await eventually(
      () => glossaDiagnostics(d.uri).some((x) => x.range.isEqual(bacHa) && x.message === '"Bac Ha" is an alias of Bắc Hà: write "Bắc Hà".'),
      'the new alias reported as a spelling to normalize',
    );
  });

  it('Link to Entity: the fuzzy pick, prefilled with the selection, adds it as an alias', async () => {
    const editor = await openArticle(Articles.vnNews);
    const d = editor.document;
    const front = rangeOf(d, 'Việt Nam Fatherland Front');
    editor.selection = new vscode.Selection(front.start, front.end);
    const linked = await acceptFirst<boolean>('glossa.linkToEntity');
    assert.strictEqual(linked, true);
    const before = snapshot().text(glossaryUri());
    const expected = before.replace('    aliases: [Viet Nam Fatherland Front]\n', '    aliases: [Viet Nam Fatherland Front, Việt Nam Fatherland Front]\n');
    assert.strictEqual((await documentOf(glossaryUri())).getText(), expected);
    assert.strictEqual(await readDisk(glossaryUri()), expected);
    await eventually(() => glossaDiagnostics(d.uri).some((x) => x.range.isEqual(front) && x.message.includes('is an alias of Vietnam Fatherland Front')), 'the mention now an alias');
  });

  it('Link to Entity with an entity id, as another name (aka): linked, never rewritten', async () => {
    const editor = await openArticle(Articles.toLam);
    const d = editor.document;
    const union = rangeOf(d, 'ASEAN-European Economic Union');
    const slip = new vscode.Range(union.start.translate(0, 'ASEAN-'.length), union.end);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('glossa.linkToEntity', d.uri, slip, 'eurasian-economic-union', 'aka'), true);
    const before = snapshot().text(glossaryUri());
    assert.strictEqual(await readDisk(glossaryUri()), before.replace('    aka: [EAEU, EEU]\n', '    aka: [EAEU, EEU, European Economic Union]\n'));
    const api = await glossa();
    await eventually(async () => (await api.entities(d.uri)).find((e) => e.id === 'eurasian-economic-union')?.spellings.some((s) => s.text === 'European Economic Union') ?? false, 'the new spelling mentioned');
    assert.ok(!glossaDiagnostics(d.uri).some((x) => x.range.isEqual(slip)), 'an aka is not a spelling to normalize');
  });

  it('Find Entity: the first result for diacritic-free queries', async () => {
    const expected: [string, string][] = [
      ['tran thanh man', 'tran-thanh-man'],
      ['to lam', 'to-lam'],
      ['bui thanh son', 'bui-thanh-son'],
      ['ha noi', 'hanoi'],
      ['da nang', 'da-nang'],
      ['dien bien phu', 'dien-bien-phu'],
      ['lao cai', 'lao-cai'],
      ['Lavorv', 'sergey-lavrov'],
      ['party chief', 'to-lam'],
      ['Tatarstan', 'kazan'],
    ];
    const found: [string, string][] = [];
    for (const [query] of expected) found.push([query, (await vscode.commands.executeCommand<string>('glossa.findEntity', { query, open: 'none' })) ?? '(none)']);
    assert.deepStrictEqual(found, expected);
  });

  it('Find Entity in its pick: "tran thanh man" opens the glossary entry of Trần Thanh Mẫn', async () => {
    await openArticle(Articles.lavrov);
    const id = await acceptFirst<string>('glossa.findEntity', { value: 'tran thanh man' });
    assert.strictEqual(id, 'tran-thanh-man');
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(vscode.workspace.asRelativePath(active.document.uri), 'glossary.yaml');
    assert.strictEqual(active.document.getText(active.selection), 'Trần Thanh Mẫn');
  });

  it('Find Entity can list the mentions instead', async () => {
    await openArticle(Articles.lavrov);
    const id = await vscode.commands.executeCommand<string>('glossa.findEntity', { query: 'bui thanh son', open: 'mentions' });
    assert.strictEqual(id, 'bui-thanh-son');
    // The references view opens at the entry; its locations are the mention index's.
    // The workbench opens that editor after the command returns: the extension host hears of it later.
    const active = await waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor && vscode.workspace.asRelativePath(editor.document.uri) === 'glossary.yaml' ? editor : undefined;
    }, 'the glossary in the active editor', 5_000).catch(() => vscode.window.activeTextEditor);
    assert.strictEqual(active && vscode.workspace.asRelativePath(active.document.uri), 'glossary.yaml');
  });
});
