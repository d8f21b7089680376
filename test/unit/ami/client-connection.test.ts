import { createServer, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { AmiClient } from '../../../src/ami/client.js';
import { AmiDisconnectedError } from '../../../src/ami/errors/index.js';
import { header } from '../../../src/events/ami-message.js';
import { FakeAmiServer } from '../../support/fake-ami-server.js';
import { makeClient, nextState } from './client-harness.js';

const cleanups: Array<() => Promise<void>> = [];

async function startServer(...args: Parameters<typeof FakeAmiServer.start>): Promise<FakeAmiServer> {
  const server = await FakeAmiServer.start(...args);
  cleanups.push(() => server.close());
  return server;
}

function track(client: AmiClient): AmiClient {
  cleanups.push(() => client.stop());
  return client;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('AmiClient login', () => {
  it('logs in with Events: on and emits connected (with the banner version) only after Success', async () => {
    const server = await startServer();
    const { client, states } = makeClient(server);
    track(client);
    expect(client.connected).toBe(false);
    const login = server.nextAction('Login');
    client.start();
    const { action } = await login;
    expect(action).toMatchObject({ Action: 'Login', Username: 'gateway', Secret: 's3cret', Events: 'on' });
    expect(header(action, 'ActionID')).toBeDefined();
    const connected = await nextState(client, 'connected');
    expect(connected.version).toBe('11.0.0');
    expect(client.connected).toBe(true);
    expect(states).toEqual([
      { state: 'disconnected', reason: 'not started', retryInMs: null },
      { state: 'connecting', attempt: 1 },
      { state: 'connected', version: '11.0.0' },
    ]);
  });

  it('logs a failed login at error level without the secret, and retries with backoff', async () => {
    const server = await startServer({ secret: 'right' });
    const { client, logs, rawLogs, states } = makeClient(server, { secret: 'wrong-secret-xyz' });
    track(client);
    client.start();
    const failed = await nextState(client, 'disconnected', (state) => state.reason !== 'not started');
    expect(failed.reason).toContain('Authentication failed');
    expect(failed.retryInMs).toBeGreaterThanOrEqual(10);
    expect(failed.retryInMs).toBeLessThanOrEqual(20);
    await server.connection(1);
    await nextState(client, 'connecting', (state) => state.attempt === 2);
    expect(client.connected).toBe(false);
    expect(states.some((state) => state.state === 'connected')).toBe(false);
    expect(logs.filter((line) => line.level === 50).map((line) => line.msg)).toContain('AMI login failed');
    expect(rawLogs.join('\n')).not.toContain('wrong-secret-xyz');
  });
});

describe('AmiClient reconnect', () => {
  it('reconnects after a drop with a growing delay, logs in again, and resets the backoff after login', async () => {
    const server = await startServer();
    const { client, states } = makeClient(server, { reconnect: { initialDelayMs: 20, maxDelayMs: 1_000 } });
    track(client);
    client.start();
    await nextState(client, 'connected');

    // Refuse the next two logins, then accept again.
    let refusals = 2;
    server.on('Login', (action, connection) => {
      if (refusals > 0) {
        refusals -= 1;
        connection.reply(action, 'Error', { Message: 'Authentication failed' });
        connection.end();
      } else {
        connection.reply(action, 'Success', { Message: 'Authentication accepted' });
      }
    });
    (await server.connection(0)).drop();
    await server.connection(3);
    await nextState(client, 'connected');

    const disconnects = states.filter((state) => state.state === 'disconnected').slice(1);
    const delays = disconnects.map((state) => (state.state === 'disconnected' ? state.retryInMs : null));
    expect(delays).toHaveLength(3);
    const [first, second, third] = delays as [number, number, number];
    expect(first).toBeGreaterThanOrEqual(10);
    expect(first).toBeLessThanOrEqual(20);
    expect(second).toBeGreaterThanOrEqual(20);
    expect(second).toBeLessThanOrEqual(40);
    expect(third).toBeGreaterThanOrEqual(40);
    expect(third).toBeLessThanOrEqual(80);
    const attempts = states.flatMap((state) => (state.state === 'connecting' ? [state.attempt] : []));
    expect(attempts).toEqual([1, 1, 2, 3]);

    // After a good login the next drop waits the initial delay again.
    (await server.connection(3)).drop();
    const again = await nextState(client, 'disconnected', (state) => state.retryInMs !== null && states.filter((s) => s.state === 'disconnected').length === 5);
    expect(again.retryInMs).toBeLessThanOrEqual(20);
    await nextState(client, 'connected');
    expect(server.connections).toHaveLength(5);
  });

  it('keeps retrying while the port refuses connections', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    await once(probe, 'close');
    const server = await startServer();
    const { client } = makeClient(server, { port });
    track(client);
    client.start();
    const refused = await nextState(client, 'disconnected', (state) => state.reason === 'ECONNREFUSED');
    expect(refused.retryInMs).not.toBeNull();
    await nextState(client, 'connecting', (state) => state.attempt === 3);
  });
});

describe('AmiClient link checks', () => {
  it('sends a Ping every keepaliveIntervalMs while the peer answers', async () => {
    const server = await startServer();
    const { client } = makeClient(server, { keepaliveIntervalMs: 20 });
    track(client);
    client.start();
    await server.nextAction('Ping');
    await server.nextAction('Ping');
    expect(client.connected).toBe(true);
  });

  it('drops the link when a keepalive Ping goes unanswered, then reconnects', async () => {
    const server = await startServer();
    const { client } = makeClient(server, { keepaliveIntervalMs: 20, actionTimeoutMs: 100 });
    track(client);
    client.start();
    await nextState(client, 'connected');
    server.answerPing = false;
    const dropped = await nextState(client, 'disconnected', (state) => state.reason !== 'not started');
    expect(dropped.reason).toBe('keepalive Ping unanswered');
    expect((await server.connection(0)).isOpen).toBe(false);
    server.answerPing = true;
    await server.connection(1);
    await nextState(client, 'connected');
  });

  it('gives up on a peer that accepts but never sends the banner (connectTimeoutMs)', async () => {
    const server = await startServer({ banner: null });
    const { client } = makeClient(server, { connectTimeoutMs: 50 });
    track(client);
    client.start();
    const state = await nextState(client, 'disconnected', (s) => s.reason !== 'not started');
    expect(state.reason).toBe('no AMI banner within 50 ms');
  });

  it('drops a peer that is not AMI (framing error) and retries', async () => {
    const server = await startServer({ banner: 'HTTP/1.1 400 Bad Request' });
    const { client } = makeClient(server);
    track(client);
    client.start();
    const state = await nextState(client, 'disconnected', (s) => s.reason !== 'not started');
    expect(state.reason).toMatch(/^framing error: expected the AMI banner/);
    await server.connection(1);
  });

  it('drops the link when more than 1 MiB arrives without a message end', async () => {
    const server = await startServer();
    const { client } = makeClient(server);
    track(client);
    client.start();
    await nextState(client, 'connected');
    (await server.connection(0)).sendRaw(`Event: Flood\r\nData: ${'x'.repeat(1024 * 1024 + 10)}`);
    const state = await nextState(client, 'disconnected', (s) => s.reason !== 'not started');
    expect(state.reason).toMatch(/^framing error: .*without a complete AMI message/);
  });

  it('keeps UTF-8 whole when a character is split across TCP writes', async () => {
    const server = await startServer();
    const { client } = makeClient(server);
    track(client);
    const names: string[] = [];
    let markerSeen: () => void = () => undefined;
    const marker = new Promise<void>((resolve) => (markerSeen = resolve));
    client.events$.subscribe((event) => {
      if (event.Event === 'UserEvent') markerSeen();
      else if (event.Event === 'Newchannel') names.push(String(event['CallerIDName']));
    });
    client.start();
    await nextState(client, 'connected');
    const connection = await server.connection(0);
    const bytes = Buffer.from('Event: UserEvent\r\n\r\nEvent: Newchannel\r\nCallerIDName: Bob 😀 Ñandú\r\n\r\n', 'utf8');
    const cut = bytes.indexOf(0xf0) + 2;
    connection.sendRaw(bytes.subarray(0, cut));
    await marker; // the client has read past the cut before the rest is written
    connection.sendRaw(bytes.subarray(cut));
    await client.action({ Action: 'Ping' });
    expect(names).toEqual(['Bob 😀 Ñandú']);
  });
});

describe('AmiClient.stop', () => {
  it('logs off, rejects pending actions, and ends in stopped with no retry', async () => {
    const server = await startServer();
    const { client, states } = makeClient(server);
    client.start();
    await nextState(client, 'connected');
    server.on('Redirect', () => undefined);
    const pending = client.action({ Action: 'Redirect', Channel: 'x' }).catch((error: unknown) => error);
    const logoff = server.nextAction('Logoff');
    await client.stop();
    await logoff;
    expect(await pending).toBeInstanceOf(AmiDisconnectedError);
    expect(states.slice(-2)).toEqual([
      { state: 'disconnected', reason: expect.any(String) as string, retryInMs: null },
      { state: 'stopped' },
    ]);
    expect(client.connected).toBe(false);
    await expect(client.action({ Action: 'Ping' })).rejects.toBeInstanceOf(AmiDisconnectedError);
    expect(server.connections).toHaveLength(1);
  });

  it('stops while still connecting', async () => {
    const server = await startServer({ banner: null });
    const { client, states } = makeClient(server);
    client.start();
    await server.connection(0);
    await client.stop();
    expect(states.at(-1)).toEqual({ state: 'stopped' });
    expect(server.connections).toHaveLength(1);
  });
});
