/**
 * Benchmark-only REST server, run as a child process so its CPU is apart from the load
 * generator's: a real SegmentGraph holding `calls` answered basic calls (2 segments each; the
 * calls of even number are between licensed extensions, so half the segments are visible), an
 * in-memory Directory, pino at info into /dev/null (one line per request, as in production), and
 * createApp served three times on 127.0.0.1:0 — Basic auth by plain comparison, and by the real
 * ApiUserRepository (scrypt, DEFAULT_SCRYPT_PARAMS) over an in-memory SQLite database, and by that
 * repository behind the gateway's CachedApiUserVerifier (what `npm start` runs).
 * Answers the message 'cpu' with its CPU usage; stops when the parent disconnects.
 * Not to be imported (it starts at once). Argument: calls (default 200).
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { CachedApiUserVerifier } from '../../src/gateway/cached-api-user-verifier.js';
import { createApp } from '../../src/http/app.js';
import type { ApiUserVerifier, CoreServerInfo, ExtensionInfo } from '../../src/http/ports.js';
import { SegmentGraph } from '../../src/segments/graph.js';
import { uuidV5 } from '../../src/segments/segment-id.js';
import { ApiUserRepository } from '../../src/store/api-user-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { CallMix, endpointsOf } from './call-mix.js';
import type { HttpServerCpu, HttpServerReady } from './http-bench-protocol.js';
import { MapDirectory } from './map-directory.js';

const calls = Number(process.argv[2] ?? 200);
const USERNAME = 'poller';
const PASSWORD = 'bench-password-4f1c9a';
const NAMESPACE = '6f1d2c3b-4a59-4e7f-8a1b-2c3d4e5f6a7b';

const coreServer: CoreServerInfo = {
  id: uuidV5(NAMESPACE, 'core server default'),
  slug: 'default',
  name: 'Bench PBX',
  conferenceRoomsEnabled: true,
  transferContext: 'internal',
};

const extensions: ExtensionInfo[] = [];
const graph = new SegmentGraph(coreServer.id);
const mix = new CallMix();
for (let n = 0; n < calls; n++) {
  const { caller, callee } = endpointsOf(n);
  for (const number of [caller, callee]) {
    extensions.push({ id: uuidV5(NAMESPACE, `extension ${number}`), number, displayName: `Phone ${number}`, licensed: n % 2 === 0 });
  }
  for (const event of mix.call(n, 'basic').setup) graph.apply(event);
}
const directory = new MapDirectory(coreServer, extensions);
const snapshot = graph.snapshot();
const visible = [...snapshot.segments.values()].filter((s) => directory.extensionOfChannel(coreServer.id, s.channel)?.licensed === true);
const instance = visible[0];
if (instance === undefined) throw new Error('no visible segment');

const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
const graphs = { snapshot: (id: string) => (id === coreServer.id ? graph.snapshot() : null) };
const plainAuth: ApiUserVerifier = { verify: (u, p) => Promise.resolve(u === USERNAME && p === PASSWORD) };
const db = openDatabase(':memory:');
const repository = new ApiUserRepository(db);
await repository.add(USERNAME, PASSWORD);

async function serve(apiUsers: ApiUserVerifier): Promise<Server> {
  const server = createApp({ directory, graphs, apiUsers, logger }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
const servers = [await serve(plainAuth), await serve(repository), await serve(new CachedApiUserVerifier(repository, db))];
const portOf = (server: Server | undefined): number => (server?.address() as AddressInfo).port;

const ready: HttpServerReady = {
  type: 'ready',
  plainAuthPort: portOf(servers[0]),
  scryptAuthPort: portOf(servers[1]),
  cachedAuthPort: portOf(servers[2]),
  segments: snapshot.segments.size,
  visibleSegments: visible.length,
  instanceId: instance.id,
  username: USERNAME,
  password: PASSWORD,
};
process.send?.(ready);
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const usage = process.cpuUsage();
  const reply: HttpServerCpu = { type: 'cpu', micros: usage.user + usage.system };
  process.send?.(reply);
});
process.on('disconnect', () => {
  for (const server of servers) server.closeAllConnections();
  process.exit(0);
});
