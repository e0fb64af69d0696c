// The "editor at scale" part of `npm run bench`: loaded by scripts/run-integration.mjs
// as the extension host's test entry (run()), in a workspace holding the benchmark's
// 10,000-entity glossary and its whole generated corpus. Runs *Check All Files in
// the Workspace* as a user would, and meanwhile hovers and types in an open
// article; prints the check's wall time (and when the window had taken in all its
// diagnostics), the extension host's memory before and after, and the hover and
// keystroke latencies measured meanwhile.
// Asserts nothing but that the figures could be taken.
import * as fs from 'fs';
import { format } from 'util';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { GlossaApi } from '../../src/extension';
import { ContextKeys } from '../../src/vscode/commands';
import { startProfile } from './profile';

const mark = process.env.GLOSSA_TEST_MARK ?? '';
const say = (...data: unknown[]) => console.log(mark + format(...data));

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : NaN);
const percentile = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The extension host's memory once the heap has settled (a collection, when the host allows one). */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  // The extension host runs without --expose-gc; the flag can still be set, and the function taken from a new context.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  for (let k = 0; k < 3; k++) {
    gc?.();
    await pause(200);
  }
  return process.memoryUsage();
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<GlossaApi>('glossa.glossa');
  if (!extension) throw new Error('Glossa is not installed in this VS Code');
  const activationStart = Date.now();
  const api = await extension.activate();
  await api.ready();
  say(`editor-scale: glossary loaded and ready ${Date.now() - activationStart} ms after activation was requested`);

  const files = await vscode.workspace.findFiles('corpus/**/*.txt');
  if (files.length === 0) throw new Error('no corpus file in the benchmark workspace');
  files.sort((a, b) => a.path.localeCompare(b.path));
  // An article in the middle of the corpus, open in an editor, where the user hovers and types.
  const article = files[files.length >> 1];
  const document = await vscode.workspace.openTextDocument(article);
  const editor = await vscode.window.showTextDocument(document);
  const analysed = Date.now();
  while (!api.figures().some((f) => f.kind === 'open' && f.uri === article.toString())) {
    if (Date.now() - analysed > 60_000) throw new Error('the open article was never analysed');
    await pause(5);
  }
  const before = await settledMemory();

  // Where to hover: the first highlighted name of the article (a hover card with content).
  const diagnosticsBefore = vscode.languages.getDiagnostics(article).length;
  const hoverAt = await firstMentionPosition(api, article);

  const hoverMs: number[] = [];
  const keystrokeMs: number[] = [];
  let checking = true;
  const hovering = (async () => {
    while (checking) {
      const t = performance.now();
      await vscode.commands.executeCommand('vscode.executeHoverProvider', article, hoverAt);
      hoverMs.push(performance.now() - t);
      await pause(100);
    }
  })();
  const typing = (async () => {
    let k = 0;
    // Type an "x" at the end of the hovered line, then delete it, and again.
    const at = document.lineAt(hoverAt.line).range.end;
    while (checking) {
      const count = api.figures().filter((f) => f.kind === 'keystroke').length;
      await editor.edit((edit) => (k % 2 === 0 ? edit.insert(at, 'x') : edit.delete(new vscode.Range(at, at.translate(0, 1)))), { undoStopBefore: false, undoStopAfter: false });
      k++;
      const waited = Date.now();
      while (checking && Date.now() - waited < 5_000) {
        const samples = api.figures().filter((f) => f.kind === 'keystroke');
        if (samples.length > count) {
          keystrokeMs.push(samples[samples.length - 1].ms);
          break;
        }
        await pause(5);
      }
      await pause(150);
    }
  })();

  // GLOSSA_BENCH_PROFILE=file.cpuprofile records the extension host's CPU during the check (for a developer, not printed).
  const profile = process.env.GLOSSA_BENCH_PROFILE ? await startProfile() : undefined;
  let peakRss = 0;
  let peakHeap = 0;
  let peakExternal = 0;
  const sampling = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapTotal);
    peakExternal = Math.max(peakExternal, m.external);
  }, 50);
  const started = Date.now();
  const done = await vscode.commands.executeCommand<boolean>('glossa.checkWorkspace');
  const checkMs = Date.now() - started;
  // The command returns once the extension host has sent every diagnostic; the window may still be taking in the last of them.
  // A command the window answers comes back after all it was sent before (one ordered channel): then it has them.
  await vscode.commands.executeCommand('setContext', ContextKeys.active, true);
  const inWindowMs = Date.now() - started;
  clearInterval(sampling);
  if (profile) fs.writeFileSync(process.env.GLOSSA_BENCH_PROFILE!, JSON.stringify(await profile()));
  checking = false;
  await Promise.all([hovering, typing]);
  if (!done) throw new Error('the workspace check was cancelled');
  let diagnosed = 0;
  let diagnostics = 0;
  for (const [, list] of vscode.languages.getDiagnostics()) {
    if (list.length === 0) continue;
    diagnosed++;
    diagnostics += list.length;
  }
  const after = await settledMemory();
  say(
    `editor-scale: Check All Files in the Workspace: ${files.length} files in ${(checkMs / 1000).toFixed(1)} s (target ≤ 10 s), ` +
      `and the window had taken in every diagnostic ${(inWindowMs / 1000).toFixed(1)} s after the start; ` +
      `${diagnostics} diagnostics on ${diagnosed} files (the open article had ${diagnosticsBefore} before)`,
  );
  say(
    `editor-scale: extension host memory: rss ${mib(before.rss)} → ${mib(after.rss)} MiB (growth ${mib(after.rss - before.rss)} MiB, target ≤ 300), ` +
      `heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} MiB, outside the heap ${mib(before.external)} → ${mib(after.external)} MiB; ` +
      `peak during the check: rss ${mib(peakRss)} MiB, heap (total) ${mib(peakHeap)} MiB, outside the heap ${mib(peakExternal)} MiB`,
  );
  say(
    `editor-scale: during the check: hover median ${median(hoverMs).toFixed(1)} ms, p95 ${percentile(hoverMs, 0.95).toFixed(1)} ms, longest ${Math.max(...hoverMs).toFixed(0)} ms over ${hoverMs.length} hovers; ` +
      `keystroke → re-annotated median ${median(keystrokeMs).toFixed(2)} ms, p95 ${percentile(keystrokeMs, 0.95).toFixed(2)} ms over ${keystrokeMs.length} keystrokes (targets ≤ 1.5 / ≤ 5 ms)`,
  );

  // After the check, a user types and points at a name: a hover right after each keystroke (the card
  // counts the name's mentions across the corpus, which the keystroke changed).
  const hoverAfterMs: number[] = [];
  for (let k = 0; k < 20; k++) {
    const count = api.figures().filter((f) => f.kind === 'keystroke').length;
    const end = document.lineAt(hoverAt.line).range.end;
    await editor.edit((edit) => (k % 2 === 0 ? edit.insert(end, 'x') : edit.delete(new vscode.Range(end.translate(0, -1), end))), { undoStopBefore: false, undoStopAfter: false });
    const waited = Date.now();
    while (api.figures().filter((f) => f.kind === 'keystroke').length === count && Date.now() - waited < 5_000) await pause(5);
    const t = performance.now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, hoverAt);
    hoverAfterMs.push(performance.now() - t);
    const card = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    if (!card.includes('corpus files')) throw new Error(`the hover card after the check has no corpus count:\n${card}`);
  }
  say(`editor-scale: after the check, a hover right after each keystroke: median ${median(hoverAfterMs).toFixed(1)} ms, p95 ${percentile(hoverAfterMs, 0.95).toFixed(1)} ms over ${hoverAfterMs.length} hovers`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The position of the article's first highlighted name (where a hover card has content). */
async function firstMentionPosition(api: GlossaApi, article: vscode.Uri): Promise<vscode.Position> {
  const started = Date.now();
  for (;;) {
    const decorations = api.decorations(article);
    const first = decorations && [...decorations.person, ...decorations.body, ...decorations.place].sort((a, b) => a.line - b.line || a.character - b.character)[0];
    if (first) return new vscode.Position(first.line, first.character + 1);
    if (Date.now() - started > 30_000) throw new Error('the open article has no highlighted name');
    await pause(10);
  }
}
