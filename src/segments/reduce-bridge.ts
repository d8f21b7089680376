/** Bridges: who talks to whom. BridgeMerge needs nothing: Asterisk follows it with Leave/Enter. */
import type { BridgeCreateEvent, BridgeDestroyEvent, BridgeEnterEvent, BridgeLeaveEvent } from '../events/ami-event.js';
import type { BridgeRecord, SegmentState } from './state.js';
import { updateChannel, without, withItem } from './state.js';

function isConferenceBridge(creator: string | undefined): boolean {
  return creator === 'ConfBridge';
}

function ensureBridge(state: SegmentState, id: string, type: string, creator: string | undefined): SegmentState {
  if (state.bridges.has(id)) return state;
  const bridge: BridgeRecord = { id, type, conference: isConferenceBridge(creator), members: [] };
  return { ...state, bridges: state.bridges.set(id, bridge) };
}

export function onBridgeCreate(state: SegmentState, event: BridgeCreateEvent): SegmentState {
  return ensureBridge(state, event.BridgeUniqueid, event.BridgeType, event.BridgeCreator);
}

export function onBridgeDestroy(state: SegmentState, event: BridgeDestroyEvent): SegmentState {
  const bridge = state.bridges.get(event.BridgeUniqueid);
  if (bridge === undefined) return state;
  let next = state;
  for (const member of bridge.members) {
    next = updateChannel(next, member, (channel) =>
      channel.bridge === bridge.id ? { ...channel, bridge: null } : channel,
    );
  }
  return { ...next, bridges: next.bridges.delete(bridge.id) };
}

export function onBridgeEnter(state: SegmentState, event: BridgeEnterEvent): SegmentState {
  const uniqueid = event.Uniqueid;
  if (!state.channels.has(uniqueid)) return state;
  let next = leaveBridge(state, uniqueid);
  // SwapUniqueid: this channel takes that one's place (Asterisk sends the swapped one's leave first).
  if (event.SwapUniqueid !== undefined && event.SwapUniqueid !== '') next = leaveBridge(next, event.SwapUniqueid);
  next = ensureBridge(next, event.BridgeUniqueid, event.BridgeType, event.BridgeCreator);
  const bridge = next.bridges.get(event.BridgeUniqueid) as BridgeRecord;
  next = {
    ...next,
    bridges: next.bridges.set(bridge.id, { ...bridge, members: withItem(bridge.members, uniqueid) }),
  };
  return updateChannel(next, uniqueid, (channel) => ({ ...channel, bridge: bridge.id }));
}

export function onBridgeLeave(state: SegmentState, event: BridgeLeaveEvent): SegmentState {
  const channel = state.channels.get(event.Uniqueid);
  if (channel === undefined || channel.bridge !== event.BridgeUniqueid) return state;
  return leaveBridge(state, event.Uniqueid);
}

/** Take the channel out of whatever bridge it is in. */
export function leaveBridge(state: SegmentState, uniqueid: string): SegmentState {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined || channel.bridge === null) return state;
  const bridge = state.bridges.get(channel.bridge);
  let next = state;
  if (bridge !== undefined) {
    next = { ...next, bridges: next.bridges.set(bridge.id, { ...bridge, members: without(bridge.members, uniqueid) }) };
  }
  return updateChannel(next, uniqueid, (record) => ({ ...record, bridge: null }));
}

/** Mark a bridge as a ConfBridge room's (ConfbridgeStart/Join name it). */
export function markConferenceBridge(state: SegmentState, bridgeId: string | undefined): SegmentState {
  if (bridgeId === undefined) return state;
  const bridge = state.bridges.get(bridgeId);
  if (bridge === undefined || bridge.conference) return state;
  return { ...state, bridges: state.bridges.set(bridgeId, { ...bridge, conference: true }) };
}
