// `npm run demo`: the first run. Installs code-server once, builds and packages
// Glossa, installs the .vsix into the demo's own extensions folder and starts
// code-server on http://127.0.0.1:8080/ with samples/ open. Ctrl+C stops everything
// it started. State (settings, extensions, logs) stays in .vscode-test/demo/.
//
// Environment: GLOSSA_DEMO_PORT (default 8080); GLOSSA_DEMO_FOLDER (default samples/).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Cleanup,
  SetupError,
  describeError,
  codeServerCli,
  ensureCodeServer,
  isolatedEnv,
  portInUse,
  quietSettings,
  repoRoot,
  say,
  seconds,
  startCodeServer,
  vscodeTestDir,
} from './lib/codeServer.mjs';

const tag = 'demo';
const started = Date.now();
// Ctrl+C is how a demo ends: exit 0 then, so npm reports no failure.
const cleanup = new Cleanup(tag, { interruptCode: 0 });
const port = Number(process.env.GLOSSA_DEMO_PORT || 8080);
const folder = path.resolve(repoRoot, process.env.GLOSSA_DEMO_FOLDER || 'samples');
const demoDir = path.join(vscodeTestDir, 'demo');

try {
  await main();
} catch (error) {
  if (!cleanup.stopping) console.error(`[${tag}] FAILED: ${describeError(error)}`);
  await cleanup.exit(1);
}

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) {
    throw new SetupError('the dependencies are not installed: run `npm ci` first');
  }
  if (!fs.existsSync(folder)) throw new SetupError(`${path.relative(repoRoot, folder)}/ does not exist`);
  if (await portInUse(port)) {
    throw new SetupError(`127.0.0.1:${port} is already in use (another demo?); stop it or set GLOSSA_DEMO_PORT`);
  }

  const codeServer = await ensureCodeServer({ tag });

  say(tag, 'building and packaging Glossa (npm run package)');
  const pack = spawnSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) throw new SetupError(`npm run package failed (exit ${pack.status ?? pack.signal})`);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.join(repoRoot, `glossa-${version}.vsix`);

  const dataDir = path.join(demoDir, 'data');
  const extensionsDir = path.join(demoDir, 'extensions');
  fs.mkdirSync(dataDir, { recursive: true });
  say(tag, `installing ${path.basename(vsix)} into ${path.relative(repoRoot, extensionsDir)}`);
  await codeServerCli(
    codeServer,
    ['--user-data-dir', path.join(dataDir, 'ud'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: isolatedEnv(dataDir), logFile: path.join(demoDir, 'install-extension.log') },
  );

  const logFile = path.join(demoDir, 'code-server.log');
  fs.writeFileSync(logFile, '');
  const server = await startCodeServer(cleanup, {
    codeServer,
    dataDir,
    port,
    folder,
    extensionsDir,
    logFile,
    // samples/ lives inside the project's git repository: without this VS Code asks whether
    // to open the repository of the parent folder, which a first run should not see.
    settings: { ...quietSettings, 'workbench.startupEditor': 'readme', 'git.openRepositoryInParentFolders': 'never' },
  });
  say(tag, `ready in ${seconds(started)} s: code-server with Glossa ${version} and ${path.relative(repoRoot, folder)}/ open`);
  console.log(`\n    Open ${server.url} in a browser.\n    Press Ctrl+C to stop.\n`);
  say(tag, `log: ${path.relative(repoRoot, logFile)}`);

  const { code, signal } = await server.exited;
  if (!cleanup.stopping) {
    console.error(`[${tag}] code-server exited (${signal ?? code}); see ${path.relative(repoRoot, logFile)}`);
    await cleanup.exit(1);
  }
}
