import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { conferenceId } from '../../../src/http/name-uuid.js';
import { testClient } from './client.js';
import { BRANCH, EXT, idOf, MAIN, SEG } from './fixtures.js';

const client = testClient();
const cs = `coreServers/${MAIN.id}`;
const branch = `coreServers/${BRANCH.id}`;
const unknownSegment = idOf('no such segment');

async function expectError(path: string, status: number, message: RegExp): Promise<void> {
  const res = await client.get(path);
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ status });
  expect((res.body as { message: string }).message).toMatch(message);
}

describe('404 (spec 5)', () => {
  it.each([
    [`coreServers/${idOf('nowhere')}`, /no core server with id/],
    ['coreServers/getByName/nowhere/callSegments', /no core server named 'nowhere'/],
    [`coreServers/${idOf('nowhere')}/callSegments/${SEG.alice.id}`, /no core server/],
    [`${cs}/extensions/getByName/999`, /no extension named '999'/],
    [`${cs}/extensions/${idOf('ext')}/callSegments`, /no extension with id/],
    [`${cs}/conferences/getByName/900/callSegments`, /no conference named '900'/],
    [`${cs}/conferences/${conferenceId(BRANCH.id, '800')}`, /no conference with id/],
    [`${cs}/queues/getByName/billing/callSegments`, /no queue named 'billing'/],
    [`${cs}/callSegments/${unknownSegment}`, /no call segment with id/],
    [`${cs}/callSegments/${unknownSegment}/linkedCallSegment`, /no call segment with id/],
    [`${cs}/extensions/getByName/100/callSegments/${SEG.bob.id}`, /is not in extension '100'/],
    [`${cs}/conferences/getByName/800/callSegments/${SEG.alice.id}`, /is not in conference '800'/],
    [`${cs}/conferences/getByName/801/callSegments/${SEG.aliceInConference.id}`, /is not in conference '801'/],
    [`${cs}/queues/getByName/sales/callSegments/${SEG.waiting.id}`, /is not in queue 'sales'/],
    [`${cs}/callSegments/${SEG.ringGroup.id}/dialingToCallSegments/${SEG.alice.id}`, /dialling/],
    [`${cs}/callSegments/${SEG.alice.id}/dialingFromCallSegment`, /is not being dialled/],
    [`${cs}/callSegments/${SEG.ringGroup.id}/linkedCallSegment`, /is not linked/],
    [`${cs}/callSegments/${SEG.alice.id}/linkedCallSegment/dialingFromCallSegment`, /is not being dialled/],
    ['nothing/here', /no resource/],
    [`${cs}/callSegments/${SEG.alice.id}/transfer`, /no resource/],
    [`${cs}/voicemail`, /no resource/],
    ['/communication_manager/rest/elsewhere', /no resource/],
  ])('%s', async (path, message) => {
    await expectError(path, 404, message);
    const res = await client.get(path);
    expect(res.body).toMatchObject({ status: 404, error: 'Not Found' });
  });

  it('answers 404 to a POST on a GET path when no action routes are mounted', async () => {
    const res = await client.send('post', `${cs}/callSegments/${SEG.alice.id}/transfer`, { body: {} });
    expect(res.status).toBe(404);
  });
});

describe('403 (spec 5)', () => {
  it.each([
    [`${cs}/extensions/getByName/201`, /extension '201' is not bound to a licensed user/],
    [`${cs}/extensions/${EXT.carl.id}/callSegments`, /extension '300'/],
    [`${cs}/extensions/getByName/201/callSegments/${SEG.eve.id}`, /extension '201'/],
    // a restricted parent comes before an unknown segment
    [`${cs}/extensions/getByName/201/callSegments/${unknownSegment}`, /extension '201'/],
    [`${cs}/callSegments/${SEG.eve.id}`, /is not visible/],
    [`${cs}/callSegments/${SEG.trunkToEve.id}/dialingToCallSegments`, /is not visible/],
    [`${cs}/conferences/getByName/800/callSegments/${SEG.carlInConference.id}`, /is not visible/],
    // invisible before "not a member"
    [`${cs}/queues/getByName/support/callSegments/${SEG.outside.id}`, /is not visible/],
    // a relation leading to an invisible segment (the outside number bound only to a merely visible caller)
    [`${cs}/callSegments/${SEG.transferred.id}/linkedCallSegment`, /is not visible/],
    [`${cs}/callSegments/${SEG.eve.id}/dialingFromCallSegment`, /is not visible/],
  ])('%s', async (path, message) => {
    await expectError(path, 403, message);
  });
});

describe('503: AMI link down (spec 5)', () => {
  it.each([
    `${branch}/callSegments`,
    `${branch}/callSegments/${unknownSegment}`,
    `${branch}/callSegments/${unknownSegment}/linkedCallSegment`,
    `coreServers/getByName/branch/extensions/getByName/100/callSegments`,
    `coreServers/getByName/branch/extensions/getByName/999`,
    `${branch}/extensions`,
    `${branch}/conferences`,
    `${branch}/conferences/getByName/800/callSegments`,
    `${branch}/queues/getByName/support`,
  ])('%s', async (path) => {
    const res = await client.get(path);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 503, error: 'Service Unavailable' });
    expect((res.body as { message: string }).message).toContain(BRANCH.id);
  });

  it('answers 404 for an unknown core server, not 503', async () => {
    await expectError(`coreServers/${idOf('gone')}/callSegments`, 404, /no core server/);
  });

  it('answers again once the snapshot is back', async () => {
    const local = testClient();
    expect((await local.get(`${branch}/callSegments`)).status).toBe(503);
    local.graphs.snapshots.set(BRANCH.id, { coreServerId: BRANCH.id, segments: new Map(), conferences: new Map(), queues: new Map() });
    const res = await local.get(`${branch}/callSegments`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });
});

describe('500', () => {
  it('answers a JSON 500 that tells nothing inside when a port throws', async () => {
    const local = testClient();
    local.directory.listCoreServers = () => {
      throw new Error('database is locked at /var/lib/secret.db');
    };
    const res = await request(local.app).get('/communication_manager/rest/live/coreServers').auth('api', 's3cret-pa55');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ status: 500, error: 'Internal Server Error', message: 'internal error' });
    local.validator.validate('get', '/communication_manager/rest/live/coreServers', 500, res.body);
  });
});
