/**
 * The analysis pipeline: the one owner of the analyses of open corpus documents.
 * It alone listens to their opening and editing, debounces the edits (one timer
 * per document), re-analyses only the paragraphs around them, and fires
 * `onDidAnalyze` once per analysis it makes. Highlighting, diagnostics, the corpus
 * index and the status bar subscribe; a glossary or settings change re-analyses the
 * open documents through the same event. Reading an analysis (`get`, `peek`)
 * computes it when needed and caches it, and has no other effect. Each analysis
 * carries its discovery (possible variants, unknown names): after an edit it is
 * found again in the same paragraphs as the mentions, else on first read.
 */
import * as vscode from 'vscode';
import { discoverFully, LineIndex, mergeWindows, reanalyze, rediscover, textFormatOf, type Analysis, type ChangeWindow, type Discovery, type DiscoveryLevels, type DiscoveryState, type NumberKind } from '../../core';
import { Disposable } from '../disposable';
import { PackedAnalysis, type StringIds } from './packedAnalysis';
import type { Config } from './config';
import type { CorpusFilter } from './corpusFilter';
import type { FolderGlossary, GlossaryStore } from './glossaryStore';
import type { Work } from './work';
import { analyzeClaims, analyzeForIndex, isClaim, type DiscoveryNeed } from './indexedFile';
import { utf8Delta, utf8Size } from './utf8Length';

/** Quiet time after a keystroke before the document is analysed again. */
const EDIT_DEBOUNCE_MS = 75;
/**
 * Quiet time after an edit's analysis before the document counts as settled:
 * then an inexact incremental analysis is redone in full (`refine`), or the
 * analysis is announced again as `settle` for the views that need not follow
 * every burst (diagnostics: 300 ms after the last keystroke).
 */
const SETTLE_MS = 225;

/**
 * The analysis of a corpus file. An open document's (a `DocumentAnalysis`) holds
 * its text; a file the corpus index read from disk does not: the index keeps
 * per-file results, not the whole corpus's text (`CorpusIndex.textOf` reads it
 * again when a view needs a snippet).
 */
export interface FileAnalysis {
  readonly uri: vscode.Uri;
  /** The document version analysed (undefined for a file read from disk). */
  readonly version: number | undefined;
  readonly folder: FolderGlossary;
  /** The engine generation used. */
  readonly generation: number;
  /** The text analysed, while an editor holds it. */
  readonly text?: string;
  /** The length of the text analysed. */
  readonly length: number;
  /** Offsets to positions. */
  readonly lines: LineIndex;
  /** Mentions, and the numbers that are claims (ignored kinds left out). */
  readonly analysis: Analysis;
  /** Milliseconds the engine took. */
  readonly ms: number;
  /** Milliseconds spent getting the document's text. */
  readonly textMs?: number;
  /** True when only the paragraphs around an edit were analysed again. */
  readonly incremental?: boolean;
  /** True when mentions after the edit may resolve differently: a full analysis follows. */
  readonly inexact?: boolean;
  /** Counts the analyses of this window, so that a view can say which one it shows. */
  readonly serial: number;
  /**
   * Possible variants and unknown names (DESIGN.md, Discovery), judged by this
   * file's own words: an open document's on first read (after an edit, found again
   * in the paragraphs the analysis read again); a file read from disk's as it is
   * read, unless every discovery finding is turned off (then undefined).
   */
  readonly discovery: Discovery | undefined;
  /** For a file read from disk: what of its discovery was kept (see `discoveryNeed`). */
  readonly discoveryMade?: DiscoveryNeed;
}

/** The analysis of an open document (or of a text in hand): its text comes with it. */
export interface DocumentAnalysis extends FileAnalysis {
  readonly text: string;
  /** Offsets to positions (built on first use). */
  readonly lines: LineIndex;
  readonly discovery: Discovery;
  /** The discovery with the statistics the next edit builds on, once made (undefined before `discovery` is read). */
  readonly discoveryState: DiscoveryState | undefined;
  /**
   * For an analysis made from the previous one around an edit: that one's version, and what changed since (offsets
   * before `window.start` are the same in both texts, those from `window.oldEnd` on moved by `newEnd - oldEnd`).
   */
  readonly changedFrom?: { readonly version: number; readonly window: ChangeWindow };
}

/**
 * Why a document was analysed: opened, edited (once per burst of keystrokes),
 * refined (a full analysis after an inexact one), settled (the edit's analysis
 * again, once the document stays quiet), the glossary or the settings changed.
 */
export type AnalysisCause = 'open' | 'edit' | 'refine' | 'settle' | 'glossary' | 'settings';

