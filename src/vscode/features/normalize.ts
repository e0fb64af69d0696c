/**
 * Normalize: rewrite spelling variants to the canonical form (DESIGN.md rule 8)
 * for one entity in a file, for a whole file, or across the corpus. Each command
 * applies one WorkspaceEdit, so one undo reverts it; the corpus-wide one shows
 * VS Code's refactor preview first, its changes grouped by entity (labelled
 * entries; "Group Changes By Type" in the preview). Texts are read
 * as the user sees them (an open document's unsaved text, else the file on disk)
 * and edited through the WorkspaceEdit, so no unsaved text is ever lost.
 * The target style is the `glossa.normalize.style` setting of each file.
 */
import * as vscode from 'vscode';
import { textFormatOf, type Mention, type NormalizeEdit } from '../../core';
import { asPosition, asString, asUri, targetDocument } from '../commandArgs';
import { Commands } from '../commands';
import type { Deps } from '../deps';
import { addEdits, askForPreview, exists, isCurrent, readFileText, saveUntouched, type FileText } from '../fileEdits';
import type { FolderGlossary } from '../services/glossaryStore';
import { pickEntity } from '../entityPick';
import { mentionAt } from '../mentionAt';

/** The normalization style in effect for a file (`glossa.normalize.style`). */
/** A file and the normalization edits of its text. */
export interface FileNormalization {
  file: FileText;
  folder: FolderGlossary;
  edits: NormalizeEdit[];
}

/**
 * The normalization edits of a file as the user sees it, or undefined when Glossa
 * leaves the file alone (not a corpus file, too big, outside every folder).
 */
export async function normalizeFileText(deps: Deps, uri: vscode.Uri): Promise<FileNormalization | undefined> {
  const folder = deps.store.folderOf(uri);
  if (!folder || !deps.filter.includes(uri)) return undefined;
  const file = await readFileText(uri);
  if (!file.exists || deps.filter.tooBig(uri, file.text)) return undefined;
  // A document VS Code still holds after its file was deleted: nothing the user sees.
  if (file.document && !file.document.isDirty && !(await exists(uri))) return undefined;
  const analysis = file.document && deps.analyses.get(file.document);
  const mentions: Mention[] = analysis && analysis.text === file.text ? analysis.analysis.mentions : folder.engine.mentions(file.text, { format: textFormatOf(uri.path) });
  return { file, folder, edits: folder.engine.normalize(file.text, { style: deps.config.read(uri).normalizeStyle }, mentions) };
}

