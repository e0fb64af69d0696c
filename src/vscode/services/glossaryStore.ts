/**
 * The glossary store: per workspace folder, finds the glossary and facts files
 * (`glossa.glossaryFiles`, `glossa.factsFiles`), reads them through
 * `vscode.workspace.fs` (or the open editor's unsaved text), compiles an Engine,
 * and follows every change. Problems become positioned diagnostics on the YAML
 * files; while a file has errors the last good glossary (or ledger) stays in use.
 */
import * as vscode from 'vscode';
import { Engine, isGlob, parseLedger, type Entity, type Fact, type Glossary, type Ledger, type Problem, type SourceFile } from '../../core';
import { affectsFiles, type Config } from './config';
import { locationRange, problemToDiagnostic } from '../convert';
import { exists } from '../fileEdits';
import { Disposable } from '../disposable';
import type { GlossaryCache } from './glossaryCache';
import type { Work } from './work';

/** What one workspace folder's glossary and ledger are at the moment. */
export interface FolderGlossary {
  readonly folder: vscode.WorkspaceFolder;
  /** The engine in use: built from the last good glossary and ledger. */
  readonly engine: Engine;
  /** Increases with every new engine. */
  readonly generation: number;
  readonly glossaryUris: readonly vscode.Uri[];
  readonly factsUris: readonly vscode.Uri[];
  /** Errors in the glossary or facts files as they are now (unsaved text included). */
  readonly errors: number;
  readonly warnings: number;
  /** True while errors keep the last good glossary or ledger in use. */
  readonly usingLastGood: boolean;
}

const EMPTY_GLOSSARY: Glossary = { entities: [], problems: [] };
const EMPTY_LEDGER: Ledger = { facts: [], problems: [] };

class FolderState implements FolderGlossary {
  engine = new Engine(EMPTY_GLOSSARY, EMPTY_LEDGER);
  generation = 0;
  glossaryUris: vscode.Uri[] = [];
  factsUris: vscode.Uri[] = [];
  errors = 0;
  warnings = 0;
  usingLastGood = false;
  /** Problem file name (folder-relative path) → URI. */
  readonly byName = new Map<string, vscode.Uri>();
  goodGlossary: Glossary | undefined;
  goodLedger: Ledger | undefined;
  watchers: vscode.Disposable[] = [];
  watchKey = '';
  loads = 0;
  /** URIs that had problems at the last load, to clear them when fixed. */
  problemUris = new Set<string>();

  constructor(readonly folder: vscode.WorkspaceFolder) {}
}

