/**
 * Rename Symbol (F2) on a mention: the entity gets a new canonical name in the
 * glossary (the old one kept as an alias, so nothing stops matching), and the
 * mentions spelled exactly as the old name are rewritten across the corpus, opened
 * or not. Other spellings stay linked; Normalize takes care of them. VS Code shows
 * the refactor preview first (see `askForPreview`), the glossary entry and the
 * mentions in groups of their own.
 */
import * as vscode from 'vscode';
import { renameEntity, renameMentionEdits, textFormatOf } from '../../core';
import { toRange } from '../convert';
import type { Deps } from '../deps';
import { addEdits, askForPreview, readFileText } from '../fileEdits';
import { mentionAt } from '../mentionAt';

export function registerRename(deps: Deps): vscode.Disposable {
  const { store, corpus, filter } = deps;

  const provider: vscode.RenameProvider = {
    prepareRename(document, position) {
      const found = mentionAt(deps, document, position);
      if (!found) throw new Error(vscode.l10n.t('Glossa renames the names of its glossary: put the cursor on a highlighted name.'));
      const { analysis, mention, entity } = found;
      return { range: toRange(analysis.lines, mention.start, mention.end), placeholder: entity.name };
    },

    async provideRenameEdits(document, position, newName, token) {
      const found = mentionAt(deps, document, position);
      if (!found) throw new Error(vscode.l10n.t('Glossa renames the names of its glossary: put the cursor on a highlighted name.'));
      const { folder } = found.analysis;
      const entity = found.entity;
      const glossaryUri = store.uriOf(folder, entity.location.file);
      if (!glossaryUri) throw new Error(vscode.l10n.t('Glossa cannot find the glossary file of {0}.', entity.name));
      const glossary = await readFileText(glossaryUri);
      const result = renameEntity(glossary.text, entity.id, newName, { file: entity.location.file });
      if (!result.ok) throw new Error(result.error);
      const edit = new vscode.WorkspaceEdit();
      if (!result.changed) return edit;
      const target = newName.replace(/\s+/g, ' ').trim().normalize('NFC');
      addEdits(edit, glossary, result.edits, {
        needsConfirmation: false,
        label: vscode.l10n.t('Glossary entry of {0}', entity.name),
        description: result.message,
        iconPath: new vscode.ThemeIcon('book'),
      });

      if (!(await corpus.ensure({ token }))) return undefined;
      const mentions: vscode.WorkspaceEditEntryMetadata = {
        needsConfirmation: false,
        label: vscode.l10n.t('Mentions of {0}', entity.name),
        description: `${entity.name} → ${target}`,
        iconPath: new vscode.ThemeIcon('references'),
      };
      const uris = new Map<string, vscode.Uri>();
      for (const file of corpus.sortedFiles(folder)) uris.set(file.uri.toString(), file.uri);
      for (const d of vscode.workspace.textDocuments) if (deps.analyses.isCorpusDocument(d) && store.folderOf(d.uri) === folder) uris.set(d.uri.toString(), d.uri);
      for (const uri of uris.values()) {
        if (token.isCancellationRequested) return undefined;
        const file = await readFileText(uri);
        if (!file.exists || filter.tooBig(uri, file.text)) continue;
        const analysis = file.document && deps.analyses.get(file.document);
        const found = analysis && analysis.text === file.text ? analysis.analysis.mentions : folder.engine.mentions(file.text, { format: textFormatOf(uri.path) });
        addEdits(edit, file, renameMentionEdits(file.text, found, entity, target), mentions);
      }
      askForPreview(edit, glossaryUri, vscode.l10n.t('Rename {0}', entity.name));
      return edit;
    },
  };

  return vscode.languages.registerRenameProvider({ pattern: '**/*' }, provider);
}
