/**
 * Completion of canonical names in articles: the words typed before the cursor
 * ("tran th", "Tran Th", an alias or an other name) offer the glossary's entities by
 * their canonical spelling, with kind, country and description; accepting one
 * replaces the typed words. Only in the files Glossa checks, never in the YAML.
 */
import * as vscode from 'vscode';
import { createNameCompletion, fold, type Engine, type Entity, type NameCompletion, type NameCompletionHit } from '../../core';
import type { Deps } from '../deps';

/** Enough to choose from; the list is asked again as the user types. */
const LIMIT = 30;

/** One completion index per engine: built on first use after each glossary change, never per keystroke. */
const indexes = new WeakMap<Engine, NameCompletion>();

function indexOf(engine: Engine): NameCompletion {
  let index = indexes.get(engine);
  if (!index) indexes.set(engine, (index = createNameCompletion(engine.entities)));
  return index;
}

export function registerCompletion(deps: Deps): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      if (!deps.analyses.isCorpusDocument(document) || deps.filter.skipped().has(document.uri.toString())) return undefined;
      const config = deps.config.read(document.uri);
      if (!config.completion) return undefined;
      const folder = deps.store.folderOf(document.uri);
      if (!folder || folder.engine.entities.length === 0) return undefined;
      const before = document.lineAt(position.line).text.slice(0, position.character);
      const result = indexOf(folder.engine).complete(before, LIMIT);
      if (!result) return undefined;
      const range = new vscode.Range(position.line, result.start, position.line, position.character);
      const items = result.hits.map((hit, rank) => completionItem(hit, rank, result.typed, range, config.normalizeStyle === 'ascii'));
      // Always incomplete: which words the name replaces, and their folding, depend on the
      // whole typed text, which VS Code's own filter cannot redo.
      return new vscode.CompletionList(items, true);
    },
  };
  return vscode.languages.registerCompletionItemProvider({ scheme: '*', pattern: '**/*' }, provider);
}

function completionItem(hit: NameCompletionHit, rank: number, typed: string, range: vscode.Range, ascii: boolean): vscode.CompletionItem {
  const { entity } = hit;
  const name = ascii ? fold(entity.name) : entity.name;
  const item = new vscode.CompletionItem({ label: name, description: hit.matched !== entity.name ? hit.matched : undefined }, itemKind(entity));
  item.detail = [kindLabel(entity), entity.country].filter(Boolean).join(' · ');
  if (entity.description) item.documentation = new vscode.MarkdownString().appendText(entity.description);
  item.insertText = name;
  item.range = range;
  // VS Code filters with what was typed from the range's start: starting with exactly that
  // keeps every item, then the folded spelling lets its filter follow the next letters.
  item.filterText = `${typed} ${fold(hit.matched).toLowerCase()}`;
  item.sortText = String(rank).padStart(4, '0');
  return item;
}

function itemKind(entity: Entity): vscode.CompletionItemKind {
  return entity.kind === 'person' ? vscode.CompletionItemKind.User : entity.kind === 'body' ? vscode.CompletionItemKind.Module : vscode.CompletionItemKind.Reference;
}

function kindLabel(entity: Entity): string {
  return entity.kind === 'person' ? vscode.l10n.t('Person') : entity.kind === 'body' ? vscode.l10n.t('Body') : vscode.l10n.t('Place');
}
