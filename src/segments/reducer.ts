/**
 * The pure reducer: `reduce(state, event)` returns the next state, or the same object when the
 * event changes nothing (unknown events included). One file per event family does the work.
 */
import type {
  AmiEvent,
  BridgeCreateEvent,
  BridgeDestroyEvent,
  BridgeEnterEvent,
  BridgeLeaveEvent,
  ConfbridgeEndEvent,
  ConfbridgeJoinEvent,
  ConfbridgeLeaveEvent,
  ConfbridgeStartEvent,
  DialBeginEvent,
  DialEndEvent,
  HangupEvent,
  HoldEvent,
  LocalBridgeEvent,
  MixMonitorStartEvent,
  MixMonitorStopEvent,
  NewCalleridEvent,
  NewchannelEvent,
  NewstateEvent,
  QueueCallerJoinEvent,
  QueueCallerLeaveEvent,
  UnholdEvent,
} from '../events/ami-event.js';
import { field } from './event-field.js';
import { onBridgeCreate, onBridgeDestroy, onBridgeEnter, onBridgeLeave } from './reduce-bridge.js';
import {
  onHangup,
  onHold,
  onMixMonitor,
  onNewCallerid,
  onNewchannel,
  onNewstate,
  onRename,
} from './reduce-channel.js';
import {
  onConfbridgeEnd,
  onConfbridgeJoin,
  onConfbridgeLeave,
  onConfbridgeStart,
  onQueueCallerJoin,
  onQueueCallerLeave,
} from './reduce-conference.js';
import { onDialBegin, onDialEnd } from './reduce-dial.js';
import { onLocalBridge } from './reduce-local.js';
import { isSegment, relationsOf } from './relations.js';
import { isLocalChannel } from './channel-kind.js';
import type { SegmentState } from './state.js';
import { updateChannel, withItem } from './state.js';
import { touchedSegments } from './touched.js';
import { isWellFormed } from './well-formed.js';

/* The casts below narrow by `Event`: the union also holds UnknownAmiEvent (Event: string). */
function applyEvent(state: SegmentState, event: AmiEvent): SegmentState {
  if (!isWellFormed(event)) return state;
  switch (event.Event) {
    case 'Newchannel':
      return onNewchannel(state, event as NewchannelEvent);
    case 'Newstate':
      return onNewstate(state, event as NewstateEvent);
    case 'NewCallerid':
      return onNewCallerid(state, event as NewCalleridEvent);
    case 'Rename':
      return onRename(state, field(event, 'Uniqueid') ?? '', field(event, 'Newname'));
    case 'Hangup':
      return onHangup(state, event as HangupEvent);
    case 'Hold':
      return onHold(state, event as HoldEvent, true);
    case 'Unhold':
      return onHold(state, event as UnholdEvent, false);
    case 'MixMonitorStart':
      return onMixMonitor(state, event as MixMonitorStartEvent, true);
    case 'MixMonitorStop':
      return onMixMonitor(state, event as MixMonitorStopEvent, false);
    case 'DialBegin':
      return onDialBegin(state, event as DialBeginEvent);
    case 'DialEnd':
      return onDialEnd(state, event as DialEndEvent);
    case 'BridgeCreate':
      return onBridgeCreate(state, event as BridgeCreateEvent);
    case 'BridgeDestroy':
      return onBridgeDestroy(state, event as BridgeDestroyEvent);
    case 'BridgeEnter':
      return onBridgeEnter(state, event as BridgeEnterEvent);
    case 'BridgeLeave':
      return onBridgeLeave(state, event as BridgeLeaveEvent);
    case 'LocalBridge':
      return onLocalBridge(state, event as LocalBridgeEvent);
    case 'ConfbridgeStart':
      return onConfbridgeStart(state, event as ConfbridgeStartEvent);
    case 'ConfbridgeEnd':
      return onConfbridgeEnd(state, event as ConfbridgeEndEvent);
    case 'ConfbridgeJoin':
      return onConfbridgeJoin(state, event as ConfbridgeJoinEvent);
    case 'ConfbridgeLeave':
      return onConfbridgeLeave(state, event as ConfbridgeLeaveEvent);
    case 'QueueCallerJoin':
      return onQueueCallerJoin(state, event as QueueCallerJoinEvent);
    case 'QueueCallerLeave':
      return onQueueCallerLeave(state, event as QueueCallerLeaveEvent);
    default:
      return state;
  }
}

/** Record, on both sides, the real channel names of every relation the touched segments now have. */
export function recordBindings(state: SegmentState, touched: Iterable<string>): SegmentState {
  let next = state;
  for (const uniqueid of touched) {
    const { dialingTo, dialingFrom, linkedTo } = relationsOf(state, uniqueid);
    const partners = linkedTo === null ? [...dialingTo, ...dialingFrom] : [...dialingTo, ...dialingFrom, linkedTo];
    for (const partner of partners) next = bind(bind(next, uniqueid, partner), partner, uniqueid);
  }
  return next;
}

/** `PJSIP/200-0000000a` → `PJSIP/200`: what ties a channel to an extension (the name before its last `-`). */
function endpointOf(name: string): string {
  const dash = name.lastIndexOf('-');
  return dash < 0 ? name : name.slice(0, dash);
}

/**
 * Remember the partner's name, one name per endpoint: visibility depends only on the endpoint, and
 * a long-lived segment (a caller waiting in a queue while agents ring again and again) would
 * otherwise keep a new name per attempt for its whole life.
 */
function bind(state: SegmentState, uniqueid: string, partner: string): SegmentState {
  const partnerName = state.channels.get(partner)?.name;
  if (partnerName === undefined) return state;
  const endpoint = endpointOf(partnerName);
  return updateChannel(state, uniqueid, (channel) => {
    if (channel.boundChannels.some((name) => endpointOf(name) === endpoint)) return channel;
    return { ...channel, boundChannels: withItem(channel.boundChannels, partnerName) };
  });
}

export interface Reduction {
  readonly state: SegmentState;
  /** Uniqueids of real channels whose segment may have changed (empty when the state is unchanged). */
  readonly touched: ReadonlySet<string>;
}

const NOTHING_TOUCHED: ReadonlySet<string> = new Set();

/** Events that only change the named channel's own fields, never a relation (the cheap path). */
const OWN_FIELDS_ONLY: ReadonlySet<string> = new Set([
  'Newstate',
  'NewCallerid',
  'Hold',
  'Unhold',
  'MixMonitorStart',
  'MixMonitorStop',
  'QueueCallerJoin',
  'QueueCallerLeave',
]);

function ownFieldsOnly(event: AmiEvent): boolean {
  if (OWN_FIELDS_ONLY.has(event.Event)) return true;
  // A new real channel has no relation yet; a new Local half may complete a pair by name.
  return event.Event === 'Newchannel' && !isLocalChannel(field(event, 'Channel') ?? '');
}

/** reduce, also telling which segments the event may have changed (the graph diffs only those). */
export function reduceWithTouched(state: SegmentState, event: AmiEvent): Reduction {
  const applied = applyEvent(state, event);
  if (applied === state) return { state, touched: NOTHING_TOUCHED };
  if (ownFieldsOnly(event)) {
    const uniqueid = field(event, 'Uniqueid');
    const own = uniqueid !== undefined && isSegment(applied, uniqueid);
    return { state: applied, touched: own ? new Set([uniqueid]) : NOTHING_TOUCHED };
  }
  const touched = touchedSegments(state, applied, event);
  return { state: recordBindings(applied, touched), touched };
}

export function reduce(state: SegmentState, event: AmiEvent): SegmentState {
  return reduceWithTouched(state, event).state;
}
