/**
 * The whole gateway (SQLite store, AMI client, segment graph, REST API) started against a test
 * container, configured with extensions, users and licenses, plus an HTTP client with Basic
 * credentials and a way to await a condition on the live graph without sleeping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { filter, firstValueFrom, merge, map, startWith, timeout } from 'rxjs';
import type { Config } from '../../../src/config/config.js';
import type { RunningGateway } from '../../../src/gateway/start-gateway.js';
import { startGateway } from '../../../src/gateway/start-gateway.js';
import type { GraphSnapshot, SegmentRecord } from '../../../src/segments/index.js';
import {
  ApiUserRepository,
  ConferenceRepository,
  CoreServerRepository,
  ExtensionRepository,
  QueueRepository,
  UserRepository,
  openDatabase,
} from '../../../src/store/index.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';

export const LIVE = '/communication_manager/rest/live';
export const API_USER = 'integration';
export const API_PASSWORD = 'integration-password';

export interface GatewaySetup {
  /** Extension numbers bound to a user with a `full` license. */
  readonly licensed?: readonly string[];
  /** Extension numbers configured but bound to a `lite` user. */
  readonly unlicensed?: readonly string[];
  readonly conferenceRoomsEnabled?: boolean;
  /** Default `internal`, the test bed's dialplan context. */
  readonly transferContext?: string;
  readonly conferences?: readonly string[];
  readonly queues?: readonly string[];
  /** Where the gateway reaches AMI, when not the container itself (e.g. a proxy in between). */
  readonly amiHost?: string;
  readonly amiPort?: number;
  /** Log in as another AMI user (default: the container's). */
  readonly amiUsername?: string;
  readonly amiSecret?: string;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export class GatewayUnderTest {
  private constructor(
    readonly gateway: RunningGateway,
    readonly coreServerId: string,
    private readonly dir: string,
  ) {}

  static async start(asterisk: StartedAsteriskContainer, setup: GatewaySetup = {}): Promise<GatewayUnderTest> {
    const dir = mkdtempSync(join(tmpdir(), 'call-segments-it-'));
    const dbPath = join(dir, 'gateway.sqlite3');
    const db = openDatabase(dbPath);
    const coreServer = new CoreServerRepository(db).add({
      slug: 'default',
      name: 'Test PBX',
      amiHost: setup.amiHost ?? asterisk.getAmiHost(),
      amiPort: setup.amiPort ?? asterisk.getAmiPort(),
      amiUsername: setup.amiUsername ?? asterisk.getAmiUsername(),
      amiSecret: setup.amiSecret ?? asterisk.getAmiSecret(),
      conferenceRoomsEnabled: setup.conferenceRoomsEnabled ?? true,
      transferContext: setup.transferContext ?? 'internal',
    });
    const extensions = new ExtensionRepository(db);
    const users = new UserRepository(db);
    const bind = (number: string, license: 'full' | 'lite'): void => {
      const extension = extensions.add({ coreServerId: coreServer.id, number });
      const user = users.add({ username: `user${number}`, name: `User ${number}`, license });
      extensions.bindUser(extension.id, user.id);
    };
    for (const number of setup.licensed ?? []) bind(number, 'full');
    for (const number of setup.unlicensed ?? []) bind(number, 'lite');
    for (const name of setup.conferences ?? []) new ConferenceRepository(db).add(coreServer.id, name);
    for (const name of setup.queues ?? []) new QueueRepository(db).add(coreServer.id, name);
    await new ApiUserRepository(db).add(API_USER, API_PASSWORD);
    db.close();

    const config: Config = { http: { host: '127.0.0.1', port: 0 }, dbPath, logLevel: 'silent', coreServer: null };
    const logger = pino({ level: process.env.GATEWAY_TEST_LOG_LEVEL ?? 'silent' });
    const gateway = await startGateway(config, logger);
    const under = new GatewayUnderTest(gateway, coreServer.id, dir);
    await under.until(() => true);
    return under;
  }

  /** The core server's live runtime (AMI client, graph, link). */
  get runtime() {
    const runtime = this.gateway.runtimes.get(this.coreServerId);
    if (runtime === undefined) throw new Error('core server runtime missing');
    return runtime;
  }

  /** `GET {LIVE}/{path}` with the test API user's credentials. */
  async get(path: string): Promise<ApiAnswer> {
    return this.request('GET', path);
  }

  /** `POST {LIVE}/{path}` with a JSON body (or a raw string body). */
  async post(path: string, body: unknown): Promise<ApiAnswer> {
    return this.request('POST', path, typeof body === 'string' ? body : JSON.stringify(body));
  }

  private async request(method: string, path: string, body?: string): Promise<ApiAnswer> {
    const response = await fetch(`${this.gateway.url}${LIVE}/${path.replace(/^\//, '')}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${API_USER}:${API_PASSWORD}`).toString('base64')}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  /**
   * Resolves with the first live snapshot (graph resynced and AMI up) for which `predicate` holds,
   * re-checked on every change of the graph; rejects after `timeoutMs` with the last snapshot.
   */
  async until<T>(predicate: (snapshot: GraphSnapshot) => T | false | null | undefined, timeoutMs = 20_000): Promise<T> {
    const { graph, link } = this.runtime;
    let last: GraphSnapshot | null = null;
    const check = (): T | undefined => {
      if (!link.ready) return undefined;
      last = graph.snapshot();
      const result = predicate(last);
      return result === false || result === null || result === undefined ? undefined : result;
    };
    const found = merge(graph.changes$, link.ready$).pipe(
      startWith(null),
      map(check),
      filter((value): value is T => value !== undefined),
      timeout(timeoutMs),
    );
    try {
      return await firstValueFrom(found);
    } catch (error) {
      throw new Error(`condition not met within ${timeoutMs} ms; last snapshot: ${describe(last)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.gateway.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The live segment whose real channel belongs to the endpoint (e.g. '100' → PJSIP/100-…). */
export function segmentOf(snapshot: GraphSnapshot, endpoint: string): SegmentRecord | undefined {
  for (const record of snapshot.segments.values()) {
    if (record.channel.startsWith(`PJSIP/${endpoint}-`)) return record;
  }
  return undefined;
}

/** Every live segment of the endpoint. */
export function segmentsOf(snapshot: GraphSnapshot, endpoint: string): SegmentRecord[] {
  return [...snapshot.segments.values()].filter((record) => record.channel.startsWith(`PJSIP/${endpoint}-`));
}

function describe(snapshot: GraphSnapshot | null): string {
  if (snapshot === null) return 'none (link not ready)';
  const rows = [...snapshot.segments.values()].map(
    (s) =>
      `${s.channel}{in=${s.incoming},up=${s.answered},hold=${s.onHold},rec=${s.recording},to=[${s.dialingTo.length}],from=[${s.dialingFrom.length}],link=${s.linkedTo === null ? '-' : 'y'},conf=${s.conference ?? '-'},queue=${s.queue ?? '-'}}`,
  );
  return rows.length === 0 ? 'no segments' : rows.join(' ');
}
