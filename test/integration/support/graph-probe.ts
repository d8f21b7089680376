/**
 * Small reads for the segment-graph integration tests: the REST answers as segment ids, and a
 * history of every graph snapshot seen (each AMI event that changed the graph gives one), so a
 * test can say what was true at some moment, or at every moment, of a call without sleeping.
 */
import { expect } from 'vitest';
import type { Subscription } from 'rxjs';
import type { GraphSnapshot, SegmentRecord } from '../../../src/segments/index.js';
import type { GatewayUnderTest } from './gateway-under-test.js';

/** The test core server's REST prefix (relative to the live base). */
export const CS = 'coreServers/getByName/default';

/** Every phone of the test bed, each bound to a licensed user (so every call is visible). */
export const ALL_PHONES = ['100', '101', '102', '103', '104', '105', '200', '201', '202', '203', '204', '205'] as const;

/** Ids of the segments a REST collection answers (asserting 200), sorted. */
export async function restIds(gut: GatewayUnderTest, path: string): Promise<string[]> {
  const answer = await gut.get(path);
  expect(answer.status, `GET ${path}`).toBe(200);
  return (answer.body as Array<{ id: string }>).map((segment) => segment.id).sort();
}

/** The spec-2 JSON of one segment (asserting 200). */
export async function restSegment(gut: GatewayUnderTest, id: string): Promise<Record<string, unknown>> {
  const answer = await gut.get(`${CS}/callSegments/${id}`);
  expect(answer.status, `GET segment ${id}`).toBe(200);
  return answer.body as Record<string, unknown>;
}

/** Id of the segment `id` is linked to by REST, or null on 404 (any other status fails). */
export async function restLinked(gut: GatewayUnderTest, id: string): Promise<string | null> {
  return relationalId(gut, `${CS}/callSegments/${id}/linkedCallSegment`);
}

/** Id of the segment dialling `id` by REST, or null on 404. */
export async function restDialingFrom(gut: GatewayUnderTest, id: string): Promise<string | null> {
  return relationalId(gut, `${CS}/callSegments/${id}/dialingFromCallSegment`);
}

/** Ids of the segments `id` is dialling by REST. */
export function restDialingTo(gut: GatewayUnderTest, id: string): Promise<string[]> {
  return restIds(gut, `${CS}/callSegments/${id}/dialingToCallSegments`);
}

async function relationalId(gut: GatewayUnderTest, path: string): Promise<string | null> {
  const answer = await gut.get(path);
  if (answer.status === 404) return null;
  expect(answer.status, `GET ${path}`).toBe(200);
  return (answer.body as { id: string }).id;
}

/** Whether a segment takes part in no relation at all. */
export function unrelated(record: SegmentRecord): boolean {
  return record.dialingTo.length === 0 && record.dialingFrom.length === 0 && record.linkedTo === null;
}

/** Every snapshot of the graph from now on (one per change), until stop(). */
export class GraphHistory {
  readonly snapshots: GraphSnapshot[] = [];
  private readonly subscription: Subscription;

  constructor(gut: GatewayUnderTest) {
    const { graph } = gut.runtime;
    this.snapshots.push(graph.snapshot());
    this.subscription = graph.changes$.subscribe(() => this.snapshots.push(graph.snapshot()));
  }

  some(predicate: (snapshot: GraphSnapshot) => boolean): boolean {
    return this.snapshots.some(predicate);
  }

  every(predicate: (snapshot: GraphSnapshot) => boolean): boolean {
    return this.snapshots.every(predicate);
  }

  /** The segment with this id in every snapshot that holds it. */
  recordsOf(id: string): SegmentRecord[] {
    return this.snapshots.flatMap((snapshot) => {
      const record = snapshot.segments.get(id);
      return record === undefined ? [] : [record];
    });
  }

  /** Channel names of every segment ever seen. */
  channels(): Set<string> {
    return new Set(this.snapshots.flatMap((snapshot) => [...snapshot.segments.values()].map((s) => s.channel)));
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}
