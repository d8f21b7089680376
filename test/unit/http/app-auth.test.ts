import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ApiUserVerifier } from '../../../src/http/ports.js';
import { testClient } from './client.js';
import { API_PASSWORD, API_USER, MAIN, SEG } from './fixtures.js';

const segmentPath = `coreServers/${MAIN.id}/callSegments/${SEG.alice.id}`;

describe('Basic auth (spec 6)', () => {
  const client = testClient();

  it.each([
    ['no credentials', null, 'Basic credentials required'],
    ['a wrong password', [API_USER, 'wrong'] as const, 'wrong Basic credentials'],
    ['an unknown user', ['manager', 'manag3rpa55word'] as const, 'wrong Basic credentials'],
  ])('answers 401 with the challenge to %s', async (_what, auth, message) => {
    const res = await client.get(segmentPath, { auth });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="call-segments"');
    expect(res.body).toEqual({ status: 401, error: 'Unauthorized', message });
  });

  it.each([
    'coreServers',
    'coreServers/getByName/nowhere/callSegments',
    `coreServers/${MAIN.id}/callSegments/not-a-segment`,
    'no/such/route',
  ])('answers 401 before any other error: %s', async (path) => {
    const res = await client.get(path, { auth: null });
    expect(res.status).toBe(401);
  });

  it('lets a valid API user in', async () => {
    const res = await client.get(segmentPath);
    expect(res.status).toBe(200);
  });

  it('asks the verifier with the given user name and password', async () => {
    const asked: string[] = [];
    const apiUsers: ApiUserVerifier = {
      verify: (u, p) => {
        asked.push(`${u}:${p}`);
        return Promise.resolve(true);
      },
    };
    const local = testClient({ apiUsers });
    await local.get('coreServers', { auth: ['carol', 'pa:ss word'] });
    expect(asked).toEqual(['carol:pa:ss word']);
  });

  it('answers 401 (not a crash) when the verifier rejects', async () => {
    const local = testClient({ apiUsers: { verify: () => Promise.reject(new Error('database closed')) } });
    const res = await local.get(segmentPath);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="call-segments"');
  });
});

describe('request logging', () => {
  it('logs each request without the Authorization header or the password', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const local = testClient({ logger: pino({ level: 'debug' }, sink) });
    await local.get(segmentPath);
    await local.get(segmentPath, { auth: [API_USER, 'wrong-password'] });
    await local.get(segmentPath, { auth: null });
    const logged = lines.join('');
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; status?: number });
    expect(entries.filter((e) => e.msg === 'request').map((e) => e.status)).toEqual([200, 401, 401]);
    expect(logged).not.toContain(API_PASSWORD);
    expect(logged).not.toContain('wrong-password');
    expect(logged).not.toContain(Buffer.from(`${API_USER}:${API_PASSWORD}`).toString('base64'));
    expect(logged.toLowerCase()).not.toContain('authorization');
  });
});
