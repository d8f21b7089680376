/**
 * kick / mute / unmute take `{}` (spec §3.3). An empty body or any JSON object is accepted
 * (extra keys are ignored); a body that is not JSON, not an object or over 16 KiB is a 422.
 */
import { describeJsonType, isJsonObject, parseActionBody } from './action-body.js';

export type ConferenceBodyValidation = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function validateConferenceBody(raw: Uint8Array | string | undefined): ConferenceBodyValidation {
  const parsed = parseActionBody(raw);
  if (!parsed.ok) return parsed;
  if (parsed.empty || isJsonObject(parsed.value)) return { ok: true };
  return { ok: false, reason: `request body must be empty or a JSON object ({}), got ${describeJsonType(parsed.value)}` };
}
