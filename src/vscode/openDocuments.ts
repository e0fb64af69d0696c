import * as vscode from 'vscode';

/** Does a tab show the file? */
export function hasTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}

/** Files (and folders) deleted on disk while their documents may linger in memory. */
const deleted = new Set<string>();

/** Notes a deletion reported by a file watcher (a folder's deletion covers the files under it). */
export function noteDeleted(uri: vscode.Uri): void {
  deleted.add(uri.toString().replace(/\/$/, ''));
}

/** Notes a creation reported by a file watcher. */
export function noteCreated(uri: vscode.Uri): void {
  for (const key of [...deleted]) if (uri.toString() === key || uri.toString().startsWith(`${key}/`) || key.startsWith(`${uri.toString()}/`)) deleted.delete(key);
}

function isDeleted(uri: vscode.Uri): boolean {
  const key = uri.toString();
  for (const d of deleted) if (key === d || key.startsWith(`${d}/`)) return true;
  return false;
}

/**
 * The open document of `uri` when the user has it: in a tab, or with unsaved
 * changes (a workspace edit of a file that is not shown). VS Code keeps a
 * document in memory for a while after its tab closes, and marks it unsaved when
 * its file is deleted: such a document is not the user's any more.
 */
export function userDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (!document) return undefined;
  if (hasTab(uri)) return document;
  return document.isDirty && !isDeleted(uri) ? document : undefined;
}
