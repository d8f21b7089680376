/**
 * Resync: a fresh state from the lists Asterisk answers after a (re)connect. The lists give
 * channels, bridges, rooms and queue entries but not hold, recording, who dialled whom or the
 * bindings so far: those are kept from the previous state for channels that are still there
 * (same Uniqueid, so the same segment id). Pure: the I/O lives in src/live.
 */
import type {
  BridgeInfoChannelEvent,
  BridgeListItemEvent,
  ConfbridgeListEvent,
  ConfbridgeListRoomsEvent,
  CoreShowChannelEvent,
  QueueEntryEvent,
  StatusEvent,
} from '../events/ami-event.js';
import { newChannelRecord, pairLocalByName } from './reduce-channel.js';
import { recordBindings } from './reducer.js';
import type { BridgeRecord, ChannelRecord, SegmentState } from './state.js';
import { emptyState, updateChannel, withItem } from './state.js';

export interface ResyncBridge {
  /** The BridgeListItem (or BridgeInfoComplete) that describes the bridge. */
  readonly bridge: BridgeListItemEvent;
  /** BridgeInfo's BridgeInfoChannel items for it. */
  readonly channels: readonly BridgeInfoChannelEvent[];
}

export interface ResyncLists {
  readonly channels: readonly CoreShowChannelEvent[];
  readonly bridges: readonly ResyncBridge[];
  /** ConfbridgeListRooms items (live rooms, possibly with nobody reported yet). */
  readonly rooms: readonly ConfbridgeListRoomsEvent[];
  /** ConfbridgeList items of every room. */
  readonly conferenceMembers: readonly ConfbridgeListEvent[];
  readonly queueEntries: readonly QueueEntryEvent[];
  readonly status: readonly StatusEvent[];
}

function freshChannel(item: CoreShowChannelEvent, dnid: string | undefined, previous: ChannelRecord | undefined): ChannelRecord {
  const record = newChannelRecord({
    uniqueid: item.Uniqueid,
    name: item.Channel,
    stateDesc: item.ChannelStateDesc,
    callerIdNum: item.CallerIDNum,
    callerIdName: item.CallerIDName,
    exten: dnid !== undefined && dnid !== '' ? dnid : item.Exten,
    context: item.Context,
  });
  if (previous === undefined) return { ...record, incoming: item.Application === 'AppDial' };
  return {
    ...record,
    exten: previous.exten,
    context: previous.context,
    incoming: previous.incoming,
    onHold: previous.onHold,
    recording: previous.recording,
    boundChannels: previous.boundChannels,
  };
}

function addChannels(previous: SegmentState, lists: ResyncLists): SegmentState {
  const dnids = new Map(lists.status.map((status) => [status.Uniqueid, status.DNID]));
  let state = emptyState();
  for (const item of lists.channels) {
    if (state.channels.has(item.Uniqueid)) continue;
    const record = freshChannel(item, dnids.get(item.Uniqueid), previous.channels.get(item.Uniqueid));
    state = pairLocalByName({ ...state, channels: state.channels.set(record.uniqueid, record) }, record);
  }
  return state;
}

function addBridges(state: SegmentState, lists: ResyncLists): SegmentState {
  let next = state;
  for (const { bridge, channels } of lists.bridges) {
    const members = channels.map((channel) => channel.Uniqueid).filter((uniqueid) => next.channels.has(uniqueid));
    const record: BridgeRecord = {
      id: bridge.BridgeUniqueid,
      type: bridge.BridgeType,
      conference: bridge.BridgeCreator === 'ConfBridge',
      members,
    };
    next = { ...next, bridges: next.bridges.set(record.id, record) };
    for (const member of members) next = updateChannel(next, member, (channel) => ({ ...channel, bridge: record.id }));
  }
  return next;
}

function uniqueidOf(state: SegmentState, byName: ReadonlyMap<string, string>, item: { Uniqueid?: string; Channel?: string }): string | undefined {
  if (item.Uniqueid !== undefined && state.channels.has(item.Uniqueid)) return item.Uniqueid;
  return item.Channel === undefined ? undefined : byName.get(item.Channel);
}

function addRoomsAndQueues(state: SegmentState, lists: ResyncLists): SegmentState {
  const byName = new Map([...state.channels.values()].map((channel) => [channel.name, channel.uniqueid]));
  let next = state;
  for (const room of lists.rooms) {
    if (!next.conferences.has(room.Conference)) next = { ...next, conferences: next.conferences.set(room.Conference, []) };
  }
  for (const member of lists.conferenceMembers) {
    const uniqueid = uniqueidOf(next, byName, member);
    if (uniqueid === undefined) continue;
    const members = next.conferences.get(member.Conference) ?? [];
    next = { ...next, conferences: next.conferences.set(member.Conference, withItem(members, uniqueid)) };
    next = updateChannel(next, uniqueid, (channel) => ({ ...channel, conference: member.Conference }));
    const bridgeId = next.channels.get(uniqueid)?.bridge ?? null;
    const bridge = bridgeId === null ? undefined : next.bridges.get(bridgeId);
    if (bridge !== undefined && !bridge.conference) {
      next = { ...next, bridges: next.bridges.set(bridge.id, { ...bridge, conference: true }) };
    }
  }
  for (const entry of lists.queueEntries) {
    const uniqueid = uniqueidOf(next, byName, entry);
    if (uniqueid === undefined) continue;
    next = { ...next, queues: next.queues.set(entry.Queue, withItem(next.queues.get(entry.Queue) ?? [], uniqueid)) };
    next = updateChannel(next, uniqueid, (channel) => ({ ...channel, queue: entry.Queue }));
  }
  return next;
}

/** Dials the lists cannot show: kept while both ends survive and the callee has not answered. */
function keepDials(previous: SegmentState, state: SegmentState): SegmentState {
  let next = state;
  for (const [callee, caller] of previous.dialedBy) {
    const calleeNow = next.channels.get(callee);
    if (calleeNow === undefined || calleeNow.stateDesc === 'Up') continue;
    if (caller !== null && !next.channels.has(caller)) continue;
    next = { ...next, dialedBy: next.dialedBy.set(callee, caller) };
    if (caller !== null) next = { ...next, dialing: next.dialing.set(caller, withItem(next.dialing.get(caller) ?? [], callee)) };
  }
  return next;
}

export function buildResyncState(previous: SegmentState, lists: ResyncLists): SegmentState {
  let state = addChannels(previous, lists);
  state = addBridges(state, lists);
  state = addRoomsAndQueues(state, lists);
  state = keepDials(previous, state);
  return recordBindings(state, [...state.channels.keys()]);
}
