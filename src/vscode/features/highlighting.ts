/**
 * Highlighting: the names of people, bodies and places in their theme colours
 * (`contributes.colors`, so every theme and `workbench.colorCustomizations` can
 * change them), and a dotted underline under names not written in their
 * canonical spelling. Setting `glossa.highlight.enabled`.
 */
import * as vscode from 'vscode';
import { normalizedSpelling, type ChangeWindow, type EntityKind } from '../../core';
import { kindColor, toRange } from '../convert';
import type { Deps } from '../deps';
import type { AnalysisEvent, DocumentAnalysis } from '../services/documentAnalyses';

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
type DrawnKind = EntityKind | 'nonCanonical';
const DRAWN_KINDS: readonly DrawnKind[] = [...KINDS, 'nonCanonical'];

/** What was drawn in an editor: from which analysis, over which lines, and the offsets of each decoration's ranges (start, end, …). */
interface Drawn {
  readonly editor: vscode.TextEditor;
  readonly version: number;
  readonly analysis: DocumentAnalysis | undefined;
  readonly lines: [number, number][];
  readonly offsets: Record<DrawnKind, number[]>;
}

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
  const snapshots = new Map<string, Drawn>();

  /**
   * Decorates one editor; the milliseconds its decorations took once the analysis was read, undefined when it showed
   * none. `edited`: after an edit's analysis, when VS Code has moved the decorations already drawn with the text.
   */
  const decorate = (editor: vscode.TextEditor, edited = false): number | undefined => {
    const document = editor.document;
    const result = config.read(document.uri).highlight ? analyses.get(document) : undefined;
    const read = performance.now();
    const drawn: Drawn = { editor, version: document.version, analysis: result, lines: visibleLines(editor), offsets: { person: [], body: [], place: [], nonCanonical: [] } };
    if (result) {
      const { engine } = result.folder;
      const mentions = result.analysis.mentions;
      const { offsets } = drawn;
      // Only what the editor shows (and a margin): a keystroke in a long document costs what is on screen.
      for (const [from, to] of visibleOffsets(editor, drawn.lines)) {
        for (let i = firstEndingAfter(mentions, from); i < mentions.length && mentions[i].start < to; i++) {
          const mention = mentions[i];
          const entity = engine.entity(mention.entityId);
          if (!entity) continue;
          offsets[entity.kind].push(mention.start, mention.end);
          if (normalizedSpelling(mention, entity) !== null) offsets.nonCanonical.push(mention.start, mention.end);
        }
      }
    }
    const key = document.uri.toString();
    const previous = snapshots.get(key);
    // Most keystrokes change no name on screen: what VS Code moved with the text is then what is to be drawn.
    const moved = edited && previous?.editor === editor && result?.changedFrom?.version === previous.version && sameAfterEdit(previous.offsets, drawn.offsets, result.changedFrom.window);
    if (!moved) {
      const ranges = rangesOf(drawn, document);
      for (const kind of KINDS) editor.setDecorations(types[kind], ranges[kind]);
      editor.setDecorations(variant, ranges.nonCanonical);
    }
    snapshots.set(key, drawn);
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
      const ms = decorate(editor, event.cause === 'edit');
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
      const drawn = snapshots.get(uri.toString());
      return drawn && { version: drawn.version, ...rangesOf(drawn, drawn.editor.document), analysis: drawn.analysis?.serial };
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
function visibleOffsets(editor: vscode.TextEditor, lines: [number, number][]): [number, number][] {
  const document = editor.document;
  return lines.map(([from, to]) => [document.offsetAt(new vscode.Position(from, 0)), document.offsetAt(document.lineAt(to).range.end)]);
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

/** The ranges of what was drawn: positions from the document while it is at the version drawn, else from the analysis's own line index. */
function rangesOf(drawn: Drawn, document: vscode.TextDocument): Record<DrawnKind, vscode.Range[]> {
  const map = drawn.analysis && document.version !== drawn.version ? drawn.analysis.lines : document;
  const out = {} as Record<DrawnKind, vscode.Range[]>;
  for (const kind of DRAWN_KINDS) {
    const offsets = drawn.offsets[kind];
    const ranges: vscode.Range[] = [];
    for (let k = 0; k < offsets.length; k += 2) ranges.push(toRange(map, offsets[k], offsets[k + 1]));
    out[kind] = ranges;
  }
  return out;
}

/**
 * Is `now` what `before` became as VS Code moved it with the edit `window`? Only when no range drawn touches the
 * edit (one that does may have been cut or kept its size, as its range behaviour says).
 */
function sameAfterEdit(before: Drawn['offsets'], now: Drawn['offsets'], window: ChangeWindow): boolean {
  const delta = window.newEnd - window.oldEnd;
  for (const kind of DRAWN_KINDS) {
    const a = before[kind];
    const b = now[kind];
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k += 2) {
      const start = a[k];
      const end = a[k + 1];
      if (end < window.start) {
        if (b[k] !== start || b[k + 1] !== end) return false;
      } else if (start > window.oldEnd) {
        if (b[k] !== start + delta || b[k + 1] !== end + delta) return false;
      } else {
        return false;
      }
    }
  }
  return true;
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
