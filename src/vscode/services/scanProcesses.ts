/**
 * Scan processes: Node child processes (`scanProcess.ts`) that read and analyse
 * corpus files from disk for the corpus index, so that scanning a large workspace
 * (Check All Files, the first Show All Mentions, a glossary change) takes other
 * cores and leaves the extension host free for hovers and typing. Processes
 * rather than worker threads: what a scan allocated goes back to the system when
 * its process ends (a worker thread's native memory stayed with the extension
 * host, 100 MiB and more after a 100 MB scan). The index asks for one file at a
 * time; the files go out in batches, each to the process with the least work,
 * and each process builds a folder's engine once from its glossary and ledger (a
 * structured copy: no YAML read again). The web extension host starts no
 * processes: its bundle takes `scanProcesses.web.ts` instead, and scans on its
 * own thread.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Glossary, Ledger } from '../../core';
import type { FromScanProcess, ScanReply, ScanRequest, ToScanProcess } from './scanProcess';

/** Files per message to a process: few enough to share the work evenly, enough that the messages cost little. */
const BATCH_FILES = 16;
/** With the default setting, a workspace of fewer corpus files is scanned on the extension host's thread: a process's start (building the engine again) would cost more. */
const THREADS_FROM_FILES = 200;

/** A folder's engine as a scan process builds it: the glossary and ledger of one generation. */
export interface ScanEngine {
  /** Folder and generation. */
  readonly key: string;
  readonly folder: string;
  readonly glossary: Glossary;
  readonly ledger: Ledger;
}

interface Waiting {
  engine: ScanEngine;
  request: ScanRequest;
  resolve: (reply: ScanReply) => void;
  reject: (error: Error) => void;
}

interface ScanProcess {
  readonly child: ChildProcess;
  /** The engine keys built there. */
  readonly engines: Set<string>;
  /** Batches sent and not answered, by number. */
  readonly batches: Map<number, Waiting[]>;
}

/**
 * How many scan processes for a scan of `files` files: the setting, or by default one per core but
 * one, at most 2, on a large workspace. Each holds an engine of its own (some 190 MiB for a
 * 10,000-entity glossary at the end of a 100 MB scan), and on two cores a second one scanned no
 * quicker: the window and the server need the other core.
 */
export function scanProcessCount(setting: number | null, files: number): number {
  if (setting !== null) return Math.max(0, Math.floor(setting));
  return files >= THREADS_FROM_FILES ? Math.max(1, Math.min(2, availableParallelism() - 1)) : 0;
}

/** What a file asked for gets when the processes are stopped before answering (a cancelled scan): not a failure. */
export class ScanProcessesStopped extends Error {
  constructor() {
    super('the scan processes were stopped');
  }
}

export class ScanProcesses {
  private readonly processes: ScanProcess[] = [];
  private waiting: Waiting[] = [];
  private flushing = false;
  private batches = 0;
  private failure: Error | undefined;

  /** `count` processes running `script` (the bundled `scanProcess.ts`); undefined where there are none (the web). */
  static start(script: string, count: number): ScanProcesses | undefined {
    return count > 0 ? new ScanProcesses(script, count) : undefined;
  }

  private constructor(script: string, count: number) {
    for (let i = 0; i < count; i++) {
      // Run as Node by Electron too (the desktop's extension host); messages as structured copies.
      const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      const scanProcess: ScanProcess = { child, engines: new Set(), batches: new Map() };
      let stderr = '';
      child.stderr?.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-2000)));
      child.on('message', (message: FromScanProcess) => this.answer(scanProcess, message));
      child.on('error', (error) => this.fail(error));
      child.on('exit', (code, signal) => this.fail(new Error(`a scan process stopped (${signal ?? `exit code ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`)));
      this.processes.push(scanProcess);
    }
  }

  /** How many files to keep asked for at once so that no process waits. */
  get capacity(): number {
    return this.processes.length * BATCH_FILES * 2;
  }

  /** Reads and analyses one file with `engine`; rejects when the processes failed (the caller then reads it itself), or with `ScanProcessesStopped` once stopped. */
  scan(engine: ScanEngine, request: ScanRequest): Promise<ScanReply> {
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
      const to = this.processes.reduce((a, b) => (b.batches.size < a.batches.size ? b : a));
      if (!to.engines.has(engine.key)) {
        // One engine per folder in a process: the folder's older ones go.
        const drop = [...to.engines].filter((key) => key.startsWith(`${engine.folder}#`));
        for (const key of drop) to.engines.delete(key);
        to.engines.add(engine.key);
        this.post(to, { engine: engine.key, glossary: engine.glossary, ledger: engine.ledger, drop });
      }
      const number = this.batches++;
      to.batches.set(number, batch);
      this.post(to, { batch: number, engine: engine.key, files: batch.map((w) => w.request) });
    }
  }

  private post(to: ScanProcess, message: ToScanProcess): void {
    to.child.send(message);
  }

  private answer(from: ScanProcess, message: FromScanProcess): void {
    const batch = from.batches.get(message.batch);
    if (!batch) return;
    from.batches.delete(message.batch);
    if ('failed' in message) {
      const error = new Error(`a scan process failed: ${message.failed}`);
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => w.resolve(message.replies[i]));
  }

  /** A process is gone (or all are stopped): every file asked for and not answered is rejected, and so is every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.processes) {
      for (const batch of p.batches.values()) for (const w of batch) w.reject(this.failure);
      p.batches.clear();
    }
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }

  /** Stops the processes (their memory is given back); files still asked for are rejected. */
  dispose(): void {
    this.fail(new ScanProcessesStopped());
    for (const p of this.processes) p.child.kill();
  }
}
