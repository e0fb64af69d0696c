// Helpers shared by the integration suites.

/**
 * Polls `probe` until it returns something other than undefined and returns that;
 * fails after `timeoutMs` naming `what` it was waiting for. Tests wait for
 * conditions this way instead of sleeping a fixed time.
 */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
