/**
 * The analysis of each open corpus document, computed once per document
 * version and engine, and shared by every feature (highlighting, hovers,
 * diagnostics, navigation).
 */
import * as vscode from 'vscode';
import { LineIndex, type Analysis, type CheckedNumber, type NumberKind } from '../core';
import { readConfig } from './config';
import type { CorpusFilter } from './corpusFilter';
import type { FolderGlossary, GlossaryStore } from './glossaryStore';

export interface DocumentAnalysis {
  readonly uri: vscode.Uri;
  /** The document version analysed (undefined for a file read from disk). */
  readonly version: number | undefined;
  readonly folder: FolderGlossary;
  /** The engine generation used. */
  readonly generation: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** Mentions, and the numbers that are claims (ignored kinds left out). */
  readonly analysis: Analysis;
  /** Milliseconds the engine took. */
  readonly ms: number;
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly analyzed = new vscode.EventEmitter<DocumentAnalysis>();
  /** Fires with every new analysis of an open document. */
  readonly onDidAnalyze = this.analyzed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly filter: CorpusFilter,
  ) {
    this.subscriptions = [
      this.analyzed,
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('glossa')) this.cache.clear();
      }),
    ];
  }

  /** Is the document one Glossa annotates (a corpus file in a folder, not too big)? */
  isCorpusDocument(document: vscode.TextDocument): boolean {
    return this.filter.includes(document.uri) && this.store.folderOf(document.uri) !== undefined;
  }

  /** The analysis of the document as it is now, or undefined when Glossa leaves it alone. */
  get(document: vscode.TextDocument, notifySkip = true): DocumentAnalysis | undefined {
    const key = document.uri.toString();
    const folder = this.store.folderOf(document.uri);
    if (!folder || !this.filter.includes(document.uri)) return undefined;
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === folder.generation && cached.folder === folder) return cached;
    const text = document.getText();
    if (this.filter.tooBig(document.uri, text, notifySkip)) {
      this.cache.delete(key);
      return undefined;
    }
    const result = analyzeText(document.uri, document.version, text, folder);
    this.cache.set(key, result);
    this.analyzed.fire(result);
    return result;
  }

  /** The last analysis computed for `uri`, whatever its version. */
  peek(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.cache.get(uri.toString());
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Analyses `text` with the folder's engine; numbers of ignored kinds are left out. */
export function analyzeText(uri: vscode.Uri, version: number | undefined, text: string, folder: FolderGlossary): DocumentAnalysis {
  const started = performance.now();
  const raw = folder.engine.analyze(text);
  const ignored = readConfig(uri).ignoredNumbers;
  const analysis: Analysis = { mentions: raw.mentions, numbers: raw.numbers.filter((n) => isClaim(n, ignored)) };
  const ms = performance.now() - started;
  return { uri, version, folder, generation: folder.generation, text, lines: new LineIndex(text), analysis, ms };
}

function isClaim(n: CheckedNumber, ignored: ReadonlySet<NumberKind>): boolean {
  return n.status !== 'ignored' && !ignored.has(n.kind);
}

/** The index of the item whose `[start, end)` holds `offset` (end inclusive), in a sorted list; -1 if none. */
export function itemAt<T extends { start: number; end: number }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (offset < item.start) hi = mid - 1;
    else if (offset > item.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
