import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliOptions } from '../../../src/cli/args';
import { runChunks } from '../../../src/cli/jobs';

/** Chunks of one made-up file each. */
const chunks = Array.from({ length: 40 }, (_, i) => [`f${i}.txt`]);
const input = { options: {} as CliOptions, glossary: [], facts: [], chunks };

// A worker thread's script, as the CLI's own file is one: it serves chunks with a runner that names the chunk's file.
let dir: string;
let script: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-jobs-'));
  script = path.join(dir, 'worker.js');
  const jobs = JSON.stringify(require.resolve('../../../src/cli/jobs'));
  // Its runner fails on a file named "broken" (as on a file that cannot be read).
  fs.writeFileSync(
    script,
    `const { parentPort, workerData } = require('node:worker_threads');\n` +
      `require(${jobs}).serveJobs(workerData, parentPort, () => (files) => { if (files[0] === 'broken') throw new Error('cannot read broken'); return files[0]; });\n`,
  );
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('--jobs, when the output falls behind', function () {
  this.timeout(20000);

  for (const threads of [1, 2]) {
    it(`runs no more than a few chunks ahead of it, then goes on in order (${threads} thread${threads > 1 ? 's' : ''})`, async () => {
      let ran = 0;
      const printed: string[] = [];
      let catchUp!: () => void;
      const stalled = new Promise<void>((resolve) => (catchUp = resolve));
      const done = runChunks(
        script,
        input,
        threads,
        () => (files) => {
          ran++;
          return files[0];
        },
        (result: string) => {
          printed.push(result);
          // The first part's output waits until the reader comes back; the rest go out at once.
          return printed.length === 1 ? stalled : undefined;
        },
      );
      await pause(1000);
      // Two chunks per thread may be started before the first part's output has gone out, and no more.
      assert.ok(printed.length <= 2 * threads, `${printed.length} parts done while the output waited`);
      assert.ok(printed.length >= 2, 'the threads ran ahead a little');
      assert.ok(ran <= printed.length);
      catchUp();
      assert.deepEqual(await done, []);
      assert.deepEqual(
        printed,
        chunks.map((c) => c[0]),
      );
    });
  }

  it('stops with the error of a worker thread that failed, even while the output waits', async () => {
    // From the tenth chunk on, the worker thread fails on each it takes; this thread's runner never fails.
    const failing = { ...input, chunks: chunks.map((c, i) => (i >= 9 ? ['broken'] : c)) };
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    setTimeout(() => release(), 500);
    let printed = 0;
    await assert.rejects(
      runChunks(
        script,
        failing,
        2,
        () => (files) => files[0],
        () => (++printed === 1 ? stalled : undefined),
      ),
      /cannot read broken/,
    );
    assert.ok(printed < chunks.length, `it stopped where the error was (${printed} parts printed)`);
  });

  it('without a reader to wait for, returns every result in order', async () => {
    const results = await runChunks(script, input, 2, () => (files) => files[0]);
    assert.deepEqual(
      results,
      chunks.map((c) => c[0]),
    );
  });
});
