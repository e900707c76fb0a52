/**
 * Counts failed API-key attempts per client address in a fixed window, so a client
 * guessing keys is refused (429) after a few tries instead of trying forever. The
 * table is pruned of expired windows when it grows, so it stays bounded.
 */
export interface FailureLimiter {
  /** Whether this address is over its failures for the current window; seconds to wait when it is. */
  blocked(address: string, now?: number): number | null;
  /** Records one failed attempt from this address. */
  fail(address: string, now?: number): void;
}

export const DEFAULT_AUTH_FAILURES = { max: 10, windowMs: 60_000 };

export function createFailureLimiter({ max, windowMs } = DEFAULT_AUTH_FAILURES): FailureLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (address: string, now: number) => {
    const entry = windows.get(address);
    return entry && entry.resetAt > now ? entry : undefined;
  };
  return {
    blocked(address, now = Date.now()) {
      const entry = current(address, now);
      return entry && entry.count >= max ? Math.ceil((entry.resetAt - now) / 1000) : null;
    },
    fail(address, now = Date.now()) {
      const entry = current(address, now);
      if (entry) {
        entry.count++;
        return;
      }
      if (windows.size >= 10_000) for (const [key, value] of windows) if (value.resetAt <= now) windows.delete(key);
      windows.set(address, { count: 1, resetAt: now + windowMs });
    },
  };
}
