import * as vscode from 'vscode';
import { createLog } from './vscode/log';

/** What the extension exports to other extensions and to tests. */
export interface GlossaApi {
  /** Resolves once the glossary is loaded and the open documents annotated. */
  ready(): Promise<void>;
  /** The folder of the extension's log files; the "Glossa" channel writes `Glossa.log` there. */
  readonly logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): GlossaApi {
  const log = createLog();
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('glossa.showLog', () => log.show()),
  );
  log.info('Glossa activated');
  return { ready: async () => undefined, logUri: context.logUri };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