/** One analysis of an open document, as the pipeline announces it. */
export interface AnalysisEvent {
  readonly document: vscode.TextDocument;
  /** Undefined when Glossa leaves the document alone now (not a corpus file, or too big). */
  readonly analysis: DocumentAnalysis | undefined;
  readonly cause: AnalysisCause;
  /** `performance.now()` of what started it: the open event, or the first keystroke not analysed before. */
  readonly since: number;
}

/** An analysis the pipeline computed, for tests that count them. */
export interface ComputedAnalysis {
  serial: number;
  version: number | undefined;
  incremental: boolean;
}

let serials = 0;

export class DocumentAnalyses extends Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly analyzed = this._register(new vscode.EventEmitter<AnalysisEvent>());
  /** What changed in each document since its cached analysis. */
  private readonly windows = new Map<string, { fromVersion: number; toVersion: number; window: ChangeWindow | undefined; text: string; bytes: number | undefined }>();
  /** The UTF-8 length of each document's text at its cached analysis (for the size limit): kept up to date from the edits, not counted on every keystroke. */
  private readonly sizes = new Map<string, { version: number; bytes: number }>();
  /** When the first change not analysed yet happened, per document. */
  private readonly changedAt = new Map<string, number>();
  /** The analyses computed per open document (the last few), for tests. */
  private readonly computed = new Map<string, ComputedAnalysis[]>();
  /** Fires once for each analysis the pipeline makes of an open document (none for reads). */
  readonly onDidAnalyze = this.analyzed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly filter: CorpusFilter,
    private readonly config: Config,
    private readonly work: Work,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.onOpen(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.cache.delete(key);
        this.windows.delete(key);
        this.sizes.delete(key);
        this.changedAt.delete(key);
        this.computed.delete(key);
      }),
    );
    this._register(
      config.onDidChange(() => {
        this.cache.clear();
        this.work.debounce('analysis:settings', 0, () => this.announceAll('settings'));
      }),
    );
    this._register(store.onDidChange((folder) => this.work.debounce(`analysis:glossary:${folder.folder.uri.toString()}`, 0, () => this.announceAll('glossary', folder))));
    // Discovery's index of the glossary's spellings, built as part of loading the glossary rather than on the first document opened.
    this._register(
      store.onDidChange((folder) =>
        this.work.debounce(`analysis:discovery-index:${folder.folder.uri.toString()}`, 0, () => {
          const { levels } = this.config.read(folder.folder.uri);
          if (levels.possibleVariant !== 'off' || levels.shortWordVariant !== 'off' || levels.unknownName !== 'off') void folder.engine.discovery;
        }),
      ),
    );
  }

  /** Is the document one Glossa annotates (a corpus file in a folder, not too big)? */
  isCorpusDocument(document: vscode.TextDocument): boolean {
    return this.filter.includes(document.uri) && this.store.folderOf(document.uri) !== undefined;
  }

  /** The analysis of the document as it is now (computed if need be), or undefined when Glossa leaves it alone. */
  get(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const key = document.uri.toString();
    const folder = this.store.folderOf(document.uri);
    if (!folder || !this.filter.includes(document.uri)) return undefined;
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === folder.generation && cached.folder === folder) return cached;
    const started = performance.now();
    const text = this.textOf(document);
    // The size in bytes: counted once, then kept from the edits; not counted when there is no limit, or when the
    // length in UTF-16 code units is over it already (a huge file stays cheap to skip).
    const entry = this.windows.get(key);
    const limit = this.filter.limit(document.uri);
    const known = entry?.toVersion === document.version ? entry.bytes : undefined;
    const bytes = known ?? (limit === 0 || text.length > limit ? undefined : utf8Size(text));
    // The text and its size, as the keystroke figure counts them.
    const textMs = performance.now() - started;
    if (this.filter.oversize(document.uri, bytes ?? text) !== undefined) {
      this.cache.delete(key);
      this.sizes.delete(key);
      return undefined;
    }
    if (bytes === undefined) this.sizes.delete(key);
    else this.sizes.set(key, { version: document.version, bytes });
    const result = this.incremental(document, text, folder, cached, textMs) ?? analyzeText(document.uri, document.version, text, folder, this.config.read(document.uri).ignoredNumbers, textMs);
    this.windows.delete(key);
    this.cache.set(key, result);
    let computed = this.computed.get(key);
    if (!computed) this.computed.set(key, (computed = []));
    computed.push({ serial: result.serial, version: result.version, incremental: result.incremental === true });
    if (computed.length > 100) computed.shift();
    return result;
  }

  /** The last analysis computed for `uri`, whatever its version. */
  peek(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.cache.get(uri.toString());
  }

  /** The analyses computed for an open document (the last hundred), oldest first. */
  history(uri: vscode.Uri): readonly ComputedAnalysis[] {
    return this.computed.get(uri.toString()) ?? [];
  }

  /** Analyses the document and tells every subscriber; the one place that records a skipped file and tells the user. */
  private announce(document: vscode.TextDocument, cause: AnalysisCause, since: number): void {
    if (document.isClosed || !this.isCorpusDocument(document)) return;
    const key = document.uri.toString();
    this.changedAt.delete(key);
    if (cause === 'refine' && this.cache.get(key)?.inexact === true) this.cache.delete(key);
    const analysis = this.get(document);
    if (!analysis) {
      const bytes = this.filter.oversize(document.uri, this.textOf(document));
      this.filter.noteSize(document.uri, bytes);
      if (bytes !== undefined) this.filter.notice(document.uri, bytes);
    } else {
      this.filter.noteSize(document.uri, undefined);
      // A name was typed or removed: later short forms may now resolve differently.
      if (analysis.inexact) this.work.debounce(`analysis:${key}`, SETTLE_MS, () => this.announce(document, 'refine', since));
      else if (cause === 'edit') this.work.debounce(`analysis:${key}`, SETTLE_MS, () => this.settle(document, analysis, since));
    }
    this.analyzed.fire({ document, analysis, cause, since });
    // After an edit, discovery is made once the highlights are drawn (the diagnostics and hovers read it), so that the next
    // edit builds on it.
    if (analysis && cause === 'edit' && wantsDiscovery(this.config.read(document.uri).levels)) setTimeout(() => void analysis.discovery, 0);
  }

  /** Announces the edit's analysis again once the document stayed quiet, unless it changed meanwhile. */
  private settle(document: vscode.TextDocument, analysis: DocumentAnalysis, since: number): void {
    if (document.isClosed || this.cache.get(document.uri.toString()) !== analysis || analysis.version !== document.version) return;
    this.analyzed.fire({ document, analysis, cause: 'settle', since });
  }

  /** Analyses every open corpus document again (of one folder, or all), after the glossary or the settings changed. */
  private announceAll(cause: AnalysisCause, folder?: FolderGlossary): void {
    const since = performance.now();
    for (const document of vscode.workspace.textDocuments) {
      if (folder && this.store.folderOf(document.uri) !== folder) continue;
      if (this.isCorpusDocument(document)) this.announce(document, cause, since);
      else if (this.cache.delete(document.uri.toString())) this.analyzed.fire({ document, analysis: undefined, cause, since });
    }
  }

  /** Analyses a corpus document at once when it opens; the open figure runs from here, as the user waits from here. */
  private onOpen(document: vscode.TextDocument): void {
    if (this.isCorpusDocument(document)) this.announce(document, 'open', performance.now());
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.isCorpusDocument(e.document)) return;
    this.track(e);
    const key = e.document.uri.toString();
    if (!this.changedAt.has(key)) this.changedAt.set(key, performance.now());
    // VS Code moves the existing decorations and diagnostics with the text meanwhile.
    this.work.debounce(`analysis:${key}`, EDIT_DEBOUNCE_MS, () => this.announce(e.document, 'edit', this.changedAt.get(key) ?? performance.now()));
  }

  /** Records what an edit changed, so the next analysis can redo only that part. */
  private track(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === undefined) return;
    let entry = this.windows.get(key);
    if (!entry || entry.fromVersion !== cached.version) {
      const size = this.sizes.get(key);
      entry = { fromVersion: cached.version, toVersion: cached.version, window: undefined, text: cached.text, bytes: size?.version === cached.version ? size.bytes : undefined };
    }
    if (entry.toVersion !== e.document.version - 1) {
      this.windows.delete(key); // An event was missed: analyse the whole text next time.
      return;
    }
    // Changes of one event apply one after the other, as the extension host applies them. The
    // text is kept up to date the same way: string concatenation is cheap in V8, where
    // document.getText() joins every line of a long document on each keystroke.
    for (const c of e.contentChanges) {
      const change = { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newEnd: c.rangeOffset + c.text.length };
      entry.window = mergeWindows(entry.window, change);
      const before = entry.text;
      entry.text = before.slice(0, c.rangeOffset) + c.text + before.slice(c.rangeOffset + c.rangeLength);
      if (entry.bytes !== undefined) entry.bytes += utf8Delta(before, entry.text, change.start, change.oldEnd, change.newEnd);
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
    const ignored = this.config.read(document.uri).ignoredNumbers;
    const format = textFormatOf(document.uri.path);
    const result = reanalyze(folder.engine, cached.analysis, text, entry.window, isClaim, ignored, { format, previousText: cached.text });
    if (!result) return undefined;
    // Discovery again in the same paragraphs, from the previous analysis's (else in full), when it is first read: not
    // before the highlights, which do not need it (`announce` has it made right after them).
    const delta = entry.window.newEnd - entry.window.oldEnd;
    const { region, analysis } = result;
    const rediscovered = result.exact
      ? (): DiscoveryState | undefined => {
          void cached.discovery; // The previous analysis's, made now if nobody read it.
          const previous = cached.discoveryState;
          const discovery = previous && rediscover(folder.engine, previous, cached.text, text, region, delta, analysis.mentions, format);
          return discovery?.exact ? discovery : undefined;
        }
      : undefined;
    const changedFrom = { version: entry.fromVersion, window: entry.window };
    return makeAnalysis(document.uri, document.version, text, folder, analysis, performance.now() - started, true, textMs, !result.exact, rediscovered, changedFrom);
  }
}

