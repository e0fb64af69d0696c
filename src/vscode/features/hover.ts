/**
 * Hover cards. On a name: who it is (canonical spelling, kind, description,
 * titles, country, links), how it is spelled here and why that matched, every
 * known spelling, how often it is mentioned in this file and in the corpus, and
 * command links to its glossary entry and to all its mentions. On a possible
 * variant: the entity's card under "Not in the glossary: looks like …"; on an
 * unknown name, a short card saying what to do. On a number: the value as
 * parsed, its kind and qualifier, and what the facts ledger says.
 */
import * as vscode from 'vscode';
import { entitySpellings, fold, formatDay, formatValue, type CheckedNumber, type DatedTitle, type Entity, type Fact, type Mention, type PossibleVariant, type SpellingRole, type UnknownName } from '../../core';
import { commandLink, Commands } from '../commands';
import { kindIcon, toRange } from '../convert';
import type { Deps } from '../deps';
import { itemAt, type DocumentAnalysis } from '../services/documentAnalyses';
import type { FolderGlossary } from '../services/glossaryStore';

/** How long after the corpus scan started a hover waits for it before showing what it has (a long scan, as Check All Files on a large corpus, keeps no hover waiting). */
const CORPUS_WAIT_MS = 1000;

export function registerHover(deps: Deps): vscode.Disposable {
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const analysis = deps.analyses.get(document);
      if (!analysis) return undefined;
      const offset = document.offsetAt(position);
      const mentions = analysis.analysis.mentions;
      const m = itemAt(mentions, offset);
      if (m >= 0) {
        const mention = mentions[m];
        const entity = analysis.folder.engine.entity(mention.entityId);
        if (!entity) return undefined;
        // Not the hover's token: a dismissed hover does not stop the corpus scan it started.
        await deps.corpus.ensure({}, CORPUS_WAIT_MS);
        if (token.isCancellationRequested) return undefined;
        return new vscode.Hover(mentionCard(deps, analysis, mention, entity, document.uri, position), toRange(analysis.lines, mention.start, mention.end));
      }
      const numbers = analysis.analysis.numbers;
      const n = itemAt(numbers, offset);
      if (n >= 0) {
        const number = numbers[n];
        if (number.fact) await deps.corpus.ensure({}, CORPUS_WAIT_MS);
        return new vscode.Hover(numberCard(deps, analysis, number), toRange(analysis.lines, number.start, number.end));
      }
      // Names the glossary does not know yet, where their diagnostics are shown.
      const levels = deps.config.read(document.uri).levels;
      const { variants, unknownNames } = analysis.discovery;
      const v = itemAt(variants, offset);
      const variant = v >= 0 ? variants[v] : undefined;
      const entity = variant && analysis.folder.engine.entity(variant.entityId);
      if (variant && entity && (variant.reason === 'short-word' ? levels.shortWordVariant : levels.possibleVariant) !== 'off') {
        await deps.corpus.ensure({}, CORPUS_WAIT_MS);
        if (token.isCancellationRequested) return undefined;
        return new vscode.Hover(variantCard(deps, analysis, variant, entity, document.uri, position), toRange(analysis.lines, variant.start, variant.end));
      }
      const u = itemAt(unknownNames, offset);
      if (u >= 0 && levels.unknownName !== 'off') {
        const name = unknownNames[u];
        return new vscode.Hover(unknownNameCard(name), toRange(analysis.lines, name.start, name.end));
      }
      return undefined;
    },
  };
  return vscode.languages.registerHoverProvider({ pattern: '**/*' }, provider);
}

function newCard(): vscode.MarkdownString {
  const card = new vscode.MarkdownString('', true);
  card.isTrusted = { enabledCommands: [Commands.goToEntry, Commands.showMentions, Commands.openLocation] };
  return card;
}

function mentionCard(deps: Deps, analysis: DocumentAnalysis, mention: Mention, entity: Entity, uri: vscode.Uri, position: vscode.Position): vscode.MarkdownString {
  const card = newCard();
  whoItIs(card, analysis.folder, entity);

  // How it is written here.
  card.appendMarkdown('---\n\n');
  card.appendMarkdown(`**${vscode.l10n.t('Here')}:** ${whyMatched(analysis, mention, entity)}\n\n`);
  whereElse(deps, card, analysis, entity, uri, position);
  return card;
}

/**
 * A possible variant (DESIGN.md, Discovery 1): the entity's card under the line
 * "Not in the glossary: looks like Sergey Lavrov", and what to do about it.
 */
