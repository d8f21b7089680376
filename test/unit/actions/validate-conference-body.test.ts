import { describe, expect, it } from 'vitest';
import { validateConferenceBody } from '../../../src/actions/validate-conference-body.js';

describe('validateConferenceBody', () => {
  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['{}', '{}'],
    ['an object with extra keys', '{"reason":"noise"}'],
  ])('accepts %s', (_name, raw) => {
    expect(validateConferenceBody(raw)).toEqual({ ok: true });
  });

  it.each([
    ['a body that is not JSON', 'kick me', /not JSON/],
    ['a JSON array', '[]', /empty or a JSON object .*got an array/],
    ['a JSON number', '42', /got a number/],
    ['a body over 16 KiB', `{"pad":"${'x'.repeat(16 * 1024)}"}`, /16 KiB/],
  ])('refuses %s', (_name, raw, reason) => {
    const result = validateConferenceBody(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
