/**
 * The Suggestions view (`glossa.suggestions`): the names the corpus uses and the
 * glossary lacks (DESIGN.md, Discovery 3), grouped into candidates as `glossa
 * suggest` groups them: candidate (proposed name, count, files) → each spelling
 * (its count) → its occurrences; clicking one opens the file at the place. Built
 * from the corpus index's `suggestions`, refreshed (debounced) when the corpus or
 * the glossary changes. Several candidates can be selected and added at once
 * (`glossa.addSuggested`, in suggestCommands.ts).
 */
import * as vscode from 'vscode';
import type { EntityKind, NameOccurrence, SuggestedEntity } from '../../core';
import { Views } from '../commands';
import { kindColor, kindIcon } from '../convert';
import type { Deps } from '../deps';
import type { CorpusSuggestions, NameRef } from '../services/corpusIndex';
import type { FolderGlossary } from '../services/glossaryStore';
import { folderItem, placeItem, snippetsOf } from '../treeItems';
import { snapshotTree, type TreeSnapshot } from '../treeSnapshot';

export type Candidate = SuggestedEntity<NameRef>;

export type SuggestionNode =
  | { type: 'folder'; folder: FolderGlossary }
  | CandidateNode
  | { type: 'spelling'; parent: CandidateNode; text: string; count: number; occurrences: NameOccurrence<NameRef>[] }
  | { type: 'occurrence'; parent: CandidateNode; ref: NameRef; snippet: string | undefined };

export interface CandidateNode {
  type: 'candidate';
  folder: FolderGlossary;
  candidate: Candidate;
}

export interface SuggestionsView extends vscode.Disposable {
  /** The view's content as the user sees it, fully expanded. */
  snapshot(): Promise<TreeSnapshot[]>;
  /** The candidates selected in the view (a selected spelling or occurrence stands for its candidate), in list order. */
  selection(): CandidateNode[];
  /** The candidates of every folder, as the view lists them (computing them if needed). */
  candidates(): Promise<CandidateNode[]>;
  /** The folder's list as plain offsets (for `glossa.suggestEntities`). */
  suggestions(folder: FolderGlossary): Promise<CorpusSuggestions | undefined>;
  /** Shows the view. */
  show(): Promise<void>;
}

export function registerSuggestionsView(deps: Deps): SuggestionsView {
  const { corpus, store, work } = deps;
  const changed = new vscode.EventEmitter<SuggestionNode | undefined>();

  const candidatesOf = async (folder: FolderGlossary): Promise<CandidateNode[]> => {
    const list = await corpus.suggestions(folder);
    return (list?.candidates ?? []).map((candidate) => ({ type: 'candidate', folder, candidate }));
  };

  const provider: vscode.TreeDataProvider<SuggestionNode> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) {
        const folders = store.all();
        if (folders.length === 1) return candidatesOf(folders[0]);
        const withCandidates: SuggestionNode[] = [];
        for (const folder of folders) if ((await candidatesOf(folder)).length > 0) withCandidates.push({ type: 'folder', folder });
        return withCandidates;
      }
      switch (node.type) {
        case 'folder':
          return candidatesOf(node.folder);
        case 'candidate':
          return node.candidate.spellings.map(({ text, count }) => ({
            type: 'spelling',
            parent: node,
            text,
            count,
            occurrences: node.candidate.occurrences.filter((o) => o.text === text),
          }));
        case 'spelling': {
          const snippets = await snippetsOf(corpus, node.occurrences.map((o) => o.at));
          return node.occurrences.map((o, i) => ({ type: 'occurrence', parent: node.parent, ref: o.at, snippet: snippets[i] }) as SuggestionNode);
        }
        default:
          return [];
      }
    },
    getTreeItem(node) {
      const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
      switch (node.type) {
        case 'folder':
          return folderItem(node.folder);
        case 'candidate': {
          const c = node.candidate;
          const item = new vscode.TreeItem(c.name, Collapsed);
          item.description = c.files === 1 ? vscode.l10n.t('{0} in 1 file', c.count) : vscode.l10n.t('{0} in {1} files', c.count, c.files);
          const tooltip = new vscode.MarkdownString();
          tooltip.appendMarkdown(`**${escape(c.name)}**\n\n`);
          tooltip.appendText(
            c.aliases.length > 0
              ? vscode.l10n.t('Not in the glossary. Add to Glossary writes it as a {0} with the id {1}, and its other spellings as aliases: {2}.', kindLabel(c.kind), c.id, c.aliases.join(', '))
              : vscode.l10n.t('Not in the glossary. Add to Glossary writes it as a {0} with the id {1}.', kindLabel(c.kind), c.id),
          );
          item.tooltip = tooltip;
          item.iconPath = new vscode.ThemeIcon(kindIcon(c.kind), new vscode.ThemeColor(kindColor(c.kind)));
          item.contextValue = 'candidate';
          item.id = `${node.folder.folder.uri.toString()}#${c.name}`;
          return item;
        }
        case 'spelling': {
          const item = new vscode.TreeItem(node.text, Collapsed);
          item.description = String(node.count);
          item.iconPath = new vscode.ThemeIcon('symbol-text');
          return item;
        }
        case 'occurrence':
          return placeItem(node.ref, node.snippet);
      }
    },
  };

  const view = vscode.window.createTreeView(Views.suggestions, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const refresh = (): void => work.debounce('view:suggestions', 150, () => changed.fire(undefined));
  const subscriptions = vscode.Disposable.from(view, changed, corpus.onDidChange(refresh), store.onDidChange(refresh));

  const candidateOf = (node: SuggestionNode): CandidateNode | undefined => (node.type === 'candidate' ? node : node.type === 'folder' ? undefined : node.parent);

  return {
    snapshot: () => snapshotTree(provider),
    selection: () => {
      const out: CandidateNode[] = [];
      for (const node of view.selection) {
        const c = candidateOf(node);
        if (c && !out.includes(c)) out.push(c);
      }
      return out;
    },
    async candidates() {
      const out: CandidateNode[] = [];
      for (const folder of store.all()) out.push(...(await candidatesOf(folder)));
      return out;
    },
    suggestions: (folder) => corpus.suggestions(folder),
    async show() {
      await vscode.commands.executeCommand(`${Views.suggestions}.focus`);
    },
    dispose: () => subscriptions.dispose(),
  };
}

export function kindLabel(kind: EntityKind): string {
  return kind === 'person' ? vscode.l10n.t('person') : kind === 'body' ? vscode.l10n.t('body') : vscode.l10n.t('place');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
