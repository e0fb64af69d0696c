/**
 * The Numbers view (`glossa.numbers`): the numbers a reviewer still has to check
 * — unverified, conflicting and disputed — grouped by file, conflicts first.
 * Built from the corpus index; clicking one reveals it.
 */
import * as vscode from 'vscode';
import { describeNumber, type CheckedNumber } from '../../core';
import { Commands, Views } from '../commands';
import { toRange } from '../convert';
import type { Deps } from '../deps';
import type { FileAnalysis } from '../services/documentAnalyses';
import { snippetsOf } from '../treeItems';
import { snapshotTree, type TreeSnapshot } from '../treeSnapshot';

type Node = { type: 'file'; file: FileAnalysis; numbers: CheckedNumber[] } | { type: 'number'; file: FileAnalysis; number: CheckedNumber; snippet: string | undefined };

const TO_CHECK = new Set(['unverified', 'conflicting', 'disputed']);
const ORDER: Record<string, number> = { conflicting: 0, disputed: 1, unverified: 2 };

export interface NumbersView extends vscode.Disposable {
  snapshot(): Promise<TreeSnapshot[]>;
}

/** The numbers of a file still to check, in the order the view lists them. */
export function numbersToCheck(file: FileAnalysis): CheckedNumber[] {
  return file.analysis.numbers.filter((n) => TO_CHECK.has(n.status)).sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.start - b.start);
}

export function registerNumbersView(deps: Deps): NumbersView {
  const { corpus, store, work } = deps;
  const changed = new vscode.EventEmitter<Node | undefined>();

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) {
        await corpus.ensure();
        return corpus
          .sortedFiles()
          .map((file) => ({ type: 'file', file, numbers: numbersToCheck(file) }) as Node & { numbers: CheckedNumber[] })
          .filter((n) => n.numbers.length > 0);
      }
      if (node.type !== 'file') return [];
      const snippets = await snippetsOf(corpus, node.numbers.map(({ start, end }) => ({ file: node.file, start, end })), 25);
      return node.numbers.map((number, i) => ({ type: 'number', file: node.file, number, snippet: snippets[i] }) as Node);
    },
    getTreeItem(node) {
      if (node.type === 'file') {
        const item = new vscode.TreeItem(node.file.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.label = node.file.uri.path.slice(node.file.uri.path.lastIndexOf('/') + 1);
        item.tooltip = vscode.workspace.asRelativePath(node.file.uri);
        const count = (status: string) => node.numbers.filter((n) => n.status === status).length;
        item.description = [
          count('conflicting') && vscode.l10n.t('{0} conflicting', count('conflicting')),
          count('disputed') && vscode.l10n.t('{0} disputed', count('disputed')),
          count('unverified') && vscode.l10n.t('{0} unverified', count('unverified')),
        ]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      const { file, number } = node;
      const range = toRange(file.lines, number.start, number.end);
      const item = new vscode.TreeItem(number.text, vscode.TreeItemCollapsibleState.None);
      item.description = [statusLabel(number.status), vscode.l10n.t('line {0}', range.start.line + 1), node.snippet].filter(Boolean).join(' · ');
      item.tooltip = new vscode.MarkdownString().appendText(`${describeNumber(number)}\n\n${statusLabel(number.status)}${number.fact ? ` (${number.fact})` : ''}`);
      item.iconPath =
        number.status === 'conflicting'
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
          : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.command = {
        command: Commands.openLocation,
        title: vscode.l10n.t('Reveal'),
        arguments: [file.uri.toString(), range.start.line, range.start.character, range.end.line, range.end.character],
      };
      return item;
    },
  };

  const view = vscode.window.createTreeView(Views.numbers, { treeDataProvider: provider, showCollapseAll: true });
  const refresh = (): void => work.debounce('view:numbers', 150, () => changed.fire(undefined));
  const subscriptions = vscode.Disposable.from(view, changed, corpus.onDidChange(refresh), store.onDidChange(refresh));
  return {
    snapshot: () => snapshotTree(provider),
    dispose: () => subscriptions.dispose(),
  };
}

function statusLabel(status: CheckedNumber['status']): string {
  switch (status) {
    case 'conflicting':
      return vscode.l10n.t('conflicting');
    case 'disputed':
      return vscode.l10n.t('disputed');
    default:
      return vscode.l10n.t('unverified');
  }
}
