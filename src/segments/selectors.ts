/**
 * Selectors: the state as segments (one per real channel) with relations as segment ids, and the
 * spec-2 JSON of one segment. The HTTP layer codes against these names.
 */
import { relationsOf } from './relations.js';
import { callerIdId, segmentIdsFor } from './segment-id.js';
import type { ChannelRecord, SegmentState } from './state.js';

export interface SegmentRecord {
  readonly id: string;
  readonly uniqueid: string;
  /** Real channel name, e.g. PJSIP/100-0000002a: actions act on it. */
  readonly channel: string;
  readonly callerIdName: string | null;
  readonly callerIdNumber: string | null;
  readonly callerIdId: string;
  readonly did: string | null;
  readonly onHold: boolean;
  readonly recording: boolean;
  readonly incoming: boolean;
  /** Channel state Up. */
  readonly answered: boolean;
  readonly dialingTo: readonly string[];
  readonly dialingFrom: readonly string[];
  readonly linkedTo: string | null;
  readonly conference: string | null;
  readonly queue: string | null;
  readonly boundChannels: readonly string[];
}

export interface GraphSnapshot {
  readonly coreServerId: string;
  readonly segments: ReadonlyMap<string, SegmentRecord>;
  readonly conferences: ReadonlyMap<string, readonly string[]>;
  readonly queues: ReadonlyMap<string, readonly string[]>;
}

export interface CallSegmentJson {
  readonly id: string;
  readonly type: 'INTERNAL' | 'EXTERNAL';
  readonly callerId: { readonly id: string; readonly name: string | null; readonly number: string | null };
  readonly did: string | null;
  readonly onHold: boolean;
  readonly recording: boolean;
  readonly incoming: boolean;
}

/** Spec 2: the number dialled to enter the PBX; null for dialled segments and for '' / 's'. */
export function didOf(channel: ChannelRecord): string | null {
  if (channel.incoming) return null;
  return channel.exten === '' || channel.exten === 's' ? null : channel.exten;
}

/** The segment of one channel, or undefined when it is no segment (unknown or plumbing). */
export function selectRecord(
  state: SegmentState,
  uniqueid: string,
  idOf: (uniqueid: string) => string,
  callerIdOf: (segmentId: string) => string = callerIdId,
): SegmentRecord | undefined {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined || channel.plumbing) return undefined;
  const relations = relationsOf(state, uniqueid);
  const id = idOf(uniqueid);
  return {
    id,
    uniqueid,
    channel: channel.name,
    callerIdName: channel.callerIdName,
    callerIdNumber: channel.callerIdNum,
    callerIdId: callerIdOf(id),
    did: didOf(channel),
    onHold: channel.onHold,
    recording: channel.recording,
    incoming: channel.incoming,
    answered: channel.stateDesc === 'Up',
    dialingTo: relations.dialingTo.map(idOf),
    dialingFrom: relations.dialingFrom.map(idOf),
    linkedTo: relations.linkedTo === null ? null : idOf(relations.linkedTo),
    conference: channel.conference,
    queue: channel.queue,
    boundChannels: channel.boundChannels,
  };
}

function realMembers(
  state: SegmentState,
  lists: Iterable<[string, readonly string[]]>,
  idOf: (uniqueid: string) => string,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const [name, members] of lists) {
    out.set(
      name,
      members.filter((member) => state.channels.get(member)?.plumbing === false).map(idOf),
    );
  }
  return out;
}

/** Live rooms → member segment ids. */
export function selectConferences(
  state: SegmentState,
  idOf: (uniqueid: string) => string,
): Map<string, readonly string[]> {
  return realMembers(state, state.conferences, idOf);
}

/** Queues → waiting segment ids. */
export function selectQueues(state: SegmentState, idOf: (uniqueid: string) => string): Map<string, readonly string[]> {
  return realMembers(state, state.queues, idOf);
}

export function selectSnapshot(state: SegmentState, coreServerId: string): GraphSnapshot {
  const idOf = segmentIdsFor(coreServerId);
  const segments = new Map<string, SegmentRecord>();
  for (const uniqueid of state.channels.keys()) {
    const record = selectRecord(state, uniqueid, idOf);
    if (record !== undefined) segments.set(record.id, record);
  }
  return {
    coreServerId,
    segments,
    conferences: selectConferences(state, idOf),
    queues: selectQueues(state, idOf),
  };
}

export function toCallSegmentJson(record: SegmentRecord, isInternal: (channel: string) => boolean): CallSegmentJson {
  return {
    id: record.id,
    type: isInternal(record.channel) ? 'INTERNAL' : 'EXTERNAL',
    callerId: { id: record.callerIdId, name: record.callerIdName, number: record.callerIdNumber },
    did: record.did,
    onHold: record.onHold,
    recording: record.recording,
    incoming: record.incoming,
  };
}

/** The real channel an action must name for a segment (Local halves are never segments). */
export function realChannelOf(record: SegmentRecord): string {
  return record.channel;
}

/** Field-by-field equality of two records (arrays by content). */
export function sameRecord(a: SegmentRecord, b: SegmentRecord): boolean {
  for (const key of Object.keys(a) as (keyof SegmentRecord)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((item, index) => item !== y[index])) return false;
    } else if (x !== y) {
      return false;
    }
  }
  return true;
}
