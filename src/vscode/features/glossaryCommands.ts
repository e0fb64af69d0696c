/**
 * Growing the glossary from the text: "Add to Glossary…" (`glossa.addToGlossary`) writes
 * a new entry for the selected name, asking for its kind and canonical spelling;
 * "Link to Entity…" (`glossa.linkToEntity`) adds the selection as an alias of an entity
 * chosen from the fuzzy pick; `glossa.ignoreInGlossary` (internal: the discovery quick
 * fixes) puts a spelling on the glossary's `ignore:` list. They edit the glossary file through a WorkspaceEdit that
 * keeps its comments and layout; the store reloads from the edited document, so the
 * new spelling is highlighted at once.
 */
import * as vscode from 'vscode';
import { addAlias, addEntity, addIgnored, ENTITY_KINDS, isGlob, type EntityKind, type SpellingField } from '../../core';
import { asRange, asString, targetDocument } from '../commandArgs';
import { Commands } from '../commands';
import { kindIcon } from '../convert';
import type { Deps } from '../deps';
import { editSourceFile } from '../fileEdits';
import type { Config } from '../services/config';
import type { FolderGlossary } from '../services/glossaryStore';
import { pickEntity } from '../entityPick';

/** The glossary file new entries go to: the folder's first, else the first plain path of `glossa.glossaryFiles`. */
export function glossaryFileOf(folder: FolderGlossary, config: Config): vscode.Uri {
  if (folder.glossaryUris.length > 0) return folder.glossaryUris[0];
  const path = config.read(folder.folder.uri).glossaryFiles.find((p) => !isGlob(p)) ?? 'glossary.yaml';
  return vscode.Uri.joinPath(folder.folder.uri, path);
}

