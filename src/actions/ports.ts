/**
 * The shapes the call actions read and the AMI port they talk to (the real `AmiClient`
 * satisfies it structurally).
 */

/** The segment graph's snapshot: the one definition lives in the pure core. */
import type { GraphSnapshot, SegmentRecord } from '../segments/index.js';

export type { GraphSnapshot, SegmentRecord };
import type { Observable } from 'rxjs';
import type { AmiEvent } from '../events/ami-event.js';

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
  /**
   * Never completes when the link drops: the AMI client keeps one event stream across reconnects.
   * A drop shows in `connected` and in `connection$`.
   */
  readonly events$: Observable<AmiEvent>;
  /** The link's state (the AMI client's `connection$`); any state but `connected` means it was lost. */
  readonly connection$?: Observable<{ readonly state: string }>;
}