export class GlossaryStore extends Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly problems = vscode.languages.createDiagnosticCollection('glossa-glossary');
  private readonly changed = new vscode.EventEmitter<FolderGlossary>();
  private readonly decoder = new TextDecoder();
  /** Fires with a folder's state whenever its engine or its problems change. */
  readonly onDidChange = this.changed.event;
  /** Resolves when every folder open at activation has loaded once. */
  readonly ready: Promise<void>;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly config: Config,
    private readonly work: Work,
    private readonly cache: GlossaryCache,
  ) {
    super();
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.folders.set(folder.uri.toString(), new FolderState(folder));
    this.ready = Promise.all([...this.folders.values()].map((state) => this.load(state))).then(() => undefined);
    this._register(
      vscode.Disposable.from(
      this.problems,
      this.changed,
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const folder of e.removed) this.removeFolder(folder);
        for (const folder of e.added) {
          const state = new FolderState(folder);
          this.folders.set(folder.uri.toString(), state);
          void this.work.track('loading a glossary', this.load(state));
        }
      }),
      config.onDidChange((e) => {
        for (const state of this.folders.values()) {
          if (affectsFiles(e) && e.affectsConfiguration('glossa', state.folder.uri)) this.scheduleLoad(state, 0);
        }
      }),
      // The unsaved text of an open glossary counts: reload as the user types (debounced).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const state = this.ownerOf(e.document.uri);
        if (state) this.scheduleLoad(state, 300);
      }),
      // Closing an unsaved glossary drops its edits: go back to the file on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        const state = this.ownerOf(document.uri);
        if (state) this.scheduleLoad(state, 0);
      }),
    ),
    );
  }

  /** The state of the folder holding `uri` (the only folder when `uri` is outside all of them). */
  folderOf(uri: vscode.Uri): FolderGlossary | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return this.folders.get(folder.uri.toString());
    return this.folders.size === 1 ? [...this.folders.values()][0] : undefined;
  }

  /** Every folder's state. */
  all(): FolderGlossary[] {
    return [...this.folders.values()];
  }

  /** Is `uri` one of the glossary or facts files? */
  isSourceFile(uri: vscode.Uri): boolean {
    return this.ownerOf(uri) !== undefined;
  }

  /** Where an entity is defined: its `name:` in the glossary. */
  entityLocation(folder: FolderGlossary, entity: Entity): vscode.Location | undefined {
    const uri = this.uriOf(folder, entity.nameLocation.file);
    return uri && new vscode.Location(uri, locationRange(entity.nameLocation));
  }

  /** Where a fact is defined: its entry in the ledger. */
  factLocation(folder: FolderGlossary, fact: Fact): vscode.Location | undefined {
    const uri = this.uriOf(folder, fact.location.file);
    return uri && new vscode.Location(uri, locationRange(fact.location));
  }

  /** The URI of a file named in a problem or a source location. */
  uriOf(folder: FolderGlossary, file: string): vscode.Uri | undefined {
    return (folder as FolderState).byName.get(file);
  }

  /** Finds and reads every folder's files again. */
  async reload(): Promise<void> {
    await Promise.all([...this.folders.values()].map((state) => this.load(state)));
  }

  private ownerOf(uri: vscode.Uri): FolderState | undefined {
    const key = uri.toString();
    for (const state of this.folders.values()) {
      if ([...state.glossaryUris, ...state.factsUris].some((u) => u.toString() === key)) return state;
    }
    return undefined;
  }

  private scheduleLoad(state: FolderState, ms: number): void {
    this.work.debounce(`glossary:${state.folder.uri.toString()}`, ms, () => this.load(state));
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const state = this.folders.get(folder.uri.toString());
    if (!state) return;
    this.folders.delete(folder.uri.toString());
    for (const w of state.watchers) w.dispose();
    for (const uri of state.problemUris) this.problems.delete(vscode.Uri.parse(uri));
  }

  private async load(state: FolderState): Promise<void> {
    const load = ++state.loads;
    const started = Date.now();
    const config = this.config.read(state.folder.uri);
    // The kept parse is read alongside the files (its name depends on the folder only): at startup, when the window
    // is busy, each wait for a file costs the most.
    const kept = this.cache.read(state.folder.uri);
    const [[glossaryUris, glossarySources], [factsUris, factsSources]] = await Promise.all([this.gather(state, config.glossaryFiles), this.gather(state, config.factsFiles)]);
    if (load !== state.loads || !this.folders.has(state.folder.uri.toString())) return; // A newer load has started.
    const read = Date.now();

    this.watch(state, [...config.glossaryFiles, ...config.factsFiles]);
    state.glossaryUris = glossaryUris;
    state.factsUris = factsUris;
    state.byName.clear();
    for (const uri of [...glossaryUris, ...factsUris]) state.byName.set(this.nameOf(state, uri), uri);

    // Unsaved text of a glossary file is parsed, never looked up in the cache nor kept there.
    const unsaved = glossaryUris.some((uri) => vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString()));
    const { glossary, cached } = await this.cache.parse(state.folder.uri, glossarySources, !unsaved, kept);
    const parsed = Date.now();
    if (load !== state.loads || !this.folders.has(state.folder.uri.toString())) return;
    const ledger = parseLedger(factsSources);
    const glossaryErrors = glossary.problems.filter((p) => p.severity === 'error').length;
    const ledgerErrors = ledger.problems.filter((p) => p.severity === 'error').length;
    // A glossary with errors is not used while a good one exists: nothing the user relied on disappears.
    const useGlossary = glossaryErrors > 0 && state.goodGlossary ? state.goodGlossary : glossary;
    const useLedger = ledgerErrors > 0 && state.goodLedger ? state.goodLedger : ledger;
    if (glossaryErrors === 0) state.goodGlossary = glossary;
    if (ledgerErrors === 0) state.goodLedger = ledger;
    const previous = state.engine;
    const compiling = Date.now();
    if (useGlossary !== previous.glossary || useLedger !== previous.ledger) {
      state.engine = new Engine(useGlossary, useLedger);
      state.generation++;
    }
    const compiled = Date.now();
    state.errors = glossaryErrors + ledgerErrors;
    state.warnings = glossary.problems.length + ledger.problems.length - state.errors;
    state.usingLastGood = useGlossary !== glossary || useLedger !== ledger;
    this.publish(state, [...glossary.problems, ...ledger.problems]);

    const names = (uris: vscode.Uri[]) => (uris.length ? uris.map((u) => this.nameOf(state, u)).join(', ') : 'none found');
    this.log.info(
      `Glossary of "${state.folder.name}": ${state.engine.entities.length} entities, ${state.engine.matcher.spellingCount} spellings ` +
        `(${names(glossaryUris)}); ${state.engine.ledger.facts.length} facts (${names(factsUris)}); ` +
        `read in ${read - started} ms, ${cached ? 'taken from the cache of the parsed glossary and compiled' : 'compiled'} in ${compiled - read} ms ` +
        `(${cached ? 'the cache' : 'parsing'} ${parsed - read} ms, the ledger ${compiling - parsed} ms, the engine ${compiled - compiling} ms)`,
    );
    if (state.errors > 0) {
      this.log.warn(
        `"${state.folder.name}": ${state.errors} error(s) in the glossary or facts files` +
          (state.usingLastGood ? '; keeping the last good version in use until they are fixed' : ''),
      );
    } else if (state.warnings > 0) {
      this.log.info(`"${state.folder.name}": ${state.warnings} warning(s) in the glossary or facts files (see the Problems panel)`);
    }
    this.changed.fire(state);
  }

  private publish(state: FolderState, problems: Problem[]): void {
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      const uri = state.byName.get(problem.file);
      if (!uri) continue;
      const key = uri.toString();
      if (!byUri.has(key)) byUri.set(key, []);
      byUri.get(key)!.push(problemToDiagnostic(problem));
    }
    for (const key of state.problemUris) if (!byUri.has(key)) this.problems.delete(vscode.Uri.parse(key));
    for (const [key, diagnostics] of byUri) this.problems.set(vscode.Uri.parse(key), diagnostics);
    state.problemUris = new Set(byUri.keys());
  }

  /**
   * The files the patterns name, in pattern order (plain paths only when they exist), and their texts: an open
   * document's as it is, unsaved edits included. A plain path is read at once, its absence learnt from the read:
   * one wait for the file system rather than a `stat` and then a read.
   */
  private async gather(state: FolderState, patterns: string[]): Promise<[vscode.Uri[], SourceFile[]]> {
    const found = await Promise.all(
      patterns.map(async (pattern): Promise<{ uri: vscode.Uri; text: string }[]> => {
        if (isGlob(pattern)) {
          const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(state.folder, pattern))).sort((a, b) => a.path.localeCompare(b.path));
          return Promise.all(uris.map(async (uri) => ({ uri, text: (await this.readText(uri)) ?? '' })));
        }
        const uri = vscode.Uri.joinPath(state.folder.uri, pattern);
        const text = await this.readText(uri);
        return text === undefined ? [] : [{ uri, text }];
      }),
    );
    const uris: vscode.Uri[] = [];
    const sources: SourceFile[] = [];
    const seen = new Set<string>();
    for (const { uri, text } of found.flat()) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      uris.push(uri);
      sources.push({ file: this.nameOf(state, uri), text });
    }
    return [uris, sources];
  }

  /**
   * The text of a glossary or facts file: the open document's, else the file's; undefined when there is no such file
   * (a file that cannot be read counts as empty, with a warning in the log).
   */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      // Another failure (a folder, a provider that says "not found" its own way): absent unless something is there.
      if (!(await exists(uri))) return undefined;
      this.log.warn(`Could not read ${uri.toString(true)}: ${String(error)}`);
      return '';
    }
    // A document open on it (read from disk all the same, so that a file deleted under its editor is gone here too).
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : this.decoder.decode(bytes);
  }

  private nameOf(state: FolderState, uri: vscode.Uri): string {
    const base = state.folder.uri.path.replace(/\/$/, '') + '/';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.toString();
  }

  /** Watches the patterns' files (created, changed on disk, deleted) in this folder. */
  private watch(state: FolderState, patterns: string[]): void {
    const key = patterns.join('\n');
    if (state.watchKey === key) return;
    state.watchKey = key;
    for (const w of state.watchers) w.dispose();
    state.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(state.folder, pattern));
      const onEvent = (uri: vscode.Uri): void => {
        // Edits of an open file arrive through onDidChangeTextDocument, saved or not.
        if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return;
        this.scheduleLoad(state, 100);
      };
      return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
    });
  }

  override dispose(): void {
    for (const state of this.folders.values()) for (const w of state.watchers) w.dispose();
    super.dispose();
  }
}
