/**
 * Reading an action's raw request body as JSON, with the limits of spec §5: at most 16 KiB,
 * UTF-8, valid JSON. Pure: bytes in, a value or a reason out.
 */

/** Largest body accepted, in raw bytes (16 KiB). */
export const MAX_ACTION_BODY_BYTES = 16 * 1024;

export type BodyParse = { readonly ok: true; readonly value: unknown; readonly empty: boolean } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a raw body; `undefined` or zero bytes is an empty body (`value` undefined). */
export function parseActionBody(raw: Uint8Array | string | undefined): BodyParse {
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : (raw?.byteLength ?? 0);
  if (bytes > MAX_ACTION_BODY_BYTES) {
    return { ok: false, reason: `request body is ${bytes} bytes, over the ${MAX_ACTION_BODY_BYTES}-byte (16 KiB) limit` };
  }
  let text: string;
  if (raw === undefined) text = '';
  else if (typeof raw === 'string') text = raw;
  else {
    try {
      text = utf8.decode(raw);
    } catch {
      return { ok: false, reason: 'request body is not JSON: it is not valid UTF-8' };
    }
  }
  if (text.trim() === '') return { ok: true, value: undefined, empty: true };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, empty: false };
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return { ok: false, reason: `request body is not JSON${detail}` };
  }
}

export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
