// What every integration suite's entry point shares: mocha inside the extension
// host, the spec reporter with one closing line, and the reporter's mark. An entry
// (test/integration/index.ts, test/integration-multiroot/index.ts) names its folder
// and its label; it knows nothing about the runner that started VS Code.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

/**
 * Set by scripts/run-integration.mjs: the workbench forwards every log line to the
 * runner, so the reporter's lines carry this mark to be told apart from VS Code's.
 */
const mark = process.env.GLOSSA_TEST_MARK ?? '';

/**
 * Mocha's spec reporter, then one closing line `<label>: N passed, N failed`.
 * It writes through console.log, which the extension host forwards to whoever
 * started it (the smoke-test driver's codeAutomationLog, or test-electron's stdout).
 */
function specWithSummary(label: string): typeof Mocha.reporters.Spec {
  return class SpecWithSummary extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
        const stats = runner.stats;
        const skipped = stats?.pending ? `, ${stats.pending} skipped` : '';
        Mocha.reporters.Base.consoleLog(`${label}: ${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed${skipped}`);
      });
    }
  };
}

/** Every compiled `*.test.js` below `dir`, sorted so the order is stable. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Runs every `*.test.js` below `dir`; rejects when a test fails (VS Code then exits non-zero). */
export function runSuite(dir: string, label: string): Promise<void> {
  if (mark) {
    const log = console.log;
    Mocha.reporters.Base.consoleLog = (...data: unknown[]) => log(mark + format(...data).split('\n').join('\n' + mark));
  }
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: specWithSummary(label),
    color: false,
    timeout: 30_000,
    grep: process.env.GLOSSA_TEST_GREP,
  });
  const files = testFiles(dir);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files under ${dir}`));
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} ${label} test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
