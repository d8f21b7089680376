/** Replays events through a SegmentGraph, checking after every event that the graph's incremental
 * snapshot equals the one the pure selectors compute from scratch. */
import { expect } from 'vitest';
import type { AmiEvent } from '../../../../src/events/ami-event.js';
import { SegmentGraph } from '../../../../src/segments/graph.js';
import type { GraphSnapshot } from '../../../../src/segments/selectors.js';
import { selectSnapshot } from '../../../../src/segments/selectors.js';

export const CORE_SERVER_ID = '5f0c2d5e-3b7a-4c2e-9a51-0b8f1f6d2c11';

function plain(snapshot: GraphSnapshot): unknown {
  return {
    segments: Object.fromEntries([...snapshot.segments].sort(([a], [b]) => a.localeCompare(b))),
    conferences: Object.fromEntries(snapshot.conferences),
    queues: Object.fromEntries(snapshot.queues),
  };
}

export function replay(events: readonly AmiEvent[], graph = new SegmentGraph(CORE_SERVER_ID)): SegmentGraph {
  for (const event of events) {
    graph.apply(event);
    expect(plain(graph.snapshot()), `after ${event.Event}`).toEqual(plain(selectSnapshot(graph.state, CORE_SERVER_ID)));
  }
  return graph;
}
