/**
 * Keeps one core server's segment graph in step with its AMI session. On every `connected`:
 * buffer live events, fetch the resync lists, replace the graph's state with the one they
 * describe, then apply the buffered events in arrival order (none lost) and go live. While
 * disconnected (or resyncing) `ready` is false, so HTTP can answer 503.
 */
import type { Logger } from 'pino';
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { AmiEvent } from '../events/ami-event.js';
import type { SegmentGraph } from '../segments/graph.js';
import { buildResyncState } from '../segments/resync.js';
import type { AmiSessionPort } from './ami-session-port.js';
import { fetchResyncLists } from './fetch-resync-lists.js';

export interface CoreServerLinkOptions {
  /** Wait before retrying a resync that failed while still connected; default 2_000 ms. */
  readonly resyncRetryMs?: number;
  /**
   * Most live events kept while a resync is under way (default 100_000). A resync that keeps
   * failing on a live connection (e.g. an AMI user without `reporting` rights) would otherwise
   * buffer for ever; past the cap the buffer is dropped, and with it the facts no list reports
   * (hold, recording, dials begun) for the channels those events named.
   */
  readonly maxBufferedEvents?: number;
}

type Phase =
  | { readonly kind: 'offline' }
  | { readonly kind: 'resyncing'; readonly generation: number; readonly buffer: AmiEvent[] }
  | { readonly kind: 'live' };

export class CoreServerLink {
  private phase: Phase = { kind: 'offline' };
  private generation = 0;
  private readonly subscriptions: Subscription[] = [];
  private readonly readyState = new BehaviorSubject<boolean>(false);
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly resyncRetryMs: number;
  private readonly maxBufferedEvents: number;
  /** true while the graph mirrors Asterisk (connected and resynced). */
  readonly ready$: Observable<boolean> = this.readyState.asObservable();

  constructor(
    private readonly session: AmiSessionPort,
    private readonly graph: SegmentGraph,
    private readonly logger: Logger,
    options: CoreServerLinkOptions = {},
  ) {
    this.resyncRetryMs = options.resyncRetryMs ?? 2_000;
    this.maxBufferedEvents = options.maxBufferedEvents ?? 100_000;
  }

  get ready(): boolean {
    return this.readyState.value;
  }

  start(): void {
    if (this.subscriptions.length > 0) return;
    // Events first: an event that follows `connected` must find the buffer.
    this.subscriptions.push(this.session.events$.subscribe((event) => this.onEvent(event)));
    this.subscriptions.push(this.session.connection$.subscribe((report) => this.onConnection(report.state)));
  }

  stop(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.goOffline();
    this.readyState.complete();
  }

  private onConnection(state: 'connecting' | 'connected' | 'disconnected' | 'stopped'): void {
    if (state === 'connected') this.beginResync(false);
    else this.goOffline();
  }

  private onEvent(event: AmiEvent): void {
    if (this.phase.kind === 'live') this.apply(event);
    else if (this.phase.kind === 'resyncing') this.buffer(this.phase.buffer, event);
  }

  private buffer(buffer: AmiEvent[], event: AmiEvent): void {
    if (buffer.length >= this.maxBufferedEvents) {
      this.logger.warn(
        { dropped: buffer.length },
        'resync still not done: buffered AMI events dropped (hold, recording and dials begun meanwhile may be missed)',
      );
      buffer.length = 0;
    }
    buffer.push(event);
  }

  /**
   * Applies one event, never throwing: a throw here would reach RxJS, which rethrows it on a
   * timer (an uncaught exception that ends the process) or, during a resync, fail and retry the
   * resync with the same event for ever. The reducer is pure, so a throw leaves its state as it was.
   */
  private apply(event: AmiEvent): void {
    try {
      this.graph.apply(event);
    } catch (error) {
      this.logger.error({ err: error, event: event.Event, uniqueid: event['Uniqueid'] }, 'AMI event not applied to the segment graph');
    }
  }

  private goOffline(): void {
    this.generation++;
    this.clearRetry();
    this.phase = { kind: 'offline' };
    if (this.readyState.value) this.readyState.next(false);
  }

  private beginResync(retry: boolean): void {
    this.clearRetry();
    const generation = ++this.generation;
    // A retry on the same connection keeps what the failed attempt buffered: still unapplied.
    const carried = retry && this.phase.kind === 'resyncing' ? this.phase.buffer : [];
    this.phase = { kind: 'resyncing', generation, buffer: carried };
    if (this.readyState.value) this.readyState.next(false);
    void this.resync(generation);
  }

  private async resync(generation: number): Promise<void> {
    try {
      const lists = await fetchResyncLists(this.session);
      const phase = this.phase;
      if (phase.kind !== 'resyncing' || phase.generation !== generation) return;
      this.graph.replaceState(buildResyncState(this.graph.state, lists));
      for (const event of phase.buffer) this.apply(event);
      this.phase = { kind: 'live' };
      this.readyState.next(true);
      this.logger.info(
        { channels: lists.channels.length, bridges: lists.bridges.length, buffered: phase.buffer.length },
        'segment graph resynced',
      );
    } catch (error) {
      if (this.phase.kind !== 'resyncing' || this.phase.generation !== generation) return;
      this.logger.warn({ err: error, retryInMs: this.resyncRetryMs }, 'segment resync failed');
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.phase.kind === 'resyncing' && this.phase.generation === generation) this.beginResync(true);
      }, this.resyncRetryMs);
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
