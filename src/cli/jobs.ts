/**
 * `--jobs N`: a corpus checked on N threads, this one and N-1 worker threads.
 * Each thread gets the glossary and facts sources as text (a compact payload)
 * and builds its own engine; the files are cut into runs of consecutive files
 * ("chunks") that the threads take in turn from a shared counter, and the
 * results come back in chunk order, so the output is that of one thread. When
 * the output falls behind (a pipe read slowly), no thread runs more than a few
 * chunks ahead of it: what waits to be printed stays small.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../core';
import type { CliOptions } from './args';
import { InputError } from './files';

/** What a worker thread is started with. */
export interface JobInput {
  glossaJob: true;
  options: CliOptions;
  glossary: SourceFile[];
  facts: SourceFile[];
  chunks: string[][];
  /** On a SharedArrayBuffer: the next chunk to take (`NEXT`), and the first chunk not to start yet (`LIMIT`). */
  control: Int32Array;
}

const NEXT = 0;
const LIMIT = 1;

/** Processes one chunk of files; built once per thread. */
export type ChunkRunner<R> = (files: string[]) => R;

type Message<R> = { chunk: number; result: R } | { done: true } | { failed: string; input: boolean };

/** About this much text per chunk: small enough to share the work evenly, large enough to cost little. */
const CHUNK_BYTES = 1 << 20;
/** How many chunks each thread may run ahead of the output. */
const AHEAD_PER_THREAD = 2;
/** Below this much text, the default is one thread: a worker's start-up (reading the glossary again) would cost more. */
const PARALLEL_MIN_BYTES = 4 << 20;

/** Consecutive runs of `files` of about CHUNK_BYTES each, at least 4 per thread when there are enough files. */
export function chunkFiles(files: string[], jobs: number): { chunks: string[][]; bytes: number } {
  const sizes = files.map((f) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0; // Reading it reports the error.
    }
  });
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const target = Math.max(1, Math.min(CHUNK_BYTES, Math.ceil(bytes / (jobs * 4))));
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  files.forEach((file, i) => {
    current.push(file);
    size += sizes[i];
    if (size >= target) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  });
  if (current.length > 0) chunks.push(current);
  return { chunks, bytes };
}

/** How many threads: `--jobs` as given, else the cores for a large corpus and one for a small one. */
export function threadsFor(options: CliOptions, bytes: number, cores: number): number {
  if (options.jobs !== undefined) return options.jobs;
  return bytes >= PARALLEL_MIN_BYTES ? cores : 1;
}

/**
 * Runs `runner` over every chunk on `threads` threads and returns the results in
 * chunk order. `script` is the CLI's own file, which a worker thread runs (see
 * `serveJobs`); `local` builds this thread's runner, after the workers are started
 * so that they build theirs meanwhile. With `onResult`, each result is handed to it
 * in chunk order as soon as it and those before it are in, and not kept (the
 * returned array is then empty): a large corpus's output is printed as it comes,
 * not held whole in memory. When `onResult` returns a promise (the output is
 * behind), no chunk more than a few past the last one printed is started until it
 * settles.
 */
export async function runChunks<R>(
  script: string,
  input: Omit<JobInput, 'glossaJob' | 'control'>,
  threads: number,
  local: () => ChunkRunner<R>,
  onResult?: (result: R) => Promise<void> | void,
): Promise<R[]> {
  const count = input.chunks.length;
  const results: (R | undefined)[] = new Array<R | undefined>(count);
  const arrived = new Uint8Array(count);
  const control = new Int32Array(new SharedArrayBuffer(8));
  const ahead = Math.max(1, threads) * AHEAD_PER_THREAD;
  // This thread's wait for LIMIT to rise (it cannot block: the output and the workers' results come through its event loop).
  let raised: (() => void) | undefined;
  const allowUpTo = (printed: number): void => {
    const limit = onResult ? printed + ahead : count;
    if (limit <= Atomics.load(control, LIMIT)) return;
    Atomics.store(control, LIMIT, limit);
    Atomics.notify(control, LIMIT);
    raised?.();
  };
  allowUpTo(0);
  let delivered = 0;
  // The output's latest wait, while it lasts.
  let behind: Promise<void> | undefined;
  const receive = (chunk: number, result: R): void => {
    results[chunk] = result;
    arrived[chunk] = 1;
    if (!onResult) return;
    for (; delivered < count && arrived[delivered] === 1; delivered++) {
      const ready = results[delivered] as R;
      results[delivered] = undefined;
      const wait = onResult(ready);
      if (wait) {
        behind = wait;
        void wait.then(() => {
          if (behind !== wait) return;
          behind = undefined;
          allowUpTo(delivered);
        });
      } else if (!behind) {
        allowUpTo(delivered + 1);
      }
    }
  };
  const workerCount = Math.min(threads, count) - 1;
  const finished: Promise<void>[] = [];
  const workers: Worker[] = [];
  // A worker thread's failure: its chunk will never come, so this thread stops waiting for it.
  let failed = false;
  for (let k = 0; k < workerCount; k++) {
    const data: JobInput = { ...input, glossaJob: true, control };
    const worker = new Worker(script, { workerData: data, stdout: false, stderr: false });
    workers.push(worker);
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: Message<R>) => {
        if ('chunk' in message) receive(message.chunk, message.result);
        else if ('failed' in message) reject(message.input ? new InputError(message.failed) : new Error(message.failed));
        else resolve();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`))); // After 'done', a no-op.
    });
    // Handled at once (the error is thrown below, by Promise.all), so that it is no unhandled rejection meanwhile.
    done.catch(() => {
      failed = true;
      raised?.();
    });
    finished.push(done);
  }
  try {
    const run = local();
    for (let i = Atomics.add(control, NEXT, 1); i < count && !failed; i = Atomics.add(control, NEXT, 1)) {
      while (i >= Atomics.load(control, LIMIT) && !failed) await new Promise<void>((resolve) => (raised = resolve));
      raised = undefined;
      if (failed) break;
      receive(i, run(input.chunks[i]));
      // Let the workers' results in meanwhile, so that they are printed and let go as they come.
      if (onResult && workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(finished);
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return onResult ? [] : (results as R[]);
}

/** The worker thread's side: build a runner from the input, take chunks until none is left, post each result. */
export function serveJobs<R>(input: JobInput, port: { postMessage(message: Message<R>): void }, build: (input: JobInput) => ChunkRunner<R>): void {
  try {
    const run = build(input);
    const { control, chunks } = input;
    for (let i = Atomics.add(control, NEXT, 1); i < chunks.length; i = Atomics.add(control, NEXT, 1)) {
      // Until the output has caught up (the wait is bounded so that a terminated thread is never left asleep).
      for (let limit = Atomics.load(control, LIMIT); i >= limit; limit = Atomics.load(control, LIMIT)) Atomics.wait(control, LIMIT, limit, 1000);
      port.postMessage({ chunk: i, result: run(chunks[i]) });
    }
    port.postMessage({ done: true });
  } catch (error) {
    const input = error instanceof InputError;
    port.postMessage({ failed: error instanceof Error ? (input ? error.message : (error.stack ?? error.message)) : String(error), input });
  }
}
