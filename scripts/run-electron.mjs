// `npm run test:electron`: the same integration suite as `npm run test:integration`,
// in VS Code desktop downloaded by @vscode/test-electron. It needs a machine that can
// download VS Code (and a display, or xvfb-run); it is not run on the CI machines,
// which reach only the npm registry and Debian's packages.
// Expects `npm run build && npm run compile-tests` first (package.json does that).
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './lib/codeServer.mjs';
import { makeFixtureWorkspace } from './lib/workspace.mjs';

const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'glossa-electron-'));
let code = 1;
try {
  const workspace = await makeFixtureWorkspace(path.join(tmp, 'workspace'), { tag: 'electron' });
  await runTests({
    version: process.env.GLOSSA_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
  });
  code = 0;
} catch (error) {
  console.error(`[electron] FAILED: ${error?.message ?? error}`);
} finally {
  await fsp.rm(tmp, { recursive: true, force: true });
}
process.exit(code);
