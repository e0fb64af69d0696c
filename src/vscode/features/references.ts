/**
 * Find All References on a mention: every mention of the entity in the corpus,
 * in open documents (as edited) and in files never opened (read from disk).
 */
import * as vscode from 'vscode';
import { toRange } from '../convert';
import type { Deps } from '../deps';
import { mentionAt } from '../mentionAt';

export function registerReferences(deps: Deps): vscode.Disposable {
  const provider: vscode.ReferenceProvider = {
    async provideReferences(document, position, context, token) {
      const found = mentionAt(deps, document, position);
      if (!found) return undefined;
      const { analysis, entity } = found;
      if (!(await deps.corpus.ensure({ token }))) return undefined;
      const locations = deps.corpus
        .mentionsOf(analysis.folder, entity.id)
        .map(({ file, mention }) => new vscode.Location(file.uri, toRange(file.lines, mention.start, mention.end)));
      if (context.includeDeclaration) {
        const entry = deps.store.entityLocation(analysis.folder, entity);
        if (entry) locations.unshift(entry);
      }
      return locations;
    },
  };
  return vscode.languages.registerReferenceProvider({ pattern: '**/*' }, provider);
}
