/**
 * Segment ids: name-based UUIDs (version 5, SHA-1, RFC 9562) from the core server id (namespace)
 * and the channel's Uniqueid, so a segment keeps its id across AMI reconnects and gateway restarts.
 * Hashing is no I/O: node:crypto is fine in the pure core.
 */
import { createHash } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidNamespaceError extends Error {
  override readonly name = 'InvalidNamespaceError';
  constructor(namespace: string) {
    super(`not a UUID, cannot serve as a namespace: ${namespace}`);
  }
}

/** UUID v5 of `name` in `namespace` (a UUID string). */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new InvalidNamespaceError(namespace);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The segment id of the channel with this Uniqueid on this core server. */
export function segmentId(coreServerId: string, uniqueid: string): string {
  return uuidV5(coreServerId, uniqueid);
}

/** The id of a segment's caller-id object, derived from the segment id. */
export function callerIdId(segmentIdValue: string): string {
  return uuidV5(segmentIdValue, 'callerId');
}

/** A memoising Uniqueid → segment id function for one core server. */
export function segmentIdsFor(coreServerId: string): (uniqueid: string) => string {
  const cache = new Map<string, string>();
  return (uniqueid) => {
    let id = cache.get(uniqueid);
    if (id === undefined) {
      id = segmentId(coreServerId, uniqueid);
      cache.set(uniqueid, id);
    }
    return id;
  };
}
