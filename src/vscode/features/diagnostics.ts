/**
 * Diagnostics: unverified, conflicting and disputed numbers, non-canonical
 * spellings, titles, and discovery's possible variants and unknown names, exactly
 * as the core's `findings()` states them (the CLI prints the same codes and
 * messages). Source "glossa"; one severity setting per kind.
 *
 * Scope `openFiles`: the open corpus documents, published from each analysis of
 * the pipeline as the user opens and edits them (only the edited document), and
 * cleared when a document closes. Scope
 * `workspace`: every corpus file, checked in the background with a cancellable
 * progress notification, then kept up to date from the corpus index.
 */
import * as vscode from 'vscode';
import { findings, StringTable, type Analysis, type DiscoveryLevels, type Finding } from '../../core';
import { Commands, ContextKeys } from '../commands';
import { findingToDiagnostic, toRange } from '../convert';
import type { Deps } from '../deps';
import { wantsDiscovery, type AnalysisEvent, type FileAnalysis } from '../services/documentAnalyses';
import { hasTab, userDocument } from '../openDocuments';
import { WindowBacklog } from '../services/windowBacklog';

/** Diagnostics just published from an analysis of the pipeline. */
export interface Published {
  event: AnalysisEvent;
  diagnostics: number;
}

export interface Diagnostics extends vscode.Disposable {
  /** Fires after the diagnostics of a document were published from an analysis of the pipeline. */
  readonly onDidPublish: vscode.Event<Published>;
  /** The serial of the analysis a document's diagnostics come from (undefined when it has none). */
  source(uri: vscode.Uri): number | undefined;
}

/** How long the workspace check publishes before it lets the extension host serve hovers and keystrokes. */
const PUBLISH_SLICE_MS = 10;
/** What one `DiagnosticCollection.set` call of several files may hold: VS Code drops what is over 1,100. */
const MAX_DIAGNOSTICS_PER_SET = 1000;
/**
 * How far behind the window may fall while the corpus's diagnostics go out: the answer to a hover
 * waits behind no more than about this much of them (left free, on the benchmark corpus, a hover's
 * answer waited up to 19 s). A hover's answer crosses the window three times, each behind what it
 * is still taking in: at 200 ms a hover took about a second while the diagnostics went out, at 50 ms
 * about half that, in the same time for the whole check. Asking more often would cost the window
 * more requests than it saves.
 */
const WINDOW_LAG_MS = 50;
const WINDOW_ASK_EVERY_MS = 50;
/** A window that does not answer in this long is not waited for. */
const WINDOW_ANSWER_TIMEOUT_MS = 2000;

