// Helpers for the suites of the acting features (normalize, quick fixes, recording
// facts, growing the glossary, rename): they edit the fixture workspace, so each
// suite takes a snapshot of its files first and puts every byte back afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, glossa, glossaLog, restore, workspaceFile } from './glossa';
import { waitFor } from './support';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export async function readDisk(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** The document of `uri` (opened if needed, without an editor). */
export function documentOf(uri: vscode.Uri): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uri);
}

/** Line `n` (1-based, as the editor shows it) of a document. */
export function line(document: vscode.TextDocument, n: number): string {
  return document.lineAt(n - 1).text;
}

/** The glossary, the ledger and the articles as they are on disk, to put back after a suite. */
export class Snapshot {
  private constructor(private readonly files: Map<string, { uri: vscode.Uri; text: string }>) {}

  static async take(): Promise<Snapshot> {
    const uris = [workspaceFile('glossary.yaml'), workspaceFile('facts.yaml')];
    for (const [name, type] of await vscode.workspace.fs.readDirectory(workspaceFile('articles'))) {
      if (type === vscode.FileType.File) uris.push(workspaceFile('articles', name));
    }
    const files = new Map<string, { uri: vscode.Uri; text: string }>();
    for (const uri of uris) files.set(uri.toString(), { uri, text: await readDisk(uri) });
    return new Snapshot(files);
  }

  text(uri: vscode.Uri): string {
    const file = this.files.get(uri.toString());
    assert.ok(file, `${uri.path} is not in the snapshot`);
    return file.text;
  }

  /** Puts every file back as it was (open documents too, saved), and deletes the articles added since. */
  async restore(): Promise<void> {
    for (const { uri, text } of this.files.values()) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) await restore(open, text);
      if ((await readDisk(uri)) !== text) await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    }
    for (const [name] of await vscode.workspace.fs.readDirectory(workspaceFile('articles'))) {
      const uri = workspaceFile('articles', name);
      if (!this.files.has(uri.toString())) {
        // VS Code keeps a document for a while after its file is deleted, and Glossa's corpus
        // index follows the document: empty it first, so it counts for nothing meanwhile.
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) await restore(open, '');
        const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
        if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
        await vscode.workspace.fs.delete(uri);
      }
    }
    await (await glossa()).ready();
  }
}

/** Sets a setting for the workspace (undefined removes it) and waits for Glossa to follow. */
export async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(section);
  if (config.inspect(key)?.workspaceValue === value) return;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  // `update` can settle before this extension host has the new value, and so before Glossa's
  // change listener ran: waiting on `ready()` then would wait on nothing.
  const wanted = JSON.stringify(value);
  await waitFor(() => (JSON.stringify(vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue) === wanted ? true : undefined), `${section}.${key} set to ${wanted}`);
  await (await glossa()).ready();
}

/** Turns off auto-save (VS Code for the Web saves after a delay), so that unsaved text stays unsaved. */
export async function withoutAutoSave(): Promise<void> {
  await setSetting('files', 'autoSave', 'off');
}

export async function restoreAutoSave(): Promise<void> {
  await setSetting('files', 'autoSave', undefined);
}

/** The same edit without its metadata (so applying it shows no refactor preview). */
export function withoutPreview(edit: vscode.WorkspaceEdit): vscode.WorkspaceEdit {
  const copy = new vscode.WorkspaceEdit();
  for (const [uri, edits] of edit.entries()) copy.set(uri, edits);
  return copy;
}

/** Waits until Glossa is idle and `probe` holds. */
export async function eventually(probe: () => boolean | Promise<boolean>, what: string, timeoutMs?: number): Promise<void> {
  const api = await glossa();
  await waitFor(async () => {
    await api.ready();
    return (await probe()) ? true : undefined;
  }, what, timeoutMs);
}

/** The code actions VS Code offers on a range (quick fixes unless `kind` says otherwise). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  // A bare Command has a string `command`; a CodeAction has an optional Command object.
  return actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action as VS Code does: its edit, then its command. */
export async function runAction(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `could not apply "${action.title}"`);
  if (action.command) return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return undefined;
}

/** Today in the local calendar, as the ledger's `checked` field writes it. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The hooks every suite that edits the workspace needs: auto save off and a
 * snapshot first; after each test `reset` (settings it changed, …), the log's
 * tail when it failed, and every byte put back; at the end editors closed and
 * auto save restored. Returns the snapshot (once the suite has started).
 */
export function editingSuite(reset?: () => Promise<void>): () => Snapshot {
  let snapshot: Snapshot | undefined;
  before(async () => {
    await withoutAutoSave();
    snapshot = await Snapshot.take();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log((await glossaLog()).split('\n').slice(-30).join('\n'));
    await reset?.();
    await snapshot?.restore();
  });
  after(async () => {
    await closeAll();
    await restoreAutoSave();
  });
  return () => {
    if (!snapshot) throw new Error('the snapshot is taken in the suite\'s before hook');
    return snapshot;
  };
}
