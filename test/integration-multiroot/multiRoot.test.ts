import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, glossa, glossaDiagnostics, glossaLog, hoverText, positionOf, restore, setText, severityName, show } from '../integration/glossa';
import { waitFor } from '../integration/support';
import { Fixture, Samples, deleteSameArticle, fileIn, folder, glossaryIds, openFile, sameFile, sameText, writeSameArticle } from './folders';

/** Entity ids Glossa finds in a file (open or not). */
async function idsIn(uri: vscode.Uri): Promise<string[]> {
  return (await (await glossa()).entities(uri)).map((e) => e.id).sort();
}

describe('multi-root workspace: each folder with its own glossary', () => {
  before(writeSameArticle);
  after(async () => {
    await closeAll();
    await deleteSameArticle();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log((await glossaLog()).split('\n').slice(-40).join('\n'));
  });

  it('loads one glossary per folder, and the status bar counts both', async () => {
    const api = await glossa();
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), [Fixture, Samples]);
    const fixtureIds = await glossaryIds(Fixture);
    const sampleIds = await glossaryIds(Samples);
    assert.strictEqual(fixtureIds.size, 60);
    assert.strictEqual(sampleIds.size, 18);
    const log = await glossaLog();
    assert.match(log, /Glossary of "fixture": 60 entities/);
    assert.match(log, /Glossary of "samples": 18 entities/);
    const status = api.status();
    assert.strictEqual(status.error, false);
    assert.match(status.text, /78 entities/);
    // Which folder holds what: a sum alone would not tell the user.
    assert.match(status.tooltip, /"fixture": 60 entities/);
    assert.match(status.tooltip, /"samples": 18 entities/);
  });

  it("annotates each folder's articles with that folder's glossary", async () => {
    const fixtureIds = await glossaryIds(Fixture);
    const sampleIds = await glossaryIds(Samples);
    // The real articles: each finds only entities of its own glossary.
    const fixtureArticle = fileIn(Fixture, 'articles', '004_0fa1d48d4c9f786a.txt');
    const found = await idsIn(fixtureArticle);
    assert.ok(found.includes('thailand') && found.includes('pham-minh-chinh'), found.join(', '));
    for (const name of ['01-lavrov-meets-son.md', '02-to-lam-in-moscow.md', '03-students-and-statues.txt']) {
      const ids = await idsIn(fileIn(Samples, 'articles', name));
      assert.ok(ids.length > 0, name);
      for (const id of ids) assert.ok(sampleIds.has(id), `${name}: ${id} is not in the samples glossary`);
    }
    assert.ok(!sampleIds.has('thailand') && fixtureIds.has('thailand'));

    // The same text in both folders: the fixture's glossary knows more names.
    assert.deepStrictEqual(await idsIn(sameFile(Fixture)), ['bui-thanh-son', 'moscow', 'pham-minh-chinh', 'russia', 'sergey-lavrov', 'thailand']);
    assert.deepStrictEqual(await idsIn(sameFile(Samples)), ['bui-thanh-son', 'moscow', 'russia', 'sergey-lavrov']);

    // What the user sees in the editor: colours and Problems.
    const api = await glossa();
    const lines: Record<string, string[]> = {};
    for (const name of [Fixture, Samples]) {
      const editor = await openFile(sameFile(name));
      const { document } = editor;
      const decorations = await waitFor(() => api.decorations(document.uri), `decorations of ${name}/articles/same.md`);
      const at = (r: { line: number; character: number; endCharacter: number }) => document.getText(new vscode.Range(r.line, r.character, r.line, r.endCharacter));
      lines[name] = [
        `person: ${decorations.person.map(at).join(', ')}`,
        `place: ${decorations.place.map(at).join(', ')}`,
        ...glossaDiagnostics(document.uri).map((d) => `${severityName(d.severity)} ${d.code} ${show(d.range)} ${document.getText(d.range)}`),
      ];
    }
    assert.deepStrictEqual(lines[Fixture], [
      'person: Bui Thanh Son, Sergei Lavrov, Pham Minh Chinh',
      'place: Moscow, Thailand, Russia',
      'info non-canonical-spelling 3:22-3:35 Bui Thanh Son',
      'info non-canonical-spelling 3:40-3:53 Sergei Lavrov',
      'info non-canonical-spelling 3:80-3:95 Pham Minh Chinh',
    ]);
    assert.deepStrictEqual(lines[Samples], [
      'person: Bui Thanh Son, Sergei Lavrov',
      'place: Moscow, Russia',
      'info non-canonical-spelling 3:22-3:35 Bui Thanh Son',
      'info non-canonical-spelling 3:40-3:53 Sergei Lavrov',
      // A name this folder's glossary does not know (discovery).
      'hint unknown-name 3:80-3:95 Pham Minh Chinh',
      'warning unverified-number 5:38-5:40 16',
    ]);
  });

  it("verifies numbers against the folder's own ledger, related information included", async () => {
    const editor = await openFile(fileIn(Samples, 'articles', '02-to-lam-in-moscow.md'));
    const uri = editor.document.uri;
    const conflict = await waitFor(
      () => glossaDiagnostics(uri).find((d) => d.code === 'conflicting-number' && (d.relatedInformation?.length ?? 0) > 0),
      'the conflicting number with its related information',
    );
    assert.strictEqual(editor.document.getText(conflict.range), 'USD 4.85 billion');
    const related = conflict.relatedInformation!.map((r) => vscode.workspace.asRelativePath(r.location.uri));
    // Both ledgers have trade-2024; this article's fact and claims are the samples folder's.
    assert.ok(related.length > 0);
    for (const path of related) assert.match(path, /^samples\//, related.join(', '));
    assert.ok(related.includes('samples/facts.yaml'), related.join(', '));
  });

  it("hovers show the entry of the folder's glossary, and count mentions in that folder", async () => {
    const cards: Record<string, string> = {};
    for (const name of [Fixture, Samples]) {
      const { document } = await openFile(sameFile(name));
      cards[name] = await hoverText(document.uri, positionOf(document, 'Sergei Lavrov', 0, 3));
    }
    assert.match(cards[Fixture], /Minister of Foreign Affairs of Russia \(since 2004\)/);
    assert.match(cards[Samples], /Minister of Foreign Affairs of Russia/);
    assert.doesNotMatch(cards[Samples], /since 2004/);
    // Five real articles, titles-2025.md and same.md in the fixture folder; three samples + same.md in the other.
    assert.match(cards[Fixture], /in \d+ of the 7 corpus files/);
    assert.match(cards[Samples], /in 3 of the 4 corpus files/);

    const { document } = await openFile(sameFile(Samples));
    // A name only the other folder knows has no entity card here: it is a name this glossary does not know.
    assert.match(await hoverText(document.uri, positionOf(document, 'Pham Minh Chinh', 0, 3)), /^#### \$\(question\) Pham Minh Chinh\n\n\*\*Not in the glossary\.\*\*/);
  });

  it("Go to Definition and Find All References stay in the mention's folder", async () => {
    for (const name of [Fixture, Samples]) {
      const { document } = await openFile(sameFile(name));
      const position = positionOf(document, 'Sergei Lavrov', 0, 3);
      const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
      assert.strictEqual(links.length, 1);
      const link = links[0];
      const target = 'targetUri' in link ? link.targetUri : link.uri;
      const range = 'targetUri' in link ? (link.targetSelectionRange ?? link.targetRange) : link.range;
      assert.strictEqual(target.toString(), fileIn(name, 'glossary.yaml').toString());
      const glossary = await vscode.workspace.openTextDocument(target);
      assert.strictEqual(glossary.getText(range), 'Sergey Lavrov');

      const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
      assert.ok(references.length > 1, `${name}: ${references.length} references`);
      for (const ref of references) assert.strictEqual(vscode.workspace.getWorkspaceFolder(ref.uri)?.name, name, ref.uri.toString());
    }
  });

  it('the mention index and the Entities view keep the folders apart', async () => {
    const api = await glossa();
    const index = await api.entities();
    const lavrov = index.filter((e) => e.id === 'sergey-lavrov');
    assert.strictEqual(lavrov.length, 2, 'one entry per folder');
    for (const name of [Fixture, Samples]) {
      const entry = lavrov.find((e) => e.folder === folder(name).uri.toString());
      assert.ok(entry, `an entry for ${name}`);
      for (const location of entry.locations) assert.strictEqual(vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(location.uri))?.name, name);
    }
    assert.ok(!index.some((e) => e.id === 'thailand' && e.folder === folder(Samples).uri.toString()));

    const tree = await api.tree('glossa.entities');
    assert.deepStrictEqual(
      tree.map((n) => n.label),
      [Fixture, Samples],
    );
    const samplesPeople = tree[1].children?.find((n) => n.label === 'People');
    assert.ok(samplesPeople);
    assert.ok(!samplesPeople.children?.some((n) => n.label === 'Phạm Minh Chính'));
  });

  it("an entity added to one folder's glossary lights up in that folder only", async () => {
    const api = await glossa();
    const glossary = await vscode.workspace.openTextDocument(fileIn(Samples, 'glossary.yaml'));
    const text = glossary.getText();
    const fixtureArticle = await openFile(sameFile(Fixture));
    const fixtureBefore = api.decorations(fixtureArticle.document.uri);
    await setText(glossary, `${text.trimEnd()}\n\n  - id: kremlin\n    kind: body\n    name: Kremlin\n    description: The Russian presidency (added by the test)\n`);
    try {
      await waitFor(async () => ((await idsIn(sameFile(Samples))).includes('kremlin') ? true : undefined), 'Kremlin found in samples/articles/same.md');
      assert.ok(!(await idsIn(sameFile(Fixture))).includes('kremlin'));
      const samplesArticle = await openFile(sameFile(Samples));
      const body = await waitFor(() => api.decorations(samplesArticle.document.uri)?.body.find((r) => samplesArticle.document.getText(new vscode.Range(r.line, r.character, r.endLine, r.endCharacter)) === 'Kremlin'), 'Kremlin coloured as a body');
      assert.ok(body);
      await openFile(sameFile(Fixture));
      assert.deepStrictEqual(api.decorations(fixtureArticle.document.uri), fixtureBefore);
    } finally {
      await restore(glossary, text);
    }
    await waitFor(async () => ((await idsIn(sameFile(Samples))).includes('kremlin') ? undefined : true), 'Kremlin gone again');
  });

  it("a broken glossary in one folder is reported there; the other folder's is unaffected", async () => {
    const api = await glossa();
    const samplesGlossary = fileIn(Samples, 'glossary.yaml');
    const fixtureGlossary = fileIn(Fixture, 'glossary.yaml');
    const samplesArticle = await openFile(fileIn(Samples, 'articles', '01-lavrov-meets-son.md'));
    const fixtureArticle = await openFile(fileIn(Fixture, 'articles', '000_9752d893cd04e555.txt'));
    const before = { samples: api.decorations(samplesArticle.document.uri), fixture: api.decorations(fixtureArticle.document.uri) };
    assert.ok(before.samples && before.fixture);

    const glossary = await vscode.workspace.openTextDocument(samplesGlossary);
    await vscode.window.showTextDocument(glossary, { preview: false });
    const text = glossary.getText();
    const at = text.indexOf('id: sergey-lavrov');
    assert.ok(at > 0);
    await setText(glossary, text.slice(0, at) + 'id: to-lam' + text.slice(at + 'id: sergey-lavrov'.length));
    try {
      const problem = await waitFor(() => glossaDiagnostics(samplesGlossary).find((d) => d.code === 'duplicate-id'), 'a duplicate-id diagnostic in samples/glossary.yaml');
      const pos = glossary.positionAt(at + 'id: '.length);
      assert.strictEqual(show(problem.range), `${pos.line + 1}:${pos.character}-${pos.line + 1}:${pos.character + 'to-lam'.length}`);
      assert.deepStrictEqual(glossaDiagnostics(fixtureGlossary), []);
      await api.ready();
      const status = api.status();
      assert.strictEqual(status.error, true);
      assert.match(status.tooltip, /"samples": 18 entities, 1 error\(s\) in its glossary/);
      assert.match(status.tooltip, /"fixture": 60 entities\./);
      assert.match(status.tooltip, /"samples": using the last good glossary/);
      assert.doesNotMatch(status.tooltip, /"fixture": using the last good glossary/);

      // Both folders keep their colours: samples with its last good glossary, fixture untouched.
      for (const [editor, expected] of [[samplesArticle, before.samples], [fixtureArticle, before.fixture]] as const) {
        await vscode.window.showTextDocument(editor.document, { preview: false });
        await api.ready();
        assert.deepStrictEqual(api.decorations(editor.document.uri), expected);
      }
    } finally {
      await restore(glossary, text);
    }
    await waitFor(() => (glossaDiagnostics(samplesGlossary).length === 0 ? true : undefined), 'the samples glossary problems cleared');
    await api.ready();
    assert.strictEqual(api.status().error, false);
  });

  it("Normalize uses the glossary of the file's folder", async () => {
    for (const name of [Fixture, Samples]) {
      const { document } = await openFile(sameFile(name));
      const count = await vscode.commands.executeCommand<number>('glossa.normalizeFile', document.uri);
      try {
        const line = document.getText().split('\n')[2];
        if (name === Fixture) {
          assert.strictEqual(count, 3);
          assert.strictEqual(line, 'Deputy Prime Minister Bùi Thanh Sơn met Sergey Lavrov in Moscow. Prime Minister Phạm Minh Chính later flew to Thailand, and the Kremlin said nothing.');
        } else {
          assert.strictEqual(count, 2);
          assert.strictEqual(line, 'Deputy Prime Minister Bùi Thanh Sơn met Sergey Lavrov in Moscow. Prime Minister Pham Minh Chinh later flew to Thailand, and the Kremlin said nothing.');
        }
      } finally {
        await restore(document, sameText);
      }
    }
  });

  it('Normalize All in Workspace rewrites each folder with its own glossary', async () => {
    await closeAll();
    const decoder = new TextDecoder();
    const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
    // Every corpus file of both folders, to put back afterwards.
    const corpus = await vscode.workspace.findFiles('articles/*.{txt,md}');
    const original = new Map(await Promise.all(corpus.map(async (u) => [u.toString(), await read(u)] as const)));
    try {
      const count = await vscode.commands.executeCommand<number>('glossa.normalizeWorkspace', { preview: false });
      assert.ok(count > 5, `${count} rewritten`);
      const fixtureSame = await read(sameFile(Fixture));
      const samplesSame = await read(sameFile(Samples));
      assert.match(fixtureSame, /Bùi Thanh Sơn met Sergey Lavrov in Moscow\. Prime Minister Phạm Minh Chính later/);
      assert.match(samplesSame, /Bùi Thanh Sơn met Sergey Lavrov in Moscow\. Prime Minister Pham Minh Chinh later/);
      assert.match(await read(fileIn(Samples, 'articles', '01-lavrov-meets-son.md')), /^# Sergey Lavrov and Bùi Thanh Sơn/);
    } finally {
      for (const uri of corpus) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original.get(uri.toString())));
    }
  });
});
