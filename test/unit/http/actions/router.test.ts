import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { NO_TRANSFER_FEATURE_MESSAGE } from '../../../../src/actions/execute.js';
import { amiError, failure, StubAmiPort, success } from '../../actions/stub-ami-port.js';
import { actionsApp, AUTH, coreServer, seg, snapshotOf } from './actions-app.js';

const BASE = '/communication_manager/rest/live';
const CS = `${BASE}/coreServers/getByName/default`;

// 100 ↔ 200 talking; a trunk caller rings 201; 101 alone; 102 in conference 800; a trunk ↔ 103? no: trunk2 ↔ 102? kept simple.
const alice = seg('seg-100', 'PJSIP/100-00000001', { linkedTo: 'seg-200' });
const bob = seg('seg-200', 'PJSIP/200-00000002', { linkedTo: 'seg-100', incoming: true });
const trunk = seg('seg-trunk', 'PJSIP/trunk-00000003', { dialingTo: ['seg-201'], did: '5551234', boundChannels: ['PJSIP/201-00000004'] });
const eve = seg('seg-201', 'PJSIP/201-00000004', { dialingFrom: ['seg-trunk'], incoming: true, answered: false, boundChannels: ['PJSIP/trunk-00000003'] });
const carol = seg('seg-101', 'PJSIP/101-00000005');
const dave = seg('seg-102', 'PJSIP/102-00000006', { conference: '800' });
const hidden = seg('seg-hidden', 'PJSIP/trunk-00000007');
const snapshot = snapshotOf([alice, bob, trunk, eve, carol, dave, hidden], { '800': ['seg-102'] });

const blind = (destinationNumber: unknown = '201'): string => JSON.stringify({ destinationNumber, attended: false });

function post(app: ReturnType<typeof actionsApp>, path: string, body?: string | Buffer, type = 'application/json'): request.Test {
  const req = request(app).post(path).auth(AUTH.user, AUTH.password).set('Content-Type', type);
  return body === undefined ? req : req.send(body);
}

function errorBody(status: number, error: string, message: RegExp): unknown {
  return { status, error, message: expect.stringMatching(message) as unknown };
}

