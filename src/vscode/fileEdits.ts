/**
 * Reading a file as the user sees it, and editing it without losing anything:
 * the text of an open document (unsaved changes included) or else of the file
 * on disk, and the core's offset edits turned into one `WorkspaceEdit` on the
 * URI. VS Code applies that edit to the open model (or opens the file for it),
 * so text the user has not saved is never overwritten.
 */
import * as vscode from 'vscode';
import { LineIndex, type EditResult, type SourceEdit } from '../core';
import { toRange, type PositionMap } from './convert';

/** A file's text as the user sees it now. */
export interface FileText {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly lines: PositionMap;
  /** The open document, when there is one. */
  readonly document?: vscode.TextDocument;
  /** The open document's version when the text was read. */
  readonly version?: number;
  /** True when the open document had unsaved changes when the text was read. */
  readonly dirty: boolean;
  /** False when the file does not exist (its text is then empty). */
  readonly exists: boolean;
}

const decoder = new TextDecoder();

/** Is there a file (or folder) at `uri`? */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The open document of `uri`, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The text of `uri`: the open document's (unsaved edits included), else the file's through workspace.fs. */
export async function readFileText(uri: vscode.Uri): Promise<FileText> {
  const document = openDocument(uri);
  if (document) return { uri, text: document.getText(), lines: document, document, version: document.version, dirty: document.isDirty, exists: true };
  try {
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    return { uri, text, lines: new LineIndex(text), dirty: false, exists: true };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { uri, text: '', lines: new LineIndex(''), dirty: false, exists: false };
    throw error;
  }
}

/** True while the text read is still the document's (or the file was not open and still is not). */
export function isCurrent(file: FileText): boolean {
  const document = openDocument(file.uri);
  if (!file.document) return document === undefined;
  return document === file.document && document.version === file.version;
}

/** Adds the core's offset edits of `file` to `edit`, with their metadata. */
export function addEdits(edit: vscode.WorkspaceEdit, file: FileText, edits: readonly SourceEdit[], metadata?: vscode.WorkspaceEditEntryMetadata): void {
  for (const e of edits) edit.replace(file.uri, toRange(file.lines, e.start, e.end), e.newText, metadata);
}

/**
 * After a multi-file edit: saves the files the user had no unsaved changes in (files
 * that were not open among them), as VS Code does after a refactoring unless
 * `files.refactoring.autoSave` is off. Files with unsaved changes stay unsaved.
 */
export async function saveUntouched(files: readonly FileText[], onlyUnopened = false): Promise<void> {
  if (vscode.workspace.getConfiguration('files').get<boolean>('refactoring.autoSave') === false) return;
  await Promise.all(
    files
      .filter((f) => (onlyUnopened ? !f.document : !f.dirty))
      .map((f) => openDocument(f.uri))
      .filter((d): d is vscode.TextDocument => d !== undefined && d.isDirty)
      .map((d) => d.save()),
  );
}

/**
 * Makes VS Code show its refactor preview before applying `edit`, with every change
 * checked. The preview opens when some entry needs confirmation, but it also leaves
 * such entries unchecked; so the changes themselves carry `needsConfirmation: false`
 * (their labels still group them) and one no-op entry asks for the preview: creating
 * `existing`, an existing file, with `ignoreIfExists` (the preview does not list it).
 */
export function askForPreview(edit: vscode.WorkspaceEdit, existing: vscode.Uri, label: string): void {
  edit.createFile(existing, { ignoreIfExists: true }, { needsConfirmation: true, label });
}

/** What an edited glossary or ledger file came to. */
export interface SourceFileEdit<T> {
  result: EditResult<T>;
  /** True when the edit was applied. */
  applied: boolean;
}

/**
 * Edits a YAML source file (glossary or facts ledger): computes the core's edits on
 * its current text, applies them as one WorkspaceEdit (creating the file when it does
 * not exist) and saves the file when it had no unsaved changes before, so the file on
 * disk, the CLI and the store agree at once. A file the user was editing stays
 * unsaved: the store follows its text anyway. Failures are shown, never thrown.
 */
export async function editSourceFile<T>(uri: vscode.Uri, compute: (text: string) => EditResult<T>): Promise<SourceFileEdit<T>> {
  let file = await readFileText(uri);
  let result = compute(file.text);
  // The user may type while the file is read: compute again on the text the edit will meet.
  for (let tries = 0; !isCurrent(file) && tries < 3; tries++) {
    file = await readFileText(uri);
    result = compute(file.text);
  }
  const name = vscode.workspace.asRelativePath(uri);
  if (!result.ok) {
    const where = result.line !== undefined ? vscode.l10n.t(' ({0}, line {1})', name, result.line + 1) : '';
    void vscode.window.showErrorMessage(vscode.l10n.t('Glossa: {0}{1}', result.error, where));
    return { result, applied: false };
  }
  if (!result.changed) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: {0}', result.message));
    return { result, applied: false };
  }
  const edit = new vscode.WorkspaceEdit();
  if (!file.exists) edit.createFile(uri, { ignoreIfExists: true });
  addEdits(edit, file, result.edits);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Glossa: could not edit {0}; nothing was changed.', name));
    return { result, applied: false };
  }
  if (!file.dirty) await openDocument(uri)?.save();
  if (result.problems.length > 0) {
    const problems = result.problems.map((p) => p.message).join(' ');
    void vscode.window.showWarningMessage(vscode.l10n.t('Glossa: {0} Note: {1}', result.message, problems));
  } else {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Glossa: {0}', result.message), 5000);
  }
  return { result, applied: true };
}
