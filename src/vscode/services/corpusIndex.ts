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
import { LineIndex, mergeWordStats, newWordStats, type DiscoveryLevels, sameDiscoveryWords, suggestEntities, textFormatOf, type CheckedNumber, type Discovery, type Mention, type PossibleVariant, type SuggestedEntity, type WordStats } from '../../core';
import type { Config } from './config';
import type { CorpusFilter } from './corpusFilter';
import { analyzeFile, indexedEntry, type DocumentAnalyses, type FileAnalysis } from './documentAnalyses';
import type { DiscoveryNeed } from './indexedFile';
import { ScanProcesses, scanProcessCount, ScanProcessesStopped, type ScanEngine } from './scanProcesses';
import type { ScannedFile } from './scanProcess';
import { noteCreated, noteDeleted, userDocument } from '../openDocuments';
import type { FolderGlossary, GlossaryStore } from './glossaryStore';
import { Disposable } from '../disposable';
import { PackedAnalysis, StringIds } from './packedAnalysis';
import type { Work } from './work';

/** How many files the scan reads ahead of the one it analyses. */
const READS_IN_FLIGHT = 16;

/**
 * What of discovery a file read from disk needs for its diagnostics: nothing when every
 * discovery finding is off; only the possible variants when unknown names are hints or
 * off (a hint shows only in an editor, and the open document has its own analysis).
 */
function discoveryNeed(levels: DiscoveryLevels): DiscoveryNeed {
  if (levels.unknownName !== 'off' && levels.unknownName !== 'hint') return 'all';
  return levels.possibleVariant !== 'off' || levels.shortWordVariant !== 'off' ? 'variants' : 'none';
}

const NEED_ORDER: Record<DiscoveryNeed, number> = { none: 0, variants: 1, all: 2 };

/** What a file whose text changed since its entry was made contributes to the suggestions until its new entry comes. */
const NO_WORDS = newWordStats();
const NO_DISCOVERY: Discovery = { variants: [], unknownNames: [] };

/** What `CorpusIndex.derived` makes of the entries of a folder. */
interface Derived {
  version: number;
  /** The changes of the set of files it was sorted at: an entry replaced keeps the order. */
  membership: number;
  files: FileAnalysis[];
  counts: Map<string, { mentions: number; files: number }>;
  /** What each file's counted mentions came from (by URI). */
  counted: Map<string, Counted>;
}

/**
 * The entry a file's mentions were counted from, by its serial, and its mentions' entities, to take
 * them away again when it changes: a packed entry as it is (it holds no text), an open document's as
 * a list (its analysis, text and all, is let go).
 */
interface Counted {
  serial: number;
  entityIds: PackedAnalysis | readonly string[];
}

function countedOf(file: FileAnalysis): Counted {
  const { analysis } = file;
  return { serial: file.serial, entityIds: analysis instanceof PackedAnalysis ? analysis : analysis.mentions.map((m) => m.entityId) };
}

/** A file's text, or its analysis from a scan process (with the engine generation and the discovery it was made with), or why there is none to analyse. */
type FileRead = string | { scanned: ScannedFile; generation: number; need: DiscoveryNeed } | 'open' | 'excluded' | 'too big' | 'unreadable';

export interface ScanOptions {
  token?: vscode.CancellationToken;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
}

/** A change of the index: the files whose entry changed, or every file. */
export type CorpusChange = { uris: vscode.Uri[] } | 'all';

export interface MentionRef {
  file: FileAnalysis;
  mention: Mention;
}

export interface NumberRef {
  file: FileAnalysis;
  number: CheckedNumber;
}

/** Where a name discovery found is: a span of a file's entry. */
export interface NameRef {
  file: FileAnalysis;
  start: number;
  end: number;
}

/** The corpus-wide list of a folder (DESIGN.md, Discovery 3), as `glossa suggest` makes it. */
export interface CorpusSuggestions {
  folder: FolderGlossary;
  /** Most files first, then most occurrences. */
  candidates: SuggestedEntity<NameRef>[];
  /** The possible variants of known entities, in file and text order. */
  variants: { file: FileAnalysis; variant: PossibleVariant }[];
}

