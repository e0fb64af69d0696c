import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { documentOf, editingSuite, eventually, line, readDisk, setSetting } from './acting';
import { Articles, articleUri, extensionId, openArticle, positionOf, setText, workspaceFile } from './glossa';
import { desktopOnly, waitFor } from './support';

const encoder = new TextEncoder();

/** Runs the built CLI (`dist/cli.js normalize --write`) on a copy of an article; returns the text it wrote. */
function cliNormalize(text: string, glossary: string, style: 'canonical' | 'ascii'): string {
  const extension = vscode.extensions.getExtension(extensionId)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'glossary.yaml'), glossary);
    fs.writeFileSync(path.join(dir, 'article.txt'), text);
    // The extension host's own binary runs the CLI (Electron needs ELECTRON_RUN_AS_NODE; Node ignores it).
    cp.execFileSync(process.execPath, [path.join(extension.extensionPath, 'dist', 'cli.js'), 'normalize', '--write', '--style', style, 'article.txt'], {
      cwd: dir,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: 'pipe',
    });
    return fs.readFileSync(path.join(dir, 'article.txt'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('normalize', () => {
  const snapshot = editingSuite(async () => {
    await setSetting('glossa', 'normalize.style', undefined);
  });

  it('Normalize All in File rewrites every variant, keeps possessives, hyphens and file names, and one undo restores the text', async () => {
    const editor = await openArticle(Articles.son);
    const original = editor.document.getText();
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeFile');
    assert.strictEqual(count, 23);
    const d = editor.document;
    assert.strictEqual(line(d, 1).slice(0, 84), 'Russian Foreign Minister Sergey Lavrov described the Việt Nam-Russia relationship wi');
    assert.strictEqual(line(d, 3), 'anh dai dien 1826.jpg');
    assert.strictEqual(line(d, 5), 'General Secretary Tô Lâm and Russian President Vladimir Putin. Photo: Minh Nhat');
    assert.strictEqual(
      line(d, 9),
      'Ahead of the visit, Deputy Prime Minister and Minister of Foreign Affairs Bùi Thanh Sơn and Russian Foreign Minister Sergey Lavrov offered remarks on the bilateral relationship and the significance of the occasion.',
    );
    assert.ok(line(d, 11).startsWith('Deputy Prime Minister Sơn emphasized that Việt Nam deeply respects'), line(d, 11));
    assert.ok(line(d, 13).startsWith("He expressed Việt Nam's desire to further deepen"), line(d, 13));
    assert.ok(line(d, 25).startsWith('Deputy Prime Minister Sơn noted that the Việt Nam-Russia relationship today'), line(d, 25));
    assert.strictEqual(line(d, 33), '30 06 2023 khanh thanh tuong chu tich ho chi minh tai saint petersburg nga 971d28cf details 333.jpg');
    assert.strictEqual(line(d, 35), 'Statue of President Hồ Chí Minh in Saint Petersburg. Photo: HCMC Party Committee');
    assert.strictEqual(d.lineCount, original.split('\n').length);

    // One undo restores the text exactly.
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('Normalize Entity at a mention rewrites that entity only: "Deputy Prime Minister Son" → "Sơn"', async () => {
    const editor = await openArticle(Articles.son);
    const d = editor.document;
    const original = d.getText();
    const at = positionOf(d, 'Deputy Prime Minister Son', 0, 'Deputy Prime Minister S'.length);
    editor.selection = new vscode.Selection(at, at);
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeEntity');
    assert.strictEqual(count, 4);
    assert.ok(line(d, 11).startsWith('Deputy Prime Minister Sơn emphasized that Vietnam deeply respects'), line(d, 11));
    assert.ok(line(d, 25).startsWith('Deputy Prime Minister Sơn noted that the Vietnam-Russia relationship'), line(d, 25));
    assert.ok(line(d, 9).includes('Minister of Foreign Affairs Bùi Thanh Sơn and Russian Foreign Minister Sergey Lavrov'), line(d, 9));
    assert.strictEqual(line(d, 5), 'General Secretary To Lam and Russian President Vladimir Putin. Photo: Minh Nhat');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(d.getText(), original);
  });

  it('Normalize Entity away from any name picks one of the file\'s entities that have variants', async () => {
    const editor = await openArticle(Articles.son);
    const d = editor.document;
    const at = positionOf(d, 'A friendship forged in history');
    editor.selection = new vscode.Selection(at, at);
    let settled = false;
    const run = Promise.resolve(vscode.commands.executeCommand<number>('glossa.normalizeEntity')).finally(() => (settled = true));
    // Enter on the pick: its first item is the first entity of the glossary with variants here, Tô Lâm.
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled ? true : undefined;
    }, 'the entity pick accepted');
    assert.strictEqual(await run, 3);
    assert.strictEqual(line(d, 5), 'General Secretary Tô Lâm and Russian President Vladimir Putin. Photo: Minh Nhat');
    assert.ok(line(d, 11).startsWith('Deputy Prime Minister Son emphasized that Vietnam'), 'other entities stay');
  });

  it('Normalize Entity with a URI and an entity id: a name at a line end, and nothing else', async () => {
    const uri = articleUri(Articles.trade);
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeEntity', uri, 'viet-nam');
    assert.strictEqual(count, 29);
    const d = await documentOf(uri);
    assert.strictEqual(line(d, 2), 'Việt Nam');
    assert.strictEqual(line(d, 4), 'Việt Nam-Russia: Partnership built on traditional legacy');
    assert.strictEqual(line(d, 68), 'Sweden nurtures road safety for children in Việt Nam');
    assert.strictEqual(line(d, 74), 'First nonstop air route between Việt Nam and Northern Europe launched\u00a0\u00a0');
    assert.ok(line(d, 20).includes("expressed Russia's willingness to support Việt Nam's development"), line(d, 20));
    assert.ok(d.getText().includes('at a press conference in Hanoi on December 26, 2024'), 'Hanoi is another entity: left alone');
  });

  it('Normalize Entity with a position of an unopened file: "Mishustin\'s" and other names left as they are', async () => {
    const uri = articleUri(Articles.lavrov);
    const text = await readDisk(uri);
    const before = text.split('\n');
    const lavrov = before.findIndex((l) => l.includes('Sergei Lavrov'));
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeEntity', uri, new vscode.Position(lavrov, before[lavrov].indexOf('Sergei Lavrov') + 2));
    assert.strictEqual(count, 1);
    const d = await documentOf(uri);
    assert.ok(line(d, lavrov + 1).includes('said Russian Minister of Foreign Affairs Sergey Lavrov in his opening speech'), line(d, lavrov + 1));
    assert.ok(d.getText().includes("Prime Minister Mikhail Mishustin's official visit to Việt Nam earlier this year"));
    assert.strictEqual(d.getText().length, text.length);
  });

  it('rewrites an NFD-encoded copy of an article to NFC names, leaving the rest as stored', async () => {
    const nfc = snapshot().text(articleUri(Articles.vnNews));
    const nfd = nfc.normalize('NFD');
    const uri = workspaceFile('articles', 'nfd-copy.txt');
    await vscode.workspace.fs.writeFile(uri, encoder.encode(nfd));
    const document = await documentOf(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeFile', uri);
    assert.strictEqual(count, 31);
    const lines = document.getText().split('\n');
    const nfcLines = nfc.split('\n');
    const leaders = nfcLines.findIndex((l) => l.startsWith('Party General Secretary Tô Lâm and State President Lương Cường exchanged'));
    assert.ok(leaders > 0);
    // Every diacritic of this paragraph is in a name: it reads exactly as the NFC original.
    assert.strictEqual(lines[leaders], nfcLines[leaders]);
    const quoted = nfcLines.findIndex((l) => l.includes('Việt Nam and Russia will continue'));
    assert.strictEqual(lines[quoted], nfcLines[quoted]);
    assert.ok(lines[quoted].startsWith('Building on the strong ties'));
    // Text outside the names stays as stored (NFD), however it is encoded.
    const asStored = lines.filter((l, i) => l === nfd.split('\n')[i]).length;
    assert.ok(asStored > 90, `${asStored} lines unchanged`);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), nfd);
  });

  it('Normalize All in Workspace edits unopened files and keeps the unsaved text of an open one', async () => {
    const editor = await openArticle(Articles.son);
    const d = editor.document;
    const original = d.getText();
    // An unsaved edit elsewhere in the document, one line naming To Lam, at the top.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'DRAFT (not saved): To Lam to visit\n'));
    assert.ok(d.isDirty);
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeWorkspace', { preview: false });
    assert.strictEqual(count, 1 + (23 + 1) + 41 + 4 + 42);
    assert.strictEqual(line(d, 1), 'DRAFT (not saved): Tô Lâm to visit');
    assert.ok(line(d, 12).startsWith('Deputy Prime Minister Sơn emphasized that Việt Nam deeply'), line(d, 12));
    assert.ok(d.isDirty, 'the document the user was editing stays unsaved');
    assert.strictEqual(d.lineCount, original.split('\n').length + 1);

    const vnNews = await documentOf(articleUri(Articles.vnNews));
    assert.ok(vnNews.getText().includes('current and former leaders, the National Assembly, and the Vietnam Fatherland Front for the Government'));
    assert.ok(!vnNews.getText().includes('National Asembly'));
    const trade = await documentOf(articleUri(Articles.trade));
    assert.strictEqual(line(trade, 4), 'Việt Nam-Russia: Partnership built on traditional legacy');
    assert.ok(trade.getText().includes('joint venture Vietsovpetro reached the milestone'));
    // The files that were not open are saved (files.refactoring.autoSave); the open dirty one is not.
    await eventually(async () => !(await readDisk(articleUri(Articles.lavrov))).includes('Sergei Lavrov'), 'the unopened article saved');
    assert.strictEqual(await readDisk(articleUri(Articles.son)), original);
  });

  it('Normalize All in Workspace shows the refactor preview, every change checked, and applies them on Apply', async () => {
    const editor = await openArticle(Articles.lavrov);
    let settled = false;
    const run = Promise.resolve(vscode.commands.executeCommand<number>('glossa.normalizeWorkspace')).finally(() => (settled = true));
    // The command waits for the preview; "Apply" (refactorPreview.apply) does nothing until the preview is up.
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand('refactorPreview.apply').then(undefined, () => undefined);
      return settled ? true : undefined;
    }, 'the refactor preview to be applied');
    assert.strictEqual(await run, 1 + 23 + 41 + 4 + 42);
    assert.ok(editor.document.getText().includes('said Russian Minister of Foreign Affairs Sergey Lavrov in his'));
    assert.strictEqual(line(await documentOf(articleUri(Articles.trade)), 2), 'Việt Nam');
  });

  it('writes the diacritic-free form with glossa.normalize.style = ascii', async () => {
    await setSetting('glossa', 'normalize.style', 'ascii');
    const editor = await openArticle(Articles.lavrov);
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeFile', editor.document.uri);
    assert.strictEqual(count, 12);
    const text = editor.document.getText();
    assert.ok(text.includes('Vietnamese National Assembly Chairman Tran Thanh Man in September'));
    assert.ok(text.includes('President Putin and Vietnamese Prime Minister Pham Minh Chinh also'));
    assert.ok(text.includes("Prime Minister Mikhail Mishustin's official visit to Viet Nam earlier"));
    assert.ok(text.includes('Russian Minister of Foreign Affairs Sergey Lavrov in his opening'));
    assert.ok(!text.includes('Việt Nam') && text.includes('Ambassador Dang Minh Khoi said'));
  });

  desktopOnly.it('gives the same text as the CLI\'s `glossa normalize --write` on the same input, in both styles', async () => {
    const glossary = await readDisk(workspaceFile('glossary.yaml'));
    for (const [name, style] of [
      [Articles.son, 'canonical'],
      [Articles.trade, 'canonical'],
      [Articles.lavrov, 'ascii'],
    ] as const) {
      await setSetting('glossa', 'normalize.style', style === 'ascii' ? 'ascii' : undefined);
      const uri = articleUri(name);
      const input = snapshot().text(uri);
      await vscode.commands.executeCommand<number>('glossa.normalizeFile', uri);
      const editorText = (await documentOf(uri)).getText();
      assert.notStrictEqual(editorText, input);
      assert.strictEqual(editorText, cliNormalize(input, glossary, style), `${name} (${style})`);
    }
    // And on an NFD-encoded text.
    const nfd = snapshot().text(articleUri(Articles.toLam)).normalize('NFD');
    const uri = workspaceFile('articles', 'nfd-cli.txt');
    await vscode.workspace.fs.writeFile(uri, encoder.encode(nfd));
    await setSetting('glossa', 'normalize.style', undefined);
    await vscode.commands.executeCommand<number>('glossa.normalizeFile', uri);
    assert.strictEqual((await documentOf(uri)).getText(), cliNormalize(nfd, glossary, 'canonical'));
  });

  it('leaves a file with nothing to normalize alone', async () => {
    const editor = await openArticle(Articles.son);
    await setText(editor.document, 'Tô Lâm met Sergey Lavrov in Moscow.\n');
    assert.strictEqual(await vscode.commands.executeCommand<number>('glossa.normalizeFile'), 0);
    assert.strictEqual(editor.document.getText(), 'Tô Lâm met Sergey Lavrov in Moscow.\n');
  });
});
