/**
 * The Outline of an article: the entities it mentions, in order of first
 * mention, each with its mentions as children. Made once per analysis: the
 * Outline, the breadcrumbs and sticky scroll may each ask for the same version,
 * and a 1 MB article has thousands of mentions.
 */
import * as vscode from 'vscode';
import { symbolKind, toRange } from '../convert';
import type { Deps } from '../deps';
import type { FileAnalysis } from '../services/documentAnalyses';

export function registerDocumentSymbols(deps: Deps): vscode.Disposable {
  const made = new WeakMap<FileAnalysis, vscode.DocumentSymbol[]>();
  const provider: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(document) {
      const analysis = deps.analyses.get(document);
      if (!analysis) return undefined;
      let symbols = made.get(analysis);
      if (!symbols) made.set(analysis, (symbols = outline(analysis)));
      return symbols;
    },
  };
  return vscode.languages.registerDocumentSymbolProvider({ pattern: '**/*' }, provider, { label: 'Glossa' });
}

function outline(analysis: FileAnalysis): vscode.DocumentSymbol[] {
  const { engine } = analysis.folder;
  const byEntity = new Map<string, { first: vscode.Range; last: vscode.Range; children: vscode.DocumentSymbol[] }>();
  // A name is often written the same way, and several times on a line: each label made once.
  const written = new Map<string, string>();
  const lineLabels = new Map<number, string>();
  for (const mention of analysis.analysis.mentions) {
    if (!engine.entity(mention.entityId)) continue;
    const range = toRange(analysis.lines, mention.start, mention.end);
    let entry = byEntity.get(mention.entityId);
    if (!entry) byEntity.set(mention.entityId, (entry = { first: range, last: range, children: [] }));
    entry.last = range;
    let name = written.get(mention.text);
    if (name === undefined) written.set(mention.text, (name = mention.text.replace(/\s+/g, ' ')));
    const line = range.start.line;
    let label = lineLabels.get(line);
    if (label === undefined) lineLabels.set(line, (label = vscode.l10n.t('line {0}', line + 1)));
    entry.children.push(new vscode.DocumentSymbol(name, label, vscode.SymbolKind.String, range, range));
  }
  const symbols: vscode.DocumentSymbol[] = [];
  for (const [entityId, { first, last, children }] of byEntity) {
    const entity = engine.entity(entityId)!;
    const n = children.length;
    const detail = n === 1 ? vscode.l10n.t('{0} · 1 mention', entity.kind) : vscode.l10n.t('{0} · {1} mentions', entity.kind, n);
    // The entity's range runs from its first to its last mention (mentions come in text order), so the breadcrumbs follow the cursor.
    const symbol = new vscode.DocumentSymbol(entity.name, detail, symbolKind(entity.kind), new vscode.Range(first.start, last.end), first);
    symbol.children = children;
    symbols.push(symbol);
  }
  return symbols;
}
