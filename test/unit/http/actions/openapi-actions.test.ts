import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { validateTransferBody } from '../../../../src/actions/validate-transfer.js';
import { actionOpenApiPaths, TRANSFER_REQUEST_SCHEMA } from '../../../../src/http/actions/openapi-actions.js';
import { buildOpenApiDocument } from '../../../../src/http/openapi.js';
import { OpenApiValidator } from '../openapi-validator.js';
import { amiError, failure, StubAmiPort, success } from '../../actions/stub-ami-port.js';
import { actionsApp, AUTH, seg, snapshotOf } from './actions-app.js';

const extra = actionOpenApiPaths();
const document = buildOpenApiDocument(extra);

describe('actionOpenApiPaths', () => {
  it('adds the four POSTs to every instance path and to no collection path', () => {
    const paths = Object.keys(extra);
    for (const word of ['transfer', 'kick', 'mute', 'unmute']) {
      expect(paths).toContain(`/coreServers/{coreServerId}/callSegments/{callSegmentId}/${word}`);
      expect(paths).toContain(`/coreServers/getByName/{coreServerSlug}/conferences/getByName/{conferenceName}/callSegments/{callSegmentId}/${word}`);
      expect(paths).toContain(`/coreServers/{coreServerId}/callSegments/{callSegmentId}/linkedCallSegment/${word}`);
      expect(paths).toContain(`/coreServers/{coreServerId}/callSegments/{callSegmentId}/dialingToCallSegments/{dialedCallSegmentId}/${word}`);
      expect(paths).not.toContain(`/coreServers/{coreServerId}/callSegments/${word}`);
      expect(paths).not.toContain(`/coreServers/{coreServerId}/callSegments/{callSegmentId}/dialingToCallSegments/${word}`);
    }
    expect(paths.length % 4).toBe(0);
    expect(Object.values(extra).every((item) => item.post !== undefined && item.get === undefined)).toBe(true);
  });

  it('declares every path parameter and keeps operation ids unique in the merged document', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of [item.get, item.post]) {
        if (operation === undefined) continue;
        ids.push(operation.operationId);
        const declared = (operation.parameters ?? []).map((p) => p.name).sort();
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
        expect(declared, path).toEqual(templated);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers 204 and every error status of spec 5, errors with the Error schema', () => {
    const post = extra['/coreServers/{coreServerId}/callSegments/{callSegmentId}/transfer']?.post;
    expect(Object.keys(post?.responses ?? {}).sort()).toEqual(['204', '401', '403', '404', '409', '422', '500', '502', '503', '504']);
    expect(post?.responses['504']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    expect(post?.requestBody).toEqual({ required: true, content: { 'application/json': { schema: TRANSFER_REQUEST_SCHEMA } } });
  });

  it.each([
    { destinationNumber: '18005555555', attended: false },
    { destinationNumber: '*72#', attended: true },
    { destinationNumber: '200\r\nAction: Originate', attended: false },
    { destinationNumber: '1 2', attended: false },
    { destinationNumber: '1'.repeat(65), attended: false },
    { destinationNumber: '', attended: false },
    { destinationNumber: 200, attended: false },
    { destinationNumber: '200', attended: 'true' },
    { destinationNumber: '200' },
  ])('the request schema agrees with the validator on %j', (body) => {
    const schemaSays = new Ajv2020({ strict: false }).validate(TRANSFER_REQUEST_SCHEMA, body);
    expect(schemaSays).toBe(validateTransferBody(JSON.stringify(body)).ok);
  });
});

describe('action responses match the document', () => {
  const validator = new OpenApiValidator(document);
  const snapshot = snapshotOf([
    seg('seg-100', 'PJSIP/100-00000001', { linkedTo: 'seg-200' }),
    seg('seg-200', 'PJSIP/200-00000002', { linkedTo: 'seg-100' }),
    seg('seg-101', 'PJSIP/101-00000003'),
  ]);

  it.each([
    ['/coreServers/getByName/default/callSegments/seg-100/transfer', '{"destinationNumber":"2 0","attended":false}', 'ok', 422],
    ['/coreServers/getByName/default/callSegments/seg-101/transfer', '{"destinationNumber":"200","attended":false}', 'ok', 409],
    ['/coreServers/getByName/default/callSegments/seg-101/kick', '{}', 'ok', 409],
    ['/coreServers/getByName/default/callSegments/nope/mute', '{}', 'ok', 404],
    ['/coreServers/getByName/default/callSegments/seg-200/linkedCallSegment/transfer', '{"destinationNumber":"201","attended":false}', 'reject', 502],
    ['/coreServers/getByName/default/callSegments/seg-100/transfer', '{"destinationNumber":"201","attended":false}', 'timeout', 504],
  ])('POST %s → %i', async (path, body, outcome, status) => {
    const answer =
      outcome === 'ok'
        ? success('ok')
        : failure(amiError(outcome === 'reject' ? 'AmiActionError' : 'AmiTimeoutError', 'Channel does not exist: PJSIP/100-00000001'));
    const app = actionsApp({ snapshot, port: new StubAmiPort(answer) });
    const res = await request(app).post(`/communication_manager/rest/live${path}`).auth(AUTH.user, AUTH.password).send(body);
    expect(res.status).toBe(status);
    expect(validator.findTemplate('post', path)).not.toBeNull();
    expect(() => validator.validate('post', path, res.status, res.body)).not.toThrow();
  });
});
