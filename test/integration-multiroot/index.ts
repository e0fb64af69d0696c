// The multi-root suite's entry point: the same mocha set-up as test/integration,
// run in a workspace of two folders, each with its own glossary (the runner's
// `--multi-root` pass opens it; see scripts/run-integration.mjs).
import { runSuite } from '../integration/runSuite';

/** Runs the suite; rejects when a test fails (VS Code then exits non-zero). */
export function run(): Promise<void> {
  return runSuite(__dirname, 'integration (multi-root)');
}
