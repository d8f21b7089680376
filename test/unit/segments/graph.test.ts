import { describe, expect, it } from 'vitest';
import type { GraphChange } from '../../../src/segments/graph.js';
import { SegmentGraph } from '../../../src/segments/graph.js';
import { segmentId } from '../../../src/segments/segment-id.js';
import { emptyState } from '../../../src/segments/state.js';
import { CORE_SERVER_ID } from './support/replay.js';
import { basicCall } from './support/scenarios.js';

function record(graph: SegmentGraph) {
  const changes: GraphChange[] = [];
  graph.changes$.subscribe((change) => changes.push(change));
  return changes;
}

describe('SegmentGraph', () => {
  it('reports added, updated and removed segment ids of a basic call', () => {
    const { pbx, caller, callee } = basicCall();
    const graph = new SegmentGraph(CORE_SERVER_ID);
    const changes = record(graph);
    for (const event of pbx.events) graph.apply(event);
    const callerId = segmentId(CORE_SERVER_ID, caller.uniqueid);
    const calleeId = segmentId(CORE_SERVER_ID, callee.uniqueid);
    expect(changes.flatMap((c) => c.added)).toEqual([callerId, calleeId]);
    expect(changes.flatMap((c) => c.removed).sort()).toEqual([callerId, calleeId].sort());
    expect(changes.some((c) => c.updated.includes(callerId) && c.updated.includes(calleeId))).toBe(true);
    expect(changes.every((c) => !c.reset)).toBe(true);
  });

  it('stays silent on events that change nothing and memoises the snapshot per state', () => {
    const graph = new SegmentGraph(CORE_SERVER_ID);
    const changes = record(graph);
    const before = graph.snapshot();
    graph.apply({ Event: 'PeerStatus', Peer: 'PJSIP/100' });
    graph.apply({ Event: 'Hangup', Uniqueid: '1.1', Channel: 'PJSIP/100-00000001' });
    expect(changes).toEqual([]);
    expect(graph.snapshot()).toBe(before);
  });

  it('reports a reset with everything removed when the state is replaced', () => {
    const { pbx, caller } = basicCall();
    const graph = new SegmentGraph(CORE_SERVER_ID);
    for (const event of pbx.events.slice(0, 5)) graph.apply(event);
    const changes = record(graph);
    graph.replaceState(emptyState());
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ reset: true, added: [], updated: [] });
    expect(changes[0]?.removed).toContain(segmentId(CORE_SERVER_ID, caller.uniqueid));
    expect(graph.snapshot().segments.size).toBe(0);
  });
});
