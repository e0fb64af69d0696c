/**
 * The corpus index: every corpus file of the workspace, opened or not, with its
 * mentions and claims. Built lazily (the first feature that needs the whole
 * corpus starts the scan), read through `vscode.workspace.fs`, and kept up to
 * date from the open editors, file-system events and glossary changes.
 * References, mention counts, the views, the status bar and workspace-scope
 * diagnostics all read it. It also makes the corpus-wide list of names the
 * glossary lacks (`suggestions`), keeping each file's part of it (its word
 * statistics and its discovery) until the file's entry changes.
 */
import * as vscode from 'vscode';
import { mergeWordStats, newWordStats, sameDiscoveryWords, suggestEntities, textFormatOf, type CheckedNumber, type Discovery, type Mention, type PossibleVariant, type SuggestedEntity, type WordStats } from '../../core';
import type { Config } from './config';
import type { CorpusFilter } from './corpusFilter';
import { analyzeText, type DocumentAnalyses, type DocumentAnalysis } from './documentAnalyses';
import { noteCreated, noteDeleted, userDocument } from '../openDocuments';
import type { FolderGlossary, GlossaryStore } from './glossaryStore';
import { Disposable } from '../disposable';
import type { Work } from './work';

export interface ScanOptions {
  token?: vscode.CancellationToken;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
}

/** A change of the index: the files whose entry changed, or every file. */
export type CorpusChange = { uris: vscode.Uri[] } | 'all';

export interface MentionRef {
  file: DocumentAnalysis;
  mention: Mention;
}

export interface NumberRef {
  file: DocumentAnalysis;
  number: CheckedNumber;
}

/** Where a name discovery found is: a span of a file's entry. */
export interface NameRef {
  file: DocumentAnalysis;
  start: number;
  end: number;
}

/** The corpus-wide list of a folder (DESIGN.md, Discovery 3), as `glossa suggest` makes it. */
export interface CorpusSuggestions {
  folder: FolderGlossary;
  /** Most files first, then most occurrences. */
  candidates: SuggestedEntity<NameRef>[];
  /** The possible variants of known entities, in file and text order. */
  variants: { file: DocumentAnalysis; variant: PossibleVariant }[];
}

/** One file's part of the corpus-wide list, for the entry it was computed from. */
interface FileDiscovery {
  entry: DocumentAnalysis;
  words?: WordStats;
  discovery?: Discovery;
  /** The corpus's words the discovery was made with. */
  with?: WordStats;
}

export class CorpusIndex extends Disposable {
  private readonly entries = new Map<string, DocumentAnalysis>();
  /** Per file (by URI): its word statistics and its discovery with the folder's statistics, computed on demand. */
  private readonly discoveries = new Map<string, FileDiscovery>();
  /** Per folder (by URI): the statistics its files' discoveries were made with. */
  private readonly corpusWords = new Map<string, WordStats>();
  /** Per folder: the last list, and the file parts and words it was made of. */
  private readonly lastSuggestions = new Map<string, { parts: FileDiscovery[]; words: WordStats; list: CorpusSuggestions }>();
  /** Per folder: the list being made. */
  private readonly suggesting = new Map<string, Promise<CorpusSuggestions | undefined>>();
  private readonly changed = new vscode.EventEmitter<CorpusChange>();
  private readonly decoder = new TextDecoder();
  private watchers: vscode.Disposable[] = [];
  private scan: Promise<boolean> | undefined;
  private isComplete = false;
  private readonly pendingUris = new Map<string, vscode.Uri>();
  private pendingAll = false;
  /** Fires (debounced) after entries change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly analyses: DocumentAnalyses,
    private readonly filter: CorpusFilter,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
    private readonly work: Work,
  ) {
    super();
    this._register(
      vscode.Disposable.from(
      this.changed,
      this.store.onDidChange((folder) => this.onEngineChange(folder)),
      this.analyses.onDidAnalyze(({ analysis }) => {
        if (analysis && userDocument(analysis.uri)) this.update(analysis);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // The editor's text is gone; the file on disk is the truth again.
        if (this.entries.has(d.uri.toString())) this.refresh(d.uri);
      }),
      this.config.onDidChange((e) => {
        if (e.affectsConfiguration('glossa.include') || e.affectsConfiguration('glossa.exclude') || e.affectsConfiguration('glossa.maxFileSize') || e.affectsConfiguration('glossa.numbers')) {
          this.invalidate();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
    ),
    );
  }

  /** True once every corpus file has been read (and not invalidated since). */
  get complete(): boolean {
    return this.isComplete;
  }

