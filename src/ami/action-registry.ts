/**
 * Pending actions by ActionID: settles each one from its `Response:` message (and, for EventList
 * actions, from the items and `…Complete` event carrying its ActionID), or on its time limit.
 * No I/O: the client registers before writing and offers every response / ActionID-carrying event.
 */
import { AmiActionError } from './errors/ami-action-error.js';
import { AmiTimeoutError } from './errors/ami-timeout-error.js';
import type { AmiEvent } from '../events/ami-event.js';
import { header, type AmiMessage } from '../events/ami-message.js';
import type { AmiListResult, AmiResponse } from './response.js';

interface PendingBase {
  readonly action: string;
  readonly timer: NodeJS.Timeout;
}

interface PendingAction extends PendingBase {
  readonly kind: 'action';
  readonly resolve: (response: AmiResponse) => void;
  readonly reject: (error: Error) => void;
}

interface PendingList extends PendingBase {
  readonly kind: 'list';
  readonly resolve: (result: AmiListResult) => void;
  readonly reject: (error: Error) => void;
  readonly emptyOnErrorMessages: readonly string[];
  readonly items: AmiEvent[];
  response: AmiResponse | null;
  complete: AmiMessage | null;
}

type Pending = PendingAction | PendingList;

export function toAmiResponse(message: AmiMessage): AmiResponse {
  return { response: header(message, 'Response') ?? '', message: header(message, 'Message'), headers: message };
}

export class ActionRegistry {
  private readonly pending = new Map<string, Pending>();

  get size(): number {
    return this.pending.size;
  }

  /** Waits for the `Response:` with this ActionID: Success/Goodbye resolve, Error rejects. */
  expectResponse(actionId: string, action: string, timeoutMs: number): Promise<AmiResponse> {
    return new Promise<AmiResponse>((resolve, reject) => {
      const timer = this.startTimer(actionId, action, timeoutMs);
      this.pending.set(actionId, { kind: 'action', action, timer, resolve, reject });
    });
  }

  /** Waits for the response and the `EventList: Complete` event with this ActionID, collecting the items. */
  expectList(
    actionId: string,
    action: string,
    timeoutMs: number,
    emptyOnErrorMessages: readonly string[] = [],
  ): Promise<AmiListResult> {
    return new Promise<AmiListResult>((resolve, reject) => {
      const timer = this.startTimer(actionId, action, timeoutMs);
      this.pending.set(actionId, {
        kind: 'list',
        action,
        timer,
        resolve,
        reject,
        emptyOnErrorMessages,
        items: [],
        response: null,
        complete: null,
      });
    });
  }

  /** Offers a `Response:` message; true when it settled (or advanced) a pending action. */
  handleResponse(message: AmiMessage): boolean {
    const actionId = header(message, 'ActionID');
    if (actionId === undefined) return false;
    const entry = this.pending.get(actionId);
    if (entry === undefined) return false;
    const response = toAmiResponse(message);

    if (response.response === 'Error') {
      if (entry.kind === 'list' && response.message !== undefined && entry.emptyOnErrorMessages.includes(response.message)) {
        this.settle(actionId, entry);
        entry.resolve({ response, items: [], complete: null });
        return true;
      }
      this.settle(actionId, entry);
      entry.reject(new AmiActionError(response.message ?? `${entry.action} failed`, response));
      return true;
    }

    if (entry.kind === 'action') {
      this.settle(actionId, entry);
      entry.resolve(response);
      return true;
    }
    entry.response = response;
    this.settleListIfDone(actionId, entry);
    return true;
  }

  /** Offers an event carrying an ActionID; true when it is an item or the end of a pending list. */
  handleListEvent(actionId: string, event: AmiMessage): boolean {
    const entry = this.pending.get(actionId);
    if (entry === undefined || entry.kind !== 'list') return false;
    if (event['EventList'] === 'Complete') {
      entry.complete = event;
      this.settleListIfDone(actionId, entry);
    } else {
      entry.items.push(event as unknown as AmiEvent);
    }
    return true;
  }

  /** Rejects every pending action (link dropped or client stopped). */
  rejectAll(error: Error): void {
    const entries = [...this.pending.entries()];
    this.pending.clear();
    for (const [, entry] of entries) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
  }

  private settleListIfDone(actionId: string, entry: PendingList): void {
    if (entry.response === null || entry.complete === null) return;
    this.settle(actionId, entry);
    entry.resolve({ response: entry.response, items: entry.items, complete: entry.complete });
  }

  private settle(actionId: string, entry: Pending): void {
    clearTimeout(entry.timer);
    this.pending.delete(actionId);
  }

  private startTimer(actionId: string, action: string, timeoutMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const entry = this.pending.get(actionId);
      if (entry === undefined) return;
      this.pending.delete(actionId);
      entry.reject(new AmiTimeoutError(action, actionId, timeoutMs));
    }, timeoutMs);
    timer.unref();
    return timer;
  }
}
