/** ConfBridge rooms (membership from ConfbridgeJoin/Leave: the hidden announcer is never counted) and queues. */
import type {
  ConfbridgeEndEvent,
  ConfbridgeJoinEvent,
  ConfbridgeLeaveEvent,
  ConfbridgeStartEvent,
  QueueCallerJoinEvent,
  QueueCallerLeaveEvent,
} from '../events/ami-event.js';
import { markConferenceBridge } from './reduce-bridge.js';
import { removeFromQueue } from './reduce-channel.js';
import type { SegmentState } from './state.js';
import { updateChannel, without, withItem } from './state.js';

export function onConfbridgeStart(state: SegmentState, event: ConfbridgeStartEvent): SegmentState {
  let next = markConferenceBridge(state, event.BridgeUniqueid);
  if (!next.conferences.has(event.Conference)) {
    next = { ...next, conferences: next.conferences.set(event.Conference, []) };
  }
  return next;
}

export function onConfbridgeEnd(state: SegmentState, event: ConfbridgeEndEvent): SegmentState {
  const members = state.conferences.get(event.Conference);
  if (members === undefined) return state;
  let next: SegmentState = { ...state, conferences: state.conferences.delete(event.Conference) };
  for (const member of members) {
    next = updateChannel(next, member, (channel) =>
      channel.conference === event.Conference ? { ...channel, conference: null } : channel,
    );
  }
  return next;
}

export function onConfbridgeJoin(state: SegmentState, event: ConfbridgeJoinEvent): SegmentState {
  const channel = state.channels.get(event.Uniqueid);
  if (channel === undefined) return state;
  let next = markConferenceBridge(state, event.BridgeUniqueid);
  if (channel.conference !== null && channel.conference !== event.Conference) {
    next = leaveConference(next, channel.conference, channel.uniqueid);
  }
  const members = next.conferences.get(event.Conference) ?? [];
  next = { ...next, conferences: next.conferences.set(event.Conference, withItem(members, event.Uniqueid)) };
  return updateChannel(next, event.Uniqueid, (record) =>
    record.conference === event.Conference ? record : { ...record, conference: event.Conference },
  );
}

export function onConfbridgeLeave(state: SegmentState, event: ConfbridgeLeaveEvent): SegmentState {
  const channel = state.channels.get(event.Uniqueid);
  if (channel === undefined || channel.conference !== event.Conference) return state;
  return leaveConference(state, event.Conference, event.Uniqueid);
}

function leaveConference(state: SegmentState, room: string, uniqueid: string): SegmentState {
  const members = state.conferences.get(room);
  let next = state;
  if (members !== undefined) {
    next = { ...next, conferences: next.conferences.set(room, without(members, uniqueid)) };
  }
  return updateChannel(next, uniqueid, (channel) => ({ ...channel, conference: null }));
}

export function onQueueCallerJoin(state: SegmentState, event: QueueCallerJoinEvent): SegmentState {
  const channel = state.channels.get(event.Uniqueid);
  if (channel === undefined) return state;
  let next = state;
  if (channel.queue !== null && channel.queue !== event.Queue) next = removeFromQueue(next, channel.queue, channel.uniqueid);
  const waiting = next.queues.get(event.Queue) ?? [];
  next = { ...next, queues: next.queues.set(event.Queue, withItem(waiting, event.Uniqueid)) };
  return updateChannel(next, event.Uniqueid, (record) =>
    record.queue === event.Queue ? record : { ...record, queue: event.Queue },
  );
}

export function onQueueCallerLeave(state: SegmentState, event: QueueCallerLeaveEvent): SegmentState {
  const channel = state.channels.get(event.Uniqueid);
  if (channel === undefined || channel.queue !== event.Queue) return state;
  const next = removeFromQueue(state, event.Queue, event.Uniqueid);
  return updateChannel(next, event.Uniqueid, (record) => ({ ...record, queue: null }));
}
