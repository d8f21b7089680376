/**
 * The AMI client: one link at a time, logs in with `Events: on`, keeps reconnecting with capped
 * exponential backoff until stop(), checks the link with AMI Ping, correlates actions by our own
 * ActionIDs, and publishes events as hot observables.
 */
import type { Logger } from 'pino';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { ActionIdSource } from './action-id.js';
import { ActionRegistry } from './action-registry.js';
import { Backoff } from './backoff.js';
import { Keepalive } from './keepalive.js';
import { AmiActionError } from './errors/ami-action-error.js';
import { AmiDisconnectedError } from './errors/ami-disconnected-error.js';
import { AmiTimeoutError } from './errors/ami-timeout-error.js';
import { NOISE_EVENTS, type AmiEvent } from '../events/ami-event.js';
import { AmiLink } from './link.js';
import type { AmiMessage } from '../events/ami-message.js';
import type { AmiListResult, AmiResponse } from './response.js';
import { serializeAction, type AmiActionHeaders } from './serialize.js';

export type { AmiListResult, AmiResponse } from './response.js';

export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  logger: Logger;
  /** Default 10_000. */
  actionTimeoutMs?: number;
  /** AMI Ping period, default 20_000; a Ping with no answer within actionTimeoutMs drops the link. */
  keepaliveIntervalMs?: number;
  /** Capped exponential backoff with jitter, default 500 ms .. 30 s, reset after a successful login. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** TCP connect plus banner, default 5_000. */
  connectTimeoutMs?: number;
}

export type AmiConnectionState =
  | { state: 'connecting'; attempt: number }
  | { state: 'connected'; version: string }
  | { state: 'disconnected'; reason: string; retryInMs: number | null }
  | { state: 'stopped' };

export interface AmiActionOptions {
  timeoutMs?: number;
}

export interface AmiListActionOptions extends AmiActionOptions {
  /** `Response: Error` messages that mean "nothing to list" (e.g. `No active conferences.`): resolve empty. */
  emptyOnErrorMessages?: readonly string[];
}

const LOGOFF_TIMEOUT_MS = 2_000;

export class AmiClient {
  readonly connection$: Observable<AmiConnectionState>;
  readonly events$: Observable<AmiEvent>;
  readonly messages$: Observable<AmiMessage>;

  private readonly state = new BehaviorSubject<AmiConnectionState>({
    state: 'disconnected',
    reason: 'not started',
    retryInMs: null,
  });
  private readonly events = new Subject<AmiEvent>();
  private readonly messages = new Subject<AmiMessage>();
  private readonly registry = new ActionRegistry();
  private readonly ids = new ActionIdSource();
  private readonly backoff: Backoff;
  private readonly logger: Logger;
  private readonly actionTimeoutMs: number;
  private readonly keepaliveIntervalMs: number;
  private readonly connectTimeoutMs: number;
  private readonly traceEvents: boolean;

