/**
 * "Find Entity…" (`glossa.findEntity`): the fuzzy entity pick over every glossary of
 * the workspace; accepting an entity opens its glossary entry, the item's button lists
 * its mentions across the corpus.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { Deps } from '../deps';
import type { FolderGlossary } from '../services/glossaryStore';
import { pickEntity, searchEntities, type EntityChoice } from '../entityPick';

/** How `glossa.findEntity` is scripted. */
export interface FindEntityOptions {
  /** Run the search without the pick and take its first result. */
  query?: string;
  /** The text the pick starts with (the pick is shown). */
  value?: string;
  /** The entity, by id: no search, no pick. */
  entityId?: string;
  /** What to open: the glossary entry (default), the mentions, or nothing. */
  open?: 'entry' | 'mentions' | 'none';
}

export function registerFindEntity(deps: Deps): vscode.Disposable {
  const { store } = deps;
  const mentionsButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('references'), tooltip: vscode.l10n.t('Show all mentions') };

  /** The folders to search: the active document's, else all of them. */
  const folders = (): FolderGlossary[] => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const own = uri && vscode.workspace.getWorkspaceFolder(uri) ? store.folderOf(uri) : undefined;
    return own ? [own] : store.all();
  };

  const open = async (choice: EntityChoice, what: FindEntityOptions['open']): Promise<void> => {
    if (what === 'none') return;
    if (what === 'mentions') await vscode.commands.executeCommand(Commands.showMentions, { folder: choice.folder, entityId: choice.entity.id });
    else await vscode.commands.executeCommand(Commands.goToEntry, choice.folder.folder.uri.toString(), 'entity', choice.entity.id);
  };

  /** `glossa.findEntity(options?)`: returns the id of the entity found. */
  const findEntity = async (options?: FindEntityOptions): Promise<string | undefined> => {
    await store.ready;
    const o: FindEntityOptions = typeof options === 'object' && options !== null ? options : {};
    let choice: EntityChoice | undefined;
    if (typeof o.entityId === 'string') {
      const folder = folders().find((f) => f.engine.entity(o.entityId!));
      const entity = folder?.engine.entity(o.entityId);
      choice = folder && entity && { folder, entity };
    } else if (typeof o.query === 'string') {
      choice = searchEntities(folders(), o.query, { limit: 1 })[0];
    } else {
      choice = await pickEntity({
        title: vscode.l10n.t('Find Entity'),
        placeholder: vscode.l10n.t('Type a name, another spelling, a title or a description (diacritics optional)'),
        folders: folders(),
        value: typeof o.value === 'string' ? o.value : undefined,
        buttons: [mentionsButton],
        onButton: async (picked) => {
          await open(picked, 'mentions');
          return true;
        },
      });
    }
    if (!choice) return undefined;
    await open(choice, o.open ?? 'entry');
    return choice.entity.id;
  };

  return vscode.commands.registerCommand(Commands.findEntity, findEntity);
}
