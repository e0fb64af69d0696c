import * as vscode from 'vscode';
import { createApi, type GlossaApi } from './vscode/api';
import { ContextKeys } from './vscode/commands';
import { Config } from './vscode/services/config';
import { CorpusFilter } from './vscode/services/corpusFilter';
import { CorpusIndex } from './vscode/services/corpusIndex';
import type { Deps } from './vscode/deps';
import { DocumentAnalyses } from './vscode/services/documentAnalyses';
import { registerCodeActions } from './vscode/features/codeActions';
import { registerCompletion } from './vscode/features/completion';
import { registerCreateGlossary } from './vscode/features/createGlossary';
import { registerDefinition } from './vscode/features/definition';
import { registerDiagnostics } from './vscode/features/diagnostics';
import { registerDocumentSymbols } from './vscode/features/documentSymbols';
import { registerEntitiesView } from './vscode/features/entitiesView';
import { registerFindEntity } from './vscode/features/findEntity';
import { registerGeneralCommands } from './vscode/features/generalCommands';
import { registerGlossaryCommands } from './vscode/features/glossaryCommands';
import { registerHighlighting } from './vscode/features/highlighting';
import { registerHover } from './vscode/features/hover';
import { registerNavigationCommands } from './vscode/features/navigationCommands';
import { registerNormalize } from './vscode/features/normalize';
import { registerNumbersView } from './vscode/features/numbersView';
import { registerRecordFact } from './vscode/features/recordFact';
import { registerReferences } from './vscode/features/references';
import { registerRename } from './vscode/features/rename';
import { registerStatusBar } from './vscode/features/statusBar';
import { registerSuggestCommands } from './vscode/features/suggestCommands';
import { registerSuggestionsView } from './vscode/features/suggestionsView';
import { GlossaryCache } from './vscode/services/glossaryCache';
import { GlossaryStore } from './vscode/services/glossaryStore';
import { createLog, Figures } from './vscode/services/log';
import { Work } from './vscode/services/work';

export type { GlossaApi } from './vscode/api';

/** Builds the services, registers the features, and returns the API. Loads the glossary and nothing more. */
export function activate(context: vscode.ExtensionContext): GlossaApi {
  const log = createLog();
  const config = new Config();
  const work = new Work((what, error) => log.error(`Failed while ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  const store = new GlossaryStore(log, config, work, new GlossaryCache(context.globalStorageUri, String(context.extension.packageJSON.version), log));
  const filter = new CorpusFilter(store, config, log);
  const analyses = new DocumentAnalyses(store, filter, config, work);
  const corpus = new CorpusIndex(store, analyses, filter, config, log, work, vscode.Uri.joinPath(context.extensionUri, 'dist', 'scanProcess.js').fsPath);
  const figures = new Figures(log);
  const deps: Deps = { log, config, work, figures, store, filter, analyses, corpus };
  context.subscriptions.push(log, config, work, store, filter, analyses, corpus);

  const highlighting = registerHighlighting(deps);
  const diagnostics = registerDiagnostics(deps);
  const entitiesView = registerEntitiesView(deps);
  const numbersView = registerNumbersView(deps);
  const suggestionsView = registerSuggestionsView(deps);
  const statusBar = registerStatusBar(deps);
  context.subscriptions.push(
    highlighting,
    registerHover(deps),
    diagnostics,
    figures.observe(highlighting.onDidDecorate, diagnostics.onDidPublish),
    registerDefinition(deps),
    registerReferences(deps),
    registerDocumentSymbols(deps),
    entitiesView,
    numbersView,
    suggestionsView,
    registerSuggestCommands(deps, suggestionsView),
    statusBar,
    registerNavigationCommands(deps),
    registerGeneralCommands(deps),
    registerNormalize(deps),
    registerCodeActions(deps),
    registerRecordFact(deps),
    registerGlossaryCommands(deps),
    registerFindEntity(deps),
    registerRename(deps),
    registerCompletion(deps),
    registerCreateGlossary(deps),
  );

  void vscode.commands.executeCommand('setContext', ContextKeys.active, true);
  log.info(`Glossa activated (${vscode.workspace.workspaceFolders?.length ?? 0} workspace folder(s))`);
  return createApi({ deps, logUri: context.logUri, highlighting, diagnostics, entitiesView, numbersView, suggestionsView, statusBar });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
