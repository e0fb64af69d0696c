/**
 * The analysis of each open corpus document, computed once per document
 * version and engine, and shared by every feature (highlighting, hovers,
 * diagnostics, navigation).
 */
import * as vscode from 'vscode';
import { LineIndex, textFormatOf, type Analysis, type CheckedNumber } from '../core';
import { readConfig } from './config';
import type { CorpusFilter } from './corpusFilter';
import type { FolderGlossary, GlossaryStore } from './glossaryStore';
import { mergeWindows, reanalyze, type ChangeWindow } from './incremental';
import type { Work } from './work';

/** How long after an inexact incremental analysis the whole document is analysed again. */
const REFINE_MS = 400;

export interface DocumentAnalysis {
  readonly uri: vscode.Uri;
  /** The document version analysed (undefined for a file read from disk). */
  readonly version: number | undefined;
  readonly folder: FolderGlossary;
  /** The engine generation used. */
  readonly generation: number;
  readonly text: string;
  /** Offsets to positions (built on first use). */
  readonly lines: LineIndex;
  /** Mentions, and the numbers that are claims (ignored kinds left out). */
  readonly analysis: Analysis;
  /** Milliseconds the engine took. */
  readonly ms: number;
  /** Milliseconds spent getting the document's text. */
  readonly textMs?: number;
  /** True when only the paragraphs around an edit were analysed again. */
  readonly incremental?: boolean;
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly analyzed = new vscode.EventEmitter<DocumentAnalysis>();
  private readonly refined = new vscode.EventEmitter<vscode.TextDocument>();
  /** What changed in each document since its cached analysis. */
  private readonly windows = new Map<string, { fromVersion: number; toVersion: number; window: ChangeWindow | undefined; text: string }>();
  /** Fires with every new analysis of an open document. */
  readonly onDidAnalyze = this.analyzed.event;
  /** Fires when a document's analysis was corrected by a full analysis after an inexact incremental one. */
  readonly onDidRefine = this.refined.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly filter: CorpusFilter,
    private readonly work: Work,
  ) {
    this.subscriptions = [
      this.analyzed,
      this.refined,
      vscode.workspace.onDidChangeTextDocument((e) => this.track(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.windows.delete(d.uri.toString());
      }),
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
    const started = performance.now();
    const text = this.textOf(document);
    const textMs = performance.now() - started;
    if (this.filter.tooBig(document.uri, text, notifySkip)) {
      this.cache.delete(key);
      return undefined;
    }
    const result = this.incremental(document, text, folder, cached, textMs) ?? analyzeText(document.uri, document.version, text, folder, textMs);
    this.windows.delete(key);
    this.cache.set(key, result);
    this.analyzed.fire(result);
    return result;
  }

  /** Records what an edit changed, so the next analysis can redo only that part. */
  private track(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === undefined) return;
    let entry = this.windows.get(key);
    if (!entry || entry.fromVersion !== cached.version) entry = { fromVersion: cached.version, toVersion: cached.version, window: undefined, text: cached.text };
    if (entry.toVersion !== e.document.version - 1) {
      this.windows.delete(key); // An event was missed: analyse the whole text next time.
      return;
    }
    // Changes of one event apply one after the other, as the extension host applies them. The
    // text is kept up to date the same way: string concatenation is cheap in V8, where
    // document.getText() joins every line of a long document on each keystroke.
    for (const c of e.contentChanges) {
      entry.window = mergeWindows(entry.window, { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newEnd: c.rangeOffset + c.text.length });
      entry.text = entry.text.slice(0, c.rangeOffset) + c.text + entry.text.slice(c.rangeOffset + c.rangeLength);
    }
    entry.toVersion = e.document.version;
    this.windows.set(key, entry);
  }

  /** The document's text: from the edits since the last analysis when they are known, else from the document. */
  private textOf(document: vscode.TextDocument): string {
    const entry = this.windows.get(document.uri.toString());
    if (entry && entry.toVersion === document.version) {
      // A cheap check that the edits were applied right: the length (offsetAt is a lookup, not a copy).
      const end = document.lineAt(document.lineCount - 1).range.end;
      if (entry.text.length === document.offsetAt(end)) return entry.text;
      this.windows.delete(document.uri.toString());
    }
    return document.getText();
  }

  /** Re-analyses only the paragraphs around the edits since the cached analysis, when that is possible. */
  private incremental(document: vscode.TextDocument, text: string, folder: FolderGlossary, cached: DocumentAnalysis | undefined, textMs: number): DocumentAnalysis | undefined {
    const key = document.uri.toString();
    const entry = this.windows.get(key);
    if (!cached || !entry?.window || cached.generation !== folder.generation || cached.folder !== folder) return undefined;
    if (entry.fromVersion !== cached.version || entry.toVersion !== document.version) return undefined;
    const started = performance.now();
    const ignored = readConfig(document.uri).ignoredNumbers;
    const result = reanalyze(folder.engine, cached.analysis, text, entry.window, isClaim, ignored, { format: textFormatOf(document.uri.path), previousText: cached.text });
    if (!result) return undefined;
    if (!result.exact) {
      // A name was typed or removed: later short forms may now resolve differently.
      this.work.debounce(`analysis:refine:${key}`, REFINE_MS, () => {
        if (document.isClosed || this.cache.get(key)?.incremental !== true) return;
        this.cache.delete(key);
        if (this.get(document)) this.refined.fire(document);
      });
    }
    return makeAnalysis(document.uri, document.version, text, folder, result.analysis, performance.now() - started, true, textMs);
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
export function analyzeText(uri: vscode.Uri, version: number | undefined, text: string, folder: FolderGlossary, textMs = 0): DocumentAnalysis {
  const started = performance.now();
  const raw = folder.engine.analyze(text, { ignoreNumberKinds: readConfig(uri).ignoredNumbers, format: textFormatOf(uri.path) });
  const analysis: Analysis = { mentions: raw.mentions, numbers: raw.numbers.filter(isClaim) };
  return makeAnalysis(uri, version, text, folder, analysis, performance.now() - started, false, textMs);
}

function makeAnalysis(uri: vscode.Uri, version: number | undefined, text: string, folder: FolderGlossary, analysis: Analysis, ms: number, incremental: boolean, textMs: number): DocumentAnalysis {
  let lines: LineIndex | undefined;
  return {
    uri,
    version,
    folder,
    generation: folder.generation,
    text,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    analysis,
    ms,
    incremental,
    textMs,
  };
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

/** The numbers the editor shows: claims, not the kinds the settings ignore. */
function isClaim(n: CheckedNumber): boolean {
  return n.status !== 'ignored';
}
