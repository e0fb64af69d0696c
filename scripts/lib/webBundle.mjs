// The web bundle's rules, shared by esbuild.mjs (the extension's `browser` entry),
// scripts/lib/webTests.mjs (the tests for the web worker extension host) and the
// unit test that proves the check fails. A web worker has no Node: no builtin module
// (`path`, `fs`, ...) and no Node global (`process`, `Buffer`, ...); and it has no
// page: no `document`, no `window`. Two checks enforce that, so that a slip fails
// the build instead of the extension in the browser:
//   - forbidNodeBuiltins: an esbuild plugin that fails the build when any module of
//     the bundle, ours or a dependency's, imports a Node builtin;
//   - checkNodeGlobals: after the build, a scope-aware pass over the bundle (ESLint's
//     scope analysis) that fails when code reads a Node or page global it does not
//     declare. `typeof process` alone is allowed: that is how a library probes.
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Node's builtin modules, as `import` names them (`fs`, `node:fs`, `fs/promises`, `node:test`). */
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const builtinFilter = new RegExp(`^(node:.*|${[...new Set(builtinModules.map((name) => name.split('/')[0]))].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/.*)?$`);

/** Whether `name` (as an import names it) is a Node builtin. */
export function isNodeBuiltin(name) {
  return builtins.has(name) || name.startsWith('node:');
}

/** Globals that exist in Node or in a page, and not in a web worker. */
export const nodeGlobals = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate', 'document', 'window', 'localStorage', 'sessionStorage'];

/**
 * An esbuild plugin that fails the build on any import of a Node builtin, naming the
 * module that imports it: the web worker extension host has none of them.
 */
export function forbidNodeBuiltins() {
  return {
    name: 'forbid-node-builtins',
    setup(build) {
      build.onResolve({ filter: builtinFilter }, (args) => {
        if (!isNodeBuiltin(args.path)) return undefined;
        return {
          errors: [
            {
              text: `the web bundle may not import the Node builtin "${args.path}" (imported by ${args.importer || 'the entry point'}): a web worker has no Node; reach files through vscode.workspace.fs and workspace.findFiles`,
            },
          ],
        };
      });
    },
  };
}

/**
 * The free reads of Node globals in a bundle's JavaScript text, as
 * `{ name, line, column }` (1-based line); `typeof X` alone is not a read.
 */
export async function nodeGlobalReads(code, globals = nodeGlobals) {
  const { Linter } = await import('eslint');
  const linter = new Linter({ configType: 'flat' });
  const wanted = new Set(globals);
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'(node) {
          const scope = context.sourceCode.getScope(node);
          for (const reference of scope.through) {
            const id = reference.identifier;
            if (!wanted.has(id.name)) continue;
            if (id.parent?.type === 'UnaryExpression' && id.parent.operator === 'typeof') continue;
            context.report({ node: id, message: id.name });
          }
        },
      };
    },
  };
  const messages = linter.verify(code, {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
    // The bundle carries its dependencies' eslint comments: not ours to obey.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    plugins: { web: { rules: { 'node-globals': rule } } },
    rules: { 'web/node-globals': 'error' },
  });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`cannot parse the bundle: ${fatal.message} at ${fatal.line}:${fatal.column}`);
  return messages.filter((m) => m.ruleId === 'web/node-globals').map((m) => ({ name: m.message, line: m.line, column: m.column }));
}

/** Throws when the bundle `file` reads a Node global; the message lists each read as file:line:column. */
export async function checkNodeGlobals(file) {
  const reads = await nodeGlobalReads(fs.readFileSync(file, 'utf8'));
  if (reads.length === 0) return;
  const list = reads.slice(0, 10).map((r) => `  ${file}:${r.line}:${r.column}: ${r.name}`).join('\n');
  const more = reads.length > 10 ? `\n  … and ${reads.length - 10} more` : '';
  throw new Error(`the web bundle reads Node or page globals, which a web worker does not have:\n${list}${more}`);
}

/**
 * What a bundle for the web worker extension host is, the extension's and the web
 * test suite's alike: CommonJS for the browser, the packages' worker builds (a
 * browser build may touch `document`), `vscode` provided by the host.
 */
export const webWorkerTarget = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  conditions: ['worker'],
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
};

/**
 * esbuild options for a bundle that runs in the web worker extension host: one
 * CommonJS file (the host evaluates it with `module`, `exports` and a `require`
 * that knows only `vscode`), the worker or browser builds of the dependencies (the
 * `worker` export condition first: decode-named-character-reference's `browser`
 * build needs a `document`; the `browser` field next: yaml ships one), and the
 * Node-builtin check.
 */
export function webOptions({ production = false } = {}) {
  return {
    ...webWorkerTarget,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    // picomatch's Windows probe reads `process.platform` after `typeof process`
    // (lib/utils.js; Glossa uses picomatch/posix, which never calls it): no platform here.
    define: { 'process.platform': '"web"' },
    plugins: [webVariants(), forbidNodeBuiltins()],
  };
}

/**
 * An esbuild plugin: a module with a `.web.ts` sibling (`scanProcesses.ts`,
 * `scanProcesses.web.ts`) is replaced by it in the web bundle, as a package's
 * `browser` field replaces a file: what only Node can do has a web stand-in.
 */
export function webVariants() {
  return {
    name: 'web-variants',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.importer.endsWith('.web.ts')) return undefined;
        const variant = `${path.resolve(args.resolveDir, args.path)}.web.ts`;
        return fs.existsSync(variant) ? { path: variant } : undefined;
      });
    },
  };
}

/** An esbuild plugin that runs checkNodeGlobals on the bundle after every build (watch mode too). */
export function checkNodeGlobalsAfterBuild() {
  return {
    name: 'check-node-globals',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0 || !build.initialOptions.outfile) return undefined;
        try {
          await checkNodeGlobals(build.initialOptions.outfile);
        } catch (error) {
          return { errors: [{ text: error.message }] };
        }
        return undefined;
      });
    },
  };
}