  /** Scans the whole corpus unless done; resolves false when cancelled. */
  ensure(options: ScanOptions = {}): Promise<boolean> {
    if (this.isComplete) return Promise.resolve(true);
    if (!this.scan) {
      this.scan = this.work.track('scanning the corpus', this.runScan(options)).then((done) => {
        this.scan = undefined;
        return done ?? false;
      });
    }
    return this.scan;
  }

  /** Every indexed file. */
  files(): DocumentAnalysis[] {
    return [...this.entries.values()];
  }

  file(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.entries.get(uri.toString());
  }

  /** Every mention of the entity in the folder's corpus files, in file and text order. */
  mentionsOf(folder: FolderGlossary, entityId: string): MentionRef[] {
    const out: MentionRef[] = [];
    for (const file of this.sortedFiles(folder)) {
      for (const mention of file.analysis.mentions) if (mention.entityId === entityId) out.push({ file, mention });
    }
    return out;
  }

  /** The claims that the fact verifies or disputes, across the folder's files. */
  claimsOf(folder: FolderGlossary, factId: string): NumberRef[] {
    const out: NumberRef[] = [];
    for (const file of this.sortedFiles(folder)) {
      for (const number of file.analysis.numbers) {
        if (number.fact === factId && (number.status === 'verified' || number.status === 'disputed')) out.push({ file, number });
      }
    }
    return out;
  }

