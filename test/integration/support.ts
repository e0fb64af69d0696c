// Helpers shared by the integration suites.

/**
 * Polls `probe` until it returns something other than undefined and returns that;
 * fails after `timeoutMs` naming `what` it was waiting for. Tests wait for
 * conditions this way instead of sleeping a fixed time.
 */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Whether the suite runs in the web worker extension host (VS Code for the Web, the
 * runner's web pass): there is no Node there (no CLI, no `fs`, no `child_process`).
 */
export const inWebWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

/**
 * Tests that need Node (the CLI, node:fs on the fixtures): `desktopOnly.it(...)` and
 * `desktopOnly.describe(...)` run in the desktop passes and are skipped (reported as
 * pending) in the web worker pass. A file may still import Node modules at its top:
 * the web test bundle stands in for them with functions that throw when called.
 */
export const desktopOnly = {
  it(title: string, fn: Mocha.AsyncFunc | Mocha.Func): Mocha.Test {
    return inWebWorker ? it.skip(`${title} (desktop only: needs Node)`) : it(title, fn);
  },
  describe(title: string, fn: (this: Mocha.Suite) => void): Mocha.Suite | void {
    return inWebWorker ? describe.skip(`${title} (desktop only: needs Node)`, fn) : describe(title, fn);
  },
};
