/**
 * The shapes the call actions read and the AMI port they talk to, typed structurally so this
 * folder depends on no other helper's module: the segment graph's snapshot and the real
 * `AmiClient` satisfy them as they are.
 */
import type { Observable } from 'rxjs';
import type { AmiEvent } from '../ami/events.js';

export interface SegmentRecord {
  readonly id: string;
  readonly uniqueid: string;
  /** The real channel (never a Local half). */
  readonly channel: string;
  readonly callerIdName: string | null;
  readonly callerIdNumber: string | null;
  readonly callerIdId: string;
  readonly did: string | null;
  readonly onHold: boolean;
  readonly recording: boolean;
  readonly incoming: boolean;
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

export interface CoreServerInfo {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly conferenceRoomsEnabled: boolean;
  /** The dialplan context transfers dial the destination in. */
  readonly transferContext: string;
}

export interface AmiActionResponse {
  readonly response: string;
  readonly message: string | undefined;
}

/**
 * What the executor needs from an AMI connection. `action` rejects with errors whose `name` is
 * `AmiActionError` (message = Asterisk's `Message`), `AmiTimeoutError`, `AmiDisconnectedError`
 * or `AmiHeaderInjectionError`.
 */
export interface AmiActionPort {
  readonly connected: boolean;
  action(headers: Record<string, string>, options?: { timeoutMs?: number }): Promise<AmiActionResponse>;
  readonly events$: Observable<AmiEvent>;
}
