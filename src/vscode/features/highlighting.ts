/**
 * Highlighting: the names of people, bodies and places in their theme colours
 * (`contributes.colors`, so every theme and `workbench.colorCustomizations` can
 * change them), and a dotted underline under names not written in their
 * canonical spelling. Setting `glossa.highlight.enabled`.
 */
import * as vscode from 'vscode';
import { normalizedSpelling, type EntityKind } from '../../core';
import { kindColor, toRange } from '../convert';
import type { Deps } from '../deps';
import type { AnalysisEvent } from '../services/documentAnalyses';

/** Lines decorated above and below what the editor shows, so scrolling a little needs no new decorations. */
const MARGIN_LINES = 150;

/** The ranges last decorated in a document, as plain data (for tests and the API). */
export interface DecorationSnapshot {
  version: number;
  person: vscode.Range[];
  body: vscode.Range[];
  place: vscode.Range[];
  nonCanonical: vscode.Range[];
  /** The serial of the analysis they were drawn from (undefined when none). */
  analysis: number | undefined;
}

/** The pipeline's analysis that a visible editor was just decorated from, and how long the decorations took. */
export interface Decorated {
  event: AnalysisEvent;
  decorationsMs: number;
}

export interface Highlighting extends vscode.Disposable {
  decorations(uri: vscode.Uri): DecorationSnapshot | undefined;
  /** Fires after the visible editors of a document were decorated from an analysis of the pipeline. */
  readonly onDidDecorate: vscode.Event<Decorated>;
}

const KINDS: readonly EntityKind[] = ['person', 'body', 'place'];

export function registerHighlighting({ analyses, config, work, log }: Deps): Highlighting {
  const types: Record<EntityKind, vscode.TextEditorDecorationType> = {
    person: kindDecoration('person'),
    body: kindDecoration('body'),
    place: kindDecoration('place'),
  };
  const variant = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('glossa.variant.border'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const decorated = new vscode.EventEmitter<Decorated>();
  const snapshots = new Map<string, DecorationSnapshot & { lines?: [number, number][] }>();

  /** Decorates one editor; the milliseconds its decorations took once the analysis was read, undefined when it showed none. */
  const decorate = (editor: vscode.TextEditor): number | undefined => {
    const document = editor.document;
    const result = config.read(document.uri).highlight ? analyses.get(document) : undefined;
    const read = performance.now();
    const snapshot: DecorationSnapshot & { lines?: [number, number][] } = {
      version: document.version,
      person: [],
      body: [],
      place: [],
      nonCanonical: [],
      analysis: result?.serial,
      lines: visibleLines(editor),
    };
    if (result) {
      const { engine } = result.folder;
      const mentions = result.analysis.mentions;
      // Only what the editor shows (and a margin): a keystroke in a long document costs what is on screen.
      for (const [from, to] of visibleOffsets(editor)) {
        for (let i = firstEndingAfter(mentions, from); i < mentions.length && mentions[i].start < to; i++) {
          const mention = mentions[i];
          const entity = engine.entity(mention.entityId);
          if (!entity) continue;
          // The analysis is of this very version, so the document maps its offsets.
          const range = toRange(document, mention.start, mention.end);
          snapshot[entity.kind].push(range);
          if (normalizedSpelling(mention, entity) !== null) snapshot.nonCanonical.push(range);
        }
      }
    }
    for (const kind of KINDS) editor.setDecorations(types[kind], snapshot[kind]);
    editor.setDecorations(variant, snapshot.nonCanonical);
    snapshots.set(document.uri.toString(), snapshot);
    return result ? performance.now() - read : undefined;
  };

  const decorateAll = (): void => {
    for (const editor of vscode.window.visibleTextEditors) decorate(editor);
  };

  /** Decorates the document's visible editors from the pipeline's new analysis. */
  const onAnalysis = (event: AnalysisEvent): void => {
    if (event.cause === 'settle') return; // Already shown when it was announced for the edit.
    let decorationsMs: number | undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== event.document) continue;
      const ms = decorate(editor);
      if (ms !== undefined) decorationsMs = (decorationsMs ?? 0) + ms;
    }
    if (decorationsMs !== undefined && event.analysis) decorated.fire({ event, decorationsMs });
  };

  const subscriptions = vscode.Disposable.from(
    ...KINDS.map((k) => types[k]),
    variant,
    decorated,
    analyses.onDidAnalyze(onAnalysis),
    vscode.window.onDidChangeVisibleTextEditors(() => work.debounce('highlight:visible', 0, decorateAll)),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      const snapshot = snapshots.get(e.textEditor.document.uri.toString());
      if (snapshot && coversVisible(e.textEditor, snapshot)) return;
      work.debounce(`highlight:scroll:${e.textEditor.document.uri.toString()}`, 30, () => decorate(e.textEditor));
    }),
    vscode.workspace.onDidCloseTextDocument((d) => snapshots.delete(d.uri.toString())),
  );
  work.debounce('highlight:visible', 0, decorateAll);
  log.debug('Highlighting registered');

  return {
    decorations: (uri) => {
      const snapshot = snapshots.get(uri.toString());
      return snapshot && { version: snapshot.version, person: snapshot.person, body: snapshot.body, place: snapshot.place, nonCanonical: snapshot.nonCanonical, analysis: snapshot.analysis };
    },
    onDidDecorate: decorated.event,
    dispose: () => subscriptions.dispose(),
  };
}

/** The line spans decorated for an editor: what it shows, widened by the margin. */
function visibleLines(editor: vscode.TextEditor): [number, number][] {
  const spans: [number, number][] = [];
  const last = editor.document.lineCount - 1;
  const visible = editor.visibleRanges.length > 0 ? editor.visibleRanges : [new vscode.Range(0, 0, Math.min(last, 100), 0)];
  for (const r of [...visible].sort((a, b) => a.start.line - b.start.line)) {
    const from = Math.max(0, r.start.line - MARGIN_LINES);
    const to = Math.min(last, r.end.line + MARGIN_LINES);
    const prev = spans[spans.length - 1];
    if (prev && from <= prev[1] + 1) prev[1] = Math.max(prev[1], to);
    else spans.push([from, to]);
  }
  return spans;
}

/** The offset spans of `visibleLines`. */
function visibleOffsets(editor: vscode.TextEditor): [number, number][] {
  const document = editor.document;
  return visibleLines(editor).map(([from, to]) => [document.offsetAt(new vscode.Position(from, 0)), document.offsetAt(document.lineAt(to).range.end)]);
}

/** Are the lines the editor shows now inside what was decorated? */
function coversVisible(editor: vscode.TextEditor, snapshot: { version: number; lines?: [number, number][] }): boolean {
  if (snapshot.version !== editor.document.version || !snapshot.lines) return false;
  const last = editor.document.lineCount - 1;
  const headroom = 20;
  return editor.visibleRanges.every((r) =>
    snapshot.lines!.some(([from, to]) => (from === 0 || from <= r.start.line - headroom) && (to === last || r.end.line + headroom <= to)),
  );
}

/** The index of the first mention ending after `offset`, in a list sorted by start. */
function firstEndingAfter(mentions: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function kindDecoration(kind: EntityKind): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor(kindColor(kind)),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}
