/** The commands that are neither navigation nor checks: the log, reloading, refreshing. */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { Deps } from '../deps';

export function registerGeneralCommands({ log, store, corpus }: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.reloadGlossary, () => store.reload()),
    vscode.commands.registerCommand(Commands.refreshViews, () =>
      vscode.window.withProgress({ location: { viewId: 'glossa.entities' } }, () => corpus.rescan()),
    ),
  );
}
