// The pacing of what the extension host sends the window (src/vscode/services/windowBacklog.ts): the
// sender is held back only while the oldest unanswered request is older than the lag allowed, and only
// until the window answers it; requests close together are one; a window that never answers, or answers
// with an error, does not stop the sender.
import * as assert from 'node:assert/strict';
import { WindowBacklog } from '../../../src/vscode/services/windowBacklog';

/** A window whose answers the test gives, one request at a time, in order. */
function fakeWindow() {
  const pending: { answer: () => void; fail: () => void }[] = [];
  return {
    asked: 0,
    pending,
    ask(): Promise<void> {
      this.asked++;
      return new Promise<void>((resolve, reject) => pending.push({ answer: resolve, fail: () => reject(new Error('no such command')) }));
    },
  };
}

/** Whether `promise` settles within a few turns of the event loop. */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let k = 0; k < 5; k++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('window backlog', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = 1000));

  it('does not hold the sender while the window is less than the lag behind', async () => {
    const window = fakeWindow();
    const backlog = new WindowBacklog(() => window.ask(), 300, 50, 60_000, now);
    assert.equal(await settles(backlog.caughtUp()), true, 'nothing sent yet');
    backlog.mark();
    clock += 299;
    assert.equal(await settles(backlog.caughtUp()), true, 'the only request is 299 ms old');
    assert.equal(window.asked, 1);
    assert.equal(backlog.waitedMs, 0);
  });

  it('holds the sender while the oldest unanswered request is older than the lag, until the window answers it', async () => {
    const window = fakeWindow();
    const backlog = new WindowBacklog(() => window.ask(), 300, 50, 60_000, now);
    backlog.mark();
    clock += 100;
    backlog.mark();
    clock += 250; // The first is 350 ms old, the second 250.
    const caughtUp = backlog.caughtUp();
    assert.equal(await settles(caughtUp), false, 'the window has not answered the first request');
    clock += 40;
    window.pending[0].answer();
    assert.equal(await settles(caughtUp), true, 'the window answered the first; the second is 290 ms old');
    assert.equal(backlog.waitedMs, 40);
    clock += 20;
    assert.equal(await settles(backlog.caughtUp()), false, 'now the second is 310 ms old');
    window.pending[1].answer();
    assert.equal(await settles(backlog.caughtUp()), true);
  });

  it('asks once for what is sent within the asking interval', async () => {
    const window = fakeWindow();
    const backlog = new WindowBacklog(() => window.ask(), 300, 50, 60_000, now);
    for (let k = 0; k < 10; k++) {
      backlog.mark();
      clock += 4;
    }
    assert.equal(window.asked, 1, 'ten sends in 40 ms');
    clock += 10;
    backlog.mark();
    assert.equal(window.asked, 2, 'the next one 50 ms after the first');
  });

  it('takes a request answered with an error as answered', async () => {
    const window = fakeWindow();
    const backlog = new WindowBacklog(() => window.ask(), 300, 50, 60_000, now);
    backlog.mark();
    clock += 500;
    const caughtUp = backlog.caughtUp();
    window.pending[0].fail();
    assert.equal(await settles(caughtUp), true);
  });

  it('stops waiting for a window that never answers once the timeout has passed', async () => {
    const window = fakeWindow();
    const backlog = new WindowBacklog(() => window.ask(), 300, 50, 30, now);
    backlog.mark();
    clock += 500;
    const caughtUp = backlog.caughtUp();
    assert.equal(await settles(caughtUp), false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(await settles(caughtUp), true, 'the 30 ms timeout passed');
  });
});
