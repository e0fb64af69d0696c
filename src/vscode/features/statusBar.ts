/**
 * The status bar item: how many entities are loaded and how many numbers are
 * unverified; an error state while the glossary or facts files are broken.
 * Clicking it opens the Entities view (or, when broken, the Problems panel).
 * In a multi-root workspace the tooltip names each folder's count and errors.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../commands';
import { formatBytes } from '../services/corpusFilter';
import { PackedAnalysis } from '../services/packedAnalysis';
import type { Deps } from '../deps';

export interface StatusBar extends vscode.Disposable {
  /** The item's text and tooltip as shown (for tests). */
  state(): { text: string; tooltip: string; error: boolean };
}

export function registerStatusBar(deps: Deps): StatusBar {
  const { store, corpus, analyses, filter, work } = deps;
  const item = vscode.window.createStatusBarItem('glossa.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Glossa');
  let tooltipText = '';
  let hadEntities: boolean | undefined;

  const update = (): void => {
    const folders = store.all();
    const entities = folders.reduce((n, f) => n + f.engine.entities.length, 0);
    const errors = folders.reduce((n, f) => n + f.errors, 0);
    if (entities > 0 !== hadEntities) {
      hadEntities = entities > 0;
      void vscode.commands.executeCommand('setContext', ContextKeys.hasEntities, hadEntities);
    }
    const files = corpus.complete ? corpus.files() : vscode.workspace.textDocuments.map((d) => analyses.peek(d.uri)).filter((a) => a !== undefined);
    let unverified = 0;
    let conflicting = 0;
    for (const file of files) {
      // A packed entry of the corpus index gives its statuses without making every claim into an object.
      for (const status of file.analysis instanceof PackedAnalysis ? file.analysis.statuses() : file.analysis.numbers.map((n) => n.status)) {
        if (status === 'unverified') unverified++;
        else if (status === 'conflicting') conflicting++;
      }
    }
    const where = corpus.complete ? vscode.l10n.t('in the workspace') : vscode.l10n.t('in the open files (the workspace is not checked yet)');
    const lines: string[] = [];
    if (errors > 0) {
      item.text = `$(error) ${vscode.l10n.t('Glossa: {0} error(s) in the glossary', errors)}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.command = 'workbench.actions.view.problems';
      lines.push(vscode.l10n.t('The glossary or facts file has errors; the last good version stays in use until they are fixed. Click to see the problems.'));
    } else if (entities === 0) {
      item.text = `$(book) ${vscode.l10n.t('Glossa: no glossary')}`;
      item.backgroundColor = undefined;
      item.command = Commands.showEntities;
      lines.push(vscode.l10n.t('No glossary entities loaded. Glossa reads the files of the glossa.glossaryFiles setting (glossary.yaml by default).'));
    } else {
      item.text = `$(book) ${vscode.l10n.t('{0} entities', entities)}  $(warning) ${vscode.l10n.t('{0} unverified', unverified)}`;
      item.backgroundColor = undefined;
      item.command = Commands.showEntities;
      lines.push(vscode.l10n.t('Glossa: {0} entities loaded. Click to open the Entities view.', entities));
    }
    lines.push(vscode.l10n.t('{0} unverified and {1} conflicting numbers {2}.', unverified, conflicting, where));
    // With several folders the totals alone do not say which glossary holds what, or which one is broken.
    if (folders.length > 1) {
      for (const f of folders) {
        const n = f.engine.entities.length;
        lines.push(
          f.errors > 0
            ? vscode.l10n.t('"{0}": {1} entities, {2} error(s) in its glossary or facts files.', f.folder.name, n, f.errors)
            : vscode.l10n.t('"{0}": {1} entities.', f.folder.name, n),
        );
      }
    }
    for (const f of folders) {
      if (f.usingLastGood) lines.push(vscode.l10n.t('"{0}": using the last good glossary.', f.folder.name));
    }
    const skipped = filter.skipped();
    if (skipped.size > 0) {
      lines.push(vscode.l10n.t('{0} file(s) skipped for their size:', skipped.size) + ' ' + [...skipped].map(([uri, bytes]) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))} (${formatBytes(bytes)})`).join(', '));
    }
    tooltipText = lines.join('\n\n');
    item.tooltip = tooltipText;
    item.show();
  };

  const schedule = (): void => work.debounce('statusBar', 200, update);
  const subscriptions = vscode.Disposable.from(
    item,
    store.onDidChange(schedule),
    corpus.onDidChange(schedule),
    analyses.onDidAnalyze(schedule),
    filter.onDidChangeSkipped(schedule),
    vscode.workspace.onDidCloseTextDocument(schedule),
    vscode.commands.registerCommand(Commands.showEntities, () => vscode.commands.executeCommand('glossa.entities.focus')),
  );
  void store.ready.then(update);

  return {
    state: () => ({ text: item.text, tooltip: tooltipText, error: item.backgroundColor !== undefined }),
    dispose: () => subscriptions.dispose(),
  };
}
