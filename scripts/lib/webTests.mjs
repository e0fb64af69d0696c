// Bundles an integration suite for the web worker extension host: one CommonJS file
// that exports run() (test/web/index.ts), with every `*.test.ts` of the suite inside,
// sorted, as runSuite.ts loads them on the desktop. In that bundle:
//   - `assert` is test/web/assert.ts (Node's semantics, no Node);
//   - `mocha` is mocha's browser build (`Mocha` from its global);
//   - any other Node builtin a test file imports (`fs`, `child_process` … for the
//     desktopOnly tests) is a stand-in whose functions throw when called, saying
//     the test needs marking desktopOnly;
//   - `process.env.GLOSSA_TEST_MARK` and `process.env.GLOSSA_TEST_GREP` are the
//     runner's values, as the Node extension host would read them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { isNodeBuiltin, webWorkerTarget } from './webBundle.mjs';
import { repoRoot } from './codeServer.mjs';

const require = createRequire(import.meta.url);

/** Every `*.test.ts` below `dir`, sorted (the order runSuite.ts uses for the compiled files). */
function testFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join(dir, file));
}

function webTestModules() {
  return {
    name: 'web-test-modules',
    setup(build) {
      build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(repoRoot, 'test', 'web', 'assert.ts') }));
      build.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha', namespace: 'web-mocha' }));
      // mocha.js is a UMD file: with the host's `module` in reach it would replace the
      // bundle's exports with its own. Without one it sets the globals `mocha` and `Mocha`.
      build.onLoad({ filter: /.*/, namespace: 'web-mocha' }, () => ({
        contents: `(function (module, exports, define) {\n${fs.readFileSync(require.resolve('mocha/mocha.js'), 'utf8')}\n})();\nmodule.exports = globalThis.Mocha;\n`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => (isNodeBuiltin(args.path) ? { path: args.path, namespace: 'node-stand-in' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'node-stand-in' }, async (args) => {
        const names = Object.keys(await import(args.path)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
        const message = `${args.path} is not available in the web worker extension host: mark the test that needs it desktopOnly (test/integration/support.ts)`;
        return {
          contents: `const unavailable = () => { throw new Error(${JSON.stringify(message)}); };\nmodule.exports = { ${names.map((name) => `${name}: unavailable`).join(', ')} };\n`,
          loader: 'js',
        };
      });
    },
  };
}

/** esbuild options for a test bundle of the web worker host, with the runner's GLOSSA_TEST_MARK and GLOSSA_TEST_GREP. */
function testOptions({ outfile, mark = '', grep }) {
  return {
    ...webWorkerTarget,
    outfile,
    logLevel: 'warning',
    define: {
      'process.env.GLOSSA_TEST_MARK': JSON.stringify(mark),
      'process.env.GLOSSA_TEST_GREP': grep ? JSON.stringify(grep) : 'undefined',
    },
    plugins: [webTestModules()],
  };
}

/**
 * Writes the web bundle of the suite in `suiteDir` to `outfile`; `label` names it in
 * the closing line, `mark` and `grep` are the runner's GLOSSA_TEST_MARK and GLOSSA_TEST_GREP.
 */
export async function bundleWebTests({ suiteDir, label, outfile, mark, grep }) {
  const files = testFiles(suiteDir);
  if (files.length === 0) throw new Error(`no *.test.ts files under ${suiteDir}`);
  const entry = [
    `import { runWeb } from ${JSON.stringify(path.join(repoRoot, 'test', 'web', 'index.ts'))};`,
    'export function run(): Promise<void> {',
    `  return runWeb(${JSON.stringify(label)}, () => {`,
    ...files.map((file) => `    require(${JSON.stringify(file)});`),
    '  });',
    '}',
  ].join('\n');
  await esbuild.build({
    ...testOptions({ outfile, mark, grep }),
    stdin: { contents: entry, resolveDir: repoRoot, sourcefile: 'web-tests.ts', loader: 'ts' },
  });
  return { outfile, files: files.length };
}

/** Writes the web bundle of one entry module that exports run() (test/bench/activation.ts) to `outfile`. */
export async function bundleWebEntry({ entry, outfile, mark }) {
  await esbuild.build({ ...testOptions({ outfile, mark }), entryPoints: [entry] });
  return { outfile, files: 1 };
}