/** A selected name: single-spaced, NFC, without surrounding quotes or punctuation. */
export function cleanSelection(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»(\[]+|[\s"'“”‘’«»)\].,;:!?]+$/g, '')
    .replace(/(?:['’]s)$/u, '');
}

export function registerGlossaryCommands(deps: Deps): vscode.Disposable {
  const { store } = deps;

  /** The selected text and its folder, or a message saying what to select. */
  const selection = async (uriArg: unknown, rangeArg: unknown): Promise<{ text: string; folder: FolderGlossary } | undefined> => {
    const target = await targetDocument(uriArg);
    const range = asRange(rangeArg) ?? target?.editor?.selection;
    const text = target && range && !range.isEmpty ? cleanSelection(target.document.getText(range)) : '';
    const folder = target && store.folderOf(target.document.uri);
    if (!text || !folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: select a name in a text first.'));
      return undefined;
    }
    return { text, folder };
  };

  /**
   * `glossa.addToGlossary(uri?, range?, kind?, name?, proposal?)`: a new entry for the
   * selected name. A given kind skips the kind pick, a given name (or any URI) the name
   * box. A `proposal` (an unknown name's quick fix: discovery's proposed name, kind and
   * other spellings) fills both in, and still shows them. The selection and the
   * proposal's other spellings are kept as aliases when spelled differently from the
   * canonical name. Returns the new entry's id.
   */
  const addToGlossary = async (uriArg?: unknown, rangeArg?: unknown, kindArg?: unknown, nameArg?: unknown, proposalArg?: unknown): Promise<string | undefined> => {
    const selected = await selection(uriArg, rangeArg);
    if (!selected) return undefined;
    const proposal = asProposal(proposalArg);
    const scripted = uriArg !== undefined && !proposal;
    let kind = ENTITY_KINDS.find((k) => k === kindArg);
    if (!kind) {
      const labels: Record<EntityKind, string> = { person: vscode.l10n.t('Person'), body: vscode.l10n.t('Body (organisation, institution, party)'), place: vscode.l10n.t('Place') };
      // The proposed kind first, so that Enter takes it.
      const kinds = proposal?.kind ? [proposal.kind, ...ENTITY_KINDS.filter((k) => k !== proposal.kind)] : [...ENTITY_KINDS];
      const picked = await vscode.window.showQuickPick(
        kinds.map((k) => ({ label: `$(${kindIcon(k)}) ${labels[k]}`, description: k === proposal?.kind ? vscode.l10n.t('proposed') : undefined, entityKind: k })),
        { title: vscode.l10n.t('Add "{0}" to the glossary', selected.text), placeHolder: vscode.l10n.t('What kind of entity is it?') },
      );
      if (!picked) return undefined;
      kind = picked.entityKind;
    }
    let name = asString(nameArg) ?? (scripted ? selected.text : undefined);
    if (!name) {
      const others = proposal ? [selected.text, ...proposal.aliases].filter((a) => a !== (proposal.name ?? selected.text)) : [];
      name = await vscode.window.showInputBox({
        title: vscode.l10n.t('Add "{0}" to the glossary', selected.text),
        prompt:
          others.length > 0
            ? vscode.l10n.t('The canonical spelling, with its diacritics (normalization writes names this way). The other spellings become aliases: {0}.', [...new Set(others)].join(', '))
            : vscode.l10n.t('The canonical spelling, with its diacritics (normalization writes names this way).'),
        value: proposal?.name ?? selected.text,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('An entity needs a name.') : undefined),
      });
      if (!name) return undefined;
    }
    const canonical = name.trim().normalize('NFC');
    const aliases = [...new Set([selected.text, ...(proposal?.aliases ?? [])].map((a) => a.normalize('NFC')))].filter((a) => a !== canonical);
    const uri = glossaryFileOf(selected.folder, deps.config);
    const { result, applied } = await editSourceFile(uri, (text) => addEntity(text, { kind: kind!, name: canonical, aliases }, { file: vscode.workspace.asRelativePath(uri) }));
    return applied && result.ok ? result.id : undefined;
  };

  /**
   * `glossa.linkToEntity(uri?, range?, entityId?, field?)`: the selection becomes an
   * alias (or, with field `aka`, another name) of the entity; a given id skips the pick.
   * Returns true when the glossary was edited.
   */
  const linkToEntity = async (uriArg?: unknown, rangeArg?: unknown, entityArg?: unknown, fieldArg?: unknown): Promise<boolean> => {
    const selected = await selection(uriArg, rangeArg);
    if (!selected) return false;
    const { folder, text: spelling } = selected;
    let entityId = asString(entityArg);
    if (!entityId) {
      const choice = await pickEntity({
        title: vscode.l10n.t('Link "{0}" to an entity', spelling),
        placeholder: vscode.l10n.t('Type a name, another spelling or a description (diacritics optional)'),
        folders: [folder],
        value: spelling,
      });
      if (!choice) return false;
      entityId = choice.entity.id;
    }
    const entity = folder.engine.entity(entityId);
    const uri = entity ? store.uriOf(folder, entity.location.file) : glossaryFileOf(folder, deps.config);
    if (!uri) return false;
    const field: SpellingField = fieldArg === 'aka' ? 'aka' : 'aliases';
    const { applied } = await editSourceFile(uri, (text) => addAlias(text, entityId!, spelling, field, { file: vscode.workspace.asRelativePath(uri) }));
    return applied;
  };

  /**
   * `glossa.ignoreInGlossary(uri?, range?)`: the selected spelling goes on the glossary's
   * top-level `ignore:` list, so discovery no longer reports it anywhere (the quick fixes
   * *Not a variant* and *Not a name to track*). Returns true when the glossary was edited.
   */
  const ignoreInGlossary = async (uriArg?: unknown, rangeArg?: unknown): Promise<boolean> => {
    const selected = await selection(uriArg, rangeArg);
    if (!selected) return false;
    const uri = glossaryFileOf(selected.folder, deps.config);
    const { applied } = await editSourceFile(uri, (text) => addIgnored(text, selected.text, { file: vscode.workspace.asRelativePath(uri) }));
    return applied;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.addToGlossary, addToGlossary),
    vscode.commands.registerCommand(Commands.linkToEntity, linkToEntity),
    vscode.commands.registerCommand(Commands.ignoreInGlossary, ignoreInGlossary),
  );
}

/** What discovery proposes for an unknown name: a name, a kind and the other spellings, as an `addToGlossary` argument. */
export interface EntityProposal {
  name?: string;
  kind?: EntityKind;
  aliases: string[];
}

function asProposal(value: unknown): EntityProposal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, kind, aliases } = value as Record<string, unknown>;
  return {
    name: asString(name)?.trim(),
    kind: ENTITY_KINDS.find((k) => k === kind),
    aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => cleanSelection(a)) : [],
  };
}
