/**
 * Debounced and tracked background work. Features schedule their updates here,
 * so that the API's `ready()` can wait until nothing is pending instead of a
 * test sleeping a fixed time.
 */
import * as vscode from 'vscode';

export class Work implements vscode.Disposable {
  private readonly timers = new Map<string, { handle: ReturnType<typeof setTimeout>; run: () => void }>();
  private running = 0;
  private waiters: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly onError: (what: string, error: unknown) => void) {}

  /** Runs `task` after `ms` of quiet under `key`; a later call with the same key restarts the wait. */
  debounce(key: string, ms: number, task: () => unknown): void {
    if (this.disposed) return;
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous.handle);
    const run = (): void => {
      this.timers.delete(key);
      this.track(key, Promise.resolve().then(task));
    };
    this.timers.set(key, { handle: setTimeout(run, ms), run });
  }

  /** Runs the pending task under `key` now, if there is one. */
  flush(key: string): void {
    const pending = this.timers.get(key);
    if (!pending) return;
    clearTimeout(pending.handle);
    pending.run();
  }

  /** Counts `promise` as pending work until it settles; failures are reported, never thrown. */
  track<T>(what: string, promise: Promise<T>): Promise<T | undefined> {
    this.running++;
    return promise
      .catch((error: unknown) => {
        this.onError(what, error);
        return undefined;
      })
      .finally(() => {
        this.running--;
        this.settle();
      });
  }

  get busy(): boolean {
    return this.running > 0 || this.timers.size > 0;
  }

  /** Resolves when no task is scheduled or running (flushing pending debounces first). */
  async idle(): Promise<void> {
    for (;;) {
      for (const key of [...this.timers.keys()]) this.flush(key);
      if (!this.busy) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private settle(): void {
    if (this.running > 0) return; // idle() re-checks for newly scheduled work.
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  dispose(): void {
    this.disposed = true;
    for (const { handle } of this.timers.values()) clearTimeout(handle);
    this.timers.clear();
    this.settle();
  }
}
