import { createHash } from 'node:crypto';

/** Namespace of the gateway's own name-based ids (conference rooms, queues). */
const GATEWAY_NAMESPACE = '3a9f0c2e-5b7d-4e61-9c8a-2f4d6b1e7a53';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** RFC 9562 UUID version 5 (SHA-1, name-based) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stable id of a conference room: the same core server and room name give the same id. */
export function conferenceId(coreServerId: string, roomName: string): string {
  return uuidV5(GATEWAY_NAMESPACE, `${coreServerId}/conference/${roomName}`);
}

/** Stable id of a queue: the same core server and queue name give the same id. */
export function queueId(coreServerId: string, queueName: string): string {
  return uuidV5(GATEWAY_NAMESPACE, `${coreServerId}/queue/${queueName}`);
}
