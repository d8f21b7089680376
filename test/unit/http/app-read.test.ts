import { describe, expect, it } from 'vitest';
import { conferenceId, queueId } from '../../../src/http/name-uuid.js';
import type { SegmentRecord } from '../../../src/http/ports.js';
import { testClient } from './client.js';
import { BRANCH, EXT, MAIN, SEG } from './fixtures.js';

const client = testClient();
const cs = `coreServers/${MAIN.id}`;
const csByName = 'coreServers/getByName/default';

const ids = (body: unknown): string[] => (body as { id: string }[]).map((x) => x.id);
const idsOf = (...segments: SegmentRecord[]): string[] => segments.map((s) => s.id);

describe('GET parent resources (spec 7)', () => {
  it('lists the core servers as {id, slug, name}', async () => {
    const res = await client.get('coreServers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: MAIN.id, slug: 'default', name: 'Main PBX' },
      { id: BRANCH.id, slug: 'branch', name: 'Branch PBX' },
    ]);
  });

  it.each([cs, csByName])('reads one core server at %s', async (path) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: MAIN.id, slug: 'default', name: 'Main PBX' });
  });

  it('reads a core server whose AMI link is down (config, not live state)', async () => {
    const res = await client.get(`coreServers/${BRANCH.id}`);
    expect(res.status).toBe(200);
  });

  it('lists the licensed extensions as {id, extensionNumber, displayName}', async () => {
    const res = await client.get(`${cs}/extensions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: EXT.alice.id, extensionNumber: '100', displayName: 'Alice' },
      { id: EXT.bob.id, extensionNumber: '200', displayName: 'Bob' },
    ]);
  });

  it.each([`${cs}/extensions/${EXT.bob.id}`, `${csByName}/extensions/getByName/200`])('reads one extension at %s', async (path) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: EXT.bob.id, extensionNumber: '200', displayName: 'Bob' });
  });

  it('lists live and configured conference rooms with stable name-based ids', async () => {
    const res = await client.get(`${cs}/conferences`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(['800', '801', '802'].map((name) => ({ id: conferenceId(MAIN.id, name), name })));
    expect(conferenceId(MAIN.id, '800')).toBe(conferenceId(MAIN.id, '800'));
    expect(conferenceId(MAIN.id, '800')).not.toBe(conferenceId(BRANCH.id, '800'));
  });

  it.each([`${cs}/conferences/${conferenceId(MAIN.id, '801')}`, `${cs}/conferences/getByName/801`])(
    'reads a configured room with nobody in it at %s',
    async (path) => {
      const res = await client.get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: conferenceId(MAIN.id, '801'), name: '801' });
    },
  );

  it('lists live and configured queues', async () => {
    const res = await client.get(`${csByName}/queues`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(['sales', 'support'].map((name) => ({ id: queueId(MAIN.id, name), name })));
  });

  it.each([`${cs}/queues/${queueId(MAIN.id, 'support')}`, `${cs}/queues/getByName/support`])('reads one queue at %s', async (path) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: queueId(MAIN.id, 'support'), name: 'support' });
  });
});

describe('GET call segment collections (spec 3.1)', () => {
  const visible = idsOf(
    SEG.alice,
    SEG.bob,
    SEG.transferred,
    SEG.ringGroup,
    SEG.bobRinging,
    SEG.carlRinging,
    SEG.aliceInConference,
    SEG.bobInConference,
    SEG.waiting,
  );

  it.each([`${cs}/callSegments`, `${csByName}/callSegments`])('lists exactly the visible segments at %s', async (path) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(visible);
  });

  it.each([
    [`${cs}/extensions/getByName/100/callSegments`, idsOf(SEG.alice, SEG.ringGroup, SEG.aliceInConference)],
    [`${cs}/extensions/${EXT.bob.id}/callSegments`, idsOf(SEG.bob, SEG.bobRinging, SEG.bobInConference)],
    [`${cs}/conferences/getByName/800/callSegments`, idsOf(SEG.aliceInConference)],
    [`${cs}/conferences/${conferenceId(MAIN.id, '802')}/callSegments`, idsOf(SEG.bobInConference)],
    [`${cs}/conferences/getByName/801/callSegments`, []],
    [`${cs}/queues/getByName/support/callSegments`, idsOf(SEG.waiting)],
    [`${cs}/queues/getByName/sales/callSegments`, []],
    [`${cs}/callSegments/${SEG.ringGroup.id}/dialingToCallSegments`, idsOf(SEG.bobRinging, SEG.carlRinging)],
    [`${cs}/callSegments/${SEG.alice.id}/dialingToCallSegments`, []],
    [`${cs}/callSegments/${SEG.bobRinging.id}/dialingFromCallSegment/dialingToCallSegments`, idsOf(SEG.bobRinging, SEG.carlRinging)],
  ])('%s', async (path, expected) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expected);
  });
});

describe('GET call segment instances (spec 3.2)', () => {
  it('answers the seven keys of spec 2 for an INTERNAL segment', async () => {
    const res = await client.get(`${cs}/callSegments/${SEG.bob.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual({
      id: SEG.bob.id,
      type: 'INTERNAL',
      callerId: { id: SEG.bob.callerIdId, name: 'Bob', number: '200' },
      did: null,
      onHold: true,
      recording: false,
      incoming: true,
    });
  });

  it('answers EXTERNAL for an outside channel, with its did', async () => {
    const res = await client.get(`${cs}/callSegments/${SEG.waiting.id}`);
    expect(res.body).toMatchObject({ type: 'EXTERNAL', did: '5559999', callerId: { name: null, number: null } });
  });

  it('answers INTERNAL for a channel of an unlicensed extension made visible by a licensed one', async () => {
    const res = await client.get(`${cs}/callSegments/${SEG.carlRinging.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'INTERNAL', incoming: true });
  });

  it('keeps a caller transferred to an outside number visible', async () => {
    const res = await client.get(`${cs}/callSegments/${SEG.transferred.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: SEG.transferred.id, type: 'EXTERNAL', did: '5551234' });
    const list = await client.get(`${cs}/callSegments`);
    expect(ids(list.body)).toContain(SEG.transferred.id);
  });

  it.each([
    [`${cs}/extensions/getByName/100/callSegments/${SEG.alice.id}`, SEG.alice],
    [`${cs}/extensions/${EXT.alice.id}/callSegments/${SEG.ringGroup.id}`, SEG.ringGroup],
    [`${cs}/conferences/getByName/800/callSegments/${SEG.aliceInConference.id}`, SEG.aliceInConference],
    [`${cs}/queues/${queueId(MAIN.id, 'support')}/callSegments/${SEG.waiting.id}`, SEG.waiting],
    [`${cs}/callSegments/${SEG.ringGroup.id}/dialingToCallSegments/${SEG.carlRinging.id}`, SEG.carlRinging],
    [`${cs}/callSegments/${SEG.bobRinging.id}/dialingFromCallSegment`, SEG.ringGroup],
    [`${cs}/callSegments/${SEG.alice.id}/linkedCallSegment`, SEG.bob],
    [`${csByName}/callSegments/${SEG.bob.id}/linkedCallSegment`, SEG.alice],
  ])('%s', async (path, expected) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect((res.body as { id: string }).id).toBe(expected.id);
  });

  it.each([
    [`${csByName}/extensions/getByName/100/callSegments/${SEG.alice.id}/linkedCallSegment`, SEG.bob],
    [`${cs}/callSegments/${SEG.ringGroup.id}/dialingToCallSegments/${SEG.bobRinging.id}/dialingFromCallSegment`, SEG.ringGroup],
    [`${cs}/callSegments/${SEG.alice.id}/linkedCallSegment/linkedCallSegment`, SEG.alice],
    [`${cs}/extensions/getByName/200/callSegments/${SEG.bobRinging.id}/dialingFromCallSegment/dialingToCallSegments/${SEG.carlRinging.id}`, SEG.carlRinging],
  ])('a composed path answers the same segment as the plain one: %s', async (path, expected) => {
    const composed = await client.get(path);
    const plain = await client.get(`${cs}/callSegments/${expected.id}`);
    expect(composed.status).toBe(200);
    expect(composed.body).toStrictEqual(plain.body);
  });

  it('answers HEAD on a GET path without a body', async () => {
    const { default: request } = await import('supertest');
    const res = await request(client.app).head(`/communication_manager/rest/live/${cs}`).auth('api', 's3cret-pa55');
    expect(res.status).toBe(200);
    expect(res.text).toBeUndefined();
  });
});
