// Helpers for the multi-root suite: the two workspace folders the runner builds
// (scripts/lib/workspace.mjs, makeMultiRootWorkspace) and the article both get.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { glossa } from '../integration/glossa';
import { waitFor } from '../integration/support';

/** Folder `fixture`: the fixture workspace (its glossary of 60 entities, the five real articles and articles/titles-2025.md). */
export const Fixture = 'fixture';
/** Folder `samples`: a copy of samples/ (its own, smaller glossary of 18 entities and ledger, three articles). */
export const Samples = 'samples';

export function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `no workspace folder named ${name} (folders: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')})`);
  return found;
}

export function fileIn(name: string, ...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folder(name).uri, ...path);
}

/**
 * One text written into articles/same.md of both folders: names both glossaries
 * know (as aliases), names only the fixture's glossary knows (Pham Minh Chinh,
 * Thailand), a word neither knows (Kremlin), and a number only the fixture's
 * ledger verifies ("16 projects in Russia").
 */
export const sameText =
  '# The same article in both folders\n\n' +
  'Deputy Prime Minister Bui Thanh Son met Sergei Lavrov in Moscow. Prime Minister Pham Minh Chinh later flew to Thailand, and the Kremlin said nothing.\n\n' +
  'Vietnamese firms, for their part, run 16 projects in Russia.\n';

export const sameFile = (name: string): vscode.Uri => fileIn(name, 'articles', 'same.md');

/** Writes articles/same.md into both folders and waits until the corpus index has both. */
export async function writeSameArticle(): Promise<void> {
  const api = await glossa();
  for (const name of [Fixture, Samples]) await vscode.workspace.fs.writeFile(sameFile(name), new TextEncoder().encode(sameText));
  for (const name of [Fixture, Samples]) {
    await waitFor(async () => ((await api.entities(sameFile(name))).length > 0 ? true : undefined), `the index of ${name}/articles/same.md`);
  }
}

export async function deleteSameArticle(): Promise<void> {
  for (const name of [Fixture, Samples]) {
    try {
      await vscode.workspace.fs.delete(sameFile(name));
    } catch {
      // already gone
    }
  }
}

/** Opens a file in an editor and waits until Glossa has annotated it. */
export async function openFile(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await (await glossa()).ready();
  return editor;
}

/** The ids in a folder's glossary.yaml, as written on disk. */
export async function glossaryIds(name: string): Promise<Set<string>> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileIn(name, 'glossary.yaml')));
  return new Set([...text.matchAll(/^\s*-\s*id:\s*([a-z0-9-]+)/gm)].map((m) => m[1]));
}
