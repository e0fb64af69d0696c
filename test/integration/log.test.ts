import * as assert from 'assert';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { Articles, closeAll, glossa, openArticle } from './glossa';
import { waitFor } from './support';

async function logText(): Promise<string> {
  const api = await glossa();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(api.logUri, 'Glossa.log')));
  } catch {
    return '';
  }
}

describe('log figures', () => {
  after(closeAll);

  it('logs the glossary load, the corpus scan, open→diagnostics and keystroke→annotated times', async () => {
    const editor = await openArticle(Articles.trade);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    await (await glossa()).ready();
    await vscode.commands.executeCommand('undo');
    const text = await waitFor(async () => {
      const log = await logText();
      return /keystroke→annotated articles\/004/.test(log) ? log : undefined;
    }, 'the keystroke figure in the log');
    const figures = text.split('\n').filter((l) => /Glossary of|Corpus scan|open→diagnostics|keystroke→annotated/.test(l));
    for (const pattern of [/Glossary of "workspace": \d+ entities, \d+ spellings \(glossary\.yaml\); \d+ facts \(facts\.yaml\); read in \d+ ms, compiled in \d+ ms \(parsing \d+ ms, the ledger \d+ ms, the engine \d+ ms\)/, /Corpus scan: \d+ files \(\d+ K characters\), \d+ mentions/, /open→diagnostics articles\/004_0fa1d48d4c9f786a\.txt: [\d.]+ ms/, /keystroke→annotated articles\/004_0fa1d48d4c9f786a\.txt: [\d.]+ ms/]) {
      assert.ok(figures.some((l) => pattern.test(l)), `no log line matching ${pattern}:\n${figures.join('\n')}`);
    }
    Mocha.reporters.Base.consoleLog(figures.map((l) => `      ${l.replace(/^\S+ /, '')}`).join('\n'));
  });
});
