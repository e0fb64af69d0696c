/**
 * "Create Glossary" (`glossa.createGlossary`): writes a starter glossary.yaml and
 * facts.yaml, commented with their format, into a workspace folder, then opens the
 * glossary. It never overwrites: when either file exists it says so and writes nothing.
 */
import * as vscode from 'vscode';
import { STARTER_FACTS, STARTER_GLOSSARY } from '../../core';
import { Commands } from '../commands';
import type { Deps } from '../deps';
import { exists } from '../fileEdits';

export function registerCreateGlossary(deps: Deps): vscode.Disposable {
  /** `glossa.createGlossary(folderUri?)`: returns the glossary's URI, or undefined when nothing was written. */
  const createGlossary = async (folderArg?: string): Promise<vscode.Uri | undefined> => {
    const folder = await chooseFolder(folderArg);
    if (!folder) return undefined;
    const config = deps.config.read(folder.uri);
    const glossary = vscode.Uri.joinPath(folder.uri, plainPath(config.glossaryFiles) ?? 'glossary.yaml');
    const facts = vscode.Uri.joinPath(folder.uri, plainPath(config.factsFiles) ?? 'facts.yaml');
    const present: vscode.Uri[] = [];
    for (const uri of [glossary, facts]) if (await exists(uri)) present.push(uri);
    if (present.length > 0) {
      const open = vscode.l10n.t('Open');
      const names = present.map((u) => vscode.workspace.asRelativePath(u)).join(', ');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Glossa did not create the glossary: {0} already exists. Nothing was overwritten.', names), open)
        .then(async (choice) => {
          if (choice === open) await vscode.window.showTextDocument(present[0]);
        });
      return undefined;
    }
    const encoder = new TextEncoder();
    await vscode.workspace.fs.writeFile(glossary, encoder.encode(STARTER_GLOSSARY));
    await vscode.workspace.fs.writeFile(facts, encoder.encode(STARTER_FACTS));
    deps.log.info(`Created ${vscode.workspace.asRelativePath(glossary)} and ${vscode.workspace.asRelativePath(facts)}`);
    await deps.store.reload();
    await vscode.window.showTextDocument(glossary, { preview: false });
    return glossary;
  };
  return vscode.commands.registerCommand(Commands.createGlossary, createGlossary);
}

/** The folder given, the active document's, the only one, or the one the user picks. */
async function chooseFolder(folderArg: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (typeof folderArg === 'string') return folders.find((f) => f.uri.toString() === folderArg);
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active && vscode.workspace.getWorkspaceFolder(active);
  if (own) return own;
  if (folders.length <= 1) {
    if (folders.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: Glossa creates the glossary in it.'));
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the glossary go?') });
}

/** The first setting entry that names one file (not a glob), where a new file can go. */
function plainPath(paths: readonly string[]): string | undefined {
  return paths.find((p) => !/[*?[\]{}]/.test(p));
}
