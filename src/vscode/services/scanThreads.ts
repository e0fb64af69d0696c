/**
 * Scan threads: Node worker threads (`scanWorker.ts`) that read and analyse corpus
 * files from disk for the corpus index, so that scanning a large workspace (Check
 * All Files, the first Show All Mentions) takes other cores and leaves the
 * extension host free for hovers and typing. The index asks for one file at a
 * time; the files go out in batches, each to the thread with the least work, and
 * each thread builds a folder's engine once from its glossary and ledger (a
 * structured copy: no YAML read again). The web extension host has no worker
 * threads: its bundle takes `scanThreads.web.ts` instead, and scans on its own
 * thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Glossary, Ledger } from '../../core';
import type { FromScanThread, ScanReply, ScanRequest, ToScanThread } from './scanWorker';

/** Files per message to a thread: few enough to share the work evenly, enough that the messages cost little. */
const BATCH_FILES = 16;
/** With the default setting, a workspace of fewer corpus files is scanned on the extension host's thread: a thread's start (building the engine again) would cost more. */
const THREADS_FROM_FILES = 200;

/** A folder's engine as a scan thread builds it: the glossary and ledger of one generation. */
export interface ThreadEngine {
  /** Folder and generation. */
  readonly key: string;
  readonly folder: string;
  readonly glossary: Glossary;
  readonly ledger: Ledger;
}

interface Waiting {
  engine: ThreadEngine;
  request: ScanRequest;
  resolve: (reply: ScanReply) => void;
  reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  /** The engine keys built there. */
  readonly engines: Set<string>;
  /** Batches sent and not answered, by number. */
  readonly batches: Map<number, Waiting[]>;
}

/**
 * How many scan threads for a scan of `files` files: the setting, or by default one per core but
 * one, at most 2, on a large workspace. Each thread holds an engine of its own (some 190 MiB for a
 * 10,000-entity glossary at the end of a 100 MB scan), and on two cores a second thread scanned no
 * quicker: the window and the server need the other core.
 */
export function scanThreadCount(setting: number | null, files: number): number {
  if (setting !== null) return Math.max(0, Math.floor(setting));
  return files >= THREADS_FROM_FILES ? Math.max(1, Math.min(2, availableParallelism() - 1)) : 0;
}

/** What a file asked for gets when the threads are stopped before answering (a cancelled scan): not a failure. */
export class ScanThreadsStopped extends Error {
  constructor() {
    super('the scan threads were stopped');
  }
}

export class ScanThreads {
  private readonly threads: Thread[] = [];
  private waiting: Waiting[] = [];
  private flushing = false;
  private batches = 0;
  private failure: Error | undefined;

  /** `count` threads running `script` (the bundled `scanWorker.ts`); undefined where there are none (the web). */
  static start(script: string, count: number): ScanThreads | undefined {
    return count > 0 ? new ScanThreads(script, count) : undefined;
  }

  private constructor(script: string, count: number) {
    for (let i = 0; i < count; i++) {
      const thread: Thread = { worker: new Worker(script, { stdout: false, stderr: false }), engines: new Set(), batches: new Map() };
      thread.worker.on('message', (message: FromScanThread) => this.answer(thread, message));
      thread.worker.on('error', (error) => this.fail(error));
      thread.worker.on('exit', (code) => this.fail(new Error(`a scan thread stopped (exit code ${code})`)));
      this.threads.push(thread);
    }
  }

  /** How many files to keep asked for at once so that no thread waits. */
  get capacity(): number {
    return this.threads.length * BATCH_FILES * 2;
  }

  /** Reads and analyses one file with `engine`; rejects when the threads failed (the caller then reads it itself), or with `ScanThreadsStopped` once stopped. */
  scan(engine: ThreadEngine, request: ScanRequest): Promise<ScanReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<ScanReply>((resolve, reject) => {
      this.waiting.push({ engine, request, resolve, reject });
      if (this.waiting.length >= BATCH_FILES) this.flush();
      else if (!this.flushing) {
        // The files asked for in one turn go out together.
        this.flushing = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    while (this.waiting.length > 0 && !this.failure) {
      const engine = this.waiting[0].engine;
      let count = 1;
      while (count < this.waiting.length && count < BATCH_FILES && this.waiting[count].engine === engine) count++;
      const batch = this.waiting.splice(0, count);
      const thread = this.threads.reduce((a, b) => (b.batches.size < a.batches.size ? b : a));
      if (!thread.engines.has(engine.key)) {
        // One engine per folder on a thread: the folder's older ones go.
        const drop = [...thread.engines].filter((key) => key.startsWith(`${engine.folder}#`));
        for (const key of drop) thread.engines.delete(key);
        thread.engines.add(engine.key);
        this.post(thread, { engine: engine.key, glossary: engine.glossary, ledger: engine.ledger, drop });
      }
      const number = this.batches++;
      thread.batches.set(number, batch);
      this.post(thread, { batch: number, engine: engine.key, files: batch.map((w) => w.request) });
    }
  }

  private post(thread: Thread, message: ToScanThread): void {
    thread.worker.postMessage(message);
  }

  private answer(thread: Thread, message: FromScanThread): void {
    const batch = thread.batches.get(message.batch);
    if (!batch) return;
    thread.batches.delete(message.batch);
    if ('failed' in message) {
      const error = new Error(`a scan thread failed: ${message.failed}`);
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => w.resolve(message.replies[i]));
  }

  /** A thread is gone (or all are stopped): every file asked for and not answered is rejected, and so is every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const thread of this.threads) {
      for (const batch of thread.batches.values()) for (const w of batch) w.reject(this.failure);
      thread.batches.clear();
    }
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }

  /** Stops the threads (their memory is given back); files still asked for are rejected. */
  dispose(): void {
    this.fail(new ScanThreadsStopped());
    for (const thread of this.threads) void thread.worker.terminate();
  }
}