export function registerDiagnostics(deps: Deps): Diagnostics {
  const { analyses, config, corpus, store, work } = deps;
  const collection = vscode.languages.createDiagnosticCollection('glossa');
  const published = new vscode.EventEmitter<Published>();
  /** The analysis each document's diagnostics were made from. */
  const sources = new Map<string, number>();
  /**
   * The files whose diagnostics are up to date with their analysis, the settings and the
   * glossary, and list no claims of other files: publishing them again would send the
   * same diagnostics (Check All Files ends with every file published once, not twice).
   */
  const current = new Set<string>();
  /** One copy of each message: a workspace check holds hundreds of thousands of diagnostics, most saying what others say. */
  const messages = new StringTable();
  /** Set by the "check all files" command: the workspace pass for this window. */
  let workspaceChecked = false;

  const inWorkspaceScope = (uri?: vscode.Uri): boolean => workspaceChecked || config.read(uri).diagnosticsScope === 'workspace';

  /** Publishes the findings of one analysed text; true when some point at a fact (their related information needs the corpus). */
  const publish = (analysis: FileAnalysis, event?: AnalysisEvent, send: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void = (uri, d) => collection.set(uri, d)): boolean => {
    const started = performance.now();
    const { engine } = analysis.folder;
    const settings = config.read(analysis.uri);
    let list = findings(withDiscovery(analysis, settings.levels), engine, { levels: settings.levels, style: settings.normalizeStyle });
    // A hint shows only in an editor (VS Code lists none in the Problems panel): a file read from disk gets none,
    // its own analysis brings them when it is opened. (A workspace check of a large corpus has hundreds of thousands.)
    if (analysis.text === undefined) list = list.filter((f) => f.severity !== 'hint');
    let needsCorpus = false;
    // The table is for the files read from disk, kept by the hundred thousand; an open document's diagnostics are
    // replaced as it changes (and a 1 MB article has 13,000: looking each message up would delay them).
    const own = analysis.text === undefined;
    const diagnostics = list.map((finding) => {
      if (finding.factId) needsCorpus = true;
      if (own) finding.message = messages.own(finding.message);
      return findingToDiagnostic(finding, analysis.lines, relatedInformation(deps, analysis, finding));
    });
    send(analysis.uri, diagnostics);
    sources.set(analysis.uri.toString(), analysis.serial);
    if (needsCorpus) current.delete(analysis.uri.toString());
    else current.add(analysis.uri.toString());
    deps.log.debug(`diagnostics ${vscode.workspace.asRelativePath(analysis.uri)} v${analysis.version ?? 'disk'}: ${diagnostics.length} in ${(performance.now() - started).toFixed(1)} ms`);
    if (event) published.fire({ event, diagnostics: diagnostics.length });
    return needsCorpus && !corpus.complete;
  };

  const forget = (uri: vscode.Uri): void => {
    collection.delete(uri);
    sources.delete(uri.toString());
    current.delete(uri.toString());
  };

  /** Publishes the document's diagnostics from the pipeline's analysis (`event`) or, without one, from a read. */
  const publishDocument = (document: vscode.TextDocument, event?: AnalysisEvent): void => {
    const analysis = event ? event.analysis : analyses.get(document);
    if (!analysis) {
      forget(document.uri);
      return;
    }
    // Related information lists the claims a fact verifies in every file: once the corpus is read, say it again.
    if (publish(analysis, event)) {
      void work.track(
        'listing the claims of a fact',
        corpus.ensure().then((done) => {
          if (done && !document.isClosed) publish(analyses.get(document) ?? analysis);
        }),
      );
    }
  };

  /** Republishes the documents the user has open (in a tab); in the workspace scope every open document. */
  const publishOpen = (): void => {
    for (const document of vscode.workspace.textDocuments) {
      if (analyses.isCorpusDocument(document) && (userDocument(document.uri) || inWorkspaceScope(document.uri))) publishDocument(document);
    }
  };

  /** Corpus files waiting to be published (undefined: none), and the drain that publishes them. */
  let waiting: Map<string, vscode.Uri> | undefined;
  let draining: Promise<void> | undefined;

  /**
   * Publishes the corpus index's files (all, or `uris`) in the workspace scope. A
   * workspace check publishes thousands of files: they go out a slice of time at a
   * time, so that hovers and keystrokes are served in between, and no faster than the
   * window takes them in, so that the answers to them do not queue behind. Resolves once
   * every file asked for is published.
   */
  const publishIndexed = (uris?: vscode.Uri[]): Promise<void> => {
    waiting ??= new Map();
    for (const uri of uris ?? corpus.files().map((f) => f.uri)) waiting.set(uri.toString(), uri);
    if (uris) {
      for (const uri of uris) if (!corpus.file(uri) && !isOpen(uri)) forget(uri);
    }
    return (draining ??= drain().finally(() => (draining = undefined)));
  };

  const drain = async (): Promise<void> => {
    // Setting the context key is a request the window answers after the diagnostics sent before it.
    const backlog = new WindowBacklog(() => vscode.commands.executeCommand('setContext', ContextKeys.publishingCorpus, true), WINDOW_LAG_MS, WINDOW_ASK_EVERY_MS, WINDOW_ANSWER_TIMEOUT_MS);
    const started = performance.now();
    let files = 0;
    while (waiting && waiting.size > 0) {
      const sliceStarted = performance.now();
      // A few files per message to the window rather than one message each; VS Code sends
      // no more than 1,100 diagnostics of one `set` call, so a batch stays under that.
      let batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
      let batched = 0;
      const flush = (): void => {
        if (batch.length > 0) {
          collection.set(batch);
          files += batch.length;
          backlog.mark();
        }
        batch = [];
        batched = 0;
      };
      const send = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void => {
        if (batched + diagnostics.length > MAX_DIAGNOSTICS_PER_SET) flush();
        batch.push([uri, diagnostics]);
        batched += diagnostics.length;
      };
      for (const [key, uri] of waiting) {
        waiting.delete(key);
        const file = corpus.file(uri);
        if (file && inWorkspaceScope(file.uri) && !(sources.get(key) === file.serial && current.has(key))) publish(file, undefined, send);
        if (performance.now() - sliceStarted > PUBLISH_SLICE_MS) break;
      }
      flush();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await backlog.caughtUp();
    }
    if (files > 0) {
      void vscode.commands.executeCommand('setContext', ContextKeys.publishingCorpus, false);
      // A whole corpus's is worth a line at the default level; a file or two changed on disk is not.
      (files >= 100 ? deps.log.info : deps.log.debug).call(deps.log, `Diagnostics of ${files} corpus file(s) sent in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(backlog.waitedMs / 1000).toFixed(1)} s of it waiting for the window to take them in`);
    }
  };

  const checkWorkspace = async (): Promise<boolean> => {
    const done = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Glossa: checking the corpus'), cancellable: true },
      (progress, token) => corpus.ensure({ progress, token }),
    );
    if (done) await publishIndexed();
    return done;
  };

  /** Drops the diagnostics of files that are neither open nor in the workspace scope. */
  const prune = (): void => {
    const stale: vscode.Uri[] = [];
    collection.forEach((uri) => {
      if (!hasTab(uri) && !inWorkspaceScope(uri)) stale.push(uri);
    });
    for (const uri of stale) forget(uri);
  };

  const subscriptions = vscode.Disposable.from(
    collection,
    published,
    // Typing republishes once the document settles, not after every burst (VS Code moves the
    // squiggles with the text meanwhile); a glossary or settings change republishes through its
    // own handlers below, with the corpus files.
    analyses.onDidAnalyze((event) => {
      if (event.cause === 'open' || event.cause === 'settle' || event.cause === 'refine' || (event.cause === 'edit' && !event.analysis)) publishDocument(event.document, event);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // In the workspace scope the corpus index reads the file again and republishes it.
      if (!inWorkspaceScope(document.uri)) forget(document.uri);
    }),
    // VS Code keeps a document open for a while after its last tab closes: for the user the file is closed now.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      // A document shown again after its tab closed (VS Code kept it in memory: no open event).
      for (const tab of e.opened) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document && analyses.isCorpusDocument(document)) publishDocument(document);
      }
      for (const tab of e.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !inWorkspaceScope(uri) && !hasTab(uri)) forget(uri);
      }
    }),
    // Before the handlers below republish: new settings or a new glossary may change every file's diagnostics.
    store.onDidChange(() => {
      current.clear();
      messages.clear();
    }),
    config.onDidChange(() => current.clear()),
    store.onDidChange(() =>
      work.debounce('diagnostics:all', 0, () => {
        publishOpen();
        if (corpus.complete) void publishIndexed();
      }),
    ),
    corpus.onDidChange((change) => {
      void publishIndexed(change === 'all' ? undefined : change.uris);
      // A fact's claims may have changed elsewhere: refresh the related information of open documents.
      for (const document of vscode.workspace.textDocuments) {
        if (change !== 'all' && change.uris.every((u) => u.toString() === document.uri.toString())) continue;
        if (!userDocument(document.uri) && !inWorkspaceScope(document.uri)) continue;
        const analysis = analyses.peek(document.uri);
        if (analysis && analysis.version === document.version && analysis.analysis.numbers.some((n) => n.fact)) publishDocument(document);
      }
    }),
    config.onDidChange((e) => {
      work.debounce('diagnostics:config', 0, async () => {
        prune();
        publishOpen();
        if (e.affectsConfiguration('glossa.diagnostics.scope') && inWorkspaceScope()) await checkWorkspace();
        else if (corpus.complete) void publishIndexed();
      });
    }),
    vscode.commands.registerCommand(Commands.checkWorkspace, async () => {
      workspaceChecked = true;
      return checkWorkspace();
    }),
  );

  void work.track(
    'first diagnostics',
    store.ready.then(async () => {
      publishOpen();
      if (vscode.workspace.workspaceFolders?.some((f) => inWorkspaceScope(f.uri))) await checkWorkspace();
    }),
  );

  return {
    onDidPublish: published.event,
    source: (uri) => sources.get(uri.toString()),
    dispose: () => subscriptions.dispose(),
  };
}

