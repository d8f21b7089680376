import { describe, expect, it } from 'vitest';
import { callerIdId, InvalidNamespaceError, segmentId, uuidV5 } from '../../../src/segments/segment-id.js';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('segment ids (UUID v5)', () => {
  it.each([
    [DNS_NAMESPACE, 'www.example.com', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    [DNS_NAMESPACE, 'python.org', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
  ])('uuidV5(%s, %s) is the known vector %s', (namespace, name, expected) => {
    expect(uuidV5(namespace, name)).toBe(expected);
  });

  it('is stable for one core server and Uniqueid, distinct across servers and channels', () => {
    const server = '5f0c2d5e-3b7a-4c2e-9a51-0b8f1f6d2c11';
    const other = '0e1a7c9b-2d44-4f6e-8a3b-7c5d9e0f1a22';
    expect(segmentId(server, '1796398606.0')).toBe(segmentId(server, '1796398606.0'));
    expect(segmentId(server, '1796398606.0')).not.toBe(segmentId(server, '1796398606.1'));
    expect(segmentId(server, '1796398606.0')).not.toBe(segmentId(other, '1796398606.0'));
    expect(segmentId(server, '1796398606.0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives the caller-id id from the segment id', () => {
    const id = segmentId(DNS_NAMESPACE, '1.2');
    expect(callerIdId(id)).toBe(uuidV5(id, 'callerId'));
    expect(callerIdId(id)).not.toBe(id);
  });

  it('refuses a namespace that is no UUID', () => {
    expect(() => uuidV5('default', 'x')).toThrow(InvalidNamespaceError);
  });
});
