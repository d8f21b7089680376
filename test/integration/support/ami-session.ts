/**
 * The project's own AmiClient connected to a test container, with every event kept in arrival
 * order and a way to await the first event that matches (no sleeps).
 */
import { pino } from 'pino';
import { filter, firstValueFrom, timeout } from 'rxjs';
import type { Subscription } from 'rxjs';
import { AmiClient } from '../../../src/ami/client.js';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';

export type EventPredicate = (event: AmiEvent) => boolean;

export class AmiSession {
  readonly events: AmiEvent[] = [];
  private readonly subscription: Subscription;
  private waiters: Array<{ predicate: EventPredicate; resolve: (event: AmiEvent) => void }> = [];

  private constructor(readonly client: AmiClient) {
    this.subscription = client.events$.subscribe((event) => {
      this.events.push(event);
      const matched = this.waiters.filter((w) => w.predicate(event));
      this.waiters = this.waiters.filter((w) => !w.predicate(event));
      for (const waiter of matched) waiter.resolve(event);
    });
  }

  /**
   * Connects and logs in; resolves once the client reports `connected`. `beforeStart` sees the
   * client before it connects (e.g. to record its messages$ from the first one).
   */
  static async connect(
    asterisk: StartedAsteriskContainer,
    options: { timeoutMs?: number; beforeStart?: (client: AmiClient) => void } = {},
  ): Promise<AmiSession> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const client = new AmiClient({
      host: asterisk.getAmiHost(),
      port: asterisk.getAmiPort(),
      username: asterisk.getAmiUsername(),
      secret: asterisk.getAmiSecret(),
      logger: pino({ level: process.env.AMI_TEST_LOG_LEVEL ?? 'silent' }),
    });
    const session = new AmiSession(client);
    options.beforeStart?.(client);
    const connected = firstValueFrom(client.connection$.pipe(filter((s) => s.state === 'connected'), timeout(timeoutMs)));
    client.start();
    await connected;
    return session;
  }

  /** The first event (already received or still to come) that matches. */
  waitFor(predicate: EventPredicate, timeoutMs = 20_000): Promise<AmiEvent> {
    const seen = this.events.find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching AMI event within ${timeoutMs} ms (${this.events.length} events seen)`));
      }, timeoutMs);
      const waiter = {
        predicate,
        resolve: (event: AmiEvent) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Forgets the events received so far (e.g. between two steps of a test). */
  clear(): void {
    this.events.length = 0;
  }

  async stop(): Promise<void> {
    this.subscription.unsubscribe();
    await this.client.stop();
  }
}

/** Header value of an event as a plain string ('' when absent). */
export function field(event: AmiEvent, name: string): string {
  const value = (event as unknown as Record<string, string | readonly string[] | undefined>)[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value[0] ?? '');
}

/** Matches an event by name and by the start of a header (e.g. Channel 'PJSIP/200-'). */
export function eventIs(name: string, headerName?: string, prefix?: string): EventPredicate {
  return (event) =>
    event.Event === name && (headerName === undefined || field(event, headerName).startsWith(prefix ?? ''));
}
