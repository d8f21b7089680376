/**
 * Plans kick / mute / unmute (spec §3.3), pure: `ConfbridgeKick|Mute|Unmute` with the segment's
 * conference room and real channel. Asterisk answers these truthfully (`User kicked`, `No
 * Channel by that name found in Conference.`, findings §3 l), so no proof is awaited.
 */
import { ConflictError } from '../http/errors/conflict-error.js';
import { InternalServerError } from '../http/errors/internal-server-error.js';
import type { AmiActionName, PlanResult } from './plan.js';
import type { CoreServerInfo, SegmentRecord } from './ports.js';

export type ConferenceActionWord = 'kick' | 'mute' | 'unmute';

const AMI_ACTION: Readonly<Record<ConferenceActionWord, AmiActionName>> = {
  kick: 'ConfbridgeKick',
  mute: 'ConfbridgeMute',
  unmute: 'ConfbridgeUnmute',
};

export interface ConferencePlanInput {
  readonly segment: SegmentRecord;
  readonly coreServer: CoreServerInfo;
  readonly action: ConferenceActionWord;
}

export function planConferenceAction(input: ConferencePlanInput): PlanResult {
  const { segment, coreServer, action } = input;
  if (!coreServer.conferenceRoomsEnabled) {
    return {
      ok: false,
      error: new InternalServerError(`conference rooms are not enabled on core server ${coreServer.slug}: cannot ${action} segment ${segment.id}`),
    };
  }
  if (segment.conference === null) {
    return { ok: false, error: new ConflictError(`segment ${segment.id} is not in a conference room: cannot ${action} it`) };
  }
  const amiAction = AMI_ACTION[action];
  return {
    ok: true,
    plan: { action: amiAction, headers: { Action: amiAction, Conference: segment.conference, Channel: segment.channel } },
  };
}
