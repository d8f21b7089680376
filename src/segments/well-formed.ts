/**
 * The identity headers each reduced event keys state by. An event that lacks a required one, or
 * has one repeated (a list, not a string), is malformed: the reducer ignores it instead of
 * throwing, since a throw on the live event path would end the graph's subscription for good.
 */
import type { AmiEvent } from '../events/ami-event.js';

interface Identity {
  /** Must be present, once. */
  readonly required: readonly string[];
  /** May be absent; if present, once. */
  readonly optional?: readonly string[];
}

const CHANNEL: Identity = { required: ['Uniqueid'] };
const DIAL: Identity = { required: ['DestUniqueid'], optional: ['Uniqueid'] };
const BRIDGE: Identity = { required: ['BridgeUniqueid'] };
const BRIDGE_MEMBER: Identity = { required: ['Uniqueid', 'BridgeUniqueid'], optional: ['SwapUniqueid'] };
const ROOM: Identity = { required: ['Conference'], optional: ['BridgeUniqueid'] };
const ROOM_MEMBER: Identity = { required: ['Conference', 'Uniqueid'], optional: ['BridgeUniqueid'] };
const QUEUE_CALLER: Identity = { required: ['Queue', 'Uniqueid'] };

const IDENTITY: ReadonlyMap<string, Identity> = new Map([
  ['Newchannel', { required: ['Uniqueid', 'Channel'] }],
  ['Newstate', CHANNEL],
  ['NewCallerid', CHANNEL],
  ['Rename', { required: ['Uniqueid', 'Newname'] }],
  ['Hangup', CHANNEL],
  ['Hold', CHANNEL],
  ['Unhold', CHANNEL],
  ['MixMonitorStart', CHANNEL],
  ['MixMonitorStop', CHANNEL],
  ['DialBegin', DIAL],
  ['DialEnd', DIAL],
  ['BridgeCreate', BRIDGE],
  ['BridgeDestroy', BRIDGE],
  ['BridgeEnter', BRIDGE_MEMBER],
  ['BridgeLeave', BRIDGE_MEMBER],
  ['LocalBridge', { required: ['LocalOneUniqueid', 'LocalTwoUniqueid'] }],
  ['ConfbridgeStart', ROOM],
  ['ConfbridgeEnd', ROOM],
  ['ConfbridgeJoin', ROOM_MEMBER],
  ['ConfbridgeLeave', ROOM_MEMBER],
  ['QueueCallerJoin', QUEUE_CALLER],
  ['QueueCallerLeave', QUEUE_CALLER],
]);

/** False when the event is one the reducer handles but an identity header is missing or repeated. */
export function isWellFormed(event: AmiEvent): boolean {
  const identity = IDENTITY.get(event.Event);
  if (identity === undefined) return true;
  const headers = event as { readonly [key: string]: unknown };
  for (const key of identity.required) if (typeof headers[key] !== 'string') return false;
  for (const key of identity.optional ?? []) {
    const value = headers[key];
    if (value !== undefined && typeof value !== 'string') return false;
  }
  return true;
}
