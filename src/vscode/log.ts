import * as vscode from 'vscode';
import type { Logger } from '../core/types';

/** The one output channel of the extension ("Glossa", with log levels). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Glossa', { log: true });
}

/** The core's logger interface over the channel. */
export function coreLogger(log: vscode.LogOutputChannel): Logger {
  return { info: (m) => log.info(m), warn: (m) => log.warn(m) };
}
