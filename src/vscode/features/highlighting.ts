/**
 * Highlighting: the names of people, bodies and places in their theme colours
 * (`contributes.colors`, so every theme and `workbench.colorCustomizations` can
 * change them), and a dotted underline under names not written in their
 * canonical spelling. Setting `glossa.highlight.enabled`.
 */
import * as vscode from 'vscode';
import { normalizedSpelling, type EntityKind } from '../../core';
import { readConfig } from '../config';
import { kindColor, toRange } from '../convert';
import type { Deps } from '../deps';

/** The ranges last decorated in a document, as plain data (for tests and the API). */
export interface DecorationSnapshot {
  version: number;
  person: vscode.Range[];
  body: vscode.Range[];
  place: vscode.Range[];
  nonCanonical: vscode.Range[];
}

export interface Highlighting extends vscode.Disposable {
  decorations(uri: vscode.Uri): DecorationSnapshot | undefined;
}

const KINDS: readonly EntityKind[] = ['person', 'body', 'place'];

export function registerHighlighting({ analyses, store, work, figures, log }: Deps): Highlighting {
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
  const snapshots = new Map<string, DecorationSnapshot>();
  /** When the first keystroke not yet annotated happened, per document. */
  const typedAt = new Map<string, number>();

  const decorate = (editor: vscode.TextEditor): { analysisMs: number; decorationsMs: number } | undefined => {
    const document = editor.document;
    const started = performance.now();
    const result = readConfig(document.uri).highlight ? analyses.get(document) : undefined;
    const analyzed = performance.now();
    const snapshot: DecorationSnapshot = { version: document.version, person: [], body: [], place: [], nonCanonical: [] };
    if (result) {
      const { engine } = result.folder;
      for (const mention of result.analysis.mentions) {
        const entity = engine.entity(mention.entityId);
        if (!entity) continue;
        const range = toRange(result.lines, mention.start, mention.end);
        snapshot[entity.kind].push(range);
        if (normalizedSpelling(mention, entity) !== null) snapshot.nonCanonical.push(range);
      }
    }
    for (const kind of KINDS) editor.setDecorations(types[kind], snapshot[kind]);
    editor.setDecorations(variant, snapshot.nonCanonical);
    snapshots.set(document.uri.toString(), snapshot);
    return result && { analysisMs: analyzed - started, decorationsMs: performance.now() - analyzed };
  };

  const decorateAll = (): void => {
    for (const editor of vscode.window.visibleTextEditors) decorate(editor);
  };

  const decorateDocument = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const since = typedAt.get(key);
    typedAt.delete(key);
    const started = performance.now();
    let timing: { analysisMs: number; decorationsMs: number } | undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) timing = decorate(editor) ?? timing;
    }
    if (timing && since !== undefined) {
      figures.edited(document.uri, performance.now() - started, timing.analysisMs, timing.decorationsMs, performance.now() - since);
    }
  };

  const subscriptions = [
    ...KINDS.map((k) => types[k]),
    variant,
    vscode.window.onDidChangeVisibleTextEditors(() => work.debounce('highlight:visible', 0, decorateAll)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !analyses.isCorpusDocument(e.document)) return;
      const key = e.document.uri.toString();
      if (!typedAt.has(key)) typedAt.set(key, performance.now());
      // VS Code moves the existing decorations with the text meanwhile.
      work.debounce(`highlight:${key}`, 75, () => decorateDocument(e.document));
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      snapshots.delete(d.uri.toString());
      typedAt.delete(d.uri.toString());
    }),
    store.onDidChange(() => work.debounce('highlight:visible', 0, decorateAll)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('glossa')) work.debounce('highlight:visible', 0, decorateAll);
    }),
  ];
  work.debounce('highlight:visible', 0, decorateAll);
  log.debug('Highlighting registered');

  return {
    decorations: (uri) => snapshots.get(uri.toString()),
    dispose: () => {
      for (const s of subscriptions) s.dispose();
    },
  };
}

function kindDecoration(kind: EntityKind): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor(kindColor(kind)),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}
