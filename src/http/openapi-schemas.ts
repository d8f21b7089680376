import type { JsonSchema, OpenApiResponse } from './openapi-types.js';

const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const nullableString: JsonSchema = { type: ['string', 'null'] };

/** components.schemas of the document. */
export const schemas: { readonly [name: string]: JsonSchema } = {
  CallerId: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'number'],
    properties: {
      id: { ...uuid, description: "Id of the segment's caller-id object." },
      name: { ...nullableString, description: "Caller id name of the segment's own party; null when unknown." },
      number: { ...nullableString, description: "Caller id number of the segment's own party; null when unknown." },
    },
  },
  CallSegment: {
    type: 'object',
    description: 'One live Asterisk channel as a user sees it: one leg of a call at one endpoint.',
    additionalProperties: false,
    required: ['id', 'type', 'callerId', 'did', 'onHold', 'recording', 'incoming'],
    properties: {
      id: { ...uuid, description: "Stable for the channel's life (name-based on core server and Uniqueid)." },
      type: { enum: ['INTERNAL', 'EXTERNAL'], description: 'INTERNAL when the channel belongs to a configured extension.' },
      callerId: { $ref: '#/components/schemas/CallerId' },
      did: { ...nullableString, description: 'The number dialled to enter the PBX; null for segments created by a dial.' },
      onHold: { type: 'boolean' },
      recording: { type: 'boolean' },
      incoming: { type: 'boolean', description: 'The segment was created by being dialled.' },
    },
  },
  CoreServer: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'slug', 'name'],
    properties: { id: uuid, slug: { type: 'string' }, name: { type: 'string' } },
  },
  Extension: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'extensionNumber', 'displayName'],
    properties: { id: { type: 'string' }, extensionNumber: { type: 'string' }, displayName: { type: 'string' } },
  },
  Conference: {
    type: 'object',
    description: 'A conference room, live in Asterisk or configured in the gateway; id is name-based (UUID v5).',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: { id: uuid, name: { type: 'string' } },
  },
  Queue: {
    type: 'object',
    description: 'An Asterisk queue, live or configured in the gateway; id is name-based (UUID v5).',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: { id: uuid, name: { type: 'string' } },
  },
  Error: {
    type: 'object',
    additionalProperties: false,
    required: ['status', 'error', 'message'],
    properties: {
      status: { type: 'integer', minimum: 400, maximum: 599 },
      error: { type: 'string', description: 'The HTTP reason phrase.' },
      message: { type: 'string', description: 'What failed and which id.' },
    },
  },
};

function errorResponse(description: string): OpenApiResponse {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/** components.responses of the document, one per error status. */
export const errorResponses: { readonly [name: string]: OpenApiResponse } = {
  Unauthorized: {
    ...errorResponse('Missing or wrong Basic credentials.'),
    headers: { 'WWW-Authenticate': { description: 'Basic realm="call-segments"', schema: { type: 'string' } } },
  },
  Forbidden: errorResponse('The extension is not bound to a licensed user, or the addressed segment is not visible.'),
  NotFound: errorResponse('No such core server, extension, conference, queue, segment in the collection, or relation.'),
  Conflict: errorResponse('The action does not fit the segment state.'),
  UnprocessableEntity: errorResponse('The request body is invalid.'),
  InternalServerError: errorResponse('Internal error, or conference rooms not enabled on the core server.'),
  BadGateway: errorResponse('Asterisk rejected the action.'),
  ServiceUnavailable: errorResponse("The core server's AMI connection is down: its live state is unknown."),
  Error: errorResponse('Any other error (e.g. 500), with the same JSON body.'),
};

/** Status → components.responses name. */
export const ERROR_RESPONSE_NAMES: { readonly [status: number]: string } = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'UnprocessableEntity',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};
