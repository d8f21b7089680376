/**
 * The pure segment state: every live channel by Uniqueid and the relations between them, as
 * persistent maps (see pmap.ts for why). Nothing here is mutated after construction.
 */
import { PMap } from './pmap.js';

export interface ChannelRecord {
  readonly uniqueid: string;
  readonly name: string;
  /** ChannelStateDesc: Down, Ring, Ringing, Up, Busy… */
  readonly stateDesc: string;
  readonly callerIdNum: string | null;
  readonly callerIdName: string | null;
  /** Exten/Context the channel entered the dialplan with (Newchannel; Status DNID after a resync). */
  readonly exten: string;
  readonly context: string;
  readonly onHold: boolean;
  readonly recording: boolean;
  /** Created by being dialled (DestChannel of a DialBegin, or AppDial after a resync). */
  readonly incoming: boolean;
  /** Local half or ConfBridge helper: no segment. */
  readonly plumbing: boolean;
  /** BridgeUniqueid of the bridge it is in, if any. */
  readonly bridge: string | null;
  /** ConfBridge room it is a member of, if any. */
  readonly conference: string | null;
  /** Queue it is waiting in, if any. */
  readonly queue: string | null;
  /** Real channel names it is or has been bound to (dialling, dialled by, linked), one per endpoint: sticky. */
  readonly boundChannels: readonly string[];
}

export interface BridgeRecord {
  readonly id: string;
  readonly type: string;
  /** A ConfBridge room's bridge: its members are linked to nobody. */
  readonly conference: boolean;
  /** Member Uniqueids in order of entry. */
  readonly members: readonly string[];
}

export interface SegmentState {
  readonly channels: PMap<ChannelRecord>;
  readonly bridges: PMap<BridgeRecord>;
  /** callee Uniqueid → caller Uniqueid (null: no caller, e.g. an Originate's first leg), DialBegin..DialEnd. */
  readonly dialedBy: PMap<string | null>;
  /** caller Uniqueid → callee Uniqueids (the reverse of dialedBy, callers that are known only). */
  readonly dialing: PMap<readonly string[]>;
  /** Local half Uniqueid ↔ the other half's Uniqueid. */
  readonly localPeers: PMap<string>;
  /** Local half channel name → Uniqueid (to pair halves by name). */
  readonly localNames: PMap<string>;
  /** Live ConfBridge room → member Uniqueids. */
  readonly conferences: PMap<readonly string[]>;
  /** Queue name → Uniqueids of callers waiting in it. */
  readonly queues: PMap<readonly string[]>;
}

export function emptyState(): SegmentState {
  return {
    channels: PMap.empty(),
    bridges: PMap.empty(),
    dialedBy: PMap.empty(),
    dialing: PMap.empty(),
    localPeers: PMap.empty(),
    localNames: PMap.empty(),
    conferences: PMap.empty(),
    queues: PMap.empty(),
  };
}

/** True when the state holds nothing at all (every map empty). */
export function isEmptyState(state: SegmentState): boolean {
  return (
    state.channels.size === 0 &&
    state.bridges.size === 0 &&
    state.dialedBy.size === 0 &&
    state.dialing.size === 0 &&
    state.localPeers.size === 0 &&
    state.localNames.size === 0 &&
    state.conferences.size === 0 &&
    state.queues.size === 0
  );
}

/** Replace one channel record via `change`; the same state when the channel is unknown or unchanged. */
export function updateChannel(
  state: SegmentState,
  uniqueid: string,
  change: (channel: ChannelRecord) => ChannelRecord,
): SegmentState {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined) return state;
  const next = change(channel);
  if (next === channel) return state;
  return { ...state, channels: state.channels.set(uniqueid, next) };
}

export function without(list: readonly string[], item: string): readonly string[] {
  const index = list.indexOf(item);
  if (index < 0) return list;
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

export function withItem(list: readonly string[], item: string): readonly string[] {
  return list.includes(item) ? list : [...list, item];
}
