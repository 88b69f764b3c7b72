/**
 * Waiting in the workbench. The UI settles at its own pace (extensions
 * activate, providers answer, lines re-render), so every wait polls for the
 * state it needs until a deadline; nothing sleeps for a fixed time, and a wait
 * that times out says what it waited for and what it saw last.
 */

/** Default deadline of the driver's helpers, in ms. */
export const DEFAULT_TIMEOUT = 30000;

function describeError(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/**
 * Polls `fn` until it returns a truthy value (which is returned), for at most
 * `timeoutMs`. Errors thrown by `fn` count as "not yet"; the last one is
 * reported when the deadline passes. `what` names the awaited state in that error.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) {
        return value;
      }
      lastValue = value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError !== undefined ? `; last error: ${describeError(lastError)}` : `; last value: ${String(lastValue)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
