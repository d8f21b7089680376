import { Subject } from 'rxjs';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import type { AmiActionPort, AmiActionResponse } from '../../../src/actions/ports.js';

/** Named like the AMI client's errors: the executor recognises them by `name`. */
export function amiError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

type Answer = (headers: Record<string, string>, events: Subject<AmiEvent>) => Promise<AmiActionResponse>;

/** A port whose `action` answers with `answer` and records what it was asked. */
export class StubAmiPort implements AmiActionPort {
  readonly events = new Subject<AmiEvent>();
  readonly events$ = this.events.asObservable();
  readonly sent: { headers: Record<string, string>; timeoutMs: number | undefined }[] = [];

  constructor(
    private readonly answer: Answer,
    public connected = true,
  ) {}

  action(headers: Record<string, string>, options?: { timeoutMs?: number }): Promise<AmiActionResponse> {
    this.sent.push({ headers, timeoutMs: options?.timeoutMs });
    return this.answer(headers, this.events);
  }

  get subscribers(): number {
    return this.events.observed ? 1 : 0;
  }
}

export const success = (message: string): Answer => () => Promise.resolve({ response: 'Success', message });
export const failure = (error: Error): Answer => () => Promise.reject(error);