function variantCard(deps: Deps, analysis: DocumentAnalysis, variant: PossibleVariant, entity: Entity, uri: vscode.Uri, position: vscode.Position): vscode.MarkdownString {
  const card = newCard();
  card.appendMarkdown(`$(question) **${vscode.l10n.t('Not in the glossary: looks like {0}', md(entity.name))}**\n\n---\n\n`);
  whoItIs(card, analysis.folder, entity);
  card.appendMarkdown('---\n\n');
  const written = `"${md(variant.text.replace(/\s+/g, ' '))}"`;
  const closest = variant.closestTo === entity.name ? '' : vscode.l10n.t(' (closest to "{0}")', md(variant.closestTo));
  const why = variantReasonLabel(variant.reason);
  const here =
    variant.reason === 'short-word'
      ? vscode.l10n.t('{0} — not a spelling the glossary lists: {1}{2}. It may be another person.', written, why, closest)
      : vscode.l10n.t('{0} — not a spelling the glossary lists: {1}{2}.', written, why, closest);
  card.appendMarkdown(`**${vscode.l10n.t('Here')}:** ${here}\n\n`);
  card.appendMarkdown(`${vscode.l10n.t('Quick fixes: add it as an alias of {0}, replace it with "{0}", or, if it is not a variant, put it on the glossary\'s ignore list.', md(entity.name))}\n\n`);
  whereElse(deps, card, analysis, entity, uri, position);
  return card;
}

/** An unknown name (DESIGN.md, Discovery 2): not in the glossary, and what to do. */
function unknownNameCard(name: UnknownName): vscode.MarkdownString {
  const card = newCard();
  card.appendMarkdown(`#### $(question) ${md(name.text.replace(/\s+/g, ' '))}\n\n`);
  card.appendMarkdown(`**${vscode.l10n.t('Not in the glossary.')}** ${vscode.l10n.t('Glossa does not know this name: it is neither a name, an alias nor a short form of an entity.')}\n\n`);
  card.appendMarkdown(`${vscode.l10n.t('To track it, use the quick fix Add to Glossary… (its kind and spellings come filled in); if it is no name to track (a byline, a brand), put it on the glossary\'s ignore list.')}\n\n`);
  return card;
}

function variantReasonLabel(reason: PossibleVariant['reason']): string {
  switch (reason) {
    case 'edit':
      return vscode.l10n.t('one letter differs');
    case 'transposition':
      return vscode.l10n.t('two letters are swapped');
    case 'romanization':
      return vscode.l10n.t('another romanization');
    default:
      return vscode.l10n.t('one short word differs');
  }
}

/** Who the entity is: name, kind, country, description, titles, links and the glossary's other fields. */
function whoItIs(card: vscode.MarkdownString, folder: FolderGlossary, entity: Entity): void {
  card.appendMarkdown(`#### $(${kindIcon(entity.kind)}) ${md(entity.name)}\n\n`);
  const kindLine = [`*${kindLabel(entity.kind)}*`];
  if (entity.country) kindLine.push(md(countryName(entity.country)));
  card.appendMarkdown(`${kindLine.join(' · ')}\n\n`);
  if (entity.description) card.appendMarkdown(`${md(entity.description)}\n\n`);
  const facts: string[] = [];
  if (entity.titles.length) facts.push(`**${vscode.l10n.t('Titles')}:** ${titlesMarkdown(entity)}`);
  const links = Object.entries(entity.links).map(([name, target]) => linkMarkdown(folder, name, target));
  if (links.length) facts.push(`**${vscode.l10n.t('Links')}:** ${links.join(' · ')}`);
  for (const [key, value] of Object.entries(entity.extra)) facts.push(`**${md(key)}:** ${md(formatExtra(value))}`);
  if (facts.length) card.appendMarkdown(facts.join('  \n') + '\n\n');
}

/** The entity's known spellings (those used here in bold), its mentions in this file and the corpus, and links to its entry and mentions. */
function whereElse(deps: Deps, card: vscode.MarkdownString, analysis: DocumentAnalysis, entity: Entity, uri: vscode.Uri, position: vscode.Position): void {
  const { folder } = analysis;
  const used = new Set(analysis.analysis.mentions.filter((x) => x.entityId === entity.id).map((x) => x.matched));
  const spellings = entitySpellings(entity).map(({ text, role }) => {
    const label = `${md(text)} *(${roleLabel(role)})*`;
    return used.has(text) ? `**${label}**` : label;
  });
  card.appendMarkdown(`**${vscode.l10n.t('Known spellings')}:** ${spellings.join(' · ')}\n\n`);

  // Where else.
  const inFile = analysis.analysis.mentions.filter((x) => x.entityId === entity.id).length;
  let where = inFile === 1 ? vscode.l10n.t('1 in this file') : vscode.l10n.t('{0} in this file', inFile);
  if (deps.corpus.complete) {
    const { mentions, files } = deps.corpus.mentionCount(folder, entity.id);
    const total = deps.corpus.sortedFiles(folder).length;
    where += ' · ' + vscode.l10n.t('{0} in {1} of the {2} corpus files', mentions, files, total);
  } else {
    where += ' · ' + vscode.l10n.t('the corpus is still being counted');
  }
  card.appendMarkdown(`**${vscode.l10n.t('Mentions')}:** ${where}\n\n`);

  // What to do next.
  card.appendMarkdown('---\n\n');
  const goTo = commandLink(Commands.goToEntry, [folder.folder.uri.toString(), 'entity', entity.id]);
  const showAll = commandLink(Commands.showMentions, [uri.toString(), position.line, position.character, entity.id]);
  card.appendMarkdown(`[$(go-to-file) ${vscode.l10n.t('Go to glossary entry')}](${goTo} "${entity.id}") &nbsp;·&nbsp; [$(references) ${vscode.l10n.t('Show all mentions')}](${showAll})`);
}

