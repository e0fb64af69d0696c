import * as vscode from 'vscode';

/** A tree as the user sees it: labels, descriptions and children, as plain data. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  children?: TreeSnapshot[];
}

/** Walks a tree data provider as the tree view would, expanding everything. */
export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<TreeSnapshot[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  const out: TreeSnapshot[] = [];
  for (const child of children) {
    const item = await provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const node: TreeSnapshot = { label };
    if (typeof item.description === 'string') node.description = item.description;
    if (item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      node.children = await snapshotTree(provider, child);
    }
    out.push(node);
  }
  return out;
}
