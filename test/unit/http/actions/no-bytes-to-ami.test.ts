/**
 * No invalid request writes a single byte to the AMI socket: the real AmiClient against the fake
 * AMI server, the real app and actions router; every request refused (401/403/404/409/422/500)
 * leaves the server's received bytes exactly as they were after login. A valid request at the end
 * proves the count would have moved.
 */
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiClient } from '../../../../src/ami/client.js';
import { createActionsRouter } from '../../../../src/http/actions/router.js';
import { createApp } from '../../../../src/http/app.js';
import type { ApiUserVerifier, LiveGraphs } from '../../../../src/http/ports.js';
import { FakeAmiServer, type FakeAmiConnection } from '../../../support/fake-ami-server.js';
import { nextState } from '../../ami/client-harness.js';
import { AUTH, coreServer, directoryFor, seg, snapshotOf } from './actions-app.js';

const CS = '/communication_manager/rest/live/coreServers/getByName/default';

const snapshot = snapshotOf(
  [
    seg('seg-100', 'PJSIP/100-00000001', { linkedTo: 'seg-200' }),
    seg('seg-200', 'PJSIP/200-00000002', { linkedTo: 'seg-100' }),
    seg('seg-101', 'PJSIP/101-00000003'),
    seg('seg-102', 'PJSIP/102-00000004', { conference: '800' }),
    seg('seg-trunk', 'PJSIP/trunk-00000005', { linkedTo: 'seg-201', boundChannels: ['PJSIP/201-00000006'] }),
    seg('seg-201', 'PJSIP/201-00000006', { linkedTo: 'seg-trunk', boundChannels: ['PJSIP/trunk-00000005'] }),
    seg('seg-hidden', 'PJSIP/trunk-00000007'),
  ],
  { '800': ['seg-102'] },
);

let server: FakeAmiServer;
let client: AmiClient;
let connection: FakeAmiConnection;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  server = await FakeAmiServer.start();
  server.on('ConfbridgeKick', (action, conn) => conn.reply(action, 'Success', { Message: 'User kicked' }));
  client = new AmiClient({
    host: '127.0.0.1',
    port: server.port,
    username: 'gateway',
    secret: 's3cret',
    logger: pino({ enabled: false }),
    keepaliveIntervalMs: 3_600_000,
    actionTimeoutMs: 2_000,
  });
  client.start();
  await nextState(client, 'connected');
  connection = await server.connection(0);
  const graphs: LiveGraphs = { snapshot: () => snapshot };
  const apiUsers: ApiUserVerifier = { verify: (u, p) => Promise.resolve(u === AUTH.user && p === AUTH.password) };
  app = createApp({
    directory: directoryFor(coreServer),
    graphs,
    apiUsers,
    logger: pino({ enabled: false }),
    actions: (deps) => createActionsRouter({ ...deps, amiPort: () => client }),
  });
});

afterAll(async () => {
  await client.stop();
  await server.close();
});

const transfer = (destinationNumber: unknown, attended: unknown = false): string => JSON.stringify({ destinationNumber, attended });

describe('invalid action requests never reach the AMI socket', () => {
  it('leaves the bytes received after login unchanged, then a valid kick moves them', async () => {
    const afterLogin = connection.rawReceived;
    expect(afterLogin).toMatch(/^Action: Login\r\n/);

    const refused: Array<[string, string | undefined, number]> = [
      [`${CS}/callSegments/seg-100/transfer`, transfer('200\r\nAction: Originate\r\nChannel: PJSIP/999'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('200\r\n\r\nAction: Hangup\r\nChannel: PJSIP/100-00000001\r\n\r\n'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('200\n'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('200\rAction: Originate'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('1 2'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('200@internal'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('PJSIP/200&PJSIP/201,30,tT'), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('1'.repeat(65)), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer(200), 422],
      [`${CS}/callSegments/seg-100/transfer`, transfer('200', 'true'), 422],
      [`${CS}/callSegments/seg-100/transfer`, '{"destinationNumber":"200"', 422],
      [`${CS}/callSegments/seg-100/transfer`, `{"destinationNumber":"200","attended":false,"pad":"${'x'.repeat(17_000)}"}`, 422],
      [`${CS}/callSegments/seg-100/transfer`, undefined, 422],
      [`${CS}/callSegments/seg-trunk/transfer`, transfer('300', true), 422],
      [`${CS}/callSegments/seg-101/transfer`, transfer('300'), 409],
      [`${CS}/callSegments/seg-101/kick`, '{}', 409],
      [`${CS}/callSegments/seg-102/mute`, '[]', 422],
      [`${CS}/callSegments/seg-hidden/transfer`, transfer('300'), 403],
      [`${CS}/callSegments/nope/kick`, '{}', 404],
      [`${CS}/callSegments/seg-101/linkedCallSegment/transfer`, transfer('300'), 404],
    ];
    for (const [path, body, status] of refused) {
      const req = request(app).post(path).auth(AUTH.user, AUTH.password).set('Content-Type', 'application/json');
      const res = await (body === undefined ? req : req.send(body));
      expect(res.status, `${path} ${body?.slice(0, 60) ?? ''}`).toBe(status);
    }
    const unauthenticated = await request(app).post(`${CS}/callSegments/seg-102/kick`).send('{}');
    expect(unauthenticated.status).toBe(401);

    expect(connection.rawReceived).toBe(afterLogin);

    const kick = await request(app).post(`${CS}/callSegments/seg-102/kick`).auth(AUTH.user, AUTH.password).send('{}');
    expect(kick.status).toBe(204);
    const sent = connection.rawReceived.slice(afterLogin.length);
    expect(sent).toMatch(/^Action: ConfbridgeKick\r\n/);
    expect(sent).toContain('Conference: 800\r\n');
    expect(sent).toContain('Channel: PJSIP/102-00000004\r\n');
  });
});