  private running = false;
  private attempt = 0;
  private link: AmiLink | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private keepalive: Keepalive | undefined;
  private closeWaiters: Array<() => void> = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: AmiClientOptions) {
    this.logger = options.logger;
    this.actionTimeoutMs = options.actionTimeoutMs ?? 10_000;
    this.keepaliveIntervalMs = options.keepaliveIntervalMs ?? 20_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    this.backoff = new Backoff(options.reconnect);
    this.traceEvents = this.logger.isLevelEnabled('trace');
    this.connection$ = this.state.asObservable();
    this.events$ = this.events.asObservable();
    this.messages$ = this.messages.asObservable();
  }

  get connected(): boolean {
    return this.state.value.state === 'connected';
  }

  /** Connects, logs in and keeps doing so after every drop until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.backoff.reset();
    this.connect();
  }

  /** Logs off if connected, closes the link, rejects pending actions with AmiDisconnectedError. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown().finally(() => {
      this.stopping = undefined;
    });
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.running = false;
    this.clearReconnectTimer();
    this.keepalive?.stop();
    this.keepalive = undefined;
    const link = this.link;
    if (link !== undefined) {
      const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve));
      if (this.connected) {
        try {
          await this.action({ Action: 'Logoff' }, { timeoutMs: Math.min(this.actionTimeoutMs, LOGOFF_TIMEOUT_MS) });
        } catch (error) {
          this.logger.debug({ err: error }, 'AMI Logoff not answered');
        }
      }
      link.drop('stopped');
      await closed;
    }
    this.registry.rejectAll(new AmiDisconnectedError('AMI client stopped'));
    if (this.state.value.state !== 'stopped') this.state.next({ state: 'stopped' });
  }

  /**
   * Sends one action with our own ActionID (any caller ActionID is replaced). Resolves on Success
   * or Goodbye; rejects with AmiActionError, AmiTimeoutError, AmiDisconnectedError (not connected:
   * nothing is queued) or AmiHeaderInjectionError (nothing written).
   */
  async action(headers: AmiActionHeaders, options: AmiActionOptions = {}): Promise<AmiResponse> {
    const { actionId, action, data } = this.prepare(headers);
    const link = this.requireConnected(action);
    const response = this.registry.expectResponse(actionId, action, options.timeoutMs ?? this.actionTimeoutMs);
    link.write(data);
    return response;
  }

  /** Sends an EventList action and collects the events carrying its ActionID up to `…Complete`. */
  async listAction(headers: AmiActionHeaders, options: AmiListActionOptions = {}): Promise<AmiListResult> {
    const { actionId, action, data } = this.prepare(headers);
    const link = this.requireConnected(action);
    const result = this.registry.expectList(
      actionId,
      action,
      options.timeoutMs ?? this.actionTimeoutMs,
      options.emptyOnErrorMessages,
    );
    link.write(data);
    return result;
  }

  private prepare(headers: AmiActionHeaders): { actionId: string; action: string; data: string } {
    const actionId = this.ids.next();
    const own: Record<string, string | readonly string[]> = {};
    let action = 'action';
    for (const [key, value] of Object.entries(headers)) {
      const lower = key.toLowerCase();
      if (lower === 'actionid') continue;
      if (lower === 'action' && typeof value === 'string') action = value;
      own[key] = value;
    }
    own['ActionID'] = actionId;
    return { actionId, action, data: serializeAction(own) };
  }

  private requireConnected(action: string): AmiLink {
    const link = this.link;
    if (!this.connected || link === undefined || !link.isOpen) {
      throw new AmiDisconnectedError(`AMI is not connected; ${action} not sent`);
    }
    return link;
  }

  private connect(): void {
    this.attempt += 1;
    const { host, port } = this.options;
    this.state.next({ state: 'connecting', attempt: this.attempt });
    this.logger.info({ host, port, attempt: this.attempt }, 'connecting to AMI');
    const link: AmiLink = new AmiLink(
      { host, port, connectTimeoutMs: this.connectTimeoutMs },
      {
        onBanner: (version) => this.login(link, version),
        onMessage: (message) => this.dispatch(message),
        onClose: (reason) => this.linkClosed(link, reason),
      },
    );
    this.link = link;
  }

  private login(link: AmiLink, version: string): void {
    const { username, secret } = this.options;
    const actionId = this.ids.next();
    let data: string;
    try {
      data = serializeAction({ Action: 'Login', Username: username, Secret: secret, Events: 'on', ActionID: actionId });
    } catch (error) {
      this.logger.error({ username, err: error }, 'AMI username or secret holds CR/LF; cannot log in');
      link.drop('invalid credentials');
      return;
    }
    const response = this.registry.expectResponse(actionId, 'Login', this.actionTimeoutMs);
    link.write(data);
    response.then(
      () => {
        if (this.link !== link) return;
        this.attempt = 0;
        this.backoff.reset();
        this.logger.info({ host: this.options.host, port: this.options.port, version }, 'AMI connected');
        this.state.next({ state: 'connected', version });
        this.keepalive = new Keepalive(
          this.keepaliveIntervalMs,
          () => this.action({ Action: 'Ping' }),
          () => {
            this.logger.warn({ timeoutMs: this.actionTimeoutMs }, 'AMI Ping unanswered; dropping the link');
            link.drop('keepalive Ping unanswered');
          },
        );
        this.keepalive.start();
      },
      (error: unknown) => {
        if (this.link !== link) return;
        if (error instanceof AmiActionError) {
          this.logger.error({ username, message: error.message }, 'AMI login failed');
          link.drop(`login failed: ${error.message}`);
        } else if (error instanceof AmiTimeoutError) {
          this.logger.warn({ username }, 'AMI login not answered');
          link.drop('login not answered');
        }
      },
    );
  }

  /** The hot path: every framed message. */
  private dispatch(message: AmiMessage): void {
    this.messages.next(message);
    const event = message['Event'];
    if (typeof event === 'string') {
      if (this.registry.size !== 0) {
        const actionId = message['ActionID'];
        if (typeof actionId === 'string' && this.registry.handleListEvent(actionId, message)) return;
      }
      if (NOISE_EVENTS.has(event)) return;
      if (this.traceEvents) this.logger.trace({ event }, 'AMI event');
      this.events.next(message as unknown as AmiEvent);
      return;
    }
    if (message['Response'] !== undefined && !this.registry.handleResponse(message)) {
      this.logger.debug({ actionId: message['ActionID'], response: message['Response'] }, 'AMI response with no pending action');
    }
  }

  private linkClosed(link: AmiLink, reason: string): void {
    if (this.link !== link) return;
    const wasConnected = this.connected;
    this.link = undefined;
    this.keepalive?.stop();
    this.keepalive = undefined;
    this.registry.rejectAll(new AmiDisconnectedError(`AMI link closed: ${reason}`));
    const waiters = this.closeWaiters;
    this.closeWaiters = [];

    if (!this.running) {
      this.logger.info({ reason }, 'AMI disconnected');
      this.state.next({ state: 'disconnected', reason, retryInMs: null });
    } else {
      const retryInMs = this.backoff.next();
      const log = { host: this.options.host, port: this.options.port, reason, retryInMs };
      if (wasConnected) this.logger.warn(log, 'AMI disconnected');
      else this.logger.warn(log, 'AMI connection failed');
      this.state.next({ state: 'disconnected', reason, retryInMs });
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = undefined;
        if (this.running && this.link === undefined) this.connect();
      }, retryInMs);
    }
    for (const resolve of waiters) resolve();
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }
}
