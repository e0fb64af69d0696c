// The integration suite's entry point: VS Code loads this module inside its
// extension host (extensionTestsPath) and awaits run(). It knows nothing about the
// runner that started VS Code, so scripts/run-integration.mjs (code-server) and
// scripts/run-electron.mjs (@vscode/test-electron, desktop) share it.
import { runSuite } from './runSuite';

/** Runs the suite; rejects when a test fails (VS Code then exits non-zero). */
export function run(): Promise<void> {
  return runSuite(__dirname, 'integration');
}
