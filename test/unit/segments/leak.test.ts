import { describe, expect, it } from 'vitest';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { SegmentGraph } from '../../../src/segments/graph.js';
import { reduce } from '../../../src/segments/reducer.js';
import { emptyState, isEmptyState } from '../../../src/segments/state.js';
import { basicCallFactory } from './support/call-factory.js';

const CALLS = Number(process.env.LEAK_CALLS ?? 1_000_000);
/** Calls in flight at once: call n+OVERLAP starts before call n ends. */
const OVERLAP = 8;
/** "Back near its start": a leak of 10 bytes per call over a million calls would pass this. */
const HEAP_SLACK_BYTES = 10 * 1024 * 1024;

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

/** Heap in use after a full collection (the unit project runs node with --expose-gc). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc (vitest.config.ts sets it for the unit project)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a million basic calls', () => {
  it('leave an empty state behind and the heap back near its start (nothing leaks)', { timeout: 900_000 }, () => {
    const before = heapAfterGc();
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
    expect(heapAfterGc() - before).toBeLessThan(HEAP_SLACK_BYTES);
  });
});

describe('fifty thousand basic calls through the live graph', () => {
  it('leave no segment, no record and no stale snapshot behind', { timeout: 300_000 }, () => {
    const before = heapAfterGc();
    const graph = new SegmentGraph('7d1c7c55-0b5e-4c5e-9a4f-5f0e3d2b1a10');
    let changes = 0;
    const subscription = graph.changes$.subscribe(() => changes++);
    let peak = 0;
    for (const event of basicCalls(Math.min(CALLS, 50_000))) {
      graph.apply(event);
      const size = graph.snapshot().segments.size;
      if (size > peak) peak = size;
    }
    subscription.unsubscribe();
    expect(changes).toBeGreaterThan(0);
    expect(peak).toBeGreaterThanOrEqual(OVERLAP * 2);
    expect(graph.snapshot().segments.size).toBe(0);
    expect(isEmptyState(graph.state)).toBe(true);
    expect(heapAfterGc() - before).toBeLessThan(HEAP_SLACK_BYTES);
  });
});
