import { describe, expect, it } from 'vitest';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { SegmentGraph } from '../../../src/segments/graph.js';
import type { GraphSnapshot } from '../../../src/segments/selectors.js';
import { segmentId } from '../../../src/segments/segment-id.js';
import { isEmptyState } from '../../../src/segments/state.js';
import type { GoldenCheckpoint } from './support/golden.js';
import { loadFixtures, parseTranscript } from './support/golden.js';
import { Pbx } from './support/pbx.js';
import { CORE_SERVER_ID, replay } from './support/replay.js';
import { basicCall } from './support/scenarios.js';
import { endpointOf, relationLines, viewOf } from './support/view.js';

/** Relations are symmetric, never dangle, and no Local half or announcer is a segment. */
function expectConsistent(snapshot: GraphSnapshot): void {
  for (const record of snapshot.segments.values()) {
    expect(record.channel).not.toMatch(/^(Local|CBAnn|CBRec)\//);
    for (const target of record.dialingTo) expect(snapshot.segments.get(target)?.dialingFrom).toContain(record.id);
    for (const source of record.dialingFrom) expect(snapshot.segments.get(source)?.dialingTo).toContain(record.id);
    if (record.linkedTo !== null) expect(snapshot.segments.get(record.linkedTo)?.linkedTo).toBe(record.id);
  }
  for (const members of snapshot.conferences.values()) for (const id of members) expect(snapshot.segments.has(id)).toBe(true);
}

function expectCheckpoint(snapshot: GraphSnapshot, checkpoint: Omit<GoldenCheckpoint, 'after'>): void {
  if (checkpoint.relations !== undefined) expect(relationLines(snapshot)).toEqual([...checkpoint.relations].sort());
  const view = viewOf(snapshot);
  if (checkpoint.endpoints !== undefined) expect(Object.keys(view).sort()).toEqual([...checkpoint.endpoints].sort());
  for (const [endpoint, fields] of Object.entries(checkpoint.segments ?? {})) expect(view[endpoint]).toMatchObject(fields);
  for (const [endpoint, uniqueid] of Object.entries(checkpoint.uniqueids ?? {})) {
    const records = [...snapshot.segments.values()].filter((record) => endpointOf(record.channel) === endpoint);
    expect(records.map((record) => [record.uniqueid, record.id]), `segment of ${endpoint}`).toEqual([
      [uniqueid, segmentId(CORE_SERVER_ID, uniqueid)],
    ]);
  }
}

function allHungUp(events: readonly AmiEvent[]): boolean {
  const open = new Set<string>();
  for (const event of events) {
    const uniqueid = (event as { Uniqueid?: string }).Uniqueid;
    if (uniqueid === undefined) continue;
    if (event.Event === 'Newchannel') open.add(uniqueid);
    if (event.Event === 'Hangup') open.delete(uniqueid);
  }
  return open.size === 0;
}

describe('transcript parsing', () => {
  it('reads headers lines with timestamps, wrapped messages, drops noise, responses and list items', () => {
    const { pbx } = basicCall(new Pbx());
    const lines = [
      JSON.stringify({ Response: 'Success', ActionID: '1', Message: 'Authentication accepted' }),
      JSON.stringify({ Event: 'VarSet', Channel: 'PJSIP/100-00000000', Variable: 'X', Value: '1' }),
      JSON.stringify({ Event: 'CoreShowChannel', ActionID: '2', Channel: 'PJSIP/999-00000009', Uniqueid: '9.9' }),
      ...pbx.events.map((event, index) => (index % 2 === 0 ? JSON.stringify({ ...event, timestamp: 1796398606.5 + index }) : JSON.stringify({ ts: index, message: event }))),
    ];
    const events = parseTranscript(`${lines.join('\n')}\n`);
    expect(events.map((event) => event.Event)).toEqual(pbx.events.map((event) => event.Event));
    const graph = replay(events);
    expect(isEmptyState(graph.state)).toBe(true);
  });
});

const fixtures = loadFixtures();

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('golden replay %s', (_name, fixture) => {
  it('stays consistent after every event (incremental graph = selectors, symmetric relations)', () => {
    const graph = new SegmentGraph(CORE_SERVER_ID);
    for (const event of fixture.events) expectConsistent(replay([event], graph).snapshot());
    if (allHungUp(fixture.events)) expect(isEmptyState(graph.state)).toBe(true);
  });

  const expected = fixture.expected;
  if (expected === undefined) return;
  it('matches the hand-checked expectations', () => {
    for (const checkpoint of expected.checkpoints ?? []) {
      expectCheckpoint(replay(fixture.events.slice(0, checkpoint.after)).snapshot(), checkpoint);
    }
    const final = expected.final;
    if (final !== undefined) {
      const graph = replay(fixture.events);
      expectCheckpoint(graph.snapshot(), final);
      if (final.empty === true) expect(isEmptyState(graph.state)).toBe(true);
    }
  });
});
