import type * as vscode from 'vscode';
import type { Entity, Mention } from '../core';
import type { Deps } from './deps';
import { itemAt, type DocumentAnalysis } from './services/documentAnalyses';

export interface MentionAt {
  analysis: DocumentAnalysis;
  mention: Mention;
  entity: Entity;
}

/** The mention under `position` in a corpus document, with its entity. */
export function mentionAt({ analyses }: Pick<Deps, 'analyses'>, document: vscode.TextDocument, position: vscode.Position): MentionAt | undefined {
  const analysis = analyses.get(document);
  if (!analysis) return undefined;
  const index = itemAt(analysis.analysis.mentions, document.offsetAt(position));
  if (index < 0) return undefined;
  const mention = analysis.analysis.mentions[index];
  const entity = analysis.folder.engine.entity(mention.entityId);
  return entity && { analysis, mention, entity };
}
