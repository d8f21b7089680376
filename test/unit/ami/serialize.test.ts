import { describe, expect, it } from 'vitest';
import { AmiHeaderInjectionError } from '../../../src/ami/errors/ami-header-injection-error.js';
import { serializeAction } from '../../../src/ami/serialize.js';

describe('serializeAction', () => {
  it('writes Key: Value lines in the given order and ends with an empty line', () => {
    expect(serializeAction({ Action: 'Redirect', Channel: 'PJSIP/100-00000001', Exten: '200', Context: 'internal', Priority: '1' })).toBe(
      'Action: Redirect\r\nChannel: PJSIP/100-00000001\r\nExten: 200\r\nContext: internal\r\nPriority: 1\r\n\r\n',
    );
  });

  it('repeats a key once per value, in order', () => {
    expect(serializeAction({ Action: 'Originate', Variable: ['B=2', 'A=1'], Async: 'true' })).toBe(
      'Action: Originate\r\nVariable: B=2\r\nVariable: A=1\r\nAsync: true\r\n\r\n',
    );
  });

  it('keeps empty values', () => {
    expect(serializeAction({ Action: 'Setvar', Value: '' })).toBe('Action: Setvar\r\nValue: \r\n\r\n');
  });

  it.each([
    ['CRLF in a value', { Action: 'Setvar', Value: 'ok\r\nAction: Originate\r\nChannel: PJSIP/999' }],
    ['LF in a value', { Action: 'Setvar', Value: 'ok\nAction: Originate' }],
    ['CR in a value', { Action: 'Setvar', Value: 'ok\rAction: Originate' }],
    ['CRLF in one of repeated values', { Action: 'Originate', Variable: ['A=1', 'B=2\r\n\r\nAction: Originate'] }],
    ['CRLF in a key', { Action: 'Setvar', 'X\r\nAction: Originate': 'v' }],
    ['a colon in a key', { Action: 'Setvar', 'Action: Originate\r\nX': 'v' }],
    ['a bare colon in a key', { Action: 'Setvar', 'Channel:PJSIP/1': 'v' }],
    ['an empty key', { Action: 'Setvar', '': 'v' }],
  ])('refuses %s with AmiHeaderInjectionError and produces nothing', (_label, headers) => {
    let produced: string | undefined;
    expect(() => {
      produced = serializeAction(headers);
    }).toThrow(AmiHeaderInjectionError);
    expect(produced).toBeUndefined();
  });

  it('names the offending header', () => {
    try {
      serializeAction({ Action: 'Setvar', Value: 'x\r\nAction: Originate' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AmiHeaderInjectionError);
      expect((error as AmiHeaderInjectionError).headerName).toBe('Value');
    }
  });
});
