/** Polls a condition until it holds (generous timeouts: the machine may be busy). */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    // A promise is truthy: an async check would "hold" at once, untested.
    if (value instanceof Promise) throw new Error(`waitFor(${what}): the check is async, use waitForAsync`);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `waitFor` for a check that must await (a guild command, say). It pauses
 * longer between checks: each one is a process start (~0.1 s of CPU), and
 * checking every 50 ms kept a core busy for as long as the wait lasted.
 */
export async function waitForAsync<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
