// `npm run test:integration`: runs test/integration inside the Node extension host
// of a real VS Code (the server inside code-server), driven by headless Chromium,
// then test/integration-multiroot in a workspace of two folders (the fixture
// workspace and a copy of samples/, each with its own glossary), then test/integration
// again in the web worker extension host (VS Code for the Web: the extension's
// `browser` entry, the tests bundled for the browser by scripts/lib/webTests.mjs).
// Each pass starts its own VS Code server and prints its own mocha summary
// (`N passing`), so whoever adds them up (.ci/run) counts each test once.
// Expects `npm run build && npm run compile-tests` first (package.json does that).
//
// Environment: GLOSSA_TEST_TIMEOUT (seconds, default 300, 420 for the web pass)
// bounds each pass after code-server is installed; GLOSSA_TEST_GREP runs only
// matching tests; GLOSSA_CHROMIUM overrides /usr/bin/chromium; GLOSSA_TEST_DATA_DIR
// (for `npm run bench`) keeps the workspace copy and the server's data there, so
// that a second run opens the same workspace with what the first left in the
// extension's storage. GLOSSA_RENDERER_PROFILE=file.cpuprofile records the window's
// (the page's) CPU profile while the suite runs, for a developer: where the window's
// time goes (the extension host's: the benches' GLOSSA_BENCH_PROFILE).
// Options: --multi-root runs only the multi-root pass, --no-multi-root skips it;
// --web runs only the web worker pass, --no-web skips it. For `npm run bench`:
// --workspace DIR opens a copy of DIR instead of the fixture workspace; --tests FILE
// loads another compiled suite entry (a run() module; with --web, a .ts entry is
// bundled for the web worker); either runs that one pass only (the web one with --web).
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
  stopGroup,
  tempDir,
} from './lib/codeServer.mjs';
import { bundleWebEntry, bundleWebTests } from './lib/webTests.mjs';
import { copyWorkspace, makeFixtureWorkspace, makeMultiRootWorkspace } from './lib/workspace.mjs';

const tag = 'integration';
const { publisher, name: extensionName } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${publisher}.${extensionName}`;
const started = Date.now();
const cleanup = new Cleanup(tag);
const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? path.resolve(process.argv[i + 1]) : undefined;
};
const flag = (name) => process.argv.includes(`--${name}`);
const testsOption = option('tests');
const workspaceSource = option('workspace');
const compiled = path.join(repoRoot, 'out', 'test');

/** Marks the reporter's lines among the workbench's (see test/integration/reporter.ts). */
const testMark = '\u2063glossa-test\u2063 ';

/**
 * The web worker pass's suite: test/integration bundled for the browser into
 * out/test-web/ (inside the extension folder, so the host loads it as the
 * extension's CommonJS), before the pass starts.
 */
const webSuite = {
  name: 'web',
  tests: path.join(repoRoot, 'out', 'test-web', 'integration.js'),
  results: 'integration-web',
  open: openFolder,
  web: true,
  prepare: () =>
    bundleWebTests({
      suiteDir: path.join(repoRoot, 'test', 'integration'),
      label: 'integration (web worker)',
      outfile: webSuite.tests,
      mark: testMark,
      grep: process.env.GLOSSA_TEST_GREP,
    }),
};

/** The passes to run, each in its own VS Code server: a suite entry and how to build what it opens. */
const passes = [];
if ((testsOption || workspaceSource) && flag('web')) {
  // A TypeScript entry of its own (test/bench/activation.ts) is bundled for the web worker like the suite.
  const entry = testsOption?.endsWith('.ts') ? testsOption : undefined;
  const outfile = entry ? path.join(repoRoot, 'out', 'test-web', `${path.basename(entry, '.ts')}.js`) : (testsOption ?? webSuite.tests);
  passes.push({ ...webSuite, tests: outfile, prepare: entry ? () => bundleWebEntry({ entry, outfile, mark: testMark }) : testsOption ? undefined : webSuite.prepare });
} else if (testsOption || workspaceSource) {
  passes.push({ name: 'integration', tests: testsOption ?? path.join(compiled, 'integration', 'index.js'), results: 'integration', open: openFolder });
} else if (flag('web')) {
  passes.push(webSuite);
} else {
  if (!flag('multi-root')) passes.push({ name: 'integration', tests: path.join(compiled, 'integration', 'index.js'), results: 'integration', open: openFolder });
  if (!flag('no-multi-root')) {
    passes.push({ name: 'multi-root', tests: path.join(compiled, 'integration-multiroot', 'index.js'), results: 'integration-multiroot', open: openMultiRoot });
  }
  if (!flag('no-web') && !flag('multi-root')) passes.push(webSuite);
}

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
  for (const pass of passes) {
    if (!pass.prepare) continue;
    const built = await pass.prepare();
    say(tag, `${pass.name}: bundled ${built.files} test file${built.files === 1 ? '' : 's'} for the web worker into ${path.relative(repoRoot, built.outfile)}`);
  }
  for (const [file, hint] of [
    ...passes.map((pass) => [pass.tests, 'npm run compile-tests']),
    [path.join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
    ...(passes.some((pass) => pass.web) ? [[path.join(repoRoot, 'dist', 'web', 'extension.js'), 'npm run build']] : []),
  ]) {
    if (!fs.existsSync(file)) throw new SetupError(`${path.relative(repoRoot, file)} is missing: run \`${hint}\` first`);
  }
  const codeServer = await ensureCodeServer({ tag });
  const codes = [];
  for (const pass of passes) {
    const passStarted = Date.now();
    const code = await runPass(pass, codeServer);
    codes.push(code);
    say(tag, `${pass.name} pass: exit code ${code}, ${seconds(passStarted)} s`);
  }
  return codes.some((code) => code !== 0) ? 1 : 0;
}

