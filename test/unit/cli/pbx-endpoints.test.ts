import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { header } from '../../../src/events/ami-message.js';
import { amiEndpointFetcher } from '../../../src/cli/pbx-endpoints.js';
import type { CoreServer } from '../../../src/store/model.js';
import { FakeAmiServer } from '../../support/fake-ami-server.js';

const servers: FakeAmiServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

function coreServer(port: number, secret = 's3cret'): CoreServer {
  return {
    id: 'cs',
    slug: 'default',
    name: 'PBX',
    amiHost: '127.0.0.1',
    amiPort: port,
    amiUsername: 'gateway',
    amiSecret: secret,
    conferenceRoomsEnabled: false,
    transferContext: 'from-internal',
    createdAt: '',
  };
}

async function fakePbx(): Promise<FakeAmiServer> {
  const server = await FakeAmiServer.start();
  servers.push(server);
  server.on('PJSIPShowEndpoints', (action, connection) => {
    const ActionID = header(action, 'ActionID') ?? '';
    connection.reply(action, 'Success', { EventList: 'start', Message: 'A listing of Endpoints follows, presented as EndpointList events' });
    for (const name of ['100', '200', 'trunk']) {
      connection.send({ Event: 'EndpointList', ActionID, ObjectType: 'endpoint', ObjectName: name, DeviceState: 'Not in use' });
    }
    connection.send({ Event: 'EndpointListComplete', ActionID, EventList: 'Complete', ListItems: '3' });
  });
  server.on('PJSIPShowEndpoint', (action, connection) => {
    const ActionID = header(action, 'ActionID') ?? '';
    const endpoint = header(action, 'Endpoint') ?? '';
    connection.reply(action, 'Success', { EventList: 'start', Message: 'Following are Events for each object associated with the Endpoint' });
    const callerId = endpoint === '100' ? '"Alice" <100>' : '<200>';
    connection.send({ Event: 'EndpointDetail', ActionID, ObjectType: 'endpoint', ObjectName: endpoint, Callerid: callerId });
    connection.send({ Event: 'EndpointDetailComplete', ActionID, EventList: 'Complete', ListItems: '1' });
  });
  return server;
}

describe('amiEndpointFetcher', () => {
  it('lists PJSIP endpoints with the caller ids of the numeric ones, and logs off', async () => {
    const server = await fakePbx();
    const asked: string[] = [];
    server.on('Logoff', (action, connection) => {
      asked.push('Logoff');
      connection.reply(action, 'Goodbye', { Message: 'Thanks for all the fish.' });
      connection.end();
    });
    const endpoints = await amiEndpointFetcher(pino({ level: 'silent' }))(coreServer(server.port));
    expect(endpoints).toEqual([
      { name: '100', callerId: '"Alice" <100>' },
      { name: '200', callerId: '<200>' },
      { name: 'trunk', callerId: null },
    ]);
    expect(asked).toEqual(['Logoff']);
  });

  it('fails with the reason when the login is refused', async () => {
    const server = await fakePbx();
    await expect(amiEndpointFetcher(pino({ level: 'silent' }))(coreServer(server.port, 'wrong'))).rejects.toThrow(
      /cannot log in to AMI at 127\.0\.0\.1:\d+/,
    );
  });
});
