/**
 * The discovery commands over the whole corpus: `glossa.suggestEntities` shows the
 * Suggestions view (or, given a folder, returns its candidates as plain data, as
 * `glossa suggest --format json` prints them) and `glossa.addSuggested` adds
 * candidates to the glossary, all of a folder's in one WorkspaceEdit that keeps
 * the file's comments and layout (one Undo reverts it).
 */
import * as vscode from 'vscode';
import { addEntities, candidateRow, type NewEntity, type ReportRange, type SuggestReport } from '../../core';
import { asUri } from '../commandArgs';
import { Commands } from '../commands';
import type { Deps } from '../deps';
import { editSourceFile } from '../fileEdits';
import type { NameRef } from '../services/corpusIndex';
import type { FolderGlossary } from '../services/glossaryStore';
import { glossaryFileOf } from './glossaryCommands';
import { kindLabel, type Candidate, type CandidateNode, type SuggestionsView } from './suggestionsView';

/** The `suggest` JSON of DESIGN.md ("The command-line program"), paths relative to the folder. */
export type SuggestData = SuggestReport;

export function registerSuggestCommands(deps: Deps, view: SuggestionsView): vscode.Disposable {
  const { store } = deps;

  /** `glossa.suggestEntities(folder?)`: with a folder (or a file in it), its candidates as data; else shows the view. */
  const suggestEntities = async (folderArg?: unknown): Promise<SuggestData | undefined> => {
    const uri = asUri(folderArg);
    if (!uri) {
      await view.show();
      return undefined;
    }
    const folder = store.all().find((f) => f.folder.uri.toString() === uri.toString()) ?? store.folderOf(uri);
    if (!folder) return undefined;
    const list = await view.suggestions(folder);
    if (!list) return undefined;
    const where = (ref: NameRef): { file: string } & ReportRange => ({ file: relativePath(folder, ref.file.uri), ...locate(ref) });
    return {
      candidates: list.candidates.map((c) => candidateRow(c, (o) => where(o.at))),
      variants: list.variants.map(({ file, variant: v }) => ({
        ...where({ file, start: v.start, end: v.end }),
        text: v.text,
        entity: v.entityId,
        canonical: v.canonical,
        reason: v.reason,
      })),
    };
  };

  /**
   * `glossa.addSuggested(...names)`: adds the candidates named (by proposed name,
   * id or any spelling; an optional folder URI narrows the search) without asking.
   * From the view's menus: the clicked candidate, or all selected ones. With
   * nothing: the view's selection, else a pick of every candidate. Returns the ids
   * of the entries added.
   */
  const addSuggested = async (...args: unknown[]): Promise<string[]> => {
    const chosen = await chooseCandidates(args);
    if (!chosen) return [];
    const byFolder = new Map<FolderGlossary, Candidate[]>();
    for (const { folder, candidate } of chosen) {
      const list = byFolder.get(folder);
      if (list) list.push(candidate);
      else byFolder.set(folder, [candidate]);
    }
    const added: string[] = [];
    for (const [folder, candidates] of byFolder) {
      const uri = glossaryFileOf(folder, deps.config);
      const entities: NewEntity[] = candidates.map((c) => ({ kind: c.kind, name: c.name, id: c.id, aliases: c.aliases }));
      const { result, applied } = await editSourceFile(uri, (text) => addEntities(text, entities, { file: vscode.workspace.asRelativePath(uri) }));
      if (applied && result.ok) added.push(...result.ids);
    }
    return added;
  };

  /** The candidates the arguments name, as the view lists them now; undefined when there are none to add. */
  const chooseCandidates = async (args: unknown[]): Promise<CandidateNode[] | undefined> => {
    const all = await view.candidates();
    // Nodes of the view may come from a list before the last refresh: take the current candidate of that name.
    const current = (node: CandidateNode): CandidateNode | undefined => all.find((c) => c.folder === node.folder && c.candidate.name === node.candidate.name);
    const nodes = args.flatMap((a) => (Array.isArray(a) ? a : [a])).filter(isCandidateNode);
    if (nodes.length > 0) {
      // A menu of a multi-selection passes the clicked node and the selection.
      return unique(nodes.map(current).filter((c): c is CandidateNode => c !== undefined));
    }
    const names = args.flatMap((a) => (Array.isArray(a) ? a : [a])).filter((a): a is string => typeof a === 'string' && a.trim() !== '' && !isUriString(a));
    if (names.length > 0) {
      const folderUri = args.map((a) => (a instanceof vscode.Uri || (typeof a === 'string' && isUriString(a)) ? asUri(a) : undefined)).find((u) => u !== undefined);
      const scope = folderUri ? all.filter((c) => c.folder.folder.uri.toString() === folderUri.toString()) : all;
      const found: CandidateNode[] = [];
      const missing: string[] = [];
      for (const name of names) {
        const match = scope.filter((c) => named(c.candidate, name));
        if (match.length === 0) missing.push(name);
        // In a multi-root workspace each folder whose corpus has the name gets its own entry.
        else found.push(...match);
      }
      if (missing.length > 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Glossa: no suggested name {0} in the corpus (already in the glossary, or not found).', missing.map((m) => `"${m}"`).join(', ')));
      }
      return found.length > 0 ? unique(found) : undefined;
    }
    const selected = view.selection().map(current).filter((c): c is CandidateNode => c !== undefined);
    if (selected.length > 0) return unique(selected);
    if (all.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: the corpus has no names the glossary lacks.'));
      return undefined;
    }
    const multiRoot = store.all().length > 1;
    const picked = await vscode.window.showQuickPick(
      all.map((node) => ({
        label: node.candidate.name,
        description: [kindLabel(node.candidate.kind), node.candidate.files === 1 ? vscode.l10n.t('{0} in 1 file', node.candidate.count) : vscode.l10n.t('{0} in {1} files', node.candidate.count, node.candidate.files), multiRoot ? node.folder.folder.name : '']
          .filter(Boolean)
          .join(' · '),
        detail: node.candidate.aliases.length > 0 ? vscode.l10n.t('also written {0}', node.candidate.aliases.join(', ')) : undefined,
        node,
      })),
      { canPickMany: true, title: vscode.l10n.t('Add suggested names to the glossary'), placeHolder: vscode.l10n.t('Pick the names to add (each as a new entry, its other spellings as aliases)') },
    );
    return picked && picked.length > 0 ? picked.map((p) => p.node) : undefined;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.suggestEntities, suggestEntities),
    vscode.commands.registerCommand(Commands.addSuggested, addSuggested),
  );
}

/** Does `name` name the candidate: its proposed name, its id or one of its spellings (NFC, single-spaced)? */
function named(candidate: Candidate, name: string): boolean {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  return candidate.name === n || candidate.id === n || candidate.spellings.some((s) => s.text === n);
}

function isCandidateNode(value: unknown): value is CandidateNode {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'candidate' && 'candidate' in value && 'folder' in value;
}

function isUriString(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function locate(ref: NameRef): ReportRange {
  const s = ref.file.lines.positionAt(ref.start);
  const e = ref.file.lines.positionAt(ref.end);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

/** The file's path relative to the folder, with forward slashes (as `glossa suggest` run in the folder prints it). */
function relativePath(folder: FolderGlossary, uri: vscode.Uri): string {
  const base = folder.folder.uri.path.replace(/\/?$/, '/');
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : vscode.workspace.asRelativePath(uri, false);
}
