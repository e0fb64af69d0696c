/**
 * "Record as verified fact…" (`glossa.recordFact`): appends the number at the cursor
 * (or the given range) to the facts ledger, with the value as written, the key word
 * of its sentence as keyword, the source the user names and today's date. The ledger
 * is edited through a WorkspaceEdit that keeps its comments and layout, and saved
 * unless the user was editing it; the store reloads, and the number is verified.
 */
import * as vscode from 'vscode';
import { appendFact, factKeyword, isGlob, type CheckedNumber } from '../../core';
import { asRange, asString, targetDocument } from '../commandArgs';
import { Commands } from '../commands';
import type { Deps } from '../deps';
import { itemAt, type DocumentAnalysis } from '../services/documentAnalyses';
import { editSourceFile } from '../fileEdits';
import type { Config } from '../services/config';
import type { FolderGlossary } from '../services/glossaryStore';

/** The ledger a new fact goes to: the folder's first facts file, else the first plain path of `glossa.factsFiles`. */
export function factsFileOf(folder: FolderGlossary, config: Config): vscode.Uri {
  if (folder.factsUris.length > 0) return folder.factsUris[0];
  const path = config.read(folder.folder.uri).factsFiles.find((p) => !isGlob(p)) ?? 'facts.yaml';
  return vscode.Uri.joinPath(folder.folder.uri, path);
}

/** Today in the local calendar, `YYYY-MM-DD`. */
export function today(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function registerRecordFact(deps: Deps): vscode.Disposable {

  /** The claim the range touches (or the one at the cursor). */
  const claimAt = (analysis: DocumentAnalysis, document: vscode.TextDocument, range: vscode.Range): CheckedNumber | undefined => {
    const numbers = analysis.analysis.numbers;
    if (!range.isEmpty) {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      return numbers.find((n) => n.start < end && n.end > start);
    }
    const index = itemAt(numbers, document.offsetAt(range.start));
    return index >= 0 ? numbers[index] : undefined;
  };

  /**
   * `glossa.recordFact(uri?, range?, source?)`: with a source, nothing is asked.
   * Returns the new fact's id, or undefined when nothing was recorded.
   */
  const recordFact = async (uriArg?: unknown, rangeArg?: unknown, sourceArg?: unknown): Promise<string | undefined> => {
    const target = await targetDocument(uriArg);
    const range = asRange(rangeArg) ?? target?.editor?.selection;
    const analysis = target && deps.analyses.get(target.document);
    const claim = target && analysis && range && claimAt(analysis, target.document, range);
    if (!target || !analysis || !claim) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Glossa: put the cursor on a number to record it as a verified fact.'));
      return undefined;
    }
    if (claim.status === 'verified' || claim.status === 'disputed') {
      void vscode.window.showInformationMessage(vscode.l10n.t("Glossa: \"{0}\" is already in the ledger (fact '{1}').", claim.text, claim.fact ?? ''));
      return undefined;
    }
    const keyword = factKeyword(analysis.text, claim.start, claim.end);
    let source = asString(sourceArg);
    if (!source) {
      source = await vscode.window.showInputBox({
        title: vscode.l10n.t('Record "{0}" as a verified fact', claim.text),
        prompt: keyword ? vscode.l10n.t('Where was the figure checked? It will be matched in sentences that mention "{0}".', keyword) : vscode.l10n.t('Where was the figure checked?'),
        placeHolder: vscode.l10n.t('e.g. General Statistics Office of Vietnam, January 2025'),
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('A fact needs a source.') : undefined),
      });
      if (!source) return undefined;
    }
    const uri = factsFileOf(analysis.folder, deps.config);
    const file = vscode.workspace.asRelativePath(uri);
    const { result, applied } = await editSourceFile(uri, (text) =>
      appendFact(text, { value: claim.text, keywords: keyword ? [keyword] : [], source: source.trim(), checked: today() }, { file }),
    );
    return applied && result.ok ? result.id : undefined;
  };

  return vscode.commands.registerCommand(Commands.recordFact, recordFact);
}
