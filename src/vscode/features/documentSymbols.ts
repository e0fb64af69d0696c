/**
 * The Outline of an article: the entities it mentions, in order of first
 * mention, each with its mentions as children.
 */
import * as vscode from 'vscode';
import { symbolKind, toRange } from '../convert';
import type { Deps } from '../deps';

export function registerDocumentSymbols(deps: Deps): vscode.Disposable {
  const provider: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(document) {
      const analysis = deps.analyses.get(document);
      if (!analysis) return undefined;
      const { engine } = analysis.folder;
      const byEntity = new Map<string, vscode.DocumentSymbol>();
      for (const mention of analysis.analysis.mentions) {
        const entity = engine.entity(mention.entityId);
        if (!entity) continue;
        const range = toRange(analysis.lines, mention.start, mention.end);
        let symbol = byEntity.get(entity.id);
        if (!symbol) {
          symbol = new vscode.DocumentSymbol(entity.name, entity.kind, symbolKind(entity.kind), range, range);
          byEntity.set(entity.id, symbol);
        }
        // The entity's range runs from its first to its last mention, so the breadcrumbs follow the cursor.
        symbol.range = symbol.range.union(range);
        const written = mention.text.replace(/\s+/g, ' ');
        symbol.children.push(new vscode.DocumentSymbol(written, vscode.l10n.t('line {0}', range.start.line + 1), vscode.SymbolKind.String, range, range));
      }
      for (const symbol of byEntity.values()) {
        const n = symbol.children.length;
        symbol.detail = n === 1 ? vscode.l10n.t('{0} · 1 mention', symbol.detail) : vscode.l10n.t('{0} · {1} mentions', symbol.detail, n);
      }
      return [...byEntity.values()];
    },
  };
  return vscode.languages.registerDocumentSymbolProvider({ pattern: '**/*' }, provider, { label: 'Glossa' });
}
