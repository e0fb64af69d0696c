/**
 * Tree items the views share: a workspace folder (with several folders, each
 * view groups by folder), and a place in a corpus file, `file.txt:12` with the
 * words around it, that reveals it when clicked. The corpus index keeps no text
 * of files read from disk, so the snippets of a list of places are read once per
 * file (`snippetsOf`).
 */
import * as vscode from 'vscode';
import { Commands } from './commands';
import { toRange } from './convert';
import type { CorpusIndex } from './services/corpusIndex';
import type { FileAnalysis } from './services/documentAnalyses';
import type { FolderGlossary } from './services/glossaryStore';

export interface Place {
  file: FileAnalysis;
  start: number;
  end: number;
}

/** The snippet of each place (undefined where its file changed since it was indexed), each file read once. */
export async function snippetsOf(corpus: CorpusIndex, places: readonly Place[], width?: number): Promise<(string | undefined)[]> {
  const texts = new Map<FileAnalysis, Promise<string | undefined>>();
  for (const { file } of places) if (!texts.has(file)) texts.set(file, corpus.textOf(file));
  return Promise.all(
    places.map(async ({ file, start, end }) => {
      const text = await texts.get(file);
      return text === undefined ? undefined : snippet(text, start, end, width);
    }),
  );
}

/** The tree item of a workspace folder, expanded. */
export function folderItem(folder: FolderGlossary): vscode.TreeItem {
  const item = new vscode.TreeItem(folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
  item.iconPath = vscode.ThemeIcon.Folder;
  return item;
}

/** The tree item of a place: file name and line, the snippet, and the command that reveals it. */
export function placeItem({ file, start, end }: Place, description: string | undefined): vscode.TreeItem {
  const range = toRange(file.lines, start, end);
  const name = file.uri.path.slice(file.uri.path.lastIndexOf('/') + 1);
  const item = new vscode.TreeItem(`${name}:${range.start.line + 1}`, vscode.TreeItemCollapsibleState.None);
  item.description = description;
  item.tooltip = vscode.workspace.asRelativePath(file.uri);
  item.iconPath = new vscode.ThemeIcon('location');
  item.command = {
    command: Commands.openLocation,
    title: vscode.l10n.t('Reveal'),
    arguments: [file.uri.toString(), range.start.line, range.start.character, range.end.line, range.end.character],
  };
  return item;
}

/** The words around a place, on its line. */
export function snippet(text: string, start: number, end: number, width = 40): string {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  from = Math.max(from, lineStart);
  to = Math.min(to, lineEnd);
  return `${from > lineStart ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < lineEnd ? '…' : ''}`;
}
