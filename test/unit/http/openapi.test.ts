import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, OPENAPI_PATH } from '../../../src/http/openapi.js';
import type { OpenApiPaths } from '../../../src/http/openapi-types.js';
import { testClient } from './client.js';
import { OpenApiValidator } from './openapi-validator.js';
import { SEG } from './fixtures.js';

const document = buildOpenApiDocument();

describe('the OpenAPI 3.1 document', () => {
  it('is served without credentials at /communication_manager/rest/openapi.json', async () => {
    const { app } = testClient();
    const res = await request(app).get(OPENAPI_PATH);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('declares HTTP Basic security for every operation', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes['basic']).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(document.security).toEqual([{ basic: [] }]);
  });

  it('lists every GET path of spec 3 and 7, in the id and getByName forms', () => {
    const paths = Object.keys(document.paths);
    for (const cs of ['{coreServerId}', 'getByName/{coreServerSlug}']) {
      const base = `/coreServers/${cs}`;
      expect(paths).toEqual(
        expect.arrayContaining([
          base,
          `${base}/callSegments`,
          `${base}/callSegments/{callSegmentId}`,
          `${base}/callSegments/{callSegmentId}/dialingToCallSegments`,
          `${base}/callSegments/{callSegmentId}/dialingToCallSegments/{dialedCallSegmentId}`,
          `${base}/callSegments/{callSegmentId}/dialingFromCallSegment`,
          `${base}/callSegments/{callSegmentId}/linkedCallSegment`,
          `${base}/extensions`,
          `${base}/extensions/{extensionId}/callSegments/{callSegmentId}`,
          `${base}/extensions/getByName/{extensionNumber}/callSegments`,
          `${base}/conferences/{conferenceId}/callSegments`,
          `${base}/conferences/getByName/{conferenceName}/callSegments/{callSegmentId}`,
          `${base}/queues/getByName/{queueName}/callSegments`,
          `${base}/queues/{queueId}`,
        ]),
      );
    }
    expect(paths).toContain('/coreServers');
  });

  it('declares every path parameter of every template, with unique operation ids', () => {
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      const op = item.get;
      expect(op, path).toBeDefined();
      if (op === undefined) continue;
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect((op.parameters ?? []).map((p) => p.name), path).toEqual(inPath);
      expect(operationIds.has(op.operationId), op.operationId).toBe(false);
      operationIds.add(op.operationId);
    }
  });

  it('says that the extension list holds the licensed extensions only, as the server answers', () => {
    for (const path of ['/coreServers/{coreServerId}/extensions', '/coreServers/getByName/{coreServerSlug}/extensions']) {
      expect(document.paths[path]?.get?.summary, path).toMatch(/licensed/);
    }
  });

  it('describes CallSegment with exactly the seven keys of spec 2', () => {
    const schema = document.components.schemas['CallSegment'];
    expect(schema).toMatchObject({ additionalProperties: false });
    expect(schema?.['required']).toEqual(['id', 'type', 'callerId', 'did', 'onHold', 'recording', 'incoming']);
    expect(Object.keys(schema?.['properties'] as object)).toEqual(['id', 'type', 'callerId', 'did', 'onHold', 'recording', 'incoming']);
  });

  it('has schemas that are valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(ajv.validateSchema(schema), name).toBe(true);
    }
  });

  it('merges extra path items (the actions) into the document', () => {
    const extra: OpenApiPaths = {
      '/coreServers/{coreServerId}/callSegments/{callSegmentId}/kick': {
        post: { operationId: 'kick', summary: 'Kick', responses: { '204': { description: 'Kicked' } } },
      },
      '/coreServers/{coreServerId}/callSegments/{callSegmentId}': {
        post: { operationId: 'odd', summary: 'Odd', responses: { '204': { description: 'x' } } },
      },
    };
    const merged = buildOpenApiDocument(extra);
    expect(merged.paths['/coreServers/{coreServerId}/callSegments/{callSegmentId}/kick']?.post?.operationId).toBe('kick');
    const instance = merged.paths['/coreServers/{coreServerId}/callSegments/{callSegmentId}'];
    expect(instance?.get).toBeDefined();
    expect(instance?.post?.operationId).toBe('odd');
  });
});

describe('the test validator', () => {
  const validator = new OpenApiValidator(document);
  const live = '/communication_manager/rest/live';
  const good = {
    id: SEG.alice.id,
    type: 'INTERNAL',
    callerId: { id: SEG.alice.callerIdId, name: null, number: '100' },
    did: null,
    onHold: false,
    recording: false,
    incoming: false,
  };

  it('finds plain and composed templates', () => {
    expect(validator.findTemplate('get', `${live}/coreServers/getByName/default/extensions/getByName/100/callSegments/x`)).toBe(
      '/coreServers/getByName/{coreServerSlug}/extensions/getByName/{extensionNumber}/callSegments/{callSegmentId}',
    );
    expect(validator.findTemplate('get', `${live}/coreServers/c/extensions/e/callSegments/x/dialingToCallSegments/y/linkedCallSegment`)).toBe(
      '/coreServers/{coreServerId}/callSegments/{callSegmentId}/linkedCallSegment',
    );
    expect(validator.findTemplate('get', `${live}/coreServers/c/voicemail`)).toBeNull();
  });

  it('accepts a valid segment and refuses extra keys, missing keys and wrong types', () => {
    const path = `${live}/coreServers/c/callSegments/${SEG.alice.id}`;
    validator.validate('get', path, 200, good);
    expect(() => validator.validate('get', path, 200, { ...good, channel: 'PJSIP/100-1' })).toThrow(/additional/);
    const { did: _did, ...noDid } = good;
    expect(() => validator.validate('get', path, 200, noDid)).toThrow(/did/);
    expect(() => validator.validate('get', path, 200, { ...good, type: 'Internal' })).toThrow();
    expect(() => validator.validate('get', path, 200, { ...good, id: 'not-a-uuid' })).toThrow(/uuid/);
    expect(() => validator.validate('get', `${path}/linkedCallSegment`, 200, [good])).toThrow();
    expect(() => validator.validate('get', `${live}/coreServers/c/callSegments`, 200, [good, { ...good, onHold: 'no' }])).toThrow();
  });

  it('checks error bodies and refuses undeclared statuses', () => {
    const path = `${live}/coreServers/c/callSegments/x`;
    validator.validate('get', path, 404, { status: 404, error: 'Not Found', message: 'x' });
    expect(() => validator.validate('get', path, 404, { status: 404, error: 'Not Found' })).toThrow(/message/);
    expect(() => validator.validate('get', `${live}/coreServers/c/callSegments`, 204, [])).toThrow(/does not declare/);
  });
});
