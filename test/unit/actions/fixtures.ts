import type { CoreServerInfo, GraphSnapshot, SegmentRecord } from '../../../src/actions/ports.js';

export function segment(id: string, fields: Partial<SegmentRecord> = {}): SegmentRecord {
  return {
    id,
    uniqueid: `1796398606.${id}`,
    channel: `PJSIP/${id}-00000001`,
    callerIdName: null,
    callerIdNumber: id,
    callerIdId: `cid-${id}`,
    did: null,
    onHold: false,
    recording: false,
    incoming: false,
    answered: true,
    dialingTo: [],
    dialingFrom: [],
    linkedTo: null,
    conference: null,
    queue: null,
    boundChannels: [],
    ...fields,
  };
}

export function snapshotOf(...segments: SegmentRecord[]): GraphSnapshot {
  return {
    coreServerId: 'cs-1',
    segments: new Map(segments.map((s) => [s.id, s])),
    conferences: new Map(),
    queues: new Map(),
  };
}

export const coreServer: CoreServerInfo = {
  id: 'cs-1',
  slug: 'default',
  name: 'Default',
  conferenceRoomsEnabled: true,
  transferContext: 'internal',
};

/** Phones 100 and 200 are extensions; a trunk channel is EXTERNAL. */
export function isInternal(channel: string): boolean {
  return /^PJSIP\/(100|101|200|201)-/.test(channel);
}
