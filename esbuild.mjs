// Bundles the extension and the CLI into dist/, and the extension's `browser` entry
// for VS Code for the Web into dist/web/ (the web worker extension host: no Node
// builtins, no Node globals; scripts/lib/webBundle.mjs checks both and fails the
// build). `--production` minifies and drops source maps (what the .vsix ships);
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { checkNodeGlobalsAfterBuild, webOptions } from './scripts/lib/webBundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The corpus index's scan processes (a child process's script: no `vscode`).
  { ...common, entryPoints: ['src/vscode/services/scanProcess.ts'], outfile: 'dist/scanProcess.js' },
  (() => {
    const web = webOptions({ production });
    // The same src/extension.ts: every feature is file-system neutral (vscode.workspace.fs, findFiles).
    return { ...web, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', plugins: [...web.plugins, checkNodeGlobalsAfterBuild()] };
  })(),
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
