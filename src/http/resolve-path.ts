/**
 * Pure parser of the path after `/communication_manager/rest/live/` into a typed resource chain
 * (spec 3). An instance path may stand wherever the source says `{instance_resource_path}`:
 * `…/{seg}/linkedCallSegment`, `…/{seg}/dialingToCallSegments/{seg2}/linkedCallSegment`, ….
 */

/** A parent addressed by id or by `getByName/{name}`. */
export type Ref = { readonly by: 'id'; readonly value: string } | { readonly by: 'name'; readonly value: string };

/** A collection of call segments. */
export type SegmentCollection =
  | { readonly kind: 'coreServer' }
  | { readonly kind: 'extension'; readonly extension: Ref }
  | { readonly kind: 'conference'; readonly conference: Ref }
  | { readonly kind: 'queue'; readonly queue: Ref }
  | { readonly kind: 'dialingTo'; readonly of: SegmentInstance };

/** One call segment, addressed as a member of a collection or through a relation. */
export type SegmentInstance =
  | { readonly kind: 'member'; readonly collection: SegmentCollection; readonly segmentId: string }
  | { readonly kind: 'dialingFrom'; readonly of: SegmentInstance }
  | { readonly kind: 'linked'; readonly of: SegmentInstance };

export type LivePath =
  | { readonly kind: 'coreServers' }
  | { readonly kind: 'coreServer'; readonly coreServer: Ref }
  | { readonly kind: 'extensions'; readonly coreServer: Ref }
  | { readonly kind: 'extension'; readonly coreServer: Ref; readonly extension: Ref }
  | { readonly kind: 'conferences'; readonly coreServer: Ref }
  | { readonly kind: 'conference'; readonly coreServer: Ref; readonly conference: Ref }
  | { readonly kind: 'queues'; readonly coreServer: Ref }
  | { readonly kind: 'queue'; readonly coreServer: Ref; readonly queue: Ref }
  | { readonly kind: 'segments'; readonly coreServer: Ref; readonly collection: SegmentCollection }
  | { readonly kind: 'segment'; readonly coreServer: Ref; readonly instance: SegmentInstance };

export type InstancePath = Extract<LivePath, { kind: 'segment' }>;

const GET_BY_NAME = 'getByName';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs, which compare case-insensitively (RFC 9562); ours are written in lower case. */
function canonicalId(value: string): string {
  return UUID.test(value) ? value.toLowerCase() : value;
}

/**
 * Splits a path relative to the live base (e.g. `req.path` of a router mounted there) into
 * decoded parts; empty parts (doubled or trailing slashes) are dropped. null: bad %-encoding.
 */
export function splitLivePath(path: string): string[] | null {
  const parts: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    try {
      parts.push(decodeURIComponent(raw));
    } catch {
      return null;
    }
  }
  return parts;
}

type Step<T> = { readonly value: T; readonly next: number } | null;

function parseRef(parts: readonly string[], i: number): Step<Ref> {
  const first = parts[i];
  if (first === undefined) return null;
  if (first !== GET_BY_NAME) return { value: { by: 'id', value: canonicalId(first) }, next: i + 1 };
  const name = parts[i + 1];
  return name === undefined ? null : { value: { by: 'name', value: name }, next: i + 2 };
}

type Tail = { readonly kind: 'segments'; readonly collection: SegmentCollection } | { readonly kind: 'segment'; readonly instance: SegmentInstance };

function parseInstanceTail(parts: readonly string[], instance: SegmentInstance, i: number): Tail | null {
  const word = parts[i];
  switch (word) {
    case undefined:
      return { kind: 'segment', instance };
    case 'dialingToCallSegments':
      return parseCollectionTail(parts, { kind: 'dialingTo', of: instance }, i + 1);
    case 'dialingFromCallSegment':
      return parseInstanceTail(parts, { kind: 'dialingFrom', of: instance }, i + 1);
    case 'linkedCallSegment':
      return parseInstanceTail(parts, { kind: 'linked', of: instance }, i + 1);
    default:
      return null;
  }
}

function parseCollectionTail(parts: readonly string[], collection: SegmentCollection, i: number): Tail | null {
  const segmentId = parts[i];
  if (segmentId === undefined) return { kind: 'segments', collection };
  return parseInstanceTail(parts, { kind: 'member', collection, segmentId: canonicalId(segmentId) }, i + 1);
}

type Parent = 'extensions' | 'conferences' | 'queues';

function parentCollection(parent: Parent, ref: Ref): SegmentCollection {
  switch (parent) {
    case 'extensions':
      return { kind: 'extension', extension: ref };
    case 'conferences':
      return { kind: 'conference', conference: ref };
    case 'queues':
      return { kind: 'queue', queue: ref };
  }
}

function parentInstance(parent: Parent, coreServer: Ref, ref: Ref): LivePath {
  switch (parent) {
    case 'extensions':
      return { kind: 'extension', coreServer, extension: ref };
    case 'conferences':
      return { kind: 'conference', coreServer, conference: ref };
    case 'queues':
      return { kind: 'queue', coreServer, queue: ref };
  }
}

function withCoreServer(coreServer: Ref, tail: Tail | null): LivePath | null {
  if (tail === null) return null;
  return tail.kind === 'segments'
    ? { kind: 'segments', coreServer, collection: tail.collection }
    : { kind: 'segment', coreServer, instance: tail.instance };
}

function parseParent(parts: readonly string[], parent: Parent, coreServer: Ref, i: number): LivePath | null {
  if (i === parts.length) return { kind: parent, coreServer };
  const ref = parseRef(parts, i);
  if (ref === null) return null;
  if (ref.next === parts.length) return parentInstance(parent, coreServer, ref.value);
  if (parts[ref.next] !== 'callSegments') return null;
  return withCoreServer(coreServer, parseCollectionTail(parts, parentCollection(parent, ref.value), ref.next + 1));
}

/** Parses decoded path parts (relative to the live base); null: no such resource path. */
export function parseLivePath(parts: readonly string[]): LivePath | null {
  if (parts[0] !== 'coreServers') return null;
  if (parts.length === 1) return { kind: 'coreServers' };
  const cs = parseRef(parts, 1);
  if (cs === null) return null;
  const coreServer = cs.value;
  const word = parts[cs.next];
  switch (word) {
    case undefined:
      return { kind: 'coreServer', coreServer };
    case 'extensions':
    case 'conferences':
    case 'queues':
      return parseParent(parts, word, coreServer, cs.next + 1);
    case 'callSegments':
      return withCoreServer(coreServer, parseCollectionTail(parts, { kind: 'coreServer' }, cs.next + 1));
    default:
      return null;
  }
}

/** Parses an instance path (one call segment); null when the parts address anything else. */
export function parseInstancePath(parts: readonly string[]): InstancePath | null {
  const path = parseLivePath(parts);
  return path?.kind === 'segment' ? path : null;
}
