/**
 * Which files are corpus files: inside a workspace folder, matched by
 * `glossa.include` and not by `glossa.exclude`, not a glossary or facts file,
 * and not larger than `glossa.maxFileSize`. A file skipped for its size is
 * never skipped silently: the user is told, and the log names it.
 */
import * as vscode from 'vscode';
import { utf8Length } from './utf8Length';
import { matchesAny } from '../../core';
import { Disposable } from '../disposable';
import type { Config } from './config';
import type { GlossaryStore } from './glossaryStore';

export class CorpusFilter extends Disposable {
  private readonly skippedFiles = new Map<string, number>();
  private readonly noticed = new Set<string>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the set of skipped files changes. */
  readonly onDidChangeSkipped = this.changed.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
  }

  /** The path of `uri` relative to its workspace folder, or undefined outside every folder. */
  relativePath(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const base = folder.uri.path.replace(/\/$/, '') + '/';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  /** Do the include and exclude globs of its folder make `uri` a corpus file? (Size is checked apart.) */
  includes(uri: vscode.Uri): boolean {
    const path = this.relativePath(uri);
    if (path === undefined || this.store.isSourceFile(uri)) return false;
    const config = this.config.read(uri);
    return matchesAny(config.include, path) && !matchesAny(config.exclude, path);
  }

  /** The limit in bytes for `uri`, 0 for none. */
  limit(uri: vscode.Uri): number {
    return this.config.read(uri).maxFileSize;
  }

  /** The size in bytes of a text (or of a file of `size` bytes) over the limit for `uri`; undefined when within it. */
  oversize(uri: vscode.Uri, size: number | string): number | undefined {
    const limit = this.limit(uri);
    const bytes = typeof size === 'number' ? size : utf8Length(size, limit);
    return limit !== 0 && bytes > limit ? bytes : undefined;
  }

  /** Records whether `uri` is skipped for its size (`bytes`, or undefined when it is not); the log names each new one. */
  noteSize(uri: vscode.Uri, bytes: number | undefined): void {
    const key = uri.toString();
    if (bytes === undefined) {
      if (this.skippedFiles.delete(key)) this.changed.fire();
      return;
    }
    if (this.skippedFiles.has(key)) return;
    this.skippedFiles.set(key, bytes);
    this.log.warn(`Skipped ${vscode.workspace.asRelativePath(uri)}: ${formatBytes(bytes)} is over glossa.maxFileSize (${formatBytes(this.limit(uri))})`);
    this.changed.fire();
  }

  /** True when the text (or file size) is over the limit; records the file as skipped or not, tells no one. */
  tooBig(uri: vscode.Uri, size: number | string): boolean {
    const bytes = this.oversize(uri, size);
    this.noteSize(uri, bytes);
    return bytes !== undefined;
  }

  /** Tells the user, once per file, that an open document of `bytes` is not checked. */
  notice(uri: vscode.Uri, bytes: number): void {
    const key = uri.toString();
    if (this.noticed.has(key)) return;
    this.noticed.add(key);
    const open = vscode.l10n.t('Change the Limit');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'Glossa skipped {0}: at {1} it is larger than the glossa.maxFileSize setting ({2}). Names and numbers in it are not checked.',
          vscode.workspace.asRelativePath(uri),
          formatBytes(bytes),
          formatBytes(this.limit(uri)),
        ),
        open,
      )
      .then((choice) => choice === open && vscode.commands.executeCommand('workbench.action.openSettings', 'glossa.maxFileSize'));
  }

  /** Tells the user about files a workspace scan skipped, in one message. */
  noticeScan(uris: vscode.Uri[]): void {
    const fresh = uris.filter((u) => !this.noticed.has(u.toString()));
    if (fresh.length === 0) return;
    for (const u of fresh) this.noticed.add(u.toString());
    const show = vscode.l10n.t('Show Log');
    void vscode.window
      .showWarningMessage(
        fresh.length === 1
          ? vscode.l10n.t('Glossa skipped {0}: it is larger than the glossa.maxFileSize setting.', vscode.workspace.asRelativePath(fresh[0]))
          : vscode.l10n.t('Glossa skipped {0} files larger than the glossa.maxFileSize setting; the log names them.', fresh.length),
        show,
      )
      .then((choice) => choice === show && this.log.show());
  }

  /** Files skipped for their size, with their size in bytes. */
  skipped(): ReadonlyMap<string, number> {
    return this.skippedFiles;
  }

}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
