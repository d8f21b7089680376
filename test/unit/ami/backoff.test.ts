import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/ami/backoff.js';

describe('Backoff', () => {
  it('doubles up to the cap, with jitter drawn from [cap/2, cap]', () => {
    const low = new Backoff({ initialDelayMs: 500, maxDelayMs: 30_000, random: () => 0 });
    const high = new Backoff({ initialDelayMs: 500, maxDelayMs: 30_000, random: () => 0.999999 });
    const lows = Array.from({ length: 9 }, () => low.next());
    const highs = Array.from({ length: 9 }, () => high.next());
    expect(lows).toEqual([250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect(highs).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from the initial delay after reset()', () => {
    const backoff = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 1 - Number.EPSILON });
    backoff.next();
    backoff.next();
    expect(backoff.next()).toBe(400);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('defaults to 500 ms .. 30 s', () => {
    const backoff = new Backoff({ random: () => 1 - Number.EPSILON });
    const delays = Array.from({ length: 12 }, () => backoff.next());
    expect(delays[0]).toBe(500);
    expect(Math.max(...delays)).toBe(30_000);
  });

  it('never waits less than half the cap', () => {
    const backoff = new Backoff({ initialDelayMs: 1000, maxDelayMs: 1000 });
    for (let i = 0; i < 100; i++) {
      const delay = backoff.next();
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});
