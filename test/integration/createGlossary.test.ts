// "Create Glossary": the starter files it writes, and that it never overwrites.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, folderUri, workspaceFile } from './glossa';

const decoder = new TextDecoder();
const read = async (uri: vscode.Uri): Promise<string> => decoder.decode(await vscode.workspace.fs.readFile(uri));

describe('Create Glossary', () => {
  after(closeAll);

  it('leaves an existing glossary alone and returns nothing', async () => {
    const glossary = workspaceFile('glossary.yaml');
    const before = await read(glossary);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('glossa.createGlossary', folderUri().toString());
    assert.equal(created, undefined);
    assert.equal(await read(glossary), before);
  });

  it('writes a commented glossary.yaml and facts.yaml where the settings point, and opens the glossary', async () => {
    const config = vscode.workspace.getConfiguration('glossa');
    await config.update('glossaryFiles', ['starter/glossary.yaml'], vscode.ConfigurationTarget.Workspace);
    await config.update('factsFiles', ['starter/facts.yaml'], vscode.ConfigurationTarget.Workspace);
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('glossa.createGlossary', folderUri().toString());
      assert.equal(created?.toString(), workspaceFile('starter', 'glossary.yaml').toString());
      assert.match(await read(workspaceFile('starter', 'glossary.yaml')), /^# Glossa glossary[\s\S]*\nentities: \[\]\n$/);
      assert.match(await read(workspaceFile('starter', 'facts.yaml')), /^# Glossa facts ledger[\s\S]*\nfacts: \[\]\n$/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created?.toString());
      assert.deepEqual(vscode.languages.getDiagnostics(created!).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
    } finally {
      await closeAll();
      await config.update('glossaryFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('factsFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceFile('starter'), { recursive: true });
    }
  });
});