  /** The folder's files, sorted by path. */
  sortedFiles(folder?: FolderGlossary): DocumentAnalysis[] {
    return this.files()
      .filter((f) => !folder || f.folder === folder)
      .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  /**
   * The folder's corpus-wide list of names the glossary lacks, reading the whole
   * corpus first: each file's word statistics, merged, and each file's discovery
   * with them, grouped into candidates (the core's `suggestEntities`, as `glossa
   * suggest`). A file's part is computed when first asked for after its entry
   * changed, never on a keystroke; discoveries are made again only for the files
   * that changed, or for all when the merged statistics read differently. The
   * work yields to the extension host every 30 ms; one list per folder at a time.
   */
  suggestions(folder: FolderGlossary, token?: vscode.CancellationToken): Promise<CorpusSuggestions | undefined> {
    const key = folder.folder.uri.toString();
    const run = (): Promise<CorpusSuggestions | undefined> => this.makeSuggestions(folder, token);
    const next = (this.suggesting.get(key) ?? Promise.resolve(undefined)).then(run, run);
    this.suggesting.set(key, next);
    const done = (): void => {
      if (this.suggesting.get(key) === next) this.suggesting.delete(key);
    };
    next.then(done, done);
    return next;
  }

  private async makeSuggestions(folder: FolderGlossary, token?: vscode.CancellationToken): Promise<CorpusSuggestions | undefined> {
    if (!(await this.ensure({ token }))) return undefined;
    // One snapshot of the entries (each is immutable): a file that changes meanwhile fires a change, and a new list follows.
    const files = this.sortedFiles(folder);
    const parts = files.map((entry) => this.partOf(entry));
    const key = folder.folder.uri.toString();
    const started = performance.now();
    let lastYield = started;
    const pause = async (): Promise<boolean> => {
      if (performance.now() - lastYield > 30) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = performance.now();
      }
      return !token?.isCancellationRequested;
    };
    // Pass 1: each file's words, kept until its entry changes.
    for (let i = 0; i < files.length; i++) {
      parts[i].words ??= folder.engine.discoveryWords(files[i].text, textFormatOf(files[i].uri.path));
      if (!(await pause())) return undefined;
    }
    // The corpus's words: the previous ones while they read the same, so that the discoveries made with them stand.
    const merged = newWordStats();
    for (const part of parts) mergeWordStats(merged, part.words!);
    const previous = this.corpusWords.get(key);
    const words = previous && sameDiscoveryWords(previous, merged) ? previous : merged;
    this.corpusWords.set(key, words);
    // Pass 2: the discoveries missing, or made with other words.
    let discovered = 0;
    for (let i = 0; i < files.length; i++) {
      const part = parts[i];
      if (part.discovery === undefined || part.with !== words) {
        part.discovery = folder.engine.discover(files[i].text, files[i].analysis.mentions, words, textFormatOf(files[i].uri.path));
        part.with = words;
        discovered++;
      }
      if (!(await pause())) return undefined;
    }
    // Nothing changed since the last list (another folder's change, a view shown again): that list stands.
    const last = this.lastSuggestions.get(key);
    if (last && last.words === words && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i] && p.with === words)) return last.list;
    const result = suggestEntities<NameRef>(
      files.map((entry, i) => ({
        name: entry.uri.toString(),
        words: () => parts[i].words!,
        discover: () => parts[i].discovery!,
        locate: (start, end) => ({ file: entry, start, end }),
      })),
      folder.engine.entities.map((e) => e.id),
      words,
    );
    // Forget the parts of files no longer indexed.
    for (const uri of this.discoveries.keys()) if (!this.entries.has(uri)) this.discoveries.delete(uri);
    if (discovered > 0) {
      // A full list (the first, or new corpus words) at info; the one file of an edit at debug.
      const line = `Suggestions of "${folder.folder.name}": discovery in ${discovered} of ${files.length} file(s), ${result.candidates.length} candidate(s), in ${(performance.now() - started).toFixed(1)} ms`;
      if (discovered === files.length) this.log.info(line);
      else this.log.debug(line);
    }
    const variants: CorpusSuggestions['variants'] = [];
    result.discoveries.forEach(({ discovery }, i) => {
      for (const variant of discovery.variants) variants.push({ file: files[i], variant });
    });
    const list: CorpusSuggestions = { folder, candidates: result.candidates, variants };
    this.lastSuggestions.set(key, { parts, words, list });
    return list;
  }

  /** The file's part of the corpus-wide list, new when its entry changed. */
  private partOf(entry: DocumentAnalysis): FileDiscovery {
    const key = entry.uri.toString();
    let part = this.discoveries.get(key);
    if (part?.entry !== entry) this.discoveries.set(key, (part = { entry }));
    return part;
  }

  /** Takes the analysis of an open document as the file's entry (the editor's text wins over the disk). */
  update(analysis: DocumentAnalysis): void {
    const key = analysis.uri.toString();
    if (this.entries.get(key) === analysis) return;
    this.entries.set(key, analysis);
    this.fire([analysis.uri]);
  }

  /** Reads one file again (from its editor if open, else from disk). */
  refresh(uri: vscode.Uri): void {
    this.work.debounce(`corpus:${uri.toString()}`, 50, async () => {
      const changed = await this.index(uri);
      if (changed) this.fire([uri]);
    });
  }

  /** Forgets every entry and reads the corpus again. */
  rescan(options: ScanOptions = {}): Promise<boolean> {
    this.isComplete = false;
    this.entries.clear();
    this.discoveries.clear();
    this.lastSuggestions.clear();
    return this.ensure(options);
  }

  private invalidate(): void {
    const wasComplete = this.isComplete || this.entries.size > 0;
    this.isComplete = false;
    this.entries.clear();
    this.discoveries.clear();
    this.lastSuggestions.clear();
    this.fireAll();
    this.setUpWatchers();
    if (wasComplete) void this.ensure();
  }

  private onEngineChange(folder: FolderGlossary): void {
    // Re-analyse the texts already read with the new engine: no file is read again.
    let count = 0;
    const started = performance.now();
    for (const [key, entry] of this.entries) {
      if (entry.folder.folder.uri.toString() !== folder.folder.uri.toString() || entry.generation === folder.generation) continue;
      const open = userDocument(entry.uri);
      const next = open ? this.analyses.get(open) : analyzeText(entry.uri, undefined, entry.text, folder, this.config.read(entry.uri).ignoredNumbers);
      if (next) this.entries.set(key, next);
      else this.entries.delete(key);
      count++;
    }
    if (count > 0) {
      this.log.info(`Corpus index: re-analysed ${count} file(s) of "${folder.folder.name}" with the new glossary in ${(performance.now() - started).toFixed(1)} ms`);
      this.fireAll();
    }
  }

  private async runScan(options: ScanOptions): Promise<boolean> {
    const started = performance.now();
    this.setUpWatchers();
    const uris = await this.findCorpusFiles();
    const skipped: vscode.Uri[] = [];
    let bytes = 0;
    let lastYield = performance.now();
    const step = uris.length > 0 ? 100 / uris.length : 100;
    for (let i = 0; i < uris.length; i++) {
      if (options.token?.isCancellationRequested) {
        this.log.info(`Corpus scan cancelled after ${i} of ${uris.length} files`);
        this.fireAll();
        return false;
      }
      const uri = uris[i];
      options.progress?.report({ message: vscode.workspace.asRelativePath(uri), increment: step });
      const result = await this.index(uri);
      if (result === 'skipped') skipped.push(uri);
      else bytes += this.entries.get(uri.toString())?.text.length ?? 0;
      // Let the extension host breathe between files on a large corpus.
      if (performance.now() - lastYield > 30) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = performance.now();
      }
    }
    this.isComplete = true;
    const ms = performance.now() - started;
    let mentions = 0;
    let claims = 0;
    for (const e of this.entries.values()) {
      mentions += e.analysis.mentions.length;
      claims += e.analysis.numbers.length;
    }
    this.log.info(
      `Corpus scan: ${uris.length - skipped.length} files (${(bytes / 1024).toFixed(0)} K characters), ${mentions} mentions, ${claims} numbers to check, ` +
        `in ${ms.toFixed(0)} ms${skipped.length ? `; ${skipped.length} skipped for their size` : ''}`,
    );
    if (skipped.length > 0) this.filter.noticeScan(skipped);
    this.fireAll();
    return true;
  }

  /** Every corpus file of every folder, by the include and exclude globs. */
  private async findCorpusFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of this.store.all()) {
      const config = this.config.read(folder.folder.uri);
      for (const include of config.include) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder.folder, include))) {
          if (this.filter.includes(uri)) found.set(uri.toString(), uri);
        }
      }
    }
    return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Reads and analyses one file; true when its entry changed, 'skipped' when too big. */
  private async index(uri: vscode.Uri): Promise<boolean | 'skipped'> {
    const key = uri.toString();
    const folder = this.store.folderOf(uri);
    if (!folder || !this.filter.includes(uri)) return this.entries.delete(key);
    const open = userDocument(uri);
    if (open) {
      const analysis = this.analyses.get(open);
      if (!analysis) return this.entries.delete(key) ? true : 'skipped';
      this.entries.set(key, analysis);
      return true;
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (this.filter.tooBig(uri, stat.size)) {
        this.entries.delete(key);
        return 'skipped';
      }
      const text = this.decoder.decode(await vscode.workspace.fs.readFile(uri));
      this.entries.set(key, analyzeText(uri, undefined, text, folder, this.config.read(uri).ignoredNumbers));
      return true;
    } catch {
      return this.entries.delete(key); // Deleted or unreadable.
    }
  }

  /** Watches the corpus files on disk once the index exists. */
  private setUpWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of this.store.all()) {
      for (const include of this.config.read(folder.folder.uri).include) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.folder, include));
        const onEvent = (uri: vscode.Uri): void => {
          // An open document's entry follows the editor, not the disk.
          if (userDocument(uri)) return;
          if (this.isComplete || this.entries.has(uri.toString())) this.refresh(uri);
        };
        this.watchers.push(
          watcher,
          watcher.onDidCreate((uri) => {
            noteCreated(uri);
            onEvent(uri);
          }),
          watcher.onDidChange(onEvent),
          watcher.onDidDelete((uri) => {
            noteDeleted(uri);
            onEvent(uri);
          }),
        );
      }
      // A deleted folder is reported as the folder only: forget every file under it.
      const deletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.folder, '**'), true, true, false);
      this.watchers.push(
        deletions,
        deletions.onDidDelete((uri) => {
          noteDeleted(uri);
          const under = uri.toString().replace(/\/?$/, '/');
          const gone = [...this.entries.values()].filter((e) => e.uri.toString().startsWith(under)).map((e) => e.uri);
          for (const u of gone) this.entries.delete(u.toString());
          if (gone.length > 0) this.fire(gone);
        }),
      );
    }
  }

  private fire(uris: vscode.Uri[]): void {
    for (const uri of uris) this.pendingUris.set(uri.toString(), uri);
    this.scheduleChange(100);
  }

  private fireAll(): void {
    this.pendingAll = true;
    this.scheduleChange(0);
  }

  private scheduleChange(ms: number): void {
    this.work.debounce('corpus:changed', ms, () => {
      const change: CorpusChange = this.pendingAll ? 'all' : { uris: [...this.pendingUris.values()] };
      this.pendingAll = false;
      this.pendingUris.clear();
      this.changed.fire(change);
    });
  }

  override dispose(): void {
    for (const w of this.watchers) w.dispose();
    super.dispose();
  }
}
