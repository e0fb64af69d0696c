// What every integration suite's entry point shares in the Node extension host:
// mocha with the shared reporter (reporter.ts). An entry (test/integration/index.ts,
// test/integration-multiroot/index.ts) names its folder and its label; it knows
// nothing about the runner that started VS Code. The web worker pass has its own
// entry (test/web/index.ts), with the same reporter and the same test files.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { grep, markReporterLines, specWithSummary } from './reporter';

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
  markReporterLines();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: specWithSummary(label),
    color: false,
    timeout: 30_000,
    grep,
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
