/**
 * Which segments an event may have changed: the channels it names (and the members of the
 * bridges and rooms it names), plus every real channel connected to them through Local halves,
 * bridges and dials, in the state before and after. Real channels reached that way are added
 * but not followed further: a relation change always involves a named channel's neighbourhood.
 * This keeps the change diff and the sticky "bound" bookkeeping proportional to the event, not
 * to the number of live channels.
 */
import type { AmiEvent } from '../events/ami-event.js';
import { field } from './event-field.js';
import type { SegmentState } from './state.js';

const UNIQUEID_KEYS = ['Uniqueid', 'DestUniqueid', 'SwapUniqueid', 'LocalOneUniqueid', 'LocalTwoUniqueid'] as const;
const BRIDGE_KEYS = ['BridgeUniqueid', 'ToBridgeUniqueid', 'FromBridgeUniqueid'] as const;

function seedsOf(state: SegmentState, event: AmiEvent, into: Set<string>): void {
  for (const key of UNIQUEID_KEYS) {
    const value = field(event, key);
    if (value !== undefined && value !== '') into.add(value);
  }
  for (const key of BRIDGE_KEYS) {
    const value = field(event, key);
    const bridge = value === undefined ? undefined : state.bridges.get(value);
    for (const member of bridge?.members ?? []) into.add(member);
  }
  const room = field(event, 'Conference');
  for (const member of (room === undefined ? undefined : state.conferences.get(room)) ?? []) into.add(member);
}

function neighbours(state: SegmentState, uniqueid: string): string[] {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined) return [];
  const out: string[] = [];
  const peer = state.localPeers.get(uniqueid);
  if (peer !== undefined) out.push(peer);
  if (channel.bridge !== null) out.push(...(state.bridges.get(channel.bridge)?.members ?? []));
  const caller = state.dialedBy.get(uniqueid);
  if (caller !== undefined && caller !== null) out.push(caller);
  out.push(...(state.dialing.get(uniqueid) ?? []));
  return out;
}

function walk(state: SegmentState, seeds: ReadonlySet<string>, into: Set<string>): void {
  const expanded = new Set<string>();
  const stack: { id: string; expand: boolean }[] = [...seeds].map((id) => ({ id, expand: true }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const channel = state.channels.get(item.id);
    if (channel === undefined) continue;
    if (!channel.plumbing) into.add(item.id);
    if (!(item.expand || channel.plumbing) || expanded.has(item.id)) continue;
    expanded.add(item.id);
    for (const next of neighbours(state, item.id)) if (!expanded.has(next)) stack.push({ id: next, expand: false });
  }
}

/** Uniqueids of real channels (live before or after) whose segment the event may have changed. */
export function touchedSegments(before: SegmentState, after: SegmentState, event: AmiEvent): Set<string> {
  const seeds = new Set<string>();
  seedsOf(before, event, seeds);
  seedsOf(after, event, seeds);
  const touched = new Set<string>();
  walk(before, seeds, touched);
  walk(after, seeds, touched);
  return touched;
}
