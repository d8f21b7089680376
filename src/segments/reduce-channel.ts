/** Channel life: creation, state, caller id, hold, recording, rename, hangup. */
import type {
  HangupEvent,
  HoldEvent,
  MixMonitorStartEvent,
  MixMonitorStopEvent,
  NewCalleridEvent,
  NewchannelEvent,
  NewstateEvent,
  UnholdEvent,
} from '../events/ami-event.js';
import { cleanCallerId, isLocalChannel, isPlumbingChannel, localPeerName } from './channel-kind.js';
import { removeDialsOf } from './reduce-dial.js';
import { leaveBridge } from './reduce-bridge.js';
import type { ChannelRecord, SegmentState } from './state.js';
import { updateChannel, without } from './state.js';

export function newChannelRecord(fields: {
  uniqueid: string;
  name: string;
  stateDesc: string;
  callerIdNum: string | undefined;
  callerIdName: string | undefined;
  exten: string;
  context: string;
}): ChannelRecord {
  return {
    uniqueid: fields.uniqueid,
    name: fields.name,
    stateDesc: fields.stateDesc,
    callerIdNum: cleanCallerId(fields.callerIdNum),
    callerIdName: cleanCallerId(fields.callerIdName),
    exten: fields.exten,
    context: fields.context,
    onHold: false,
    recording: false,
    incoming: false,
    plumbing: isPlumbingChannel(fields.name),
    bridge: null,
    conference: null,
    queue: null,
    boundChannels: [],
  };
}

/** Pair a Local half with its other half by name, when both are known. */
export function pairLocalByName(state: SegmentState, record: ChannelRecord): SegmentState {
  if (!isLocalChannel(record.name)) return state;
  let next: SegmentState = { ...state, localNames: state.localNames.set(record.name, record.uniqueid) };
  const peerName = localPeerName(record.name);
  const peer = peerName === undefined ? undefined : next.localNames.get(peerName);
  if (peer !== undefined && peer !== record.uniqueid) {
    next = {
      ...next,
      localPeers: next.localPeers.set(record.uniqueid, peer).set(peer, record.uniqueid),
    };
  }
  return next;
}

export function onNewchannel(state: SegmentState, event: NewchannelEvent): SegmentState {
  if (state.channels.has(event.Uniqueid)) return state;
  const record = newChannelRecord({
    uniqueid: event.Uniqueid,
    name: event.Channel,
    stateDesc: event.ChannelStateDesc,
    callerIdNum: event.CallerIDNum,
    callerIdName: event.CallerIDName,
    exten: event.Exten,
    context: event.Context,
  });
  return pairLocalByName({ ...state, channels: state.channels.set(record.uniqueid, record) }, record);
}

export function onNewstate(state: SegmentState, event: NewstateEvent): SegmentState {
  return updateChannel(state, event.Uniqueid, (channel) =>
    channel.stateDesc === event.ChannelStateDesc ? channel : { ...channel, stateDesc: event.ChannelStateDesc },
  );
}

export function onNewCallerid(state: SegmentState, event: NewCalleridEvent): SegmentState {
  const num = cleanCallerId(event.CallerIDNum);
  const name = cleanCallerId(event.CallerIDName);
  return updateChannel(state, event.Uniqueid, (channel) =>
    channel.callerIdNum === num && channel.callerIdName === name
      ? channel
      : { ...channel, callerIdNum: num, callerIdName: name },
  );
}

export function onHold(state: SegmentState, event: HoldEvent | UnholdEvent, onHold: boolean): SegmentState {
  return updateChannel(state, event.Uniqueid, (channel) => (channel.onHold === onHold ? channel : { ...channel, onHold }));
}

export function onMixMonitor(
  state: SegmentState,
  event: MixMonitorStartEvent | MixMonitorStopEvent,
  recording: boolean,
): SegmentState {
  return updateChannel(state, event.Uniqueid, (channel) =>
    channel.recording === recording ? channel : { ...channel, recording },
  );
}

/** Rename (not observed on Asterisk 22, but cheap): the channel keeps its Uniqueid. */
export function onRename(state: SegmentState, uniqueid: string, newName: string | undefined): SegmentState {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined || newName === undefined || newName === channel.name) return state;
  let next: SegmentState = state;
  if (isLocalChannel(channel.name)) next = { ...next, localNames: next.localNames.delete(channel.name) };
  const renamed: ChannelRecord = { ...channel, name: newName, plumbing: isPlumbingChannel(newName) };
  next = { ...next, channels: next.channels.set(uniqueid, renamed) };
  return pairLocalByName(next, renamed);
}

/** Hangup: the channel leaves the state at once, with every relation naming it. */
export function onHangup(state: SegmentState, event: HangupEvent): SegmentState {
  return forgetChannel(state, event.Uniqueid);
}

export function forgetChannel(state: SegmentState, uniqueid: string): SegmentState {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined) return state;
  let next = leaveBridge(state, uniqueid);
  next = removeDialsOf(next, uniqueid);
  const peer = next.localPeers.get(uniqueid);
  if (peer !== undefined) {
    next = { ...next, localPeers: next.localPeers.delete(uniqueid).delete(peer) };
  }
  if (next.localNames.get(channel.name) === uniqueid) {
    next = { ...next, localNames: next.localNames.delete(channel.name) };
  }
  if (channel.conference !== null) {
    const members = next.conferences.get(channel.conference);
    if (members !== undefined) {
      next = { ...next, conferences: next.conferences.set(channel.conference, without(members, uniqueid)) };
    }
  }
  if (channel.queue !== null) next = removeFromQueue(next, channel.queue, uniqueid);
  return { ...next, channels: next.channels.delete(uniqueid) };
}

export function removeFromQueue(state: SegmentState, queue: string, uniqueid: string): SegmentState {
  const waiting = state.queues.get(queue);
  if (waiting === undefined || !waiting.includes(uniqueid)) return state;
  const rest = without(waiting, uniqueid);
  return { ...state, queues: rest.length === 0 ? state.queues.delete(queue) : state.queues.set(queue, rest) };
}