describe('POST …/transfer', () => {
  it('204 and the planned Redirect of the bound party on a blind transfer', async () => {
    const port = new StubAmiPort(success('Redirect successful'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, blind('18005555555'));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(port.sent.map((s) => s.headers)).toEqual([
      { Action: 'Redirect', Channel: 'PJSIP/200-00000002', Exten: '18005555555', Context: 'internal', Priority: '1' },
    ]);
  });

  it('works on every instance path: by core server id, through an extension, and through linkedCallSegment', async () => {
    const port = new StubAmiPort(success('Redirect successful'));
    const app = actionsApp({ snapshot, port });
    const paths = [
      `${BASE}/coreServers/${coreServer.id}/callSegments/seg-100/transfer`,
      `${CS}/extensions/getByName/100/callSegments/seg-100/transfer`,
      `${CS}/callSegments/seg-200/linkedCallSegment/transfer`,
      `${CS}/callSegments/seg-100/transfer/`,
    ];
    for (const path of paths) expect((await post(app, path, blind())).status, path).toBe(204);
    expect(port.sent.map((s) => s.headers['Channel'])).toEqual(Array(4).fill('PJSIP/200-00000002'));
  });

  it('deflection through dialingFromCallSegment… of the ringing segment redirects the caller', async () => {
    const port = new StubAmiPort(success('Redirect successful'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-trunk/dialingToCallSegments/seg-201/transfer`, blind('200'));
    expect(res.status).toBe(204);
    expect(port.sent[0]?.headers).toEqual({ Action: 'Redirect', Channel: 'PJSIP/trunk-00000003', Exten: '200', Context: 'internal', Priority: '1' });
  });

  it('accepts the JSON body whatever its Content-Type says', async () => {
    const port = new StubAmiPort(success('Redirect successful'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, blind(), 'text/plain');
    expect(res.status).toBe(204);
  });

  it.each([
    ['CR LF injection', blind('200\r\nAction: Originate'), /not a valid dial string/],
    ['a trailing LF', blind('200\n'), /not a valid dial string/],
    ['65 characters', blind('1'.repeat(65)), /more than 64/],
    ['a space', blind('1 2'), /not a valid dial string/],
    ['a number', blind(200), /must be a string/],
    ['no destination', JSON.stringify({ attended: false }), /destinationNumber is missing/],
    ['attended "true"', JSON.stringify({ destinationNumber: '201', attended: 'true' }), /attended must be a JSON boolean/],
    ['not JSON', 'destinationNumber=201&attended=false', /not JSON/],
    ['broken JSON', '{"destinationNumber":', /not JSON/],
    ['no body', undefined, /empty/],
  ])('422 JSON error for %s, and nothing sent to Asterisk', async (_name, body, message) => {
    const port = new StubAmiPort(success('Redirect successful'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, body);
    expect(res.status).toBe(422);
    expect(res.body).toEqual(errorBody(422, 'Unprocessable Entity', message));
    expect(port.sent).toEqual([]);
  });

  it('422 (not 413) for a body over 16 KiB', async () => {
    const port = new StubAmiPort(success('Redirect successful'));
    const big = JSON.stringify({ destinationNumber: '201', attended: false, pad: 'x'.repeat(17 * 1024) });
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, big);
    expect(res.status).toBe(422);
    expect(res.body).toEqual(errorBody(422, 'Unprocessable Entity', /16 KiB/));
    expect(port.sent).toEqual([]);
  });

  it.each([
    ['401 without credentials', 'none', `${CS}/callSegments/seg-100/transfer`, 401],
    ['404 for an unknown segment, before the body 422', 'auth', `${CS}/callSegments/nope/transfer`, 404],
    ['404 for an unknown core server', 'auth', `${BASE}/coreServers/getByName/other/callSegments/seg-100/transfer`, 404],
    ['404 for a collection path', 'auth', `${CS}/callSegments/transfer`, 404],
    ['403 for an invisible segment', 'auth', `${CS}/callSegments/seg-hidden/transfer`, 403],
    ['404 when the segment is not linked (linkedCallSegment)', 'auth', `${CS}/callSegments/seg-101/linkedCallSegment/transfer`, 404],
  ])('%s', async (_name, auth, path, status) => {
    const port = new StubAmiPort(success('Redirect successful'));
    const app = actionsApp({ snapshot, port });
    const req = request(app).post(path).set('Content-Type', 'application/json');
    const res = await (auth === 'auth' ? req.auth(AUTH.user, AUTH.password) : req).send('not json');
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status });
    expect(port.sent).toEqual([]);
  });

  it('503 when the AMI link is down, before any 404 about segments', async () => {
    const port = new StubAmiPort(success('Redirect successful'), false);
    const res = await post(actionsApp({ snapshot: null, port }), `${CS}/callSegments/nope/transfer`, blind());
    expect(res.status).toBe(503);
    expect(res.body).toEqual(errorBody(503, 'Service Unavailable', /AMI connection/));
  });

  it.each([
    ['bound to nobody', 'seg-101', blind(), 409, /bound to no other segment/],
    ['attended of an EXTERNAL segment', 'seg-trunk', JSON.stringify({ destinationNumber: '201', attended: true }), 422, /EXTERNAL/],
    ['attended of a ringing segment', 'seg-201', JSON.stringify({ destinationNumber: '100', attended: true }), 409, /blind transfer/],
  ])('%s → %i', async (_name, id, body, status, message) => {
    const port = new StubAmiPort(success('Redirect successful'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/${id}/transfer`, body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status, message: expect.stringMatching(message) as unknown });
    expect(port.sent).toEqual([]);
  });

  it('502 with Asterisk\u2019s message when Asterisk rejects the action', async () => {
    const port = new StubAmiPort(failure(amiError('AmiActionError', 'Channel does not exist: PJSIP/200-00000002')));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, blind());
    expect(res.status).toBe(502);
    expect(res.body).toEqual({ status: 502, error: 'Bad Gateway', message: 'Channel does not exist: PJSIP/200-00000002' });
  });

  it('504 Gateway Timeout when Asterisk does not answer in time', async () => {
    const port = new StubAmiPort(failure(amiError('AmiTimeoutError', 'no answer')));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, blind());
    expect(res.status).toBe(504);
    expect(res.body).toEqual(errorBody(504, 'Gateway Timeout', /did not answer Redirect/));
  });

  it('503 when the AMI port is not connected, nothing sent', async () => {
    const port = new StubAmiPort(success('Redirect successful'), false);
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-100/transfer`, blind());
    expect(res.status).toBe(503);
    expect(port.sent).toEqual([]);
  });

  it('attended: 204 once the consultation channel exists', async () => {
    const port = new StubAmiPort((headers, events) => {
      queueMicrotask(() => {
        events.next({ Event: 'Hold', Channel: headers['Channel'] ?? '', Uniqueid: 'x' } as never);
        events.next({ Event: 'Newchannel', Channel: `Local/${headers['Exten'] ?? ''}@${headers['Context'] ?? ''}-00000001;1` } as never);
      });
      return Promise.resolve({ response: 'Success', message: 'Atxfer successfully queued' });
    });
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-200/transfer`, JSON.stringify({ destinationNumber: '201', attended: true }));
    expect(res.status).toBe(204);
    expect(port.sent[0]?.headers).toEqual({ Action: 'Atxfer', Channel: 'PJSIP/200-00000002', Exten: '201', Context: 'internal' });
  });

  it('attended: 409 when Asterisk queues the Atxfer but no consultation starts', async () => {
    const port = new StubAmiPort(success('Atxfer successfully queued'));
    const app = actionsApp({ snapshot, port, execute: { consultationTimeoutMs: 50 } });
    const res = await post(app, `${CS}/callSegments/seg-200/transfer`, JSON.stringify({ destinationNumber: '201', attended: true }));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ status: 409, error: 'Conflict', message: NO_TRANSFER_FEATURE_MESSAGE });
  });
});

