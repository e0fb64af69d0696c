/**
 * Command arguments as scripts, tests, code actions and `command:` links pass them:
 * a URI as a `Uri` or a string, a position as a `Position` or `{ line, character }`,
 * a range as a `Range`, `{ start, end }` or `{ line, character, endLine, endCharacter }`.
 * Anything else reads as "not given", so the command falls back to the editor and its prompts.
 */
import * as vscode from 'vscode';

export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  if (isObject(value) && typeof value.scheme === 'string' && typeof value.path === 'string') return vscode.Uri.from(value as unknown as vscode.Uri);
  return undefined;
}

export function asPosition(value: unknown): vscode.Position | undefined {
  if (value instanceof vscode.Position) return value;
  if (isObject(value) && isIndex(value.line) && isIndex(value.character)) return new vscode.Position(value.line, value.character);
  return undefined;
}

export function asRange(value: unknown): vscode.Range | undefined {
  if (value instanceof vscode.Range) return value;
  if (!isObject(value)) return undefined;
  const start = asPosition(value.start);
  const end = asPosition(value.end);
  if (start && end) return new vscode.Range(start, end);
  if (isIndex(value.line) && isIndex(value.character) && isIndex(value.endLine) && isIndex(value.endCharacter)) {
    return new vscode.Range(value.line, value.character, value.endLine, value.endCharacter);
  }
  const position = asPosition(value);
  return position && new vscode.Range(position, position);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The document a command acts on: the one named by `uri` (opened if needed), else the
 * active editor's. With a URI the command runs without looking at the editor.
 */
export async function targetDocument(uri: unknown): Promise<{ document: vscode.TextDocument; editor?: vscode.TextEditor } | undefined> {
  const given = asUri(uri);
  const editor = vscode.window.activeTextEditor;
  if (!given) return editor && { document: editor.document, editor };
  if (editor && editor.document.uri.toString() === given.toString()) return { document: editor.document, editor };
  try {
    return { document: await vscode.workspace.openTextDocument(given) };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
