import { describe, expect, it } from 'vitest';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { reduce } from '../../../src/segments/reducer.js';
import { emptyState, isEmptyState } from '../../../src/segments/state.js';
import { basicCallFactory } from './support/call-factory.js';

const CALLS = Number(process.env.LEAK_CALLS ?? 1_000_000);
/** Calls in flight at once: call n+OVERLAP starts before call n ends. */
const OVERLAP = 8;

/** The basic-call event shapes with fresh Uniqueids, channel names and bridge ids per call. */
function* basicCalls(count: number): Generator<AmiEvent> {
  const factory = basicCallFactory();
  const half = Math.floor(factory.size / 2);
  for (let call = 0; call < count + OVERLAP; call++) {
    if (call < count) yield* factory.events(call, 0, half);
    const ending = call - OVERLAP;
    if (ending >= 0) yield* factory.events(ending, half);
  }
}

describe('a million basic calls', () => {
  it('leave an empty state behind (nothing leaks)', { timeout: 900_000 }, () => {
    let state = emptyState();
    let peak = 0;
    let events = 0;
    for (const event of basicCalls(CALLS)) {
      state = reduce(state, event);
      events++;
      if (state.channels.size > peak) peak = state.channels.size;
    }
    expect(events).toBeGreaterThan(CALLS * 15);
    expect(peak).toBeGreaterThanOrEqual(OVERLAP * 2);
    expect(isEmptyState(state)).toBe(true);
  });
});
