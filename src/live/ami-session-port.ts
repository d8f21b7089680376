/**
 * The part of the AMI client the live wiring needs (structural: AmiClient fits it, and tests
 * pass a stub of their own).
 */
import type { Observable } from 'rxjs';
import type { AmiEvent } from '../events/ami-event.js';
import type { AmiListResult } from '../ami/response.js';
import type { AmiActionHeaders } from '../ami/serialize.js';

export interface AmiConnectionReport {
  readonly state: 'connecting' | 'connected' | 'disconnected' | 'stopped';
}

export interface AmiSessionPort {
  readonly connection$: Observable<AmiConnectionReport>;
  /** Live events, noise dropped; items of pending list actions are not on it. */
  readonly events$: Observable<AmiEvent>;
  listAction(
    headers: AmiActionHeaders,
    options?: { readonly emptyOnErrorMessages?: readonly string[] },
  ): Promise<AmiListResult>;
}