describe('POST …/kick|mute|unmute', () => {
  it.each([
    ['kick', 'ConfbridgeKick', 'User kicked'],
    ['mute', 'ConfbridgeMute', 'User muted'],
    ['unmute', 'ConfbridgeUnmute', 'User unmuted'],
  ])('%s → 204 with %s', async (word, action, message) => {
    const port = new StubAmiPort(success(message));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/conferences/getByName/800/callSegments/seg-102/${word}`, '{}');
    expect(res.status).toBe(204);
    expect(port.sent[0]?.headers).toEqual({ Action: action, Conference: '800', Channel: 'PJSIP/102-00000006' });
  });

  it('accepts an empty body', async () => {
    const port = new StubAmiPort(success('User muted'));
    const res = await request(actionsApp({ snapshot, port })).post(`${CS}/callSegments/seg-102/mute`).auth(AUTH.user, AUTH.password);
    expect(res.status).toBe(204);
  });

  it('409 when the segment is in no conference room', async () => {
    const port = new StubAmiPort(success('User kicked'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-101/kick`, '{}');
    expect(res.status).toBe(409);
    expect(res.body).toEqual(errorBody(409, 'Conflict', /not in a conference room/));
  });

  it('500 when the core server has no conference rooms enabled', async () => {
    const port = new StubAmiPort(success('User kicked'));
    const app = actionsApp({ snapshot, port, server: { ...coreServer, conferenceRoomsEnabled: false } });
    const res = await post(app, `${CS}/callSegments/seg-102/kick`, '{}');
    expect(res.status).toBe(500);
    expect(res.body).toEqual(errorBody(500, 'Internal Server Error', /conference rooms are not enabled/));
    expect(port.sent).toEqual([]);
  });

  it('422 for a body that is not a JSON object', async () => {
    const port = new StubAmiPort(success('User kicked'));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-102/kick`, '[1]');
    expect(res.status).toBe(422);
  });

  it('502 with Asterisk\u2019s message', async () => {
    const port = new StubAmiPort(failure(amiError('AmiActionError', 'No Channel by that name found in Conference.')));
    const res = await post(actionsApp({ snapshot, port }), `${CS}/callSegments/seg-102/mute`, '{}');
    expect(res.body).toEqual({ status: 502, error: 'Bad Gateway', message: 'No Channel by that name found in Conference.' });
  });

  it('GET on an action path is not an action', async () => {
    const port = new StubAmiPort(success('User kicked'));
    const res = await request(actionsApp({ snapshot, port })).get(`${CS}/callSegments/seg-102/kick`).auth(AUTH.user, AUTH.password);
    expect(res.status).toBe(404);
    expect(port.sent).toEqual([]);
  });
});
