import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ActionRouteDeps } from '../../../src/http/app.js';
import { splitLivePath } from '../../../src/http/resolve-path.js';
import { testClient } from './client.js';
import { API_PASSWORD, API_USER, EXT, MAIN, SEG } from './fixtures.js';

/** A stand-in action router: answers which segment the instance path before the action word resolved to. */
function probeActions(seen: ActionRouteDeps[]): (deps: ActionRouteDeps) => express.Router {
  return (deps) => {
    seen.push(deps);
    const router = express.Router();
    router.post(/\/(transfer|kick|mute|unmute)$/, (req, res) => {
      const parts = splitLivePath(req.path) ?? [];
      const action = parts.pop();
      const { coreServer, segment, snapshot } = deps.resolveInstance(parts);
      res.json({ action, coreServer: coreServer.id, segment: segment.id, sameSnapshot: snapshot === deps.graphs.snapshot(MAIN.id) });
    });
    return router;
  };
}

const cs = `coreServers/${MAIN.id}`;

describe('the action routes mount point', () => {
  const seen: ActionRouteDeps[] = [];
  const client = testClient({ actions: probeActions(seen) });
  const post = async (path: string, auth?: null): Promise<request.Response> => {
    const req = request(client.app).post(`/communication_manager/rest/live/${path}`);
    return auth === null ? req.send({}) : req.auth(API_USER, API_PASSWORD).send({});
  };

  it('builds the action router once, with the resolver, directory and graphs', () => {
    expect(seen).toHaveLength(1);
    expect(seen[0]?.directory).toBe(client.directory);
    expect(seen[0]?.graphs).toBe(client.graphs);
  });

  it('reaches the action router after Basic auth only', async () => {
    const res = await post(`${cs}/callSegments/${SEG.alice.id}/transfer`, null);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="call-segments"');
  });

  it.each([
    [`${cs}/callSegments/${SEG.alice.id}/transfer`, SEG.alice.id],
    [`coreServers/getByName/default/extensions/getByName/100/callSegments/${SEG.alice.id}/linkedCallSegment/kick`, SEG.bob.id],
    [`${cs}/callSegments/${SEG.ringGroup.id}/dialingToCallSegments/${SEG.bobRinging.id}/dialingFromCallSegment/mute`, SEG.ringGroup.id],
  ])('resolves the instance path before the action word: %s', async (path, segmentId) => {
    const res = await post(path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ coreServer: MAIN.id, segment: segmentId, sameSnapshot: true });
  });

  it.each([
    [`${cs}/callSegments/${SEG.eve.id}/transfer`, 403],
    [`${cs}/extensions/${EXT.eve.id}/callSegments/${SEG.eve.id}/kick`, 403],
    [`${cs}/callSegments/${SEG.ringGroup.id}/linkedCallSegment/unmute`, 404],
    [`coreServers/getByName/branch/callSegments/${SEG.alice.id}/mute`, 503],
    [`${cs}/callSegments/transfer`, 404],
  ])('turns resolver errors into JSON errors: %s', async (path, status) => {
    const res = await post(path);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status });
    client.validator.validate('get', '/no/operation', status, res.body); // the Error schema
  });

  it('leaves GET to the read side', async () => {
    const res = await client.get(`${cs}/callSegments/${SEG.alice.id}`);
    expect(res.status).toBe(200);
  });
});

describe('the OpenAPI document with action routes', () => {
  const documentOf = async (over: Parameters<typeof testClient>[0]): Promise<{ paths: Record<string, { post?: unknown }> }> => {
    const res = await request(testClient(over).app).get('/communication_manager/rest/openapi.json');
    return res.body as { paths: Record<string, { post?: unknown }> };
  };
  const transferPath = '/coreServers/{coreServerId}/callSegments/{callSegmentId}/transfer';

  it('describes the action POSTs when the action routes are mounted', async () => {
    const doc = await documentOf({ actions: probeActions([]) });
    expect(doc.paths[transferPath]?.post).toBeDefined();
  });

  it('describes no POST without action routes', async () => {
    const doc = await documentOf({});
    expect(doc.paths[transferPath]).toBeUndefined();
    expect(Object.values(doc.paths).some((item) => item.post !== undefined)).toBe(false);
  });
});
