/**
 * Capped exponential backoff with jitter for reconnecting: the n-th delay is drawn from
 * [cap/2, cap] where cap = min(max, initial * 2^n) ("equal jitter": never zero, never in lockstep).
 */
export interface BackoffOptions {
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Uniform random in [0, 1); injectable for tests. */
  readonly random?: () => number;
}

export const DEFAULT_INITIAL_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 30_000;

export class Backoff {
  private attempt = 0;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.initialDelayMs = Math.max(0, options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS);
    this.maxDelayMs = Math.max(this.initialDelayMs, options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
    this.random = options.random ?? Math.random;
  }

  /** The delay before the next attempt; each call doubles the cap until maxDelayMs. */
  next(): number {
    const cap = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    const half = cap / 2;
    return Math.round(half + this.random() * half);
  }

  /** Back to the initial delay (after a successful login). */
  reset(): void {
    this.attempt = 0;
  }
}
