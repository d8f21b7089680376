/**
 * Dials: DialBegin (Channel → DestChannel) until DialEnd. DialState/DialEnd may lack `Channel`
 * (the Atxfer's Local ;1 leg, an Originate's first leg), so dials are keyed by the callee.
 */
import type { DialBeginEvent, DialEndEvent } from '../events/ami-event.js';
import type { SegmentState } from './state.js';
import { updateChannel, without, withItem } from './state.js';

export function onDialBegin(state: SegmentState, event: DialBeginEvent): SegmentState {
  const callee = event.DestUniqueid;
  if (!state.channels.has(callee)) return state;
  const known = event.Uniqueid !== undefined && state.channels.has(event.Uniqueid) ? event.Uniqueid : null;
  // The callee was dialled: incoming for the rest of its life.
  let next = updateChannel(state, callee, (channel) => (channel.incoming ? channel : { ...channel, incoming: true }));
  next = removeDialTo(next, callee);
  next = { ...next, dialedBy: next.dialedBy.set(callee, known) };
  if (known !== null) {
    next = { ...next, dialing: next.dialing.set(known, withItem(next.dialing.get(known) ?? [], callee)) };
  }
  return next;
}

export function onDialEnd(state: SegmentState, event: DialEndEvent): SegmentState {
  return removeDialTo(state, event.DestUniqueid);
}

/** End the dial whose callee is `callee`, if any. */
export function removeDialTo(state: SegmentState, callee: string): SegmentState {
  if (!state.dialedBy.has(callee)) return state;
  const caller = state.dialedBy.get(callee);
  let next: SegmentState = { ...state, dialedBy: state.dialedBy.delete(callee) };
  if (caller !== null && caller !== undefined) {
    const callees = without(next.dialing.get(caller) ?? [], callee);
    next = {
      ...next,
      dialing: callees.length === 0 ? next.dialing.delete(caller) : next.dialing.set(caller, callees),
    };
  }
  return next;
}

/** Every dial naming the channel, as caller or callee. */
export function removeDialsOf(state: SegmentState, uniqueid: string): SegmentState {
  let next = removeDialTo(state, uniqueid);
  for (const callee of next.dialing.get(uniqueid) ?? []) next = removeDialTo(next, callee);
  return next;
}