/** "General Secretary (since 3 August 2024), President (22 May 2024 – 21 October 2024)": each title with its dates. */
function titlesMarkdown(entity: Entity): string {
  return entity.titles
    .map((title) => {
      const terms = (entity.datedTitles ?? []).filter((t) => t.title === title).map(termLabel);
      return terms.length ? `${md(title)} (${terms.join('; ')})` : md(title);
    })
    .join(', ');
}

function termLabel(term: DatedTitle): string {
  if (term.from && term.until) return vscode.l10n.t('{0} – {1}', formatDay(term.from), formatDay(term.until));
  if (term.from) return vscode.l10n.t('since {0}', formatDay(term.from));
  if (term.until) return vscode.l10n.t('until {0}', formatDay(term.until));
  return vscode.l10n.t('undated');
}

/** "To Lam" — an alias of Tô Lâm; a short form after the full mention at line 3; … */
function whyMatched(analysis: DocumentAnalysis, mention: Mention, entity: Entity): string {
  const written = `"${md(mention.text.replace(/\s+/g, ' '))}"`;
  const of = mention.matched === entity.name ? vscode.l10n.t('the name') : vscode.l10n.t('"{0}"', md(mention.matched));
  let why: string;
  switch (mention.variant) {
    case 'canonical':
      why = vscode.l10n.t('the canonical spelling');
      break;
    case 'alias':
      why = vscode.l10n.t('an alias of {0}: Normalize rewrites it to the canonical spelling', md(entity.name));
      break;
    case 'aka':
      why = vscode.l10n.t('another name of {0} (aka): linked, never rewritten', md(entity.name));
      break;
    case 'folded':
      why =
        mention.encoding === 'nfd'
          ? vscode.l10n.t('{0}, differently encoded (decomposed Unicode, NFD): it looks the same but is stored as other characters', of)
          : vscode.l10n.t('a diacritic-free or typographically different form of {0}', of);
      break;
    case 'short': {
      const spelled = mention.text === mention.matched ? '' : vscode.l10n.t(', spelled differently from "{0}"', md(mention.matched));
      if (mention.licensedBy !== undefined && mention.licensedBy >= 0) {
        const line = analysis.lines.positionAt(mention.licensedBy).line + 1;
        why = vscode.l10n.t('a short form{0}, counted because it comes after the full mention at line {1}', spelled, line);
      } else {
        const title = titleBefore(analysis.text, mention.start, entity);
        why = title
          ? vscode.l10n.t('a short form{0}, counted because it comes right after the title "{1}"', spelled, md(title))
          : vscode.l10n.t('a short form{0}, counted because of a title before it', spelled);
      }
      break;
    }
  }
  const caps = mention.allCaps ? ' ' + vscode.l10n.t('(written in capitals)') : '';
  return `${written} — ${why}${caps}.`;
}

/** The entity's title written right before `start`, if any. */
function titleBefore(text: string, start: number, entity: Entity): string | undefined {
  const before = fold(text.slice(Math.max(0, start - 80), start)).toLowerCase().replace(/\s+/g, ' ').trimEnd();
  return [...entity.titles].sort((a, b) => b.length - a.length).find((title) => before.endsWith(fold(title).toLowerCase()));
}