/** The analysis with its discovery, unless every kind of discovery finding is turned off (then it is not made). */
export function withDiscovery(analysis: FileAnalysis, levels: DiscoveryLevels): Analysis {
  if (!wantsDiscovery(levels)) return analysis.analysis;
  // Field by field: a packed entry of the corpus index has its mentions and claims behind getters, which a spread leaves out.
  const { mentions, numbers, date } = analysis.analysis;
  const out: Analysis = { mentions, numbers, discovery: analysis.discovery };
  if (date) out.date = date;
  return out;
}

/**
 * For a number a fact speaks about: where the fact is, and the claims it
 * verifies (or disputes) in every corpus file, this one included.
 */
function relatedInformation({ store, corpus }: Deps, analysis: FileAnalysis, finding: Finding): vscode.DiagnosticRelatedInformation[] | undefined {
  if (!finding.factId) return undefined;
  const { folder } = analysis;
  const fact = folder.engine.ledger.facts.find((f) => f.id === finding.factId);
  if (!fact) return undefined;
  const related: vscode.DiagnosticRelatedInformation[] = [];
  const factLocation = store.factLocation(folder, fact);
  if (factLocation) {
    const about = fact.about ? ` — ${fact.about}` : '';
    const source = fact.source ? vscode.l10n.t(' (source: {0})', fact.source) : '';
    related.push(new vscode.DiagnosticRelatedInformation(factLocation, vscode.l10n.t("Fact '{0}': {1}{2}{3}", fact.id, fact.value, about, source)));
  }
  for (const { file, number } of corpus.claimsOf(folder, fact.id)) {
    if (file.uri.toString() === analysis.uri.toString() && number.start === finding.start) continue;
    const label = number.status === 'disputed' ? vscode.l10n.t('Claim disputed by this fact: "{0}"', number.text) : vscode.l10n.t('Claim verified by this fact: "{0}"', number.text);
    related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(file.uri, toRange(file.lines, number.start, number.end)), label));
  }
  return related;
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}
