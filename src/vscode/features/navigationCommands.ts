/**
 * Commands that take the user somewhere: the glossary entry of an entity (or
 * the ledger entry of a fact), every mention of an entity, a location.
 * Hover cards and the Entities view link to them; without arguments they act on
 * the mention at the cursor.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { toRange } from '../convert';
import type { Deps } from '../deps';
import { itemAt } from '../services/documentAnalyses';
import type { FolderGlossary } from '../services/glossaryStore';
import { mentionAt } from '../mentionAt';

/** A tree item or hover argument naming an entity. */
export interface EntityTarget {
  folder: FolderGlossary;
  entityId: string;
}

export function registerNavigationCommands(deps: Deps): vscode.Disposable {
  const { store, corpus } = deps;

  const folderByUri = (uri: string): FolderGlossary | undefined => store.all().find((f) => f.folder.uri.toString() === uri);

  const goToEntry = async (folderUri?: unknown, kind?: unknown, id?: unknown): Promise<void> => {
    let folder: FolderGlossary | undefined;
    let location: vscode.Location | undefined;
    if (isEntityTarget(folderUri)) {
      ({ folder } = folderUri);
      kind = 'entity';
      id = folderUri.entityId;
    } else if (typeof folderUri === 'string') {
      folder = folderByUri(folderUri);
    } else {
      // From the palette: the mention, or the number with a fact, at the cursor.
      const editor = vscode.window.activeTextEditor;
      const found = editor && mentionAt(deps, editor.document, editor.selection.active);
      if (found) {
        folder = found.analysis.folder;
        kind = 'entity';
        id = found.entity.id;
      } else if (editor) {
        const analysis = deps.analyses.get(editor.document);
        const index = analysis ? itemAt(analysis.analysis.numbers, editor.document.offsetAt(editor.selection.active)) : -1;
        const number = index >= 0 ? analysis!.analysis.numbers[index] : undefined;
        if (analysis && number?.fact) {
          folder = analysis.folder;
          kind = 'fact';
          id = number.fact;
        }
      }
    }
    if (folder && kind === 'entity' && typeof id === 'string') {
      const entity = folder.engine.entity(id);
      location = entity && store.entityLocation(folder, entity);
    } else if (folder && kind === 'fact' && typeof id === 'string') {
      const fact = folder.engine.ledger.facts.find((f) => f.id === id);
      location = fact && store.factLocation(folder, fact);
    }
    if (!location) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: put the cursor on a name (or a checked number) to go to its entry.'));
      return;
    }
    await reveal(location.uri, location.range);
  };

  const showMentions = async (arg0?: unknown, line?: unknown, character?: unknown, entityId?: unknown): Promise<void> => {
    let folder: FolderGlossary | undefined;
    let anchor: vscode.Location | undefined;
    let id: string | undefined;
    if (isEntityTarget(arg0)) {
      folder = arg0.folder;
      id = arg0.entityId;
      const entity = folder.engine.entity(id);
      anchor = entity && store.entityLocation(folder, entity);
    } else if (typeof arg0 === 'string' && typeof line === 'number' && typeof character === 'number' && typeof entityId === 'string') {
      const uri = vscode.Uri.parse(arg0);
      folder = store.folderOf(uri);
      id = entityId;
      anchor = new vscode.Location(uri, new vscode.Position(line, character));
    } else {
      const editor = vscode.window.activeTextEditor;
      const found = editor && mentionAt(deps, editor.document, editor.selection.active);
      if (found) {
        folder = found.analysis.folder;
        id = found.entity.id;
        anchor = new vscode.Location(editor.document.uri, editor.selection.active);
      }
    }
    if (!folder || !id || !anchor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: put the cursor on a name to see all its mentions.'));
      return;
    }
    await corpus.ensure();
    const locations = corpus.mentionsOf(folder, id).map(({ file, mention }) => new vscode.Location(file.uri, toRange(file.lines, mention.start, mention.end)));
    await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.range.start, locations);
  };

  const openLocation = async (uri: unknown, line: unknown, character: unknown, endLine: unknown, endCharacter: unknown): Promise<void> => {
    if (typeof uri !== 'string') return;
    const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
    await reveal(vscode.Uri.parse(uri), new vscode.Range(n(line), n(character), n(endLine ?? line), n(endCharacter ?? character)));
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.goToEntry, goToEntry),
    vscode.commands.registerCommand(Commands.showMentions, showMentions),
    vscode.commands.registerCommand(Commands.openLocation, openLocation),
  );
}

async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isEntityTarget(value: unknown): value is EntityTarget {
  return typeof value === 'object' && value !== null && 'entityId' in value && 'folder' in value;
}