function numberCard(deps: Deps, analysis: DocumentAnalysis, number: CheckedNumber): vscode.MarkdownString {
  const { folder } = analysis;
  const card = newCard();
  card.appendMarkdown(`#### $(symbol-number) ${md(number.text)}\n\n`);
  const read = [`**${md(formatValue(number))}**`, `*${numberKindLabel(number.kind)}*`];
  if (number.qualifier) read.push(vscode.l10n.t('qualified by "{0}"', md(number.qualifier)));
  if (number.context) read.push(vscode.l10n.t('of {0}', md(number.context)));
  card.appendMarkdown(`${vscode.l10n.t('Read as')} ${read.join(' · ')}\n\n---\n\n`);
  const fact = number.fact ? folder.engine.ledger.facts.find((f) => f.id === number.fact) : undefined;
  switch (number.status) {
    case 'verified':
      card.appendMarkdown(`$(pass) **${vscode.l10n.t('Verified')}** ${vscode.l10n.t('by fact')} ${factMarkdown(deps, folder, fact, number.fact)}\n\n`);
      break;
    case 'disputed':
      card.appendMarkdown(`$(warning) **${vscode.l10n.t('Disputed')}**: ${vscode.l10n.t('it matches fact')} ${factMarkdown(deps, folder, fact, number.fact)}, ${vscode.l10n.t('which is marked disputed')}\n\n`);
      break;
    case 'conflicting':
      card.appendMarkdown(`$(error) **${vscode.l10n.t('Conflicting')}**: ${vscode.l10n.t('it contradicts fact')} ${factMarkdown(deps, folder, fact, number.fact)}\n\n`);
      break;
    default:
      card.appendMarkdown(`$(warning) **${vscode.l10n.t('Unverified')}**: ${vscode.l10n.t('no fact in the ledger confirms it.')}\n\n`);
  }
  if (fact && (number.status === 'conflicting' || number.status === 'disputed')) {
    const claims = deps.corpus.claimsOf(folder, fact.id).filter((c) => !(c.file.uri.toString() === analysis.uri.toString() && c.number.start === number.start));
    if (claims.length) {
      const list = claims.slice(0, 5).map(({ file, number: claim }) => {
        const range = toRange(file.lines, claim.start, claim.end);
        const link = commandLink(Commands.openLocation, [file.uri.toString(), range.start.line, range.start.character, range.end.line, range.end.character]);
        return `- "${md(claim.text)}" — [${md(vscode.workspace.asRelativePath(file.uri))}, ${vscode.l10n.t('line {0}', range.start.line + 1)}](${link})`;
      });
      if (claims.length > 5) list.push(`- ${vscode.l10n.t('and {0} more', claims.length - 5)}`);
      card.appendMarkdown(`${vscode.l10n.t('Claims this fact verifies:')}\n\n${list.join('\n')}\n`);
    }
  }
  return card;
}

/** `trade-2024`: USD 4.58 billion — about (source), with a link to its entry. */
function factMarkdown(deps: Deps, folder: FolderGlossary, fact: Fact | undefined, id: string | null): string {
  if (!fact) return `\`${md(id ?? '?')}\``;
  const location = deps.store.factLocation(folder, fact);
  const where = location ? ` — [${md(vscode.workspace.asRelativePath(location.uri))}, ${vscode.l10n.t('line {0}', location.range.start.line + 1)}](${commandLink(Commands.goToEntry, [folder.folder.uri.toString(), 'fact', fact.id])})` : '';
  const lines = [`\`${md(fact.id)}\`: **${md(fact.value)}**${fact.about ? ` (${md(fact.about)})` : ''}${where}`];
  if (fact.source) lines.push(`${vscode.l10n.t('Source')}: ${md(fact.source)}`);
  return lines.join('  \n');
}

function linkMarkdown(folder: FolderGlossary, name: string, target: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `[${md(name)}](${encodeURI(decodeSafe(target)).replace(/\)/g, '%29')})`;
  const other = folder.engine.entity(target);
  const label = other ? `${md(name)}: ${md(other.name)}` : `${md(name)}: ${md(target)}`;
  return other ? `[${label}](${commandLink(Commands.goToEntry, [folder.folder.uri.toString(), 'entity', target])})` : label;
}

function decodeSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

function kindLabel(kind: Entity['kind']): string {
  return kind === 'person' ? vscode.l10n.t('Person') : kind === 'body' ? vscode.l10n.t('Body') : vscode.l10n.t('Place');
}

function roleLabel(role: SpellingRole): string {
  switch (role) {
    case 'name':
      return vscode.l10n.t('name');
    case 'alias':
      return vscode.l10n.t('alias');
    case 'aka':
      return vscode.l10n.t('other name');
    default:
      return vscode.l10n.t('short form');
  }
}

function numberKindLabel(kind: CheckedNumber['kind']): string {
  const labels: Record<CheckedNumber['kind'], string> = {
    money: vscode.l10n.t('money'),
    percent: vscode.l10n.t('percentage'),
    count: vscode.l10n.t('count'),
    ordinal: vscode.l10n.t('ordinal'),
    year: vscode.l10n.t('year'),
    date: vscode.l10n.t('date'),
    time: vscode.l10n.t('time'),
  };
  return labels[kind];
}

function countryName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function formatExtra(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Escapes Markdown in text from the glossary or the document. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]#|<>$]/g, '\\$&');
}
