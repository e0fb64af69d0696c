/**
 * Quick fixes on Glossa's diagnostics, and `source.fixAll.glossa`:
 * - a non-canonical spelling: "Normalize to <canonical>" (preferred), "Normalize all
 *   N in this file", and "Add '<spelling>' as an alias of <name>" for a spelling the
 *   glossary does not list yet;
 * - an unverified number: "Record as verified fact…";
 * - a conflicting or disputed number: "Open fact '<id>'", and for a conflict "Go to
 *   the conflicting claim" (the claims the fact verifies, which this one contradicts);
 * - a title that is another person's, or not the person's on the document's date:
 *   "Replace with '<title>', the title of <name>" (the person's current title).
 * - a figure's diagnostic: "Don't check line N", a `glossa-disable-next-line` above it;
 * - a possible variant: "Add '<spelling>' as an alias of <name>" (preferred), "Replace with
 *   '<name>'", and "Not a variant" (the spelling goes on the glossary's `ignore:` list);
 * - an unknown name: "Add '<name>' to Glossary…", filled in with discovery's proposal (name,
 *   kind, the document's other spellings), and "Not a name to track" (the ignore list);
 * - a name's diagnostic (spelling, title, discovery): "Ignore "<text>" in this file", which
 *   writes a `glossa-ignore` directive (DESIGN.md "Exceptions") near the top, or
 *   appends to the file's existing one.
 * "Fix all" and `editor.codeActionsOnSave` apply every normalization of the file.
 */
import * as vscode from 'vscode';
import { findings, FindingCode, fold, groupUnknownNames, textFormatOf, type CheckedNumber, type Mention, type PossibleVariant, type UnknownName } from '../../core';
import { Commands } from '../commands';
import { DIAGNOSTIC_SOURCE, toRange } from '../convert';
import type { Deps } from '../deps';
import type { DocumentAnalysis } from '../services/documentAnalyses';
import type { EntityProposal } from './glossaryCommands';

/** The kind of the fix-all action: `source.fixAll.glossa`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('glossa');
/** At most this many "Go to the conflicting claim" actions per diagnostic. */
const MAX_CLAIM_ACTIONS = 3;

