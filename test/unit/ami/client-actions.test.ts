import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AmiClient } from '../../../src/ami/client.js';
import { AmiActionError, AmiDisconnectedError, AmiHeaderInjectionError, AmiTimeoutError } from '../../../src/ami/errors/index.js';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { header, type AmiMessage } from '../../../src/events/ami-message.js';
import { FakeAmiServer } from '../../support/fake-ami-server.js';
import { makeClient, nextState } from './client-harness.js';

let server: FakeAmiServer;
let client: AmiClient;
let events: AmiEvent[];
let messages: AmiMessage[];

beforeEach(async () => {
  server = await FakeAmiServer.start();
  ({ client } = makeClient(server));
  events = [];
  messages = [];
  client.events$.subscribe((event) => events.push(event));
  client.messages$.subscribe((message) => messages.push(message));
  client.start();
  await nextState(client, 'connected');
});

afterEach(async () => {
  await client.stop();
  await server.close();
});

describe('AmiClient.action', () => {
  it('resolves each action by its ActionID, with events interleaved and replies out of order', async () => {
    const held: Array<{ action: AmiMessage; reply: () => void }> = [];
    server.on('Getvar', (action, connection) => {
      connection.send({ Event: 'Newstate', Channel: 'PJSIP/100-00000001', Uniqueid: '1.1' });
      held.push({
        action,
        reply: () => connection.reply(action, 'Success', { Variable: header(action, 'Variable') ?? '', Value: `v-${header(action, 'Variable')}` }),
      });
      if (held.length === 2) {
        held[1]?.reply();
        connection.send({ Event: 'Hangup', Channel: 'PJSIP/100-00000001', Uniqueid: '1.1', Cause: '16' });
        held[0]?.reply();
      }
    });
    const [first, second] = await Promise.all([
      client.action({ Action: 'Getvar', Channel: 'PJSIP/100-00000001', Variable: 'A' }),
      client.action({ Action: 'Getvar', Channel: 'PJSIP/100-00000001', Variable: 'B' }),
    ]);
    expect(first.response).toBe('Success');
    expect(header(first.headers, 'Value')).toBe('v-A');
    expect(header(second.headers, 'Value')).toBe('v-B');
    expect(events.map((event) => event.Event)).toEqual(['FullyBooted', 'Newstate', 'Newstate', 'Hangup']);
  });

  it('sets its own ActionID (prefix + counter) and ignores the caller’s', async () => {
    const seen = server.nextAction('Ping');
    const response = await client.action({ Action: 'Ping', ActionID: 'mine', actionid: 'mine-too' });
    const { action } = await seen;
    expect(response.response).toBe('Success');
    const actionId = header(action, 'ActionID');
    expect(actionId).toMatch(/^[0-9a-f]{6}-\d+$/);
    expect(action['actionid']).toBeUndefined();
    expect(header(response.headers, 'ActionID')).toBe(actionId);
  });

  it('rejects with AmiActionError carrying the message and the response on Response: Error', async () => {
    const error = await client.action({ Action: 'Hangup', Channel: 'PJSIP/nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiActionError);
    const actionError = error as AmiActionError;
    expect(actionError.message).toMatch(/^Invalid\/unknown command: Hangup/);
    expect(actionError.response.response).toBe('Error');
    expect(header(actionError.response.headers, 'Message')).toBe(actionError.message);
  });

  it('rejects with AmiTimeoutError when no response comes, and stays connected', async () => {
    server.on('Redirect', () => undefined);
    const error = await client.action({ Action: 'Redirect', Channel: 'x' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiTimeoutError);
    expect((error as AmiTimeoutError).action).toBe('Redirect');
    expect(client.connected).toBe(true);
    await expect(client.action({ Action: 'Ping' })).resolves.toMatchObject({ response: 'Success' });
  });

  it('rejects pending actions with AmiDisconnectedError when the link drops', async () => {
    server.on('Hangup', (_action, connection) => connection.drop());
    const error = await client.action({ Action: 'Hangup', Channel: 'PJSIP/100-00000001' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiDisconnectedError);
  });

  it('fails fast with AmiDisconnectedError while not connected, writing nothing', async () => {
    server.on('Hangup', (_action, connection) => connection.drop());
    await client.action({ Action: 'Hangup' }).catch(() => undefined);
    await nextState(client, 'disconnected');
    const before = server.connections.map((connection) => connection.rawReceived.length);
    await expect(client.action({ Action: 'Ping' })).rejects.toBeInstanceOf(AmiDisconnectedError);
    expect(server.connections.slice(0, before.length).map((connection) => connection.rawReceived.length)).toEqual(before);
  });

  it('writes zero bytes for an action with CR/LF and rejects with AmiHeaderInjectionError', async () => {
    const connection = await server.connection(0);
    const before = connection.rawReceived.length;
    await expect(
      client.action({ Action: 'Setvar', Variable: 'X', Value: 'ok\r\nAction: Originate\r\nChannel: PJSIP/999\r\nApplication: Hangup' }),
    ).rejects.toBeInstanceOf(AmiHeaderInjectionError);
    await expect(client.listAction({ Action: 'Status', 'Channel\r\nAction: Originate': 'x' })).rejects.toBeInstanceOf(
      AmiHeaderInjectionError,
    );
    // A later action arrives right after the earlier bytes: TCP keeps order, so nothing came in between.
    await client.action({ Action: 'Ping' });
    const written = connection.rawReceived.slice(before);
    expect(written).toMatch(/^Action: Ping\r\nActionID: [^\r\n]+\r\n\r\n$/);
    expect(connection.rawReceived).not.toContain('Originate');
  });
});

describe('AmiClient.listAction', () => {
  it('collects the items carrying its ActionID up to …Complete; live events interleaved still reach events$', async () => {
    server.on('CoreShowChannels', (action, connection) => {
      const actionId = header(action, 'ActionID') ?? '';
      connection.reply(action, 'Success', { EventList: 'start', Message: 'Channels will follow' });
      connection.send({ Event: 'CoreShowChannel', ActionID: actionId, Channel: 'PJSIP/100-00000001', Uniqueid: '1.1' });
      connection.send({ Event: 'Newchannel', Channel: 'PJSIP/101-00000002', Uniqueid: '2.2' });
      connection.send({ Event: 'VarSet', Channel: 'PJSIP/101-00000002', Variable: 'X', Value: '1' });
      connection.send({ Event: 'CoreShowChannel', ActionID: actionId, Channel: 'PJSIP/200-00000003', Uniqueid: '3.3' });
      connection.send({ Event: 'CoreShowChannelsComplete', ActionID: actionId, EventList: 'Complete', ListItems: '2' });
      connection.send({ Event: 'Hangup', Channel: 'PJSIP/101-00000002', Uniqueid: '2.2' });
    });
    const hangup = new Promise<void>((resolve) => client.events$.subscribe((event) => event.Event === 'Hangup' && resolve()));
    const result = await client.listAction({ Action: 'CoreShowChannels' });
    await hangup;

    expect(result.response.message).toBe('Channels will follow');
    expect(result.items.map((item) => item['Channel'])).toEqual(['PJSIP/100-00000001', 'PJSIP/200-00000003']);
    expect(result.complete?.['ListItems']).toBe('2');
    expect(events.map((event) => event.Event)).toEqual(['FullyBooted', 'Newchannel', 'Hangup']);
    const framed = messages.map((message) => header(message, 'Event') ?? header(message, 'Response'));
    expect(framed).toEqual(expect.arrayContaining(['CoreShowChannel', 'VarSet', 'CoreShowChannelsComplete', 'Success']));
  });

  it('resolves an empty list for CoreShowChannels with no channels', async () => {
    server.on('CoreShowChannels', (action, connection) => {
      connection.reply(action, 'Success', { EventList: 'start', Message: 'Channels will follow' });
      connection.send({ Event: 'CoreShowChannelsComplete', ActionID: header(action, 'ActionID') ?? '', EventList: 'Complete', ListItems: '0' });
    });
    const result = await client.listAction({ Action: 'CoreShowChannels' });
    expect(result.items).toEqual([]);
    expect(result.complete?.['ListItems']).toBe('0');
  });

  it('treats a listed Error message as an empty list, and rejects on other errors', async () => {
    server.on('ConfbridgeListRooms', (action, connection) => connection.reply(action, 'Error', { Message: 'No active conferences.' }));
    const empty = await client.listAction({ Action: 'ConfbridgeListRooms' }, { emptyOnErrorMessages: ['No active conferences.'] });
    expect(empty).toMatchObject({ items: [], complete: null, response: { response: 'Error', message: 'No active conferences.' } });
    await expect(client.listAction({ Action: 'ConfbridgeListRooms' })).rejects.toBeInstanceOf(AmiActionError);
  });

  it('times out when …Complete never comes, and later items for it go to events$', async () => {
    let actionId = '';
    server.on('BridgeList', (action, connection) => {
      actionId = header(action, 'ActionID') ?? '';
      connection.reply(action, 'Success', { EventList: 'start', Message: 'Bridge listing will follow' });
    });
    await expect(client.listAction({ Action: 'BridgeList' }, { timeoutMs: 50 })).rejects.toBeInstanceOf(AmiTimeoutError);
    const late = new Promise<AmiEvent>((resolve) => client.events$.subscribe((event) => event.Event === 'BridgeListItem' && resolve(event)));
    (await server.connection(0)).send({ Event: 'BridgeListItem', ActionID: actionId, BridgeUniqueid: 'b-1' });
    expect((await late)['BridgeUniqueid']).toBe('b-1');
  });
});
