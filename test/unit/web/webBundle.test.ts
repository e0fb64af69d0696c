/**
 * The web bundle's checks (scripts/lib/webBundle.mjs): the extension's `browser`
 * entry runs in a web worker, which has no Node. A Node builtin imported anywhere in
 * the bundle, or a Node global read, must fail the build with a message that names
 * the culprit; a library's `typeof process` probe must not.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../support';

interface WebBundle {
  webOptions(options?: { production?: boolean }): esbuild.BuildOptions & { plugins: esbuild.Plugin[] };
  checkNodeGlobalsAfterBuild(): esbuild.Plugin;
}

// An ES module of the build scripts (Node ≥ 20.19 requires it synchronously).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const web = require(path.join(repoRoot, 'scripts', 'lib', 'webBundle.mjs')) as WebBundle;

describe('the web bundle check', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-web-check-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Writes `files` into the temporary folder and bundles `entry.ts` as esbuild.mjs bundles the browser entry. */
  async function bundle(files: Record<string, string>): Promise<{ error?: string; code?: string }> {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const options = web.webOptions();
    const outfile = path.join(dir, 'out', 'extension.js');
    try {
      await esbuild.build({ ...options, logLevel: 'silent', entryPoints: [path.join(dir, 'entry.ts')], outfile, plugins: [...options.plugins, web.checkNodeGlobalsAfterBuild()] });
      return { code: fs.readFileSync(outfile, 'utf8') };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  it('fails the build on `import … from "node:path"`, naming the builtin and the file that imports it', async () => {
    const { error } = await bundle({ 'entry.ts': "import * as path from 'node:path';\nexport const name = path.basename('/a/b.txt');\n" });
    assert.ok(error, 'the build passed');
    assert.match(error, /may not import the Node builtin "node:path" \(imported by .*entry\.ts\)/);
  });

  it('takes a module\'s `.web.ts` sibling in its place: a Node-only module with a web stand-in builds', async () => {
    const files = {
      'entry.ts': "import { threads } from './threads';\nexport const count = threads();\n",
      'threads.ts': "import { availableParallelism } from 'node:os';\nexport const threads = () => availableParallelism();\n",
    };
    // Without the stand-in, the Node module's builtin fails the build; with it, the bundle has the stand-in's code.
    assert.match((await bundle(files)).error ?? 'the build passed', /Node builtin "node:os" \(imported by .*threads\.ts\)/);
    const { error, code } = await bundle({ ...files, 'threads.web.ts': "export const threads = () => 'no threads on the web';\n" });
    assert.equal(error, undefined);
    assert.ok(code?.includes('no threads on the web'), code);
    assert.ok(!code?.includes('availableParallelism'), code);
  });

  it('fails on a bare builtin (`fs`, `fs/promises`) imported by a module the entry imports', async () => {
    for (const builtin of ['fs', 'fs/promises']) {
      const { error } = await bundle({
        'entry.ts': "import { read } from './files';\nexport const text = read('x');\n",
        'files.ts': `import * as fs from '${builtin}';\nexport const read = (f: string) => String(fs);\n`,
      });
      assert.ok(error, `the build passed with ${builtin}`);
      assert.match(error, new RegExp(`Node builtin "${builtin}" \\(imported by .*files\\.ts\\)`));
    }
  });

  it('fails when the code reads `process` or `Buffer`, giving the line in the bundle', async () => {
    const { error } = await bundle({ 'entry.ts': "export const debug = process.env.DEBUG === '1';\nexport const bytes = (s: string) => Buffer.from(s);\n" });
    assert.ok(error, 'the build passed');
    assert.match(error, /reads Node or page globals/);
    assert.match(error, /extension\.js:\d+:\d+: process/);
    assert.match(error, /extension\.js:\d+:\d+: Buffer/);
  });

  it('fails when the code reads `document`, which a web worker has not (a library\'s DOM build)', async () => {
    const { error } = await bundle({ 'entry.ts': "const element = document.createElement('i');\nexport const decode = (s: string) => ((element.innerHTML = s), element.textContent);\n" });
    assert.ok(error, 'the build passed');
    assert.match(error, /extension\.js:\d+:\d+: document/);
  });

  it('lets a library probe with `typeof process` and a local named `process` through', async () => {
    const { error, code } = await bundle({
      'entry.ts': "export const node = typeof process !== 'undefined';\nexport function run(process: { id: number }) { return process.id; }\n",
    });
    assert.equal(error, undefined);
    assert.ok(code?.includes('typeof process'));
  });

  it("passes on the extension's own browser entry, which requires nothing but vscode at run time", async () => {
    const options = web.webOptions();
    const outfile = path.join(dir, 'web', 'extension.js');
    await esbuild.build({ ...options, logLevel: 'silent', entryPoints: [path.join(repoRoot, 'src', 'extension.ts')], outfile, plugins: [...options.plugins, web.checkNodeGlobalsAfterBuild()] });
    const required = [...new Set([...fs.readFileSync(outfile, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];
    assert.deepEqual(required, ['vscode']);
  });
});