export function registerCodeActions(deps: Deps): vscode.Disposable {
  const { analyses, corpus, store } = deps;

  /** Every normalization of the document as one edit. */
  const fileEdit = (document: vscode.TextDocument, analysis: DocumentAnalysis): { edit: vscode.WorkspaceEdit; count: number } => {
    const edits = analysis.folder.engine.normalize(analysis.text, { style: deps.config.read(document.uri).normalizeStyle }, analysis.analysis.mentions);
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, toRange(analysis.lines, e.start, e.end), e.newText);
    return { edit, count: edits.length };
  };

  const spellingActions = (document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, mention: Mention): vscode.CodeAction[] => {
    const entity = analysis.folder.engine.entity(mention.entityId);
    if (!entity) return [];
    const out: vscode.CodeAction[] = [];
    const [edit] = analysis.folder.engine.normalize(analysis.text, { style: deps.config.read(document.uri).normalizeStyle }, [mention]);
    if (edit) {
      const action = new vscode.CodeAction(vscode.l10n.t('Normalize to {0}', edit.newText.replace(/\s+/g, ' ')), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(analysis.lines, edit.start, edit.end), edit.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      out.push(action);
    }
    // A spelling that only folds to the name (or an alias) is documented as an alias; one
    // the glossary already lists, or the name in another encoding, has nothing to add.
    const spelling = mention.text.normalize('NFC').replace(/\s+/g, ' ');
    if (mention.variant === 'folded' && spelling !== entity.name && !entity.aliases.includes(spelling) && !entity.aka.includes(spelling)) {
      const action = new vscode.CodeAction(vscode.l10n.t("Add '{0}' as an alias of {1}", spelling, entity.name), vscode.CodeActionKind.QuickFix);
      action.command = {
        command: Commands.linkToEntity,
        title: action.title,
        arguments: [document.uri, toRange(analysis.lines, mention.start, mention.end), entity.id, 'aliases'],
      };
      action.diagnostics = [diagnostic];
      out.push(action);
    }
    return out;
  };

  const numberActions = async (analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, number: CheckedNumber, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> => {
    const out: vscode.CodeAction[] = [];
    const { folder } = analysis;
    if (diagnostic.code === FindingCode.unverifiedNumber) {
      const action = new vscode.CodeAction(vscode.l10n.t('Record as verified fact…'), vscode.CodeActionKind.QuickFix);
      action.command = {
        command: Commands.recordFact,
        title: action.title,
        arguments: [analysis.uri, toRange(analysis.lines, number.start, number.end)],
      };
      action.diagnostics = [diagnostic];
      out.push(action);
      return out;
    }
    const fact = number.fact ? folder.engine.ledger.facts.find((f) => f.id === number.fact) : undefined;
    if (!fact) return out;
    if (diagnostic.code === FindingCode.conflictingNumber && (await corpus.ensure({ token }))) {
      for (const { file, number: claim } of corpus.claimsOf(folder, fact.id).slice(0, MAX_CLAIM_ACTIONS)) {
        const range = toRange(file.lines, claim.start, claim.end);
        const action = new vscode.CodeAction(vscode.l10n.t('Go to the conflicting claim "{0}" ({1}, line {2})', claim.text, vscode.workspace.asRelativePath(file.uri), range.start.line + 1), vscode.CodeActionKind.QuickFix);
        action.command = {
          command: Commands.openLocation,
          title: action.title,
          arguments: [file.uri.toString(), range.start.line, range.start.character, range.end.line, range.end.character],
        };
        action.diagnostics = [diagnostic];
        out.push(action);
      }
    }
    if (store.factLocation(folder, fact)) {
      const action = new vscode.CodeAction(vscode.l10n.t("Open fact '{0}' ({1})", fact.id, fact.value), vscode.CodeActionKind.QuickFix);
      action.command = { command: Commands.goToEntry, title: action.title, arguments: [folder.folder.uri.toString(), 'fact', fact.id] };
      action.diagnostics = [diagnostic];
      out.push(action);
    }
    return out;
  };

  /** The person's current title in place of the title the diagnostic is on, as the core's finding gives it. */
  const titleAction = (document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, start: number, end: number): vscode.CodeAction | undefined => {
    const settings = deps.config.read(document.uri);
    const finding = findings(analysis.analysis, analysis.folder.engine, { levels: settings.levels, style: settings.normalizeStyle }).find(
      (f) => f.code === diagnostic.code && f.start === start && f.end === end,
    );
    const entity = finding?.entityId ? analysis.folder.engine.entity(finding.entityId) : undefined;
    if (!finding?.replacement || !entity) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Replace with "{0}", the title of {1}', finding.replacement, entity.name), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(analysis.lines, start, end), finding.replacement);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  };

  /** "Ignore "<spelling>" in this file": appends to the file's first glossa-ignore directive, or writes one near the top. */
  const ignoreAction = (document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, mention: { text: string }): vscode.CodeAction => {
    const spelling = mention.text.normalize('NFC').replace(/\s+/g, ' ');
    const format = textFormatOf(document.uri.path);
    const text = analysis.text;
    const action = new vscode.CodeAction(vscode.l10n.t('Ignore "{0}" in this file', spelling), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    const existing = analysis.folder.engine.directives(text, format).list.find((d) => d.kind === 'ignore');
    if (existing) {
      const separator = existing.spellings.length > 0 ? ', ' : ' ';
      action.edit.insert(document.uri, document.positionAt(existing.listEnd), separator + spelling);
    } else {
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const line = format === 'markdown' ? `<!-- glossa-ignore: ${spelling} -->` : `glossa-ignore: ${spelling}`;
      action.edit.insert(document.uri, document.positionAt(format === 'markdown' ? frontMatterEnd(text) : 0), line + eol);
    }
    action.diagnostics = [diagnostic];
    return action;
  };

  /** The spelling put on the glossary's `ignore:` list, everywhere (a `glossa.ignoreInGlossary` command). */
  const glossaryIgnoreAction = (title: string, document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, span: { start: number; end: number }): vscode.CodeAction => {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = { command: Commands.ignoreInGlossary, title, arguments: [document.uri, toRange(analysis.lines, span.start, span.end)] };
    action.diagnostics = [diagnostic];
    return action;
  };

  /** On a possible variant: Add "…" as an alias of … (preferred), Replace with "…", Not a variant. */
  const variantActions = (document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, variant: PossibleVariant): vscode.CodeAction[] => {
    const spelling = variant.text.normalize('NFC').replace(/\s+/g, ' ');
    const range = toRange(analysis.lines, variant.start, variant.end);
    const alias = new vscode.CodeAction(vscode.l10n.t('Add "{0}" as an alias of {1}', spelling, variant.canonical), vscode.CodeActionKind.QuickFix);
    alias.command = { command: Commands.linkToEntity, title: alias.title, arguments: [document.uri, range, variant.entityId, 'aliases'] };
    alias.diagnostics = [diagnostic];
    // The short-word tier may be another person: adding it as an alias is then no obvious choice.
    alias.isPreferred = variant.reason !== 'short-word';
    // The spelling Normalize would write: the canonical one, or its diacritic-free form in an `ascii` workspace.
    const written = deps.config.read(document.uri).normalizeStyle === 'ascii' ? fold(variant.canonical) : variant.canonical;
    const replace = new vscode.CodeAction(vscode.l10n.t('Replace with "{0}"', written), vscode.CodeActionKind.QuickFix);
    replace.edit = new vscode.WorkspaceEdit();
    replace.edit.replace(document.uri, range, written);
    replace.diagnostics = [diagnostic];
    const ignore = glossaryIgnoreAction(vscode.l10n.t('Not a variant: add "{0}" to the glossary\'s ignore list', spelling), document, analysis, diagnostic, variant);
    return [alias, replace, ignore];
  };

  /** On an unknown name: Add to Glossary… with discovery's proposal from this document's spellings, and the ignore list. */
  const unknownNameActions = (document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, name: UnknownName): vscode.CodeAction[] => {
    const spelling = name.text.normalize('NFC').replace(/\s+/g, ' ');
    const range = toRange(analysis.lines, name.start, name.end);
    const add = new vscode.CodeAction(vscode.l10n.t('Add "{0}" to Glossary…', spelling), vscode.CodeActionKind.QuickFix);
    add.command = { command: Commands.addToGlossary, title: add.title, arguments: [document.uri, range, undefined, undefined, proposalFor(analysis, name)] };
    add.diagnostics = [diagnostic];
    const ignore = glossaryIgnoreAction(vscode.l10n.t('Not a name to track: add "{0}" to the glossary\'s ignore list', spelling), document, analysis, diagnostic, name);
    return [add, ignore];
  };

  /** "Don't check line N": a `glossa-disable-next-line` directive on a line of its own just above the diagnostic's line. */
  const disableLineAction = (document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction => {
    const line = diagnostic.range.start.line;
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const directive = textFormatOf(document.uri.path) === 'markdown' ? '<!-- glossa-disable-next-line -->' : 'glossa-disable-next-line';
    const action = new vscode.CodeAction(vscode.l10n.t("Don't check line {0} (glossa-disable-next-line)", line + 1), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(line, 0), directive + eol);
    action.diagnostics = [diagnostic];
    return action;
  };

  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context, token) {
      const analysis = analyses.get(document);
      if (!analysis) return undefined;
      const actions: vscode.CodeAction[] = [];
      if (context.only && FIX_ALL_KIND.intersects(context.only)) {
        const { edit, count } = fileEdit(document, analysis);
        if (count > 0) {
          const action = new vscode.CodeAction(vscode.l10n.t('Normalize all names (Glossa)'), FIX_ALL_KIND);
          action.edit = edit;
          actions.push(action);
        }
      }
      if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return actions;

      const spellingDiagnostics: vscode.Diagnostic[] = [];
      // After the fixes of the mentions: a name the glossary does not know may hold one ("Việt Nam Fatherland Front for the Government").
      const discoveryActions: vscode.CodeAction[] = [];
      // Last: ignoring a name is the fix of least consequence.
      const ignoreActions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || token.isCancellationRequested) continue;
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        if (diagnostic.code === FindingCode.nonCanonicalSpelling) {
          const mention = analysis.analysis.mentions.find((m) => m.start === start && m.end === end);
          if (!mention) continue;
          actions.push(...spellingActions(document, analysis, diagnostic, mention));
          spellingDiagnostics.push(diagnostic);
          ignoreActions.push(ignoreAction(document, analysis, diagnostic, mention));
        } else if (diagnostic.code === FindingCode.titleMismatch || diagnostic.code === FindingCode.outdatedTitle) {
          const action = titleAction(document, analysis, diagnostic, start, end);
          if (action) actions.push(action);
          const mention = analysis.analysis.mentions.find((m) => m.start >= end); // the name after its title
          if (mention) ignoreActions.push(ignoreAction(document, analysis, diagnostic, mention));
        } else if (diagnostic.code === FindingCode.possibleVariant) {
          const variant = analysis.discovery.variants.find((v) => v.start === start && v.end === end);
          if (!variant) continue;
          discoveryActions.push(...variantActions(document, analysis, diagnostic, variant));
          ignoreActions.push(ignoreAction(document, analysis, diagnostic, variant));
        } else if (diagnostic.code === FindingCode.unknownName) {
          const name = analysis.discovery.unknownNames.find((u) => u.start === start && u.end === end);
          if (!name) continue;
          discoveryActions.push(...unknownNameActions(document, analysis, diagnostic, name));
          ignoreActions.push(ignoreAction(document, analysis, diagnostic, name));
        } else if (diagnostic.code === FindingCode.unverifiedNumber || diagnostic.code === FindingCode.conflictingNumber || diagnostic.code === FindingCode.disputedNumber) {
          const number = analysis.analysis.numbers.find((n) => n.start === start && n.end === end);
          if (number) actions.push(...(await numberActions(analysis, diagnostic, number, token)));
          // A figure is no spelling to ignore: the line it stands on is left unchecked instead.
          ignoreActions.push(disableLineAction(document, diagnostic));
        }
      }
      if (spellingDiagnostics.length > 0) {
        const { edit, count } = fileEdit(document, analysis);
        if (count > 1) {
          const action = new vscode.CodeAction(vscode.l10n.t('Normalize all {0} in this file', count), vscode.CodeActionKind.QuickFix);
          action.edit = edit;
          action.diagnostics = spellingDiagnostics;
          // After the single fixes, before the glossary edits.
          const at = actions.findIndex((a) => a.command?.command === Commands.linkToEntity);
          actions.splice(at < 0 ? actions.length : at, 0, action);
        }
      }
      actions.push(...discoveryActions);
      const seen = new Set<string>();
      for (const action of ignoreActions) {
        if (!seen.has(action.title)) actions.push(action);
        seen.add(action.title);
      }
      return actions;
    },
  };

  return vscode.languages.registerCodeActionsProvider({ pattern: '**/*' }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
}

/**
 * What discovery proposes for an unknown name (DESIGN.md, Discovery 3): the document's
 * unknown names grouped into candidates; the one holding this name gives the proposed
 * name (most diacritics, then most frequent), kind and other spellings.
 */
function proposalFor(analysis: DocumentAnalysis, name: UnknownName): EntityProposal {
  // Only the names that may be spellings of this one (as many words, one of them the same; for one word, the same first
  // letter): a long document has thousands of unknown names, and grouping them all would hold up the light bulb.
  const words = (text: string) => fold(text.normalize('NFC')).toLowerCase().split(/\s+/);
  const target = words(name.text);
  const near = analysis.discovery.unknownNames.filter((u) => {
    const w = words(u.text);
    return w.length === target.length && (w.length === 1 ? w[0][0] === target[0][0] : w.some((x) => target.includes(x)));
  });
  const occurrences = near.map((u) => ({ file: '', text: u.text, afterPlacePreposition: u.afterPlacePreposition, at: u.start }));
  const candidate = groupUnknownNames(occurrences, analysis.folder.engine.entities.map((e) => e.id)).find((c) => c.occurrences.some((o) => o.at === name.start));
  if (!candidate) return { aliases: [] };
  return { name: candidate.name, kind: candidate.kind, aliases: candidate.aliases };
}

/** The offset just after a Markdown document's YAML front matter (0 without one): where a directive goes. */
function frontMatterEnd(text: string): number {
  const m = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}
