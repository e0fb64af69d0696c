// Helpers for the feature suites: the extension's API, the fixture workspace's
// files, and what VS Code shows (hover text, diagnostics) as plain data.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GlossaApi } from '../../src/extension';

export const extensionId = 'glossa.glossa';

/** The five real articles, copied into articles/ of the fixture workspace. */
export const Articles = {
  lavrov: '000_9752d893cd04e555.txt',
  son: '001_7535bc9d9727ee16.txt',
  toLam: '002_6006cd3dc9852790.txt',
  vnNews: '003_9ae4c4501ffdb87b.txt',
  trade: '004_0fa1d48d4c9f786a.txt',
} as const;

let cached: GlossaApi | undefined;

/** The activated extension's API, once it is ready. */
export async function glossa(): Promise<GlossaApi> {
  if (!cached) {
    const extension = vscode.extensions.getExtension<GlossaApi>(extensionId);
    assert.ok(extension, `${extensionId} is not installed in this VS Code`);
    cached = await extension.activate();
  }
  await cached.ready();
  return cached;
}

export function folderUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

export function workspaceFile(...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folderUri(), ...path);
}

export function articleUri(name: string): vscode.Uri {
  return workspaceFile('articles', name);
}

/** Opens an article in an editor and waits until Glossa has annotated it. */
export async function openArticle(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(articleUri(name));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await (await glossa()).ready();
  return editor;
}

/** The position of the `nth` occurrence of `text` (0-based), plus `into` characters. */
export function positionOf(document: vscode.TextDocument, text: string, nth = 0, into = 0): vscode.Position {
  const content = document.getText();
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = content.indexOf(text, offset + 1);
    assert.ok(offset >= 0, `"${text}" (occurrence ${nth}) not found in ${document.uri.path}`);
  }
  return document.positionAt(offset + into);
}

export function rangeOf(document: vscode.TextDocument, text: string, nth = 0): vscode.Range {
  const start = positionOf(document, text, nth);
  return new vscode.Range(start, start.translate(0, text.length));
}

/** The hover cards at a position, as the Markdown text VS Code renders (escapes removed). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>$])/g, '$1');
}

/** A range as `line:character-endLine:endCharacter` (1-based lines, as the editor shows them). */
export function show(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character}-${range.end.line + 1}:${range.end.character}`;
}

/** Glossa's diagnostics on a file as plain lines: `severity code range message`. */
export function glossaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'glossa');
}

export function severityName(severity: vscode.DiagnosticSeverity): string {
  return ['error', 'warning', 'info', 'hint'][severity];
}

/** Replaces the whole text of a document (unsaved), returning the old text. */
export async function setText(document: vscode.TextDocument, text: string): Promise<string> {
  const old = document.getText();
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(old.length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${document.uri.path}`);
  return old;
}

/** Reverts a document's unsaved changes (its editor becomes active). */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/**
 * Puts a document back to `text` and saves it. VS Code for the Web saves edits
 * after a delay by default (files.autoSave), so an edit a test makes may already
 * be on disk: reverting is not enough.
 */
export async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() !== text) await setText(document, text);
  if (document.isDirty) await document.save();
}

/** Reverts every unsaved document and closes every editor, so one suite does not leak into the next. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) await revert(document);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The extension's log so far (printed by suites when a test fails, to see why). */
export async function glossaLog(): Promise<string> {
  const api = await glossa();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(api.logUri, 'Glossa.log')));
  } catch {
    return '';
  }
}