/** One file's part of the corpus-wide list, for the entry it was computed from. */
interface FileDiscovery {
  entry: FileAnalysis;
  words?: WordStats;
  discovery?: Discovery;
  /** The corpus's words the discovery was made with. */
  with?: WordStats;
}

/** Adds (`sign` 1) or takes away (-1) a file's mentions, and the file, to the counts of each entity it mentions. */
function count(counts: Map<string, { mentions: number; files: number }>, { entityIds }: Counted, sign: 1 | -1): void {
  const packed = entityIds instanceof PackedAnalysis ? entityIds : undefined;
  const list = packed ? undefined : (entityIds as readonly string[]);
  const total = packed ? packed.mentionCount : list!.length;
  const inFile = new Set<string>();
  for (let i = 0; i < total; i++) {
    const entityId = packed ? packed.entityIdAt(i) : list![i];
    let c = counts.get(entityId);
    if (!c) counts.set(entityId, (c = { mentions: 0, files: 0 }));
    c.mentions += sign;
    if (!inFile.has(entityId)) {
      inFile.add(entityId);
      c.files += sign;
    }
  }
}

export class CorpusIndex extends Disposable {
  private readonly entries = new Map<string, FileAnalysis>();
  /** Counts the changes of `entries`: what is derived from them is made again after one. */
  private version = 0;
  /** Counts the changes of the set of files in `entries` (not of an entry replaced). */
  private membership = 0;
  private readonly derivedByFolder = new Map<string, Derived>();
  /** The strings the entries of files read from disk keep (spellings, numbers as written), one copy each. */
  private readonly ids = new StringIds();
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
  private scanStarted = 0;
  private isComplete = false;
  private readonly pendingUris = new Map<string, vscode.Uri>();
  private pendingAll = false;
  /** Per folder (by URI): its engine as the scan processes build it, for the generation in use. */
  private readonly scanEngines = new Map<string, ScanEngine>();
  /** Per folder (by URI): the pass re-analysing its files with a new glossary. */
  private readonly reanalyses = new Map<string, vscode.CancellationTokenSource>();
  /** The scan processes of the passes under way: stopped with the index. */
  private readonly pools = new Set<ScanProcesses>();
  /** Once a scan process failed, the index scans on its own thread for the rest of the session. */
  private scanProcessesFailed = false;
  /** Fires (debounced) after entries change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly analyses: DocumentAnalyses,
    private readonly filter: CorpusFilter,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
    private readonly work: Work,
    /** The scan processes' script (the bundled `scanProcess.ts`). */
    private readonly scanProcess: string,
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
        } else if (
          e.affectsConfiguration('glossa.diagnostics') &&
          this.files().some((f) => f.text === undefined && NEED_ORDER[f.discoveryMade ?? 'none'] < NEED_ORDER[discoveryNeed(this.config.read(f.uri).levels)])
        ) {
          // A discovery finding raised: the files read from disk before have less of their discovery than it needs.
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

  /**
   * Scans the whole corpus unless done; resolves false when cancelled. With
   * `withinMs`, resolves (false) after that long since the scan started if it
   * is still going: what a hover waits for before showing what it has.
   */
  ensure(options: ScanOptions = {}, withinMs?: number): Promise<boolean> {
    if (this.isComplete) return Promise.resolve(true);
    if (!this.scan) {
      this.scanStarted = performance.now();
      this.scan = this.work.track('scanning the corpus', this.runScan(options)).then((done) => {
        this.scan = undefined;
        return done ?? false;
      });
    }
    if (withinMs === undefined) return this.scan;
    const left = this.scanStarted + withinMs - performance.now();
    if (left <= 0) return Promise.resolve(false);
    return Promise.race([this.scan, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), left))]);
  }

  /** Every indexed file. */
  files(): FileAnalysis[] {
    return [...this.entries.values()];
  }

  file(uri: vscode.Uri): FileAnalysis | undefined {
    return this.entries.get(uri.toString());
  }

  /**
   * The text an entry was made from: an open document's own, or the file read again from
   * disk (undefined when it changed meanwhile: the index reads it again anyway).
   */
  async textOf(file: FileAnalysis): Promise<string | undefined> {
    if (file.text !== undefined) return file.text;
    // An entry without text was read from disk.
    try {
      const text = this.decoder.decode(await vscode.workspace.fs.readFile(file.uri));
      return text.length === file.length ? text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every mention of the entity in the folder's corpus files, in file and text order. */
  mentionsOf(folder: FolderGlossary, entityId: string): MentionRef[] {
    const out: MentionRef[] = [];
    for (const file of this.sortedFiles(folder)) {
      // A packed entry makes only the entity's mentions into objects.
      const mentions = file.analysis instanceof PackedAnalysis ? file.analysis.mentionsOf(entityId) : file.analysis.mentions.filter((m) => m.entityId === entityId);
      for (const mention of mentions) out.push({ file, mention });
    }
    return out;
  }

  /** The claims that the fact verifies or disputes, across the folder's files. */
  claimsOf(folder: FolderGlossary, factId: string): NumberRef[] {
    const out: NumberRef[] = [];
    for (const file of this.sortedFiles(folder)) {
      const numbers = file.analysis instanceof PackedAnalysis ? file.analysis.claimsOf(factId) : file.analysis.numbers;
      for (const number of numbers) {
        if (number.fact === factId && (number.status === 'verified' || number.status === 'disputed')) out.push({ file, number });
      }
    }
    return out;
  }

  /** The folder's files (every folder's without one), sorted by path. */
  sortedFiles(folder?: FolderGlossary): FileAnalysis[] {
    return this.derived(folder).files;
  }

  /** How many times the entity is mentioned in the folder's corpus files, and in how many files: what a hover card says. */
  mentionCount(folder: FolderGlossary, entityId: string): { mentions: number; files: number } {
    return this.derived(folder).counts.get(entityId) ?? { mentions: 0, files: 0 };
  }

  /**
   * What the views and hovers read of a folder's entries, brought up to date after a change of the
   * entries: the files sorted again only when files came or went, and the mention counts changed by
   * the files whose entry changed (a hover after a keystroke in a large corpus sorts and counts
   * nothing but the open document).
   */
  private derived(folder?: FolderGlossary): Derived {
    const key = folder ? folder.folder.uri.toString() : '';
    let derived = this.derivedByFolder.get(key);
    if (derived?.version === this.version) return derived;
    let files: FileAnalysis[];
    if (derived && derived.membership === this.membership) {
      files = derived.files.map((f) => this.entries.get(f.uri.toString())!);
    } else {
      files = this.files()
        .filter((f) => !folder || f.folder === folder)
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    }
    const counts = derived?.counts ?? new Map<string, { mentions: number; files: number }>();
    const counted = derived?.counted ?? new Map<string, Counted>();
    const present = new Set<string>();
    for (const file of files) {
      const uri = file.uri.toString();
      present.add(uri);
      const before = counted.get(uri);
      if (before?.serial === file.serial) continue;
      if (before) count(counts, before, -1);
      const now = countedOf(file);
      count(counts, now, 1);
      counted.set(uri, now);
    }
    for (const [uri, before] of counted) {
      if (present.has(uri)) continue;
      count(counts, before, -1);
      counted.delete(uri);
    }
    derived = { version: this.version, membership: this.membership, files, counts, counted };
    this.derivedByFolder.set(key, derived);
    return derived;
  }

  private setEntry(key: string, entry: FileAnalysis): void {
    if (!this.entries.has(key)) this.membership++;
    this.entries.set(key, entry);
    this.version++;
  }

  private deleteEntry(key: string): boolean {
    if (!this.entries.delete(key)) return false;
    this.membership++;
    this.version++;
    return true;
  }

  private clearEntries(): void {
    this.entries.clear();
    this.discoveries.clear();
    this.lastSuggestions.clear();
    this.ids.clear();
    this.derivedByFolder.clear();
    this.membership++;
    this.version++;
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

  private async makeSuggestions(folder: FolderGlossary, token?: vscode.CancellationToken, again = false): Promise<CorpusSuggestions | undefined> {
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
    // Pass 1: each file's words, kept until its entry changes (the text read again: the index keeps none of a file read from disk).
    // A file that changed on disk since its entry was made (its watcher event still on its way) is read again first.
    const changed: vscode.Uri[] = [];
    for await (const [i, text] of this.readAhead(files, (i) => parts[i].words === undefined)) {
      if (text !== undefined) parts[i].words = folder.engine.discoveryWords(text, textFormatOf(files[i].uri.path));
      else changed.push(files[i].uri);
      if (!(await pause())) return undefined;
    }
    if (changed.length > 0 && !again) {
      for (const uri of changed) await this.index(uri);
      this.fire(changed);
      return this.makeSuggestions(folder, token, true);
    }
    // The corpus's words: the previous ones while they read the same, so that the discoveries made with them stand.
    const merged = newWordStats();
    for (const part of parts) if (part.words) mergeWordStats(merged, part.words);
    const previous = this.corpusWords.get(key);
    const words = previous && sameDiscoveryWords(previous, merged) ? previous : merged;
    this.corpusWords.set(key, words);
    // Pass 2: the discoveries missing, or made with other words. A file whose text changed meanwhile has none: its new entry follows.
    let discovered = 0;
    for await (const [i, text] of this.readAhead(files, (i) => parts[i].discovery === undefined || parts[i].with !== words)) {
      const part = parts[i];
      part.discovery = text === undefined ? { variants: [], unknownNames: [] } : folder.engine.discover(text, files[i].analysis.mentions, words, textFormatOf(files[i].uri.path));
      part.with = text === undefined ? undefined : words;
      discovered++;
      if (!(await pause())) return undefined;
    }
    // Nothing changed since the last list (another folder's change, a view shown again): that list stands.
    const last = this.lastSuggestions.get(key);
    if (last && last.words === words && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i] && p.with === words)) return last.list;
    const result = suggestEntities<NameRef>(
      files.map((entry, i) => ({
        name: entry.uri.toString(),
        words: () => parts[i].words ?? NO_WORDS,
        discover: () => parts[i].discovery ?? NO_DISCOVERY,
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

  /** The texts of the files that `wanted` picks (by index), in order, several reads in flight. */
  private async *readAhead(files: readonly FileAnalysis[], wanted: (i: number) => boolean): AsyncGenerator<[number, string | undefined]> {
    const picked = files.map((_, i) => i).filter(wanted);
    const reads: (Promise<string | undefined> | undefined)[] = picked.slice(0, READS_IN_FLIGHT).map((i) => this.textOf(files[i]));
    for (let k = 0; k < picked.length; k++) {
      const text = await reads[k];
      reads[k] = undefined; // The texts are not kept: one file's at a time, and those in flight.
      if (k + READS_IN_FLIGHT < picked.length) reads.push(this.textOf(files[picked[k + READS_IN_FLIGHT]]));
      yield [picked[k], text];
    }
  }

  /** The file's part of the corpus-wide list, new when its entry changed. */
  private partOf(entry: FileAnalysis): FileDiscovery {
    const key = entry.uri.toString();
    let part = this.discoveries.get(key);
    if (part?.entry !== entry) this.discoveries.set(key, (part = { entry }));
    return part;
  }

  /** Takes the analysis of an open document as the file's entry (the editor's text wins over the disk). */
  update(analysis: FileAnalysis): void {
    const key = analysis.uri.toString();
    if (this.entries.get(key) === analysis) return;
    this.setEntry(key, analysis);
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
    this.clearEntries();
    return this.ensure(options);
  }

  private invalidate(): void {
    const wasComplete = this.isComplete || this.entries.size > 0;
    this.isComplete = false;
    this.clearEntries();
    this.fireAll();
    this.setUpWatchers();
    if (wasComplete) void this.ensure();
  }

  private onEngineChange(folder: FolderGlossary): void {
    // Analyse the folder's files again with the new engine: open documents from their editors, the others read again from disk.
    const key = folder.folder.uri.toString();
    const stale = [...this.entries.values()].filter((e) => e.folder.folder.uri.toString() === key && e.generation !== folder.generation);
    if (stale.length === 0) return;
    // The pass for the glossary before stops: this one takes every file it had not done yet.
    this.reanalyses.get(key)?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.reanalyses.set(key, cancel);
    void this.work.track(
      're-analysing the corpus',
      (async () => {
        const started = performance.now();
        try {
          const done = await this.indexAll(
            stale.map((e) => e.uri),
            { token: cancel.token },
            () => undefined,
          );
          if (done) this.log.info(`Corpus index: re-analysed ${stale.length} file(s) of "${folder.folder.name}" with the new glossary in ${(performance.now() - started).toFixed(1)} ms`);
        } finally {
          if (this.reanalyses.get(key) === cancel) this.reanalyses.delete(key);
          cancel.dispose();
        }
        this.fireAll();
      })(),
    );
  }

  private async runScan(options: ScanOptions): Promise<boolean> {
    const started = performance.now();
    this.setUpWatchers();
    const uris = await this.findCorpusFiles();
    const skipped: vscode.Uri[] = [];
    const done = await this.indexAll(uris, options, (uri, result) => {
      if (result === 'skipped') skipped.push(uri);
    });
    if (!done) {
      this.fireAll();
      return false;
    }
    this.isComplete = true;
    const ms = performance.now() - started;
    let mentions = 0;
    let claims = 0;
    let bytes = 0;
    for (const e of this.entries.values()) {
      mentions += e.analysis instanceof PackedAnalysis ? e.analysis.mentionCount : e.analysis.mentions.length;
      claims += e.analysis instanceof PackedAnalysis ? e.analysis.numberCount : e.analysis.numbers.length;
      bytes += e.length;
    }
    this.log.info(
      `Corpus scan: ${uris.length - skipped.length} files (${(bytes / 1024).toFixed(0)} K characters), ${mentions} mentions, ${claims} numbers to check, ` +
        `in ${ms.toFixed(0)} ms${skipped.length ? `; ${skipped.length} skipped for their size` : ''}`,
    );
    if (skipped.length > 0) this.filter.noticeScan(skipped);
    this.fireAll();
    return true;
  }

  /** Reads and analyses the files, several reads in flight (in scan processes for a large workspace); false when cancelled. */
  private async indexAll(uris: readonly vscode.Uri[], options: ScanOptions, each: (uri: vscode.Uri, result: boolean | 'skipped') => void): Promise<boolean> {
    const processes = this.scanProcessesFailed ? undefined : ScanProcesses.start(this.scanProcess, scanProcessCount(this.config.scanProcesses(), uris.length));
    if (processes) {
      this.pools.add(processes);
      this.log.info(`Corpus index: reading ${uris.length} file(s) in scan processes`);
    }
    try {
      return await this.indexEach(uris, options, each, processes);
    } finally {
      if (processes) this.pools.delete(processes);
      processes?.dispose();
    }
  }

  private async indexEach(uris: readonly vscode.Uri[], options: ScanOptions, each: (uri: vscode.Uri, result: boolean | 'skipped') => void, processes: ScanProcesses | undefined): Promise<boolean> {
    let lastYield = performance.now();
    const step = uris.length > 0 ? 100 / uris.length : 100;
    let progressed = 0;
    // Reading a file is a round trip to the file system (another process in a remote or web
    // window), or to a scan process: keep several in flight, and take each file as it arrives.
    const inFlight = processes ? processes.capacity : READS_IN_FLIGHT;
    const reads = new Map<number, Promise<FileRead>>();
    const startRead = (i: number): void => {
      if (i < uris.length) reads.set(i, this.read(uris[i], processes));
    };
    for (let i = 0; i < inFlight; i++) startRead(i);
    for (let i = 0; i < uris.length; i++) {
      if (options.token?.isCancellationRequested) {
        this.log.info(`Corpus scan cancelled after ${i} of ${uris.length} files`);
        return false;
      }
      const uri = uris[i];
      const read = await reads.get(i)!;
      reads.delete(i);
      startRead(i + inFlight);
      // Each report is a message to the window: one per percent, not one per file.
      progressed += step;
      if (progressed >= 1 || i === uris.length - 1) {
        options.progress?.report({ message: vscode.workspace.asRelativePath(uri), increment: progressed });
        progressed = 0;
      }
      each(uri, this.take(uri, read));
      // Let the extension host breathe between files on a large corpus: hovers and keystrokes wait for no more than this.
      if (performance.now() - lastYield > 15) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = performance.now();
      }
    }
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
    return this.take(uri, await this.read(uri));
  }

  /** The file's text as the index should analyse it: from its editor if open, else from disk (or its analysis, made on a scan process). */
  private async read(uri: vscode.Uri, processes?: ScanProcesses): Promise<FileRead> {
    const folder = this.store.folderOf(uri);
    if (!folder || !this.filter.includes(uri)) return 'excluded';
    if (userDocument(uri)) return 'open';
    if (processes && uri.scheme === 'file') {
      const settings = this.config.read(uri);
      const need = discoveryNeed(settings.levels);
      const generation = folder.generation;
      try {
        const reply = await processes.scan(this.scanEngine(folder), { path: uri.fsPath, format: textFormatOf(uri.path), limit: this.filter.limit(uri), ignored: [...settings.ignoredNumbers], need });
        if ('unreadable' in reply) return 'unreadable';
        if (this.filter.tooBig(uri, reply.size)) return 'too big';
        // Not read there for a limit raised meanwhile: read here.
        if ('packed' in reply) return { scanned: reply, generation, need };
      } catch (error) {
        // Stopped with its scan (cancelled, or a newer glossary's pass took over): nobody takes this read.
        if (error instanceof ScanProcessesStopped) return 'unreadable';
        if (!this.scanProcessesFailed) {
          this.scanProcessesFailed = true;
          this.log.warn(`Corpus index: scan processes failed, reading on the extension host's thread instead (${error instanceof Error ? error.message : String(error)})`);
        }
      }
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (this.filter.tooBig(uri, stat.size)) return 'too big';
      return this.decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return 'unreadable'; // Deleted or unreadable.
    }
  }

  /** The folder's engine as scan processes build it: its glossary and ledger, sent once per process and generation. */
  private scanEngine(folder: FolderGlossary): ScanEngine {
    const key = folder.folder.uri.toString();
    let engine = this.scanEngines.get(key);
    if (engine?.key !== `${key}#${folder.generation}`) {
      engine = { key: `${key}#${folder.generation}`, folder: key, glossary: folder.engine.glossary, ledger: folder.engine.ledger };
      this.scanEngines.set(key, engine);
    }
    return engine;
  }

  /** Makes the file's entry from what `read` gave (the folder and the filter are read again: they may have changed meanwhile). */
  private take(uri: vscode.Uri, read: FileRead): boolean | 'skipped' {
    const key = uri.toString();
    const folder = this.store.folderOf(uri);
    if (!folder || !this.filter.includes(uri) || read === 'excluded' || read === 'unreadable') return this.deleteEntry(key);
    const open = userDocument(uri);
    if (open || read === 'open') {
      const analysis = open && this.analyses.get(open);
      if (!analysis) return this.deleteEntry(key) ? true : 'skipped';
      this.setEntry(key, analysis);
      return true;
    }
    if (read === 'too big') {
      this.deleteEntry(key);
      return 'skipped';
    }
    if (typeof read === 'object') {
      if (read.generation !== folder.generation) {
        // Analysed with the glossary before the last change. An entry the file has is the new glossary's
        // already, or stale and taken by the pass that re-analyses the folder: it stands. Else read it again.
        if (!this.entries.has(key)) this.refresh(uri);
        return false;
      }
      const { scanned } = read;
      const analysis = new PackedAnalysis(scanned.packed, this.ids);
      this.setEntry(key, indexedEntry(uri, folder, read.generation, scanned.length, new LineIndex(scanned.lines), analysis, scanned.discovery, read.need, this.ids, scanned.ms));
      return true;
    }
    const settings = this.config.read(uri);
    this.setEntry(key, analyzeFile(uri, read, folder, settings.ignoredNumbers, this.ids, discoveryNeed(settings.levels)));
    return true;
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
          for (const u of gone) this.deleteEntry(u.toString());
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
    for (const pool of this.pools) pool.dispose();
    super.dispose();
  }
}
