/**
 * The Entities view (`glossa.entities`): kind → entity (its mention count) →
 * each spelling used (its count) → its mentions; clicking a mention reveals it.
 * Built from the corpus index, so files never opened count too; refreshes when
 * the corpus or the glossary changes.
 */
import * as vscode from 'vscode';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../../core';
import { Views } from '../commands';
import { kindColor, kindIcon } from '../convert';
import type { MentionRef } from '../services/corpusIndex';
import type { Deps } from '../deps';
import type { FolderGlossary } from '../services/glossaryStore';
import { folderItem, placeItem, snippetsOf } from '../treeItems';
import { snapshotTree, type TreeSnapshot } from '../treeSnapshot';

type Node =
  | { type: 'folder'; folder: FolderGlossary }
  | { type: 'kind'; folder: FolderGlossary; kind: EntityKind; entities: EntityNode[] }
  | EntityNode
  | { type: 'spelling'; folder: FolderGlossary; entityId: string; text: string; refs: MentionRef[] }
  | { type: 'mention'; ref: MentionRef; snippet: string | undefined };

interface EntityNode {
  type: 'entity';
  folder: FolderGlossary;
  /** `folder` and `entityId` make it a target of the goToEntry and showMentions commands. */
  entityId: string;
  entity: Entity;
  refs: MentionRef[];
}

export interface EntitiesView extends vscode.Disposable {
  snapshot(): Promise<TreeSnapshot[]>;
}

export function registerEntitiesView(deps: Deps): EntitiesView {
  const { corpus, store, work } = deps;
  const changed = new vscode.EventEmitter<Node | undefined>();

  const kindsOf = (folder: FolderGlossary): Node[] => {
    const byEntity = new Map<string, MentionRef[]>();
    for (const file of corpus.sortedFiles(folder)) {
      for (const mention of file.analysis.mentions) {
        let refs = byEntity.get(mention.entityId);
        if (!refs) byEntity.set(mention.entityId, (refs = []));
        refs.push({ file, mention });
      }
    }
    const out: Node[] = [];
    for (const kind of ENTITY_KINDS) {
      const entities: EntityNode[] = [];
      for (const [entityId, refs] of byEntity) {
        const entity = folder.engine.entity(entityId);
        if (entity?.kind === kind) entities.push({ type: 'entity', folder, entityId, entity, refs });
      }
      entities.sort((a, b) => b.refs.length - a.refs.length || a.entity.name.localeCompare(b.entity.name));
      if (entities.length) out.push({ type: 'kind', folder, kind, entities });
    }
    return out;
  };

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) {
        await corpus.ensure();
        const folders = store.all().filter((f) => f.engine.entities.length > 0);
        return folders.length === 1 ? kindsOf(folders[0]) : folders.map((folder) => ({ type: 'folder', folder }) as Node);
      }
      switch (node.type) {
        case 'folder':
          return kindsOf(node.folder);
        case 'kind':
          return node.entities;
        case 'entity': {
          const bySpelling = new Map<string, MentionRef[]>();
          for (const ref of node.refs) {
            const text = ref.mention.text.normalize('NFC').replace(/\s+/g, ' ');
            if (!bySpelling.has(text)) bySpelling.set(text, []);
            bySpelling.get(text)!.push(ref);
          }
          return [...bySpelling]
            .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
            .map(([text, refs]) => ({ type: 'spelling', folder: node.folder, entityId: node.entityId, text, refs }) as Node);
        }
        case 'spelling': {
          const snippets = await snippetsOf(corpus, node.refs.map(({ file, mention }) => ({ file, start: mention.start, end: mention.end })));
          return node.refs.map((ref, i) => ({ type: 'mention', ref, snippet: snippets[i] }) as Node);
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
        case 'kind': {
          const item = new vscode.TreeItem(kindTitle(node.kind), vscode.TreeItemCollapsibleState.Expanded);
          item.description = String(node.entities.length);
          item.iconPath = new vscode.ThemeIcon(kindIcon(node.kind), new vscode.ThemeColor(kindColor(node.kind)));
          return item;
        }
        case 'entity': {
          const item = new vscode.TreeItem(node.entity.name, Collapsed);
          const files = new Set(node.refs.map((r) => r.file.uri.toString())).size;
          item.description = String(node.refs.length);
          item.tooltip = new vscode.MarkdownString(
            [`**${node.entity.name}**`, node.entity.description ?? '', files === 1 ? vscode.l10n.t('{0} mentions in 1 file', node.refs.length) : vscode.l10n.t('{0} mentions in {1} files', node.refs.length, files)]
              .filter(Boolean)
              .join('\n\n'),
          );
          item.iconPath = new vscode.ThemeIcon(kindIcon(node.entity.kind), new vscode.ThemeColor(kindColor(node.entity.kind)));
          item.contextValue = 'entity';
          item.id = `${node.folder.folder.uri.toString()}#${node.entityId}`;
          return item;
        }
        case 'spelling': {
          const item = new vscode.TreeItem(node.text, Collapsed);
          item.description = String(node.refs.length);
          item.iconPath = new vscode.ThemeIcon('symbol-text');
          return item;
        }
        case 'mention': {
          const { file, mention } = node.ref;
          return placeItem({ file, start: mention.start, end: mention.end }, node.snippet);
        }
      }
    },
  };

  const view = vscode.window.createTreeView(Views.entities, { treeDataProvider: provider, showCollapseAll: true });
  const refresh = (): void => work.debounce('view:entities', 150, () => changed.fire(undefined));
  const subscriptions = vscode.Disposable.from(view, changed, corpus.onDidChange(refresh), store.onDidChange(refresh));
  return {
    snapshot: () => snapshotTree(provider),
    dispose: () => subscriptions.dispose(),
  };
}

function kindTitle(kind: EntityKind): string {
  return kind === 'person' ? vscode.l10n.t('People') : kind === 'body' ? vscode.l10n.t('Bodies') : vscode.l10n.t('Places');
}
