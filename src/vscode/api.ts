/**
 * What the extension exports to other extensions and to tests: plain data only,
 * so that callers need not know the core's types, and `ready()` to wait on
 * instead of sleeping.
 */
import * as vscode from 'vscode';
import { MentionIndex } from '../core';
import { toRange } from './convert';
import type { Deps } from './deps';
import type { FigureSample } from './services/log';
import type { FileAnalysis } from './services/documentAnalyses';
import type { Diagnostics } from './features/diagnostics';
import type { EntitiesView } from './features/entitiesView';
import type { Highlighting } from './features/highlighting';
import type { NumbersView } from './features/numbersView';
import type { StatusBar } from './features/statusBar';
import type { SuggestionsView } from './features/suggestionsView';
import type { TreeSnapshot } from './treeSnapshot';

/** A range as plain data (0-based, UTF-16 characters). */
export interface RangeData {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface MentionData extends RangeData {
  uri: string;
  text: string;
  variant: string;
}

/** One entity of the mention index. */
export interface EntityIndexEntry {
  id: string;
  /** The URI of the workspace folder whose glossary defines it (each folder has its own). */
  folder: string;
  kind: string;
  name: string;
  /** Number of mentions, and of files they are in. */
  mentions: number;
  files: number;
  /** Each spelling used, most frequent first. */
  spellings: { text: string; count: number }[];
  locations: MentionData[];
}

export interface DecorationData {
  person: RangeData[];
  body: RangeData[];
  place: RangeData[];
  nonCanonical: RangeData[];
}

/** Which analyses of an open document were made, and which one its views show. */
export interface AnalysisTrace {
  /** Every analysis computed for the document (the last hundred), oldest first. */
  analyses: { serial: number; version: number | undefined; incremental: boolean }[];
  /** The analysis the decorations of its visible editor were drawn from. */
  decorations: number | undefined;
  /** The analysis its diagnostics were made from. */
  diagnostics: number | undefined;
}

export interface GlossaApi {
  /** Resolves once the glossary is loaded and the open documents annotated (and no update is pending). */
  ready(): Promise<void>;
  /** The folder of the extension's log files; the "Glossa" channel writes `Glossa.log` there. */
  readonly logUri: vscode.Uri;
  /** The mention index, for one file or (reading the whole corpus first) for the workspace; most mentioned first. */
  entities(uri?: vscode.Uri): Promise<EntityIndexEntry[]>;
  /** The ranges decorated in a visible editor of the document, by kind, and the non-canonical spellings. */
  decorations(uri: vscode.Uri): DecorationData | undefined;
  /** The content of a Glossa tree view as the user sees it, fully expanded. */
  tree(view: 'glossa.entities' | 'glossa.numbers' | 'glossa.suggestions'): Promise<TreeSnapshot[]>;
  /** The names of the candidates selected in the Suggestions view. */
  suggestionsSelection(): string[];
  /** The status bar item's text and tooltip. */
  status(): { text: string; tooltip: string; error: boolean };
  /** The latest latency figures (open → diagnostics, keystroke → annotated), as the log states them. */
  figures(): FigureSample[];
  /** The analyses made of an open document, and the one its decorations and diagnostics come from. */
  trace(uri: vscode.Uri): AnalysisTrace;
}

export interface ApiParts {
  deps: Deps;
  logUri: vscode.Uri;
  highlighting: Highlighting;
  diagnostics: Diagnostics;
  entitiesView: EntitiesView;
  numbersView: NumbersView;
  suggestionsView: SuggestionsView;
  statusBar: StatusBar;
}

export function createApi({ deps, logUri, highlighting, diagnostics, entitiesView, numbersView, suggestionsView, statusBar }: ApiParts): GlossaApi {
  const { store, work, corpus, analyses } = deps;
  const ready = async (): Promise<void> => {
    await store.ready;
    await work.idle();
  };
  return {
    ready,
    logUri,
    async entities(uri) {
      await ready();
      let files: FileAnalysis[];
      if (uri) {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const one = open ? analyses.get(open) : (await corpus.ensure(), corpus.file(uri));
        files = one ? [one] : [];
      } else {
        await corpus.ensure();
        files = corpus.sortedFiles();
      }
      return mentionIndex(files);
    },
    decorations(uri) {
      const snapshot = highlighting.decorations(uri);
      if (!snapshot) return undefined;
      return {
        person: snapshot.person.map(rangeData),
        body: snapshot.body.map(rangeData),
        place: snapshot.place.map(rangeData),
        nonCanonical: snapshot.nonCanonical.map(rangeData),
      };
    },
    async tree(view) {
      await ready();
      return view === 'glossa.entities' ? entitiesView.snapshot() : view === 'glossa.suggestions' ? suggestionsView.snapshot() : numbersView.snapshot();
    },
    suggestionsSelection: () => suggestionsView.selection().map((node) => node.candidate.name),
    status: () => statusBar.state(),
    figures: () => deps.figures.samples(),
    trace: (uri) => ({ analyses: [...analyses.history(uri)], decorations: highlighting.decorations(uri)?.analysis, diagnostics: diagnostics.source(uri) }),
  };
}

/** The mention index of the files, with every mention's location; spellings most frequent first, as the Entities view lists them. */
function mentionIndex(files: FileAnalysis[]): EntityIndexEntry[] {
  const index = new MentionIndex();
  const locations = new Map<string, MentionData[]>();
  for (const file of files) {
    // Scoped by folder: in a multi-root workspace two glossaries may define the same id differently.
    const folder = file.folder.folder.uri.toString();
    const { engine } = file.folder;
    index.add(file.analysis.mentions, (id) => engine.entity(id), folder);
    for (const mention of file.analysis.mentions) {
      if (!engine.entity(mention.entityId)) continue;
      const key = `${folder}#${mention.entityId}`;
      let list = locations.get(key);
      if (!list) locations.set(key, (list = []));
      list.push({ uri: file.uri.toString(), ...rangeData(toRange(file.lines, mention.start, mention.end)), text: mention.text, variant: mention.variant });
    }
  }
  return index.entries('frequency').map(({ scope, entity, mentions, files: fileCount, spellings }) => ({
    id: entity.id,
    folder: scope,
    kind: entity.kind,
    name: entity.name,
    mentions,
    files: fileCount,
    spellings,
    locations: locations.get(`${scope}#${entity.id}`) ?? [],
  }));
}

function rangeData(range: vscode.Range): RangeData {
  return { line: range.start.line, character: range.start.character, endLine: range.end.line, endCharacter: range.end.character };
}