/** Analyses `text` with the folder's engine; numbers of the `ignored` kinds are left out. */
export function analyzeText(
  uri: vscode.Uri,
  version: number | undefined,
  text: string,
  folder: FolderGlossary,
  ignored: ReadonlySet<NumberKind>,
  textMs = 0,
): DocumentAnalysis {
  const started = performance.now();
  const analysis = analyzeClaims(folder.engine, text, textFormatOf(uri.path), ignored);
  return makeAnalysis(uri, version, text, folder, analysis, performance.now() - started, false, textMs);
}

/**
 * The analysis of a file read from disk, as the corpus index keeps it: positions
 * indexed now, mentions and claims packed (`PackedAnalysis`), and no reference to
 * the text left (the strings kept are copied through `ids`, one copy per distinct
 * string, since a substring would keep the whole text alive).
 */
export function analyzeFile(uri: vscode.Uri, text: string, folder: FolderGlossary, ignored: ReadonlySet<NumberKind>, ids: StringIds, need: DiscoveryNeed): FileAnalysis {
  const started = performance.now();
  const { analysis, discovery } = analyzeForIndex(folder.engine, text, textFormatOf(uri.path), ignored, need);
  return indexedEntry(uri, folder, folder.generation, text.length, new LineIndex(text), new PackedAnalysis(analysis, ids), discovery, need, ids, performance.now() - started);
}

