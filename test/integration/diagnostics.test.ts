import * as assert from 'assert';
import * as vscode from 'vscode';
import { Articles, articleUri, closeAll, glossa, glossaDiagnostics, openArticle, severityName, show, workspaceFile } from './glossa';
import { waitFor } from './support';

/** A diagnostic as one line: `severity code range "text" message`. */
function describe_(document: vscode.TextDocument, d: vscode.Diagnostic): string {
  return `${severityName(d.severity)} ${String(d.code)} ${show(d.range)} "${document.getText(d.range)}" ${d.message}`;
}

async function lineOf(uri: vscode.Uri, text: string): Promise<number> {
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const index = content.indexOf(text);
  assert.ok(index >= 0, `${text} not in ${uri.path}`);
  return content.slice(0, index).split('\n').length - 1;
}

const config = () => vscode.workspace.getConfiguration('glossa');

describe('diagnostics', () => {
  afterEach(async () => {
    for (const key of ['diagnostics.unverifiedNumber', 'diagnostics.nonCanonicalSpelling', 'diagnostics.unknownName', 'diagnostics.scope']) {
      if (config().inspect(key)?.workspaceValue !== undefined) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await (await glossa()).ready();
  });
  after(closeAll);

  it('lists exactly the findings of an article, with source "glossa", codes, ranges and severities', async () => {
    const editor = await openArticle(Articles.lavrov);
    const diagnostics = glossaDiagnostics(editor.document.uri);
    assert.ok(diagnostics.every((d) => d.source === 'glossa'));
    assert.deepStrictEqual(
      diagnostics.map((d) => describe_(editor.document, d)),
      [
        'info non-canonical-spelling 1:180-1:193 "Sergei Lavrov" "Sergei Lavrov" is an alias of Sergey Lavrov: write "Sergey Lavrov".',
        // Names the glossary does not know (discovery): a word capitalised mid-sentence twice, and a name of two words.
        `hint unknown-name 5:58-5:71 "Comprehensive" "Comprehensive" is not in the glossary: add it to the glossary, or to the glossary's ignore list if it is no name to track.`,
        `hint unknown-name 9:119-9:131 "BRICS Summit" "BRICS Summit" is not in the glossary: add it to the glossary, or to the glossary's ignore list if it is no name to track.`,
        'warning unverified-number 11:51-11:53 "75" Unverified number: "75" read as 75. No fact in the ledger confirms it.',
        'warning unverified-number 13:18-13:20 "75" Unverified number: "75" read as 75. No fact in the ledger confirms it.',
        `hint unknown-name 19:83-19:96 "Comprehensive" "Comprehensive" is not in the glossary: add it to the glossary, or to the glossary's ignore list if it is no name to track.`,
      ],
    );
  });

  it('links a conflicting number to its fact and to the claims the fact verifies in other files', async () => {
    const editor = await openArticle(Articles.trade);
    const conflict = await waitFor(
      () => glossaDiagnostics(editor.document.uri).find((d) => d.code === 'conflicting-number' && (d.relatedInformation?.length ?? 0) >= 3),
      'the conflicting number with its related information',
    );
    assert.strictEqual(
      describe_(editor.document, conflict),
      'error conflicting-number 18:76-18:89 "$4.15 billion" Conflicting number: "$4.15 billion" read as 4,150,000,000 USD, but fact \'trade-2024\' says USD 4.58 billion (Vietnam–Russia bilateral trade, 2024).',
    );
    const facts = workspaceFile('facts.yaml');
    const factLine = await lineOf(facts, 'id: trade-2024');
    const related = conflict.relatedInformation!.map((r) => `${vscode.workspace.asRelativePath(r.location.uri)} ${show(r.location.range)} ${r.message}`);
    assert.strictEqual(related.length, 3);
    assert.match(related[0], new RegExp(`^facts\\.yaml ${factLine + 1}:\\d+-\\d+:\\d+ Fact 'trade-2024': USD 4\\.58 billion — Vietnam–Russia bilateral trade, 2024 \\(source: `));
    assert.deepStrictEqual(related.slice(1), [
      `articles/${Articles.son} 29:33-29:49 Claim verified by this fact: "USD 4.58 billion"`,
      `articles/${Articles.toLam} 13:219-13:235 Claim verified by this fact: "4.58 billion USD"`,
    ]);
  });

  it('shows a disputed number as a warning linked to its fact', async () => {
    const editor = await openArticle(Articles.son);
    const disputed = glossaDiagnostics(editor.document.uri).filter((d) => d.code === 'disputed-number');
    assert.deepStrictEqual(
      disputed.map((d) => describe_(editor.document, d)),
      [
        'warning disputed-number 46:43-46:49 "80,000" Disputed number: "80,000" read as 80,000 (about) matches fact \'vietnamese-community-in-russia\', which is marked disputed (source: As reported in corpus article 001; other estimates differ).',
      ],
    );
    const factLine = await lineOf(workspaceFile('facts.yaml'), 'id: vietnamese-community-in-russia');
    assert.deepStrictEqual(
      disputed[0].relatedInformation?.map((r) => `${vscode.workspace.asRelativePath(r.location.uri)} ${r.location.range.start.line}`),
      [`facts.yaml ${factLine}`],
    );
  });

  it('follows the severity settings, including off', async () => {
    const editor = await openArticle(Articles.lavrov);
    const uri = editor.document.uri;
    const codes = () => glossaDiagnostics(uri).map((d) => `${severityName(d.severity)} ${String(d.code)}`);
    await config().update('diagnostics.unverifiedNumber', 'error', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (codes().includes('error unverified-number') ? true : undefined), 'unverified numbers as errors');
    await config().update('diagnostics.unverifiedNumber', 'off', vscode.ConfigurationTarget.Workspace);
    await config().update('diagnostics.nonCanonicalSpelling', 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (codes().every((c) => c === 'hint unknown-name') ? true : undefined), 'only unknown names with both kinds off');
    await config().update('diagnostics.unknownName', 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (codes().length === 0 ? true : undefined), 'no diagnostics with the three kinds off');
  });

  it('updates the edited document as the user types', async () => {
    const editor = await openArticle(Articles.lavrov);
    const api = await glossa();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nTrade grew by 12.5 per cent.'));
    await api.ready();
    const added = glossaDiagnostics(editor.document.uri).find((d) => editor.document.getText(d.range) === '12.5 per cent');
    assert.ok(added, 'no diagnostic on the typed number');
    assert.strictEqual(added.message, 'Unverified number: "12.5 per cent" read as 12.5%. No fact in the ledger confirms it.');
    await vscode.commands.executeCommand('undo');
    await api.ready();
    assert.ok(!glossaDiagnostics(editor.document.uri).some((d) => d.message.includes('12.5')));
  });

  it('clears the diagnostics of a document when it closes', async () => {
    const editor = await openArticle(Articles.lavrov);
    const uri = editor.document.uri;
    assert.ok(glossaDiagnostics(uri).length > 0);
    await closeAll();
    await waitFor(() => (glossaDiagnostics(uri).length === 0 ? true : undefined), 'the closed document cleared', 20_000);
  });

  it('checks the whole workspace with glossa.diagnostics.scope = workspace, unopened files included', async () => {
    await closeAll();
    const unopened = articleUri(Articles.vnNews);
    await config().update('diagnostics.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
    const diagnostics = await waitFor(() => {
      const list = glossaDiagnostics(unopened);
      return list.length > 0 ? list : undefined;
    }, 'diagnostics on an article that is not open', 20_000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'the article was opened');
    assert.strictEqual(diagnostics.filter((d) => d.code === 'unverified-number').length, 19);
    // The files go out to the window a slice at a time, as fast as it takes them in: every one comes.
    const undiagnosed = () => Object.values(Articles).filter((name) => glossaDiagnostics(articleUri(name)).length === 0);
    await waitFor(() => (undiagnosed().length === 0 ? true : undefined), 'diagnostics on every article', 20_000);
    // A hint shows only in an editor (the Problems panel lists none): the unopened article has no unknown-name hints;
    // opened, it has them.
    const hints = () => glossaDiagnostics(unopened).filter((d) => d.severity === vscode.DiagnosticSeverity.Hint);
    assert.deepStrictEqual(hints().map((d) => d.code), []);
    await openArticle(Articles.vnNews);
    await waitFor(() => (hints().some((d) => d.code === 'unknown-name') ? true : undefined), 'the unknown names of the opened article');
    await closeAll();
    // Back to open files only: the closed files' problems go away.
    await config().update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (glossaDiagnostics(unopened).length === 0 ? true : undefined), 'the unopened file cleared');
  });
});
