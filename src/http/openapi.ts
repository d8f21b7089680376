import { ERROR_RESPONSE_NAMES, errorResponses, schemas } from './openapi-schemas.js';
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiPathItem, OpenApiPaths } from './openapi-types.js';

export const LIVE_BASE = '/communication_manager/rest/live';
export const OPENAPI_PATH = '/communication_manager/rest/openapi.json';

/** Relation words that may follow any instance path (spec 3.2). */
export const RELATION_WORDS = ['dialingToCallSegments', 'dialingFromCallSegment', 'linkedCallSegment'] as const;

interface Form {
  readonly path: string;
  readonly params: readonly OpenApiParameter[];
}

function pathParam(name: string, description: string): OpenApiParameter {
  return { name, in: 'path', required: true, description, schema: { type: 'string' } };
}

/** `{x_id}` or `getByName/{x_name}`: the two forms of every parent in a path. */
function forms(idName: string, idText: string, nameName: string, nameText: string): readonly Form[] {
  return [
    { path: `/{${idName}}`, params: [pathParam(idName, idText)] },
    { path: `/getByName/{${nameName}}`, params: [pathParam(nameName, nameText)] },
  ];
}

const CORE_SERVER_FORMS = forms('coreServerId', 'Core server id (UUID).', 'coreServerSlug', 'Core server slug, e.g. `default`.');
const EXTENSION_FORMS = forms('extensionId', 'Extension id.', 'extensionNumber', 'Extension number, e.g. `100`.');
const CONFERENCE_FORMS = forms('conferenceId', 'Conference id (UUID).', 'conferenceName', 'Conference room name, e.g. `800`.');
const QUEUE_FORMS = forms('queueId', 'Queue id (UUID).', 'queueName', "The queue's name in Asterisk, e.g. `support`.");
const SEGMENT = pathParam('callSegmentId', 'Call segment id (UUID).');
const DIALED_SEGMENT = pathParam('dialedCallSegmentId', 'Id of a call segment being dialled by the addressed one.');

function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

function arrayOf(name: string): JsonSchema {
  return { type: 'array', items: ref(name) };
}

function operationId(path: string): string {
  const words = path
    .split('/')
    .filter((w) => w !== '' && w !== 'getByName')
    .map((w) => (w.startsWith('{') ? `By${w.slice(1, 2).toUpperCase()}${w.slice(2, -1)}` : `${w.slice(0, 1).toUpperCase()}${w.slice(1)}`));
  return `get${words.join('')}`;
}

