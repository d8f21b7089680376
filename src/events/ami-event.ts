/**
 * Typed AMI events: a union discriminated on `Event`. Field names are Asterisk's own.
 * Every event also keeps the rest of its headers (index signature), so nothing is lost, and an
 * event we have no type for travels as `UnknownAmiEvent` unchanged.
 */
import type { AmiHeaderValue } from './ami-message.js';

type Rest = { readonly [key: string]: AmiHeaderValue | undefined };

/** The channel snapshot Asterisk puts on every channel event. */
export interface ChannelFields {
  readonly Channel: string;
  readonly ChannelState: string;
  readonly ChannelStateDesc: string;
  readonly CallerIDNum: string;
  readonly CallerIDName: string;
  readonly ConnectedLineNum: string;
  readonly ConnectedLineName: string;
  readonly Context: string;
  readonly Exten: string;
  readonly Priority?: string;
  readonly Uniqueid: string;
  readonly Linkedid: string;
}

/** The same snapshot for the other channel of a two-channel event, prefixed `Dest`. */
export interface DestChannelFields {
  readonly DestChannel: string;
  readonly DestChannelState: string;
  readonly DestChannelStateDesc: string;
  readonly DestCallerIDNum: string;
  readonly DestCallerIDName: string;
  readonly DestConnectedLineNum: string;
  readonly DestConnectedLineName: string;
  readonly DestContext: string;
  readonly DestExten: string;
  readonly DestUniqueid: string;
  readonly DestLinkedid: string;
}

export interface BridgeFields {
  readonly BridgeUniqueid: string;
  readonly BridgeType: string;
  readonly BridgeTechnology: string;
  readonly BridgeCreator: string;
  readonly BridgeName: string;
  readonly BridgeNumChannels: string;
}

type ChannelEvent<Name extends string, Extra = unknown> = { readonly Event: Name } & ChannelFields & Extra & Rest;
type BridgeEvent<Name extends string, Extra = unknown> = { readonly Event: Name } & BridgeFields & Extra & Rest;

export type NewchannelEvent = ChannelEvent<'Newchannel'>;
export type NewstateEvent = ChannelEvent<'Newstate'>;
export type NewCalleridEvent = ChannelEvent<'NewCallerid'>;
export type NewConnectedLineEvent = ChannelEvent<'NewConnectedLine'>;
export type NewExtenEvent = ChannelEvent<'Newexten', { readonly Application?: string; readonly AppData?: string }>;
export type HangupEvent = ChannelEvent<'Hangup', { readonly Cause: string; readonly 'Cause-txt': string }>;
export type HoldEvent = ChannelEvent<'Hold', { readonly MusicClass?: string }>;
export type UnholdEvent = ChannelEvent<'Unhold'>;
export type MixMonitorStartEvent = ChannelEvent<'MixMonitorStart'>;
export type MixMonitorStopEvent = ChannelEvent<'MixMonitorStop'>;

/**
 * Dial events: `Channel…` is the caller and may be missing (Originate's first leg, the Local ;1
 * half of an Atxfer), `Dest…` is the callee.
 */
type DialEvent<Name extends string, Extra = unknown> = { readonly Event: Name } & Partial<ChannelFields> &
  DestChannelFields & Extra & Rest;
export type DialBeginEvent = DialEvent<'DialBegin', { readonly DialString?: string }>;
export type DialStateEvent = DialEvent<'DialState', { readonly DialStatus: string }>;
export type DialEndEvent = DialEvent<'DialEnd', { readonly DialStatus: string }>;

export type BridgeCreateEvent = BridgeEvent<'BridgeCreate'>;
export type BridgeDestroyEvent = BridgeEvent<'BridgeDestroy'>;
export type BridgeEnterEvent = BridgeEvent<'BridgeEnter', ChannelFields & { readonly SwapUniqueid?: string }>;
export type BridgeLeaveEvent = BridgeEvent<'BridgeLeave', ChannelFields>;
export type BridgeMergeEvent = { readonly Event: 'BridgeMerge'; readonly ToBridgeUniqueid: string; readonly FromBridgeUniqueid: string } & Rest;

type ConfbridgeChannelEvent<Name extends string> = BridgeEvent<
  Name,
  ChannelFields & { readonly Conference: string; readonly Admin?: string; readonly Muted?: string }
>;
export type ConfbridgeStartEvent = BridgeEvent<'ConfbridgeStart', { readonly Conference: string }>;
export type ConfbridgeEndEvent = BridgeEvent<'ConfbridgeEnd', { readonly Conference: string }>;
export type ConfbridgeJoinEvent = ConfbridgeChannelEvent<'ConfbridgeJoin'>;
export type ConfbridgeLeaveEvent = ConfbridgeChannelEvent<'ConfbridgeLeave'>;
export type ConfbridgeMuteEvent = ConfbridgeChannelEvent<'ConfbridgeMute'>;
export type ConfbridgeUnmuteEvent = ConfbridgeChannelEvent<'ConfbridgeUnmute'>;

