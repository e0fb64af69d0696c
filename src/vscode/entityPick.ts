/**
 * The fuzzy entity pick shared by "Find Entity…", "Link to Entity…" and "Normalize
 * Entity": the core's fuse.js search over names, aliases, other names, short forms,
 * titles and descriptions, compared in folded form. VS Code's own QuickPick filter is
 * not diacritic-insensitive ("tran thanh man" would not find Trần Thanh Mẫn), so the
 * items are recomputed for every value typed and marked `alwaysShow`.
 */
import * as vscode from 'vscode';
import { createEntitySearch, type Engine, type Entity, type EntitySearch, type SearchField } from '../core';
import { kindIcon } from './convert';
import type { FolderGlossary } from './services/glossaryStore';

/** An entity of one folder's glossary. */
export interface EntityChoice {
  folder: FolderGlossary;
  entity: Entity;
}

export interface EntityHit extends EntityChoice {
  matched: string;
  field: SearchField;
  score: number;
}

const searches = new WeakMap<Engine, EntitySearch>();
const LIMIT = 50;

/** The search index of a folder's engine, built once per engine. */
function searchOf(folder: FolderGlossary): EntitySearch {
  let search = searches.get(folder.engine);
  if (!search) {
    search = createEntitySearch(folder.engine.entities);
    searches.set(folder.engine, search);
  }
  return search;
}

/**
 * The entities matching `query` in the folders' glossaries, best first (a blank query
 * lists them in glossary order). `only` keeps the entities it accepts.
 */
export function searchEntities(folders: readonly FolderGlossary[], query: string, options: { limit?: number; only?: (choice: EntityChoice) => boolean } = {}): EntityHit[] {
  const limit = options.limit ?? LIMIT;
  const hits: EntityHit[] = [];
  for (const folder of folders) {
    // With a filter, ask for every entity so the filter does not starve the list.
    const max = options.only ? folder.engine.entities.length : limit;
    for (const r of searchOf(folder).search(query, max)) {
      const hit = { folder, entity: r.entity, matched: r.matched, field: r.field, score: r.score };
      if (!options.only || options.only(hit)) hits.push(hit);
    }
  }
  // Stable: equal scores keep each folder's own order.
  return hits.sort((a, b) => a.score - b.score).slice(0, limit);
}

export interface EntityPickItem extends vscode.QuickPickItem {
  choice: EntityChoice;
}

export interface EntityPickOptions {
  title: string;
  placeholder: string;
  folders: readonly FolderGlossary[];
  /** The text the pick starts with (the selection, or a test's query). */
  value?: string;
  only?: (choice: EntityChoice) => boolean;
  /** Replaces the description of an item (by default its kind and aliases). */
  describe?: (choice: EntityChoice) => string;
  buttons?: readonly vscode.QuickInputButton[];
  /** Called when an item's button is pressed; return true to close the pick. */
  onButton?: (choice: EntityChoice, button: vscode.QuickInputButton) => boolean | Promise<boolean>;
}

/** The items the pick shows for `value`: the search results, in their order. */
export function entityItems(options: EntityPickOptions, value: string): EntityPickItem[] {
  const manyFolders = new Set(options.folders.map((f) => f.folder.uri.toString())).size > 1;
  return searchEntities(options.folders, value, { only: options.only }).map((hit) => ({
    label: `$(${kindIcon(hit.entity.kind)}) ${hit.entity.name}`,
    description: options.describe ? options.describe(hit) : describeEntity(hit),
    detail: [hit.entity.description, manyFolders ? hit.folder.folder.name : undefined].filter(Boolean).join(' · ') || undefined,
    alwaysShow: true,
    buttons: options.buttons ? [...options.buttons] : undefined,
    choice: { folder: hit.folder, entity: hit.entity },
  }));
}

/** `person · To Lam` — the kind, the aliases, and what matched when it is another field. */
export function describeEntity(hit: EntityChoice & Partial<Pick<EntityHit, 'matched' | 'field'>>): string {
  const parts: string[] = [hit.entity.kind, ...hit.entity.aliases];
  if (hit.matched && hit.field && hit.field !== 'name' && hit.field !== 'alias' && hit.field !== 'description') parts.push(hit.matched);
  return parts.join(' · ');
}

/** Shows the fuzzy pick; resolves with the accepted entity, or undefined when dismissed. */
export function pickEntity(options: EntityPickOptions): Promise<EntityChoice | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<EntityPickItem>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = true;
    pick.matchOnDetail = false;
    pick.ignoreFocusOut = false;
    let settled = false;
    const finish = (choice: EntityChoice | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(choice);
      pick.hide();
    };
    const show = (value: string): void => {
      pick.items = entityItems(options, value);
    };
    const subscriptions = [
      pick.onDidChangeValue(show),
      pick.onDidAccept(() => {
        const item = pick.activeItems[0] ?? pick.selectedItems[0];
        if (item) finish(item.choice);
      }),
      pick.onDidTriggerItemButton(async ({ item, button }) => {
        if (options.onButton && (await options.onButton(item.choice, button))) finish(undefined);
      }),
      pick.onDidHide(() => {
        finish(undefined);
        for (const s of subscriptions) s.dispose();
        pick.dispose();
      }),
    ];
    if (options.value) pick.value = options.value;
    show(options.value ?? '');
    pick.show();
  });
}
