import type { AmiEvent } from '../events/ami-event.js';
import type { AmiMessage } from '../events/ami-message.js';

/** An action's `Response:` message: Success, Error, Goodbye (Logoff) or, rarely, something else. */
export interface AmiResponse {
  readonly response: 'Success' | 'Error' | 'Goodbye' | string;
  readonly message: string | undefined;
  readonly headers: AmiMessage;
}

/** What an EventList action produced: its response, the items carrying its ActionID, and the `…Complete` event. */
export interface AmiListResult {
  readonly response: AmiResponse;
  readonly items: AmiEvent[];
  readonly complete: AmiMessage | null;
}
