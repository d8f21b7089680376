import type { SegmentRecord } from './ports.js';

/** Spec 2: exactly seven keys; `callerId` exactly `id`, `name`, `number`. */
export interface CallSegmentJson {
  id: string;
  type: 'INTERNAL' | 'EXTERNAL';
  callerId: { id: string; name: string | null; number: string | null };
  did: string | null;
  onHold: boolean;
  recording: boolean;
  incoming: boolean;
}

/** `internal`: the segment's channel belongs to a configured extension of its core server. */
export function callSegmentJson(segment: SegmentRecord, internal: boolean): CallSegmentJson {
  return {
    id: segment.id,
    type: internal ? 'INTERNAL' : 'EXTERNAL',
    callerId: { id: segment.callerIdId, name: segment.callerIdName, number: segment.callerIdNumber },
    did: segment.did,
    onHold: segment.onHold,
    recording: segment.recording,
    incoming: segment.incoming,
  };
}
