/**
 * The log (the one "Glossa" output channel) and the editor's latency figures,
 * taken in one place from what the views of the pipeline's analyses report.
 */
import * as vscode from 'vscode';
import type { AnalysisEvent } from './documentAnalyses';

/** The one output channel of the extension ("Glossa", with log levels). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Glossa', { log: true });
}

/**
 * Editor latency figures, written to the log in a fixed form that a benchmark can
 * read:
 *
 *   `open→diagnostics <file>: <total> ms (analysis <a> ms, <n> diagnostics)`
 *   `keystroke→annotated <file>: <work> ms (text <t> ms, analysis <a> ms, decorations <d> ms); <wall> ms after the keystroke with debounce; median <m> ms over <k> edits`
 *
 * `total` runs from the editor telling the extension a document opened to its
 * diagnostics being published; `work` is what one keystroke costs once the
 * debounce has fired: getting the document's text (`text`), re-analysing the
 * paragraphs around the edit (`analysis`; a whole-document analysis when the
 * line says `full`) and decorating what the editor shows (`decorations`), for
 * the edited document only. Every edit is logged at debug level; an info line at most every two
 * seconds per file.
 */
export class Figures {
  private readonly edits = new Map<string, { samples: number[]; lastInfo: number }>();
  private readonly recent: FigureSample[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /**
   * Takes the figures from what the views of the pipeline's analyses report:
   * diagnostics published from an `open` analysis (open → diagnostics), and
   * editors decorated from an `edit` analysis (keystroke → annotated).
   */
  observe(
    decorated: vscode.Event<{ event: AnalysisEvent; decorationsMs: number }>,
    published: vscode.Event<{ event: AnalysisEvent; diagnostics: number }>,
  ): vscode.Disposable {
    return vscode.Disposable.from(
      decorated(({ event, decorationsMs }) => {
        const analysis = event.analysis;
        if (event.cause !== 'edit' || !analysis) return;
        const textMs = analysis.textMs ?? 0;
        this.edited(analysis.uri, textMs + analysis.ms + decorationsMs, textMs, analysis.ms, analysis.incremental === true, decorationsMs, performance.now() - event.since);
      }),
      published(({ event, diagnostics }) => {
        if (event.cause === 'open' && event.analysis) this.opened(event.analysis.uri, performance.now() - event.since, event.analysis.ms, diagnostics);
      }),
    );
  }

  /** The last figures (up to 500), oldest first, as plain data. */
  samples(): FigureSample[] {
    return [...this.recent];
  }

  private record(sample: FigureSample): void {
    this.recent.push(sample);
    if (this.recent.length > 500) this.recent.shift();
  }

  opened(uri: vscode.Uri, totalMs: number, analysisMs: number, diagnostics: number): void {
    this.record({ kind: 'open', uri: uri.toString(), ms: totalMs, analysisMs, diagnostics });
    this.log.info(`open→diagnostics ${vscode.workspace.asRelativePath(uri)}: ${totalMs.toFixed(1)} ms (analysis ${analysisMs.toFixed(1)} ms, ${diagnostics} diagnostics)`);
  }

  edited(uri: vscode.Uri, workMs: number, textMs: number, analysisMs: number, incremental: boolean, decorationsMs: number, wallMs: number): void {
    const key = uri.toString();
    this.record({ kind: 'keystroke', uri: key, ms: workMs, textMs, analysisMs, incremental, decorationsMs, wallMs });
    let entry = this.edits.get(key);
    if (!entry) this.edits.set(key, (entry = { samples: [], lastInfo: 0 }));
    entry.samples.push(workMs);
    if (entry.samples.length > 200) entry.samples.shift();
    const sorted = [...entry.samples].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    const line =
      `keystroke→annotated ${vscode.workspace.asRelativePath(uri)}: ${workMs.toFixed(2)} ms ` +
      `(text ${textMs.toFixed(2)} ms, analysis ${analysisMs.toFixed(2)} ms${incremental ? '' : ' full'}, decorations ${decorationsMs.toFixed(2)} ms); ` +
      `${wallMs.toFixed(0)} ms after the keystroke with debounce; median ${median.toFixed(2)} ms over ${entry.samples.length} edits`;
    const now = Date.now();
    if (now - entry.lastInfo >= 2000) {
      entry.lastInfo = now;
      this.log.info(line);
    } else {
      this.log.debug(line);
    }
  }
}

/** One latency figure: `open` (open → diagnostics) or `keystroke` (keystroke → annotated). */
export interface FigureSample {
  kind: 'open' | 'keystroke';
  uri: string;
  /** open: from the open event to published diagnostics; keystroke: the work after the debounce. */
  ms: number;
  analysisMs: number;
  textMs?: number;
  incremental?: boolean;
  decorationsMs?: number;
  /** keystroke: from the keystroke to annotated, debounce included. */
  wallMs?: number;
  diagnostics?: number;
}