function getOperation(path: string, params: readonly OpenApiParameter[], summary: string, body: JsonSchema, errors: readonly number[]): OpenApiPathItem {
  const responses: { [status: string]: OpenApiOperation['responses'][string] } = {
    '200': { description: summary, content: { 'application/json': { schema: body } } },
  };
  for (const status of errors) responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSE_NAMES[status] ?? 'Error'}` };
  responses['default'] = { $ref: '#/components/responses/Error' };
  const operation: OpenApiOperation = { operationId: operationId(path), summary, tags: [tagOf(path)], parameters: params, responses };
  return { get: operation };
}

function tagOf(path: string): string {
  if (path.includes('callSegments') || path.includes('CallSegment')) return 'callSegments';
  if (path.includes('/extensions')) return 'extensions';
  if (path.includes('/conferences')) return 'conferences';
  if (path.includes('/queues')) return 'queues';
  return 'coreServers';
}

const LIVE_ERRORS = [401, 403, 404, 503] as const;

class PathsBuilder {
  readonly paths: { [path: string]: OpenApiPathItem } = {};

  add(path: string, params: readonly OpenApiParameter[], summary: string, body: JsonSchema, errors: readonly number[] = LIVE_ERRORS): void {
    this.paths[path] = getOperation(path, params, summary, body, errors);
  }

  /** A segment collection and its instance path; with relations, the relational paths of that instance. */
  segments(path: string, params: readonly OpenApiParameter[], what: string, relations: boolean): void {
    this.add(path, params, `The visible call segments ${what}.`, arrayOf('CallSegment'));
    const instance = `${path}/{callSegmentId}`;
    const instanceParams = [...params, SEGMENT];
    this.add(instance, instanceParams, `One call segment ${what} (404 when it is not a member).`, ref('CallSegment'));
    if (!relations) return;
    const dialingTo = `${instance}/dialingToCallSegments`;
    this.add(dialingTo, instanceParams, 'The visible call segments the addressed segment is dialling.', arrayOf('CallSegment'));
    this.add(`${dialingTo}/{dialedCallSegmentId}`, [...instanceParams, DIALED_SEGMENT], 'One call segment the addressed segment is dialling.', ref('CallSegment'));
    this.add(`${instance}/dialingFromCallSegment`, instanceParams, 'The call segment dialling the addressed segment (404 when none).', ref('CallSegment'));
    this.add(`${instance}/linkedCallSegment`, instanceParams, 'The call segment the addressed segment is linked (talking) to (404 when none).', ref('CallSegment'));
  }

  parent(cs: Form, word: string, parentForms: readonly Form[], schema: string, what: string, listSummary = `The ${what}s of the core server.`): void {
    const base = `/coreServers${cs.path}/${word}`;
    this.add(base, cs.params, listSummary, arrayOf(schema));
    for (const form of parentForms) {
      const params = [...cs.params, ...form.params];
      this.add(`${base}${form.path}`, params, `One ${what}.`, ref(schema));
      this.segments(`${base}${form.path}/callSegments`, params, `of the ${what}`, false);
    }
  }
}

function livePaths(): OpenApiPaths {
  const b = new PathsBuilder();
  b.add('/coreServers', [], 'The core servers (Asterisk PBXs) the gateway watches.', arrayOf('CoreServer'), [401]);
  for (const cs of CORE_SERVER_FORMS) {
    b.add(`/coreServers${cs.path}`, cs.params, 'One core server.', ref('CoreServer'), [401, 404]);
    b.parent(cs, 'extensions', EXTENSION_FORMS, 'Extension', 'extension', 'The licensed extensions of the core server (those not bound to a licensed user are left out).');
    b.parent(cs, 'conferences', CONFERENCE_FORMS, 'Conference', 'conference room');
    b.parent(cs, 'queues', QUEUE_FORMS, 'Queue', 'queue');
    b.segments(`/coreServers${cs.path}/callSegments`, cs.params, 'of the core server', true);
  }
  return b.paths;
}

function mergePaths(base: OpenApiPaths, extra: OpenApiPaths): OpenApiPaths {
  const merged: { [path: string]: OpenApiPathItem } = { ...base };
  for (const [path, item] of Object.entries(extra)) merged[path] = { ...merged[path], ...item };
  return merged;
}

const DESCRIPTION = `Live call segments of Asterisk PBXs (the iSymphony 3.2 Call Segments REST resource).

Every path is under \`${LIVE_BASE}\` and needs HTTP Basic credentials of a gateway API user. This
document itself is served without credentials at \`${OPENAPI_PATH}\`.

Instance path composition (spec 3.2): any instance path (a path answering one CallSegment) may stand
in place of \`/coreServers/{cs}/callSegments/{callSegmentId}\` before \`/dialingToCallSegments\`,
\`/dialingFromCallSegment\`, \`/linkedCallSegment\` and the action words, e.g.
\`/coreServers/getByName/default/extensions/getByName/100/callSegments/{id}/linkedCallSegment\` or
\`…/dialingToCallSegments/{id2}/linkedCallSegment\`. OpenAPI path templates cannot say this (a
parameter cannot hold a slash), so the document lists the plain forms; the composed forms answer as
the plain form whose last relation word they share (\`x-instance-path-composition\`).

Error order: 401; unknown core server 404; AMI link down 503 (every path below a core server); unknown
parent 404; restricted parent 403 (unlicensed extension); unknown segment 404; invisible segment 403;
segment not in the addressed collection 404; relation that does not hold 404.`;

/**
 * The OpenAPI 3.1 document. `extraPaths` (e.g. the POST action path items of src/http/actions)
 * are merged in: methods of a path that already exists are added to it.
 */
export function buildOpenApiDocument(extraPaths: OpenApiPaths = {}): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'Call Segments (live)', version: '0.1.0', description: DESCRIPTION },
    servers: [{ url: LIVE_BASE, description: 'The live resources of this gateway.' }],
    security: [{ basic: [] }],
    paths: mergePaths(livePaths(), extraPaths),
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: { basic: { type: 'http', scheme: 'basic', description: 'A gateway API user.' } },
    },
    'x-instance-path-composition': {
      canonicalInstance: '/coreServers/{coreServerId}/callSegments/{callSegmentId}',
      relationWords: RELATION_WORDS,
    },
  };
}
