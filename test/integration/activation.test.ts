import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GlossaApi } from '../../src/extension';
import { waitFor } from './support';

const extensionId = 'glossa.glossa';

describe('activation', () => {
  let api: GlossaApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<GlossaApi>(extensionId);
    assert.ok(extension, `${extensionId} is not installed in this VS Code`);
    api = await extension.activate();
    await api.ready();
  });

  it('activates in the fixture workspace and returns its API', () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'no workspace folder is open');
    assert.strictEqual(vscode.extensions.getExtension(extensionId)?.isActive, true);
    assert.strictEqual(typeof api.ready, 'function');
  });

  it('logs its activation and no warnings or errors', async () => {
    const logFile = vscode.Uri.joinPath(api.logUri, 'Glossa.log');
    // The channel writes its file asynchronously: wait for the activation line.
    const text = await waitFor(async () => {
      const content = await readText(logFile);
      return content.includes('Glossa activated') ? content : undefined;
    }, `"Glossa activated" in ${logFile.toString()}`);
    const problems = text.split('\n').filter((line) => /\[(warning|error)\]/.test(line));
    assert.deepStrictEqual(problems, []);
  });

  it('registers every command it contributes', async () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
      'contributed but not registered',
    );
  });
});

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}
