/**
 * OpenAPI 3.1 path items of the four action POSTs (spec §3.3), one set per instance path of the
 * read side's document (every GET answering one `CallSegment`), for createApp's
 * `openApiExtraPaths`: `openApiExtraPaths: actionOpenApiPaths()`.
 */
import { MAX_DESTINATION_LENGTH } from '../../actions/validate-transfer.js';
import { buildOpenApiDocument } from '../openapi.js';
import type { JsonSchema, OpenApiOperation, OpenApiPaths, OpenApiPathItem, OpenApiResponse } from '../openapi-types.js';
import { ACTION_WORDS, type ActionWord } from './router.js';

const ERROR_SCHEMA: JsonSchema = { $ref: '#/components/schemas/Error' };
const CALL_SEGMENT_REF = '#/components/schemas/CallSegment';

export const TRANSFER_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['destinationNumber', 'attended'],
  properties: {
    destinationNumber: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_DESTINATION_LENGTH,
      pattern: '^[0-9A-Za-z*#+]+$',
      description: 'The number to transfer to, dialled in the core server transfer context: digits, letters, `*`, `#`, `+` only.',
      examples: ['18005555555'],
    },
    attended: {
      type: 'boolean',
      description: '`false`: blind (the addressed party is released). `true`: the addressed party consults the destination first.',
    },
  },
};

const EMPTY_REQUEST_SCHEMA: JsonSchema = { type: 'object', description: 'An empty object (`{}`); the body may also be left out.' };

function error(description: string): OpenApiResponse {
  return { description, content: { 'application/json': { schema: ERROR_SCHEMA } } };
}

function ref(name: string): { readonly $ref: string } {
  return { $ref: `#/components/responses/${name}` };
}

const COMMON_RESPONSES: OpenApiOperation['responses'] = {
  '204': { description: 'Asterisk accepted the action and it has taken effect.' },
  '401': ref('Unauthorized'),
  '403': ref('Forbidden'),
  '404': ref('NotFound'),
  '502': error("Asterisk rejected the action; `message` is Asterisk's own `Message`."),
  '503': error("The core server's AMI connection is down (nothing was sent), or was lost while waiting for the action to take effect."),
  '504': error('Gateway Timeout: Asterisk did not answer the action within its bound (5 s); whether it was carried out is unknown.'),
};

interface ActionText {
  readonly summary: string;
  readonly description: string;
  readonly body: JsonSchema;
  readonly required: boolean;
  readonly responses: OpenApiOperation['responses'];
}

const CONFERENCE_RESPONSES: OpenApiOperation['responses'] = {
  '409': error('The segment is not in a conference room.'),
  '422': error('The body is not empty or a JSON object, or is over 16 KiB.'),
  '500': error('Conference rooms are not enabled on the core server.'),
};

const TEXT: Readonly<Record<ActionWord, ActionText>> = {
  transfer: {
    summary: 'Transfer the segment bound to the addressed one.',
    description:
      'Transfers the segment bound to the addressed one (its linked segment, else the segment dialling it) to `destinationNumber`. ' +
      'Blind: the bound party is moved and the addressed party released; when the bound segment is still dialling the addressed one, the caller is deflected. ' +
      "Attended: the addressed party consults the destination (the bound party hears hold music) and completes by hanging up; 204 is sent once Asterisk has put the addressed party on hold and created the consultation channel (or moved the party into the consultation bridge), 409 when Asterisk accepted the Atxfer but nothing happened (no transfer feature, Dial option t/T, for this party), 502 when Asterisk put the party on hold but started no consultation (the destination is not in the transfer context).",
    body: TRANSFER_REQUEST_SCHEMA,
    required: true,
    responses: {
      '409': error(
        'The addressed segment is bound to no other segment; or attended transfer of a segment that is not answered or still ringing; or this party may not transfer the call (no transfer feature on this call leg).',
      ),
      '422': error(
        'Body not JSON, not an object or over 16 KiB; `destinationNumber` missing, not a string, empty, over 64 characters or not a plain dial string; `attended` missing or not a boolean; attended transfer of an EXTERNAL segment.',
      ),
      '500': error('Internal error.'),
      '502': error(
        "Asterisk rejected the action (`message` is Asterisk's own `Message`); or, attended, Asterisk held the addressed party but started no consultation within the bound (destination not in the transfer context).",
      ),
    },
  },
  kick: {
    summary: 'Remove the segment from its conference room.',
    description: 'Kicks the addressed segment out of its conference room (Asterisk hangs its channel up).',
    body: EMPTY_REQUEST_SCHEMA,
    required: false,
    responses: CONFERENCE_RESPONSES,
  },
  mute: {
    summary: 'Mute the segment in its conference room.',
    description: 'Mutes the addressed segment in its conference room.',
    body: EMPTY_REQUEST_SCHEMA,
    required: false,
    responses: CONFERENCE_RESPONSES,
  },
  unmute: {
    summary: 'Unmute the segment in its conference room.',
    description: 'Unmutes the addressed segment in its conference room.',
    body: EMPTY_REQUEST_SCHEMA,
    required: false,
    responses: CONFERENCE_RESPONSES,
  },
};

function isInstanceGet(item: OpenApiPathItem): item is OpenApiPathItem & { readonly get: OpenApiOperation } {
  const ok = item.get?.responses['200'];
  if (ok === undefined || '$ref' in ok) return false;
  return ok.content?.['application/json']?.schema['$ref'] === CALL_SEGMENT_REF;
}

function actionOperation(word: ActionWord, get: OpenApiOperation): OpenApiOperation {
  const text = TEXT[word];
  const suffix = get.operationId.startsWith('get') ? get.operationId.slice(3) : get.operationId;
  return {
    operationId: `${word}${suffix}`,
    summary: text.summary,
    description: text.description,
    tags: ['callSegmentActions'],
    ...(get.parameters === undefined ? {} : { parameters: get.parameters }),
    requestBody: { required: text.required, content: { 'application/json': { schema: text.body } } },
    responses: { ...COMMON_RESPONSES, ...text.responses },
  };
}

/** The action POSTs for every instance path (a GET answering one CallSegment) of `readPaths`. */
export function actionPathItems(readPaths: OpenApiPaths): OpenApiPaths {
  const items: { [path: string]: OpenApiPathItem } = {};
  for (const [path, item] of Object.entries(readPaths)) {
    if (!isInstanceGet(item)) continue;
    for (const word of ACTION_WORDS) items[`${path}/${word}`] = { post: actionOperation(word, item.get) };
  }
  return items;
}

/** The action POSTs for the read side's own document. */
export function actionOpenApiPaths(): OpenApiPaths {
  return actionPathItems(buildOpenApiDocument().paths);
}
