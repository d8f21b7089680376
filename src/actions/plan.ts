/**
 * A planned call action: the AMI headers to send, and for an attended transfer what proves the
 * consultation started (Asterisk's "Atxfer successfully queued" proves nothing, findings §3 h).
 */
import type { HttpError } from '../http/errors/http-error.js';

export type AmiActionName = 'BlindTransfer' | 'Redirect' | 'Atxfer' | 'ConfbridgeKick' | 'ConfbridgeMute' | 'ConfbridgeUnmute';

/** The transferer of an Atxfer and where it consults: events about these prove it started. */
export interface ConsultationWatch {
  readonly transfererChannel: string;
  readonly transfererUniqueid: string;
  readonly destinationNumber: string;
  readonly context: string;
}

export interface AmiPlan {
  readonly action: AmiActionName;
  /** Every header of the action, `Action` first (the AMI client adds `ActionID`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly consultation?: ConsultationWatch;
}

export type PlanResult = { readonly ok: true; readonly plan: AmiPlan } | { readonly ok: false; readonly error: HttpError };