export function registerNormalize(deps: Deps): vscode.Disposable {

  /** Applies the edits of one file (not previewed); a file that was not open is saved afterwards. */
  const applyFile = async (n: FileNormalization, edits: readonly NormalizeEdit[]): Promise<boolean> => {
    const edit = new vscode.WorkspaceEdit();
    addEdits(edit, n.file, edits);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    await saveUntouched([n.file], true);
    return true;
  };

  const report = (count: number, what: string): void => {
    if (count === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: nothing to normalize {0}.', what));
    else void vscode.window.setStatusBarMessage(vscode.l10n.t('Glossa: normalized {0} spelling(s) {1}.', count, what), 5000);
  };

  /** `glossa.normalizeFile(uri?)`: every variant of the file. Returns the number of spellings rewritten. */
  const normalizeFile = async (uriArg?: unknown): Promise<number> => {
    const uri = asUri(uriArg) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return 0;
    let n = await normalizeFileText(deps, uri);
    if (!n) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: {0} is not a corpus file.', vscode.workspace.asRelativePath(uri)));
      return 0;
    }
    if (!isCurrent(n.file)) n = (await normalizeFileText(deps, uri)) ?? n;
    if (n.edits.length > 0 && !(await applyFile(n, n.edits))) return 0;
    report(n.edits.length, vscode.l10n.t('in this file'));
    return n.edits.length;
  };

  /**
   * `glossa.normalizeEntity(uri?, at?)`: the variants of one entity in a file; `at` is a
   * position (the mention there) or an entity id. Without either, the mention at the
   * cursor, else a pick of the file's entities that have variants.
   */
  const normalizeEntity = async (uriArg?: unknown, at?: unknown): Promise<number> => {
    const target = await targetDocument(uriArg);
    if (!target) return 0;
    const { document, editor } = target;
    const n = await normalizeFileText(deps, document.uri);
    if (!n) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: {0} is not a corpus file.', vscode.workspace.asRelativePath(document.uri)));
      return 0;
    }
    let entityId = asString(at);
    const position = asPosition(at) ?? (asUri(uriArg) || entityId ? undefined : editor?.selection.active);
    if (position) entityId = mentionAt(deps, document, position)?.entity.id;
    if (!entityId) {
      if (asUri(uriArg) && at !== undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: there is no name at that place.'));
        return 0;
      }
      const counts = new Map<string, number>();
      for (const e of n.edits) counts.set(e.entityId, (counts.get(e.entityId) ?? 0) + 1);
      if (counts.size === 0) {
        report(0, vscode.l10n.t('in this file'));
        return 0;
      }
      const choice = await pickEntity({
        title: vscode.l10n.t('Normalize Entity'),
        placeholder: vscode.l10n.t('Which name to write in its canonical spelling in this file?'),
        folders: [n.folder],
        only: ({ entity }) => counts.has(entity.id),
        describe: ({ entity }) => {
          const spellings = [...new Set(n.edits.filter((e) => e.entityId === entity.id).map((e) => e.oldText.normalize('NFC').replace(/\s+/g, ' ')))];
          return vscode.l10n.t('{0} to rewrite: {1}', counts.get(entity.id)!, spellings.join(', '));
        },
      });
      if (!choice) return 0;
      entityId = choice.entity.id;
    }
    const edits = n.edits.filter((e) => e.entityId === entityId);
    const name = n.folder.engine.entity(entityId)?.name ?? entityId;
    if (edits.length > 0 && !(await applyFile(n, edits))) return 0;
    report(edits.length, vscode.l10n.t('for {0} in this file', name));
    return edits.length;
  };

  /**
   * `glossa.normalizeWorkspace(options?)`: every variant in every corpus file, opened or
   * not, in one WorkspaceEdit previewed in the refactor preview (`{ preview: false }`
   * applies it at once). Returns the number of spellings rewritten.
   */
  const normalizeWorkspace = async (options?: unknown): Promise<number> => {
    const preview = !(typeof options === 'object' && options !== null && (options as { preview?: unknown }).preview === false);
    const built = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Glossa: normalizing the corpus') },
      async () => {
        for (let tries = 0; ; tries++) {
          const result = await workspaceEdit(deps, preview);
          // Someone typed meanwhile: compute again on the text the edit will meet.
          if (result.files.every((f) => isCurrent(f)) || tries >= 2) return result;
        }
      },
    );
    if (built.count === 0) {
      report(0, vscode.l10n.t('in the corpus'));
      return 0;
    }
    // Not `isRefactoring`: VS Code would then save every file, the ones with unsaved changes too.
    if (!(await vscode.workspace.applyEdit(built.edit))) return 0;
    await saveUntouched(built.files);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Glossa: normalized {0} spelling(s) in {1} file(s).', built.count, built.files.length), 5000);
    return built.count;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.normalizeEntity, normalizeEntity),
    vscode.commands.registerCommand(Commands.normalizeFile, normalizeFile),
    vscode.commands.registerCommand(Commands.normalizeWorkspace, normalizeWorkspace),
  );
}

/** The corpus-wide WorkspaceEdit: each entity's changes labelled with its name, so the preview groups them. */
async function workspaceEdit(deps: Deps, preview: boolean): Promise<{ edit: vscode.WorkspaceEdit; count: number; files: FileText[] }> {
  await deps.corpus.ensure();
  const uris = new Map<string, vscode.Uri>();
  for (const file of deps.corpus.files()) uris.set(file.uri.toString(), file.uri);
  for (const document of vscode.workspace.textDocuments) {
    if (deps.analyses.isCorpusDocument(document)) uris.set(document.uri.toString(), document.uri);
  }
  const sorted = [...uris.values()].sort((a, b) => a.path.localeCompare(b.path));
  const found: FileNormalization[] = [];
  for (const uri of sorted) {
    const n = await normalizeFileText(deps, uri);
    if (n && n.edits.length > 0) found.push(n);
  }

  // Per entity: its label, and the spellings it rewrites, for the preview's groups.
  const groups = new Map<string, { name: string; from: Set<string>; to: Set<string>; metadata?: vscode.WorkspaceEditEntryMetadata }>();
  const key = (n: FileNormalization, id: string) => `${n.folder.folder.uri.toString()}#${id}`;
  for (const n of found) {
    for (const e of n.edits) {
      const k = key(n, e.entityId);
      let group = groups.get(k);
      if (!group) groups.set(k, (group = { name: n.folder.engine.entity(e.entityId)?.name ?? e.entityId, from: new Set(), to: new Set() }));
      group.from.add(e.oldText.normalize('NFC').replace(/\s+/g, ' '));
      group.to.add(e.newText.replace(/\s+/g, ' '));
    }
  }
  if (preview) {
    for (const group of groups.values()) {
      group.metadata = {
        needsConfirmation: false,
        label: group.name,
        description: `${[...group.from].join(', ')} → ${[...group.to].join(', ')}`,
        iconPath: new vscode.ThemeIcon('symbol-text'),
      };
    }
  }
  const edit = new vscode.WorkspaceEdit();
  let count = 0;
  for (const n of found) {
    for (const e of n.edits) {
      addEdits(edit, n.file, [e], groups.get(key(n, e.entityId))?.metadata);
      count++;
    }
  }
  if (preview && found.length > 0) askForPreview(edit, found[0].file.uri, vscode.l10n.t('Normalize All in Workspace'));
  return { edit, count, files: found.map((n) => n.file) };
}