/** The fixture workspace (or a copy of --workspace), opened as a folder. */
async function openFolder(tmp) {
  const workspace = workspaceSource
    ? await copyWorkspace(workspaceSource, path.join(tmp, 'workspace'))
    : await makeFixtureWorkspace(path.join(tmp, 'workspace'), { tag });
  return `folder=${encodeURIComponent(workspace)}`;
}

/** Two folders (the fixture workspace and a copy of samples/) in a .code-workspace file. */
async function openMultiRoot(tmp) {
  const file = await makeMultiRootWorkspace(path.join(tmp, 'workspace'), { tag });
  return `workspace=${encodeURIComponent(file)}`;
}

/** Starts a VS Code server, opens the pass's workspace in Chromium, runs its suite; returns the suite's exit code. */
async function runPass(pass, codeServer) {
  // The web worker pass is the slowest (under the shared load, twice the Node pass's time). On a starved
  // machine the Node pass once ran past 180 s with nothing hung (a rerun passed).
  const timeoutSeconds = Number(process.env.GLOSSA_TEST_TIMEOUT || (pass.web ? 420 : 300));
  const timeout = startTimeout(cleanup, `${tag}:${pass.name}`, timeoutSeconds * 1000);

  timeout.phase = 'preparing the workspace';
  const kept = process.env.GLOSSA_TEST_DATA_DIR;
  const tmp = kept ? path.resolve(kept) : await tempDir(cleanup, `glossa-${pass.name}`);
  const open = await pass.open(tmp);

  const resultsDir = path.join(repoRoot, 'test-results', pass.results);
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
    // The web pass: see the payload below.
    settings: pass.web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : undefined,
  });
  say(tag, `${pass.name}: VS Code server ${server.version} on 127.0.0.1:${port} (log: ${path.relative(repoRoot, serverLog)})`);

  timeout.phase = 'launching Chromium';
  // The browser's profile is always a fresh one (a kept one could hold the lock of a browser that was stopped).
  const browser = await launchChromium(cleanup, { dataDir: kept ? await tempDir(cleanup, 'glossa-browser') : path.join(tmp, 'browser') });
  const page = await browser.newPage();

  let done = false;
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
    if (!done && !cleanup.stopping) fail(new SetupError(`the VS Code server exited (${signal ?? code}) during the ${pass.name} pass; see ${serverLog}`));
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // The web pass opens the same fixture folder, served by this VS Code server:
  // `?folder=` makes it vscode-remote://127.0.0.1:P/<path>, which the web worker host
  // reaches through the remote file system (vscode.workspace.fs), as the Node host does.
  // extensionDevelopmentKind=web asks for the extension (its `browser` entry) and the
  // suite in the workbench's web worker extension host; the workbench reads it only
  // because the server runs with --enable-smoke-test-driver. This VS Code (1.139.1)
  // parses it into `extensionDevelopmentLocationKind` but picks the host from
  // `extensionDevelopmentKind`, which its web workbench never sets, so the pass also
  // gives the user setting `remote.extensionKind` = web for Glossa (set above), which
  // that same code honours. The suite checks that it runs in a web worker.
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(pass.tests)],
    ...(pass.web ? [['extensionDevelopmentKind', 'web']] : []),
  ];
  const url = `http://127.0.0.1:${port}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  timeout.phase = 'loading the workbench page';
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  timeout.phase = 'waiting for the tests to finish (the page never called codeAutomationExit)';
  say(tag, `${pass.name}: workbench loaded; running the suite in the extension host`);
  let cdp;
  if (process.env.GLOSSA_RENDERER_PROFILE) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const code = await finished;
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(process.env.GLOSSA_RENDERER_PROFILE, JSON.stringify(profile));
  }
  say(tag, `${pass.name}: the suite exited with ${code}${code ? `; VS Code's own log lines are in ${path.relative(repoRoot, workbenchLog)}` : ''}`);

  // The next pass starts from nothing: stop this one's browser and server now (the cleanup would only at the end).
  timeout.phase = 'stopping the VS Code server and Chromium';
  done = true;
  await browser.close();
  await stopGroup(server.pgid);
  timeout.stop();
  return code;
}
