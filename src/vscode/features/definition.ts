/** Go to Definition on a mention: its entry in the glossary (the `name:` line selected). */
import * as vscode from 'vscode';
import { locationRange, toRange } from '../convert';
import type { Deps } from '../deps';
import { mentionAt } from '../mentionAt';

export function registerDefinition(deps: Deps): vscode.Disposable {
  const provider: vscode.DefinitionProvider = {
    provideDefinition(document, position) {
      const found = mentionAt(deps, document, position);
      if (!found) return undefined;
      const { analysis, mention, entity } = found;
      const target = deps.store.entityLocation(analysis.folder, entity);
      if (!target) return undefined;
      const link: vscode.LocationLink = {
        originSelectionRange: toRange(analysis.lines, mention.start, mention.end),
        targetUri: target.uri,
        targetRange: locationRange(entity.location),
        targetSelectionRange: target.range,
      };
      return [link];
    },
  };
  return vscode.languages.registerDefinitionProvider({ pattern: '**/*' }, provider);
}