/** LocalBridge and LocalOptimization* name the two halves with `LocalOne…` / `LocalTwo…` prefixes. */
export type LocalBridgeEvent = {
  readonly Event: 'LocalBridge';
  readonly LocalOneChannel: string;
  readonly LocalOneUniqueid: string;
  readonly LocalTwoChannel: string;
  readonly LocalTwoUniqueid: string;
  readonly Context: string;
  readonly Exten: string;
  readonly LocalOptimization: string;
} & Rest;
export type LocalOptimizationBeginEvent = {
  readonly Event: 'LocalOptimizationBegin';
  readonly LocalOneChannel: string;
  readonly LocalOneUniqueid: string;
  readonly LocalTwoChannel: string;
  readonly LocalTwoUniqueid: string;
  readonly SourceChannel?: string;
  readonly SourceUniqueid?: string;
  readonly DestUniqueId?: string;
  readonly Id: string;
} & Rest;
export type LocalOptimizationEndEvent = {
  readonly Event: 'LocalOptimizationEnd';
  readonly LocalOneChannel: string;
  readonly LocalOneUniqueid: string;
  readonly LocalTwoChannel: string;
  readonly LocalTwoUniqueid: string;
  readonly Success?: string;
  readonly Id: string;
} & Rest;

export type AttendedTransferEvent = { readonly Event: 'AttendedTransfer'; readonly Result: string } & Rest;
export type BlindTransferEvent = { readonly Event: 'BlindTransfer'; readonly Result: string } & Rest;

export type QueueCallerJoinEvent = ChannelEvent<'QueueCallerJoin', { readonly Queue: string; readonly Position: string; readonly Count: string }>;
export type QueueCallerLeaveEvent = ChannelEvent<'QueueCallerLeave', { readonly Queue: string; readonly Position: string; readonly Count: string }>;

/** Items of the list actions used for resync (they carry the action's ActionID). */
export type CoreShowChannelEvent = ChannelEvent<
  'CoreShowChannel',
  { readonly Application: string; readonly ApplicationData: string; readonly Duration: string; readonly BridgeId: string }
>;
export type StatusEvent = ChannelEvent<'Status', { readonly DNID?: string; readonly BridgeID?: string }>;
export type BridgeListItemEvent = BridgeEvent<'BridgeListItem'>;
export type BridgeInfoChannelEvent = { readonly Event: 'BridgeInfoChannel' } & ChannelFields & Rest;
export type BridgeInfoCompleteEvent = BridgeEvent<'BridgeInfoComplete'>;
export type ConfbridgeListRoomsEvent = { readonly Event: 'ConfbridgeListRooms'; readonly Conference: string; readonly Parties: string } & Rest;
export type ConfbridgeListEvent = ChannelEvent<'ConfbridgeList', { readonly Conference: string; readonly Muted?: string; readonly Admin?: string }>;
export type QueueParamsEvent = { readonly Event: 'QueueParams'; readonly Queue: string } & Rest;
export type QueueEntryEvent = ChannelEvent<'QueueEntry', { readonly Queue: string; readonly Position: string }>;
export type QueueMemberEvent = { readonly Event: 'QueueMember'; readonly Queue: string; readonly Name?: string; readonly Location?: string; readonly StateInterface?: string } & Rest;
export type FullyBootedEvent = { readonly Event: 'FullyBooted' } & Rest;

export type KnownAmiEvent =
  | NewchannelEvent
  | NewstateEvent
  | NewCalleridEvent
  | NewConnectedLineEvent
  | NewExtenEvent
  | HangupEvent
  | HoldEvent
  | UnholdEvent
  | MixMonitorStartEvent
  | MixMonitorStopEvent
  | DialBeginEvent
  | DialStateEvent
  | DialEndEvent
  | BridgeCreateEvent
  | BridgeDestroyEvent
  | BridgeEnterEvent
  | BridgeLeaveEvent
  | BridgeMergeEvent
  | ConfbridgeStartEvent
  | ConfbridgeEndEvent
  | ConfbridgeJoinEvent
  | ConfbridgeLeaveEvent
  | ConfbridgeMuteEvent
  | ConfbridgeUnmuteEvent
  | LocalBridgeEvent
  | LocalOptimizationBeginEvent
  | LocalOptimizationEndEvent
  | AttendedTransferEvent
  | BlindTransferEvent
  | QueueCallerJoinEvent
  | QueueCallerLeaveEvent
  | CoreShowChannelEvent
  | StatusEvent
  | BridgeListItemEvent
  | BridgeInfoChannelEvent
  | BridgeInfoCompleteEvent
  | ConfbridgeListRoomsEvent
  | ConfbridgeListEvent
  | QueueParamsEvent
  | QueueEntryEvent
  | QueueMemberEvent
  | FullyBootedEvent;

export type KnownEventName = KnownAmiEvent['Event'];

/** An event we keep no type for: passed through untouched. */
export type UnknownAmiEvent = { readonly Event: string } & Rest;

export type AmiEvent = KnownAmiEvent | UnknownAmiEvent;

/**
 * High-volume events nobody downstream reads: dropped right after framing so they never reach
 * the reducer (VarSet alone is about half of all AMI traffic).
 */
export const NOISE_EVENTS: ReadonlySet<string> = new Set([
  'VarSet',
  'Newexten',
  'DeviceStateChange',
  'TestEvent',
  'RTCPSent',
  'RTCPReceived',
  'DTMFBegin',
  'DTMFEnd',
  'ExtensionStatus',
  'PeerStatus',
  'ContactStatus',
  'QueueMemberStatus',
  'AgentCalled',
  'AgentRingNoAnswer',
  'ChannelTalkingStart',
  'ChannelTalkingStop',
  'HangupRequest',
  'SoftHangupRequest',
  'Registry',
  'SuccessfulAuth',
  'ChallengeSent',
]);
