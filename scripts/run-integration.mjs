// `npm run test:integration`: runs test/integration inside the Node extension host
// of a real VS Code (the server inside code-server), driven by headless Chromium.
// Expects `npm run build && npm run compile-tests` first (package.json does that).
//
// Environment: GLOSSA_TEST_TIMEOUT (seconds, default 180) bounds the run after
// code-server is installed; GLOSSA_TEST_GREP runs only matching tests;
// GLOSSA_CHROMIUM overrides /usr/bin/chromium.
// Options (for `npm run bench`): --workspace DIR opens a copy of DIR instead of the
// fixture workspace; --tests FILE loads another compiled suite entry (a run() module).
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { format } from 'node:util';
import {
  Cleanup,
  SetupError,
  describeError,
  ensureCodeServer,
  freePort,
  launchChromium,
  repoRoot,
  say,
  seconds,
  startTestHost,
  startTimeout,
  tempDir,
} from './lib/codeServer.mjs';
import { copyWorkspace, makeFixtureWorkspace } from './lib/workspace.mjs';

const tag = 'integration';
const started = Date.now();
const cleanup = new Cleanup(tag);
const resultsDir = path.join(repoRoot, 'test-results', 'integration');
const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? path.resolve(process.argv[i + 1]) : undefined;
};
const testsIndex = option('tests') ?? path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
const workspaceSource = option('workspace');
/** Marks the reporter's lines among the workbench's (see test/integration/index.ts). */
const testMark = '\u2063glossa-test\u2063 ';

try {
  process.exitCode = await main();
} catch (error) {
  if (!cleanup.stopping) console.error(`[${tag}] FAILED: ${describeError(error)}`);
  process.exitCode = 1;
}
await cleanup.run();
say(tag, `done in ${seconds(started)} s, exit code ${process.exitCode}`);
process.exit(process.exitCode);

async function main() {
  for (const [file, hint] of [
    [testsIndex, 'npm run compile-tests'],
    [path.join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
  ]) {
    if (!fs.existsSync(file)) throw new SetupError(`${path.relative(repoRoot, file)} is missing: run \`${hint}\` first`);
  }
  const codeServer = await ensureCodeServer({ tag });

  const timeoutSeconds = Number(process.env.GLOSSA_TEST_TIMEOUT || 180);
  const timeout = startTimeout(cleanup, tag, timeoutSeconds * 1000);

  timeout.phase = 'preparing the fixture workspace';
  const tmp = await tempDir(cleanup, 'glossa-integration');
  const workspace = workspaceSource
    ? await copyWorkspace(workspaceSource, path.join(tmp, 'workspace'))
    : await makeFixtureWorkspace(path.join(tmp, 'workspace'), { tag });

  await fsp.mkdir(resultsDir, { recursive: true });
  const serverLog = path.join(resultsDir, 'server.log');
  const browserLog = path.join(resultsDir, 'browser.log');
  const workbenchLog = path.join(resultsDir, 'workbench.log');
  for (const file of [serverLog, browserLog, workbenchLog]) await fsp.writeFile(file, '');

  timeout.phase = 'waiting for the VS Code server to answer /version';
  const port = await freePort();
  const server = await startTestHost(cleanup, {
    codeServer,
    dataDir: path.join(tmp, 'server'),
    port,
    logFile: serverLog,
    env: { GLOSSA_TEST_MARK: testMark },
  });
  say(tag, `VS Code server ${server.version} on 127.0.0.1:${port} (log: ${path.relative(repoRoot, serverLog)})`);

  timeout.phase = 'launching Chromium';
  const browser = await launchChromium(cleanup, { dataDir: path.join(tmp, 'browser') });
  const page = await browser.newPage();

  let finish, fail;
  const finished = new Promise((resolve, reject) => ((finish = resolve), (fail = reject)));
  // Every log line of the workbench arrives here; the suite's reporter marks its own.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (text.startsWith(testMark)) {
      const out = text.slice(testMark.length).split(`\n${testMark}`).join('\n');
      console.log(out);
    } else {
      fs.appendFileSync(workbenchLog, `[${type}] ${text}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('console', (message) => fs.appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => fs.appendFileSync(browserLog, `[pageerror] ${error.stack ?? error}\n`));
  server.exited.then(({ code, signal }) => {
    if (!cleanup.stopping) fail(new SetupError(`the VS Code server exited (${signal ?? code}) during the run; see ${serverLog}`));
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsIndex)],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  timeout.phase = 'loading the workbench page';
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  timeout.phase = 'waiting for the tests to finish (the page never called codeAutomationExit)';
  say(tag, 'workbench loaded; running the suite in the extension host');
  const code = await finished;
  say(tag, `the suite exited with ${code}${code ? `; VS Code's own log lines are in ${path.relative(repoRoot, workbenchLog)}` : ''}`);
  return code;
}
