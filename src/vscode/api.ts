/**
 * What the extension exports to other extensions and to tests: plain data only,
 * so that callers need not know the core's types, and `ready()` to wait on
 * instead of sleeping.
 */
import * as vscode from 'vscode';
import { toRange } from './convert';
import type { Deps } from './deps';
import type { FigureSample } from './services/log';
import type { DocumentAnalysis } from './services/documentAnalyses';
import type { Diagnostics } from './features/diagnostics';
import type { EntitiesView } from './features/entitiesView';
import type { Highlighting } from './features/highlighting';
import type { NumbersView } from './features/numbersView';
import type { StatusBar } from './features/statusBar';
import type { TreeSnapshot } from './features/treeSnapshot';

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
  tree(view: 'glossa.entities' | 'glossa.numbers'): Promise<TreeSnapshot[]>;
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
  statusBar: StatusBar;
}

export function createApi({ deps, logUri, highlighting, diagnostics, entitiesView, numbersView, statusBar }: ApiParts): GlossaApi {
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
      let files: DocumentAnalysis[];
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
      return view === 'glossa.entities' ? entitiesView.snapshot() : numbersView.snapshot();
    },
    status: () => statusBar.state(),
    figures: () => deps.figures.samples(),
    trace: (uri) => ({ analyses: [...analyses.history(uri)], decorations: highlighting.decorations(uri)?.analysis, diagnostics: diagnostics.source(uri) }),
  };
}

function mentionIndex(files: DocumentAnalysis[]): EntityIndexEntry[] {
  // Keyed by folder and id: in a multi-root workspace two glossaries may define the same id differently.
  const byId = new Map<string, EntityIndexEntry & { fileSet: Set<string>; bySpelling: Map<string, number> }>();
  for (const file of files) {
    const folder = file.folder.folder.uri.toString();
    for (const mention of file.analysis.mentions) {
      const entity = file.folder.engine.entity(mention.entityId);
      if (!entity) continue;
      const key = `${folder}#${entity.id}`;
      let entry = byId.get(key);
      if (!entry) {
        entry = { id: entity.id, folder, kind: entity.kind, name: entity.name, mentions: 0, files: 0, spellings: [], locations: [], fileSet: new Set(), bySpelling: new Map() };
        byId.set(key, entry);
      }
      entry.mentions++;
      entry.fileSet.add(file.uri.toString());
      const spelling = mention.text.normalize('NFC').replace(/\s+/g, ' ');
      entry.bySpelling.set(spelling, (entry.bySpelling.get(spelling) ?? 0) + 1);
      entry.locations.push({ uri: file.uri.toString(), ...rangeData(toRange(file.lines, mention.start, mention.end)), text: mention.text, variant: mention.variant });
    }
  }
  return [...byId.values()]
    .map(({ fileSet, bySpelling, ...entry }) => ({
      ...entry,
      files: fileSet.size,
      spellings: [...bySpelling].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function rangeData(range: vscode.Range): RangeData {
  return { line: range.start.line, character: range.start.character, endLine: range.end.line, endCharacter: range.end.character };
}
