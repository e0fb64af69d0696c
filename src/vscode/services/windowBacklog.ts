/**
 * How far the window has fallen behind what the extension host sent it. A
 * workspace check of a large corpus sends hundreds of thousands of diagnostics,
 * faster than the window takes them in; what is sent queues on the one ordered
 * channel to the window, and the answer to a hover or a completion queues
 * behind it. The sender marks what it has sent (`mark`), which asks the
 * window for an answer that comes after all of it; before sending more it
 * waits (`caughtUp`) while the oldest mark still unanswered is older than the
 * lag allowed. The lag is measured in time, not in messages: a slower window
 * gets fewer diagnostics at a time, a fast one is never kept waiting.
 *
 * No `vscode` here: the caller gives the request the window answers.
 */
export class WindowBacklog {
  /** The marks not yet answered, oldest first. */
  private readonly marks: { sentAt: number; answered: Promise<void> }[] = [];
  private lastMarkAt = Number.NEGATIVE_INFINITY;
  private waitedInAllMs = 0;

  /**
   * @param ask sends the window a request it answers after everything sent before it.
   * @param maxLagMs how old the oldest unanswered mark may be before the sender waits.
   * @param markEveryMs marks closer together than this are one (each costs the window a request).
   * @param timeoutMs a mark the window has not answered by then counts as answered: a window that never answers does not stop the sender.
   */
  constructor(
    private readonly ask: () => PromiseLike<unknown>,
    private readonly maxLagMs: number,
    private readonly markEveryMs: number,
    private readonly timeoutMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Notes that something was just sent to the window. */
  mark(): void {
    const at = this.now();
    if (at - this.lastMarkAt < this.markEveryMs) return;
    this.lastMarkAt = at;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timeoutMs)));
    const reply = Promise.resolve(this.ask()).then(
      () => undefined,
      () => undefined, // A request that fails is answered all the same: it came back.
    );
    const mark = { sentAt: at, answered: Promise.race([reply, timedOut]).finally(() => clearTimeout(timer)) };
    void mark.answered.then(() => {
      // Answers come back in order, so the one answered is the oldest left.
      const index = this.marks.indexOf(mark);
      if (index >= 0) this.marks.splice(0, index + 1);
    });
    this.marks.push(mark);
  }

  /** Resolves once the oldest unanswered mark is no older than the lag allowed (at once when it is). */
  async caughtUp(): Promise<void> {
    const started = this.now();
    let waited = false;
    while (this.marks.length > 0 && this.now() - this.marks[0].sentAt > this.maxLagMs) {
      waited = true;
      await this.marks[0].answered;
    }
    if (waited) this.waitedInAllMs += this.now() - started;
  }

  /** How long `caughtUp` has kept the sender waiting, in all (for the log). */
  get waitedMs(): number {
    return this.waitedInAllMs;
  }
}
