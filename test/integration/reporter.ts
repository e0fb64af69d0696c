// The reporter every integration pass shares, desktop (runSuite.ts) and web worker
// (test/web/index.ts): mocha's spec reporter with one closing line, its lines marked
// for the runner. Web-safe: no Node module, no Node global but the two `process.env`
// settings, which the web test bundle has replaced by their values at build time.
import Mocha from 'mocha';

/**
 * Set by scripts/run-integration.mjs: the workbench forwards every log line to the
 * runner, so the reporter's lines carry this mark to be told apart from VS Code's.
 */
export const mark = process.env.GLOSSA_TEST_MARK ?? '';

/** GLOSSA_TEST_GREP: only the tests whose titles match run. */
export const grep = process.env.GLOSSA_TEST_GREP || undefined;

/** console.log's formatting (%s, %d, %i, %f, %j, %o, %O, %%), for the lines written with the mark in front. */
export function format(...data: unknown[]): string {
  const show = (value: unknown) => (typeof value === 'string' ? value : value instanceof Error ? (value.stack ?? value.message) : (JSON.stringify(value) ?? String(value)));
  const parts: string[] = [];
  let i = 0;
  if (typeof data[0] === 'string') {
    i = 1;
    parts.push(
      data[0].replace(/%([sdifjoOc%])/g, (all, kind: string) => {
        if (kind === '%') return '%';
        if (i >= data.length) return all;
        const value = data[i++];
        if (kind === 'c') return '';
        if (kind === 'd' || kind === 'f') return String(Number(value));
        if (kind === 'i') return String(parseInt(String(value), 10));
        if (kind === 's') return show(value);
        return JSON.stringify(value) ?? String(value);
      }),
    );
  }
  for (; i < data.length; i++) parts.push(show(data[i]));
  return parts.join(' ');
}

/** Writes mocha's reporter lines through console.log, each line marked. */
export function markReporterLines(): void {
  if (!mark) return;
  const log = console.log;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => log(mark + format(...data).split('\n').join('\n' + mark));
}

/**
 * Mocha's spec reporter, then one closing line `<label>: N passed, N failed`.
 * It writes through console.log, which the extension host forwards to whoever
 * started it (the smoke-test driver's codeAutomationLog, or test-electron's stdout).
 */
export function specWithSummary(label: string): typeof Mocha.reporters.Spec {
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