/** The corpus index's entry of a file read from disk, from its analysis packed here or on a scan process. */
export function indexedEntry(
  uri: vscode.Uri,
  folder: FolderGlossary,
  generation: number,
  length: number,
  lines: LineIndex,
  analysis: PackedAnalysis,
  discovery: Discovery | undefined,
  need: DiscoveryNeed,
  ids: StringIds,
  ms: number,
): FileAnalysis {
  for (const v of discovery?.variants ?? []) v.text = ids.at(ids.id(v.text));
  for (const u of discovery?.unknownNames ?? []) u.text = ids.at(ids.id(u.text));
  return { uri, version: undefined, folder, generation, length, lines, analysis, discovery, discoveryMade: need, ms, serial: ++serials };
}

function makeAnalysis(
  uri: vscode.Uri,
  version: number | undefined,
  text: string,
  folder: FolderGlossary,
  analysis: Analysis,
  ms: number,
  incremental: boolean,
  textMs: number,
  inexact = false,
  discovered?: () => DiscoveryState | undefined,
  changedFrom?: DocumentAnalysis['changedFrom'],
): DocumentAnalysis {
  let lines: LineIndex | undefined;
  let state: DiscoveryState | undefined;
  let rediscover = discovered;
  return {
    uri,
    version,
    folder,
    generation: folder.generation,
    text,
    length: text.length,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    analysis,
    ms,
    incremental,
    inexact,
    textMs,
    serial: ++serials,
    changedFrom,
    get discovery() {
      if (!state && rediscover) {
        state = rediscover();
        rediscover = undefined; // Lets go of the previous analysis.
      }
      if (!state) {
        state = discoverFully(folder.engine, text, analysis.mentions, textFormatOf(uri.path));
        // Only an open document's next edit builds on the statistics: a file read from disk keeps none.
        if (version === undefined) state.stats = undefined;
      }
      return state.discovery;
    },
    get discoveryState() {
      return state;
    },
  };
}

/** Whether discovery is read at all: some discovery finding is not turned off. */
export function wantsDiscovery(levels: DiscoveryLevels): boolean {
  return levels.possibleVariant !== 'off' || levels.shortWordVariant !== 'off' || levels.unknownName !== 'off';
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

