// The integration suite's entry in the web worker extension host (VS Code for the
// Web): scripts/run-integration.mjs bundles it with every test/integration/*.test.ts
// into one CommonJS file (the host evaluates it with a `require` that knows only
// `vscode`) and names that file as extensionTestsPath. Mocha is its browser build
// (as @vscode/test-web runs it); the reporter and its closing line are the desktop
// passes' (test/integration/reporter.ts). Tests that need Node are marked
// `desktopOnly` (test/integration/support.ts) and show as pending here.
// The web test bundle maps 'mocha' to mocha's browser build (scripts/lib/webTests.mjs).
import Mocha from 'mocha';
import { grep, markReporterLines, specWithSummary } from '../integration/reporter';
import { inWebWorker } from '../integration/support';

/** The browser build's instance, which mocha/mocha.js sets up as a global. */
declare const mocha: { setup(options: { ui: string; reporter: unknown; timeout: number; color: boolean; grep?: string }): unknown };

/**
 * Sets mocha up (its `describe`, `it`… become globals), then calls `load`, which
 * evaluates the test files in a stable order, and runs them; rejects when a test fails.
 */
export function runWeb(label: string, load: () => void): Promise<void> {
  // Nothing would tell a pass that ran in the Node host by mistake from a web one.
  if (!inWebWorker) return Promise.reject(new Error(`the ${label} suite runs in a Node extension host, not in a web worker: the workbench ignored the web extension kind`));
  markReporterLines();
  mocha.setup({ ui: 'bdd', reporter: specWithSummary(label), timeout: 30_000, color: false, ...(grep ? { grep } : {}) });
  load();
  return new Promise((resolve, reject) => {
    try {
      // Mocha's own run(), not the browser build's wrapper: that reads the page's
      // location.search for a grep, and the extension host's worker has no page.
      Mocha.prototype.run.call(mocha as unknown as Mocha, (failures) => (failures > 0 ? reject(new Error(`${failures} ${label} test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
