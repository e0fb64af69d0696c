// `npm run bench`'s activation figure, in either extension host: loaded by
// scripts/run-integration.mjs as the test entry (run()) in the Node host, or bundled
// for the web worker host (`--web`). The host marks when it begins to activate an
// extension and when activate() has returned (VS Code's performance marks
// code/extHost/willActivateExtension/… and didActivateExtension/…, in epoch
// milliseconds); the figure is the time between them: fetching or requiring the
// bundle, evaluating it and running activate() (the glossary loads after that, in
// the background). Prints figures, asserts nothing but that they could be taken.
import * as vscode from 'vscode';
import type { GlossaApi } from '../../src/extension';
import { format, mark } from '../integration/reporter';
import { inWebWorker } from '../integration/support';

const say = (...data: unknown[]) => console.log(mark + format(...data));

interface Mark {
  name: string;
  startTime: number;
}

/** VS Code's performance marks in this extension host, in epoch milliseconds. */
function hostMarks(): Mark[] {
  const shared = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Mark[] } }).MonacoPerformanceMarks;
  if (shared) return shared.getMarks();
  return performance.getEntriesByType('mark').map((m) => ({ name: m.name, startTime: performance.timeOrigin + m.startTime }));
}

export async function run(): Promise<void> {
  const id = 'glossa.glossa';
  const extension = vscode.extensions.getExtension<GlossaApi>(id);
  if (!extension) throw new Error('Glossa is not installed in this VS Code');
  const api = await extension.activate();
  await api.ready();
  const marks = hostMarks();
  const at = (what: string) => marks.find((m) => m.name === `code/extHost/${what}/${id}`)?.startTime;
  const will = at('willActivateExtension');
  const did = at('didActivateExtension');
  const host = inWebWorker ? 'web worker host' : 'Node host';
  if (will === undefined || did === undefined) {
    say(`activation: ${host}: VS Code's activation marks are missing (${marks.length} marks)`);
    return;
  }
  say(`activation: ${host}: ${Math.round(did - will)} ms from the start of activation to activate() returned`);
}
