/**
 * The transfer body rules of spec §3.3 / §5, pure: raw bytes in, either the request or the
 * reason for a 422. The destination must be a plain dial string: it reaches AMI as a header
 * value and Asterisk as an extension, so CR/LF (a bare LF already starts a new AMI header),
 * spaces, `@`, `/`, `&` and `,` (dial-string syntax) are all refused.
 */
import { describeJsonType, isJsonObject, parseActionBody } from './action-body.js';

export interface TransferRequest {
  readonly destinationNumber: string;
  readonly attended: boolean;
}

export type TransferValidation =
  | { readonly ok: true; readonly request: TransferRequest }
  | { readonly ok: false; readonly reason: string };

export const MAX_DESTINATION_LENGTH = 64;

const DIAL_STRING = /^[0-9A-Za-z*#+]+$/;

export function validateTransferBody(raw: Uint8Array | string | undefined): TransferValidation {
  const parsed = parseActionBody(raw);
  if (!parsed.ok) return parsed;
  if (parsed.empty) return refuse('request body is empty: expected a JSON object with destinationNumber and attended');
  const body = parsed.value;
  if (!isJsonObject(body)) return refuse(`request body must be a JSON object, got ${describeJsonType(body)}`);

  const destination = body['destinationNumber'];
  if (destination === undefined) return refuse('destinationNumber is missing');
  if (typeof destination !== 'string') return refuse(`destinationNumber must be a string, got ${describeJsonType(destination)}`);
  if (destination.length === 0) return refuse('destinationNumber is empty');
  if (destination.length > MAX_DESTINATION_LENGTH) {
    return refuse(`destinationNumber is ${destination.length} characters long, more than ${MAX_DESTINATION_LENGTH}`);
  }
  const bad = firstInvalidCharacter(destination);
  if (bad !== undefined) {
    return refuse(`destinationNumber is not a valid dial string: ${bad} is not allowed (only digits, letters, *, # and +)`);
  }

  const attended = body['attended'];
  if (attended === undefined) return refuse('attended is missing');
  if (typeof attended !== 'boolean') return refuse(`attended must be a JSON boolean (true or false), got ${describeJsonType(attended)}`);

  return { ok: true, request: { destinationNumber: destination, attended } };
}

function refuse(reason: string): TransferValidation {
  return { ok: false, reason };
}

/** Names the first refused character readably (control characters by code, never raw). */
function firstInvalidCharacter(value: string): string | undefined {
  if (DIAL_STRING.test(value)) return undefined;
  for (const char of value) {
    if (!DIAL_STRING.test(char)) {
      const code = char.codePointAt(0) ?? 0;
      const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return code > 0x20 && code !== 0x7f ? `character '${char}' (${hex})` : `control or space character ${hex}`;
    }
  }
  return undefined;
}
