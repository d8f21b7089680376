import { describe, expect, it } from 'vitest';
import { MAX_ACTION_BODY_BYTES } from '../../../src/actions/action-body.js';
import { validateTransferBody } from '../../../src/actions/validate-transfer.js';

const body = (value: unknown): string => JSON.stringify(value);

describe('validateTransferBody', () => {
  it.each([
    ['a blind transfer', { destinationNumber: '18005555555', attended: false }],
    ['an attended transfer', { destinationNumber: '201', attended: true }],
    ['star codes, # and +', { destinationNumber: '*72+1#', attended: false }],
    ['letters', { destinationNumber: 'sales', attended: false }],
    ['64 characters', { destinationNumber: '1'.repeat(64), attended: false }],
    ['extra keys', { destinationNumber: '200', attended: false, note: 'ignored' }],
  ])('accepts %s', (_name, value) => {
    const result = validateTransferBody(Buffer.from(body(value)));
    expect(result).toEqual({ ok: true, request: { destinationNumber: value.destinationNumber, attended: value.attended } });
  });

  it.each([
    ['an empty body', '', /empty/],
    ['a body that is not JSON', 'destinationNumber=200', /not JSON/],
    ['truncated JSON', '{"destinationNumber": "200"', /not JSON/],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), /not valid UTF-8/],
    ['a JSON array', body([{ destinationNumber: '200', attended: false }]), /JSON object, got an array/],
    ['a JSON string', body('200'), /JSON object, got a string/],
    ['JSON null', 'null', /JSON object, got null/],
    ['a missing destinationNumber', body({ attended: false }), /destinationNumber is missing/],
    ['a numeric destinationNumber', body({ destinationNumber: 200, attended: false }), /destinationNumber must be a string, got a number/],
    ['a null destinationNumber', body({ destinationNumber: null, attended: false }), /destinationNumber must be a string, got null/],
    ['an empty destinationNumber', body({ destinationNumber: '', attended: false }), /destinationNumber is empty/],
    ['65 characters', body({ destinationNumber: '1'.repeat(65), attended: false }), /65 characters long, more than 64/],
    ['CR LF header injection', body({ destinationNumber: '200\r\nAction: Originate', attended: false }), /not a valid dial string: control or space character U\+000D/],
    ['a trailing LF', body({ destinationNumber: '200\n', attended: false }), /U\+000A/],
    ['a space', body({ destinationNumber: '1 2', attended: false }), /U\+0020/],
    ['a tab', body({ destinationNumber: '1\t2', attended: false }), /U\+0009/],
    ['a NUL', body({ destinationNumber: '1\u00002', attended: false }), /U\+0000/],
    ['an @ (Local dial string)', body({ destinationNumber: '200@internal', attended: false }), /'@'/],
    ['a / (technology)', body({ destinationNumber: 'PJSIP/200', attended: false }), /'\/'/],
    ['an & (several dials)', body({ destinationNumber: '200&201', attended: false }), /'&'/],
    ['a , (dial options)', body({ destinationNumber: '200,30,tT', attended: false }), /','/],
    ['a colon', body({ destinationNumber: 'Action:Hangup', attended: false }), /':'/],
    ['a non-ASCII digit', body({ destinationNumber: '２００', attended: false }), /U\+FF12/],
    ['a missing attended', body({ destinationNumber: '200' }), /attended is missing/],
    ['attended as the string "true"', body({ destinationNumber: '200', attended: 'true' }), /attended must be a JSON boolean .*got a string/],
    ['attended as 1', body({ destinationNumber: '200', attended: 1 }), /attended must be a JSON boolean .*got a number/],
    ['attended null', body({ destinationNumber: '200', attended: null }), /attended must be a JSON boolean .*got null/],
  ])('refuses %s', (_name, raw, reason) => {
    const result = validateTransferBody(typeof raw === 'string' ? Buffer.from(raw) : raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a body over 16 KiB counted in raw bytes, even when it is valid JSON', () => {
    const padded = body({ destinationNumber: '200', attended: false, pad: 'x'.repeat(MAX_ACTION_BODY_BYTES) });
    const result = validateTransferBody(Buffer.from(padded));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/over the 16384-byte \(16 KiB\) limit/) as unknown });
  });

  it('counts bytes, not characters: 16 KiB of multi-byte text is over the limit', () => {
    const text = body({ destinationNumber: '200', attended: false, pad: 'é'.repeat(9000) }); // ~9k characters, ~18k bytes
    expect(text.length).toBeLessThan(MAX_ACTION_BODY_BYTES);
    expect(validateTransferBody(text).ok).toBe(false);
  });

  it('accepts a body of exactly 16 KiB', () => {
    const base = body({ destinationNumber: '200', attended: false, pad: '' });
    const exact = body({ destinationNumber: '200', attended: false, pad: 'x'.repeat(MAX_ACTION_BODY_BYTES - base.length) });
    expect(Buffer.byteLength(exact)).toBe(MAX_ACTION_BODY_BYTES);
    expect(validateTransferBody(Buffer.from(exact)).ok).toBe(true);
  });
});
