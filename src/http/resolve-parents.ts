import { ForbiddenError, NotFoundError } from './errors/index.js';
import { conferenceId, queueId } from './name-uuid.js';
import type { CoreServerInfo, Directory, ExtensionInfo, GraphSnapshot } from './ports.js';
import type { Ref } from './resolve-path.js';

function describe(kind: string, ref: Ref): string {
  return ref.by === 'id' ? `${kind} with id '${ref.value}'` : `${kind} named '${ref.value}'`;
}

export function resolveCoreServer(directory: Directory, ref: Ref): CoreServerInfo {
  const coreServer = ref.by === 'id' ? directory.coreServerById(ref.value) : directory.coreServerBySlug(ref.value);
  if (coreServer === null) throw new NotFoundError(`no ${describe('core server', ref)}`);
  return coreServer;
}

/** An extension that exists (else 404) and is bound to a licensed user (else 403). */
export function resolveExtension(directory: Directory, coreServer: CoreServerInfo, ref: Ref): ExtensionInfo {
  const extension =
    ref.by === 'id' ? directory.extensionById(coreServer.id, ref.value) : directory.extensionByNumber(coreServer.id, ref.value);
  if (extension === null) throw new NotFoundError(`no ${describe('extension', ref)} on core server '${coreServer.id}'`);
  if (!extension.licensed) throw new ForbiddenError(`extension '${extension.number}' is not bound to a licensed user`);
  return extension;
}

/** A conference room or a queue: `id` is a name-based UUID, stable for the same name. */
export interface NamedRoom {
  readonly id: string;
  readonly name: string;
}

function rooms(live: Iterable<string>, configured: readonly string[], idOf: (name: string) => string): NamedRoom[] {
  const names = new Set<string>(live);
  for (const name of configured) names.add(name);
  return [...names].sort().map((name) => ({ id: idOf(name), name }));
}

function findRoom(all: readonly NamedRoom[], kind: string, ref: Ref, coreServer: CoreServerInfo): NamedRoom {
  const room = all.find((r) => (ref.by === 'id' ? r.id === ref.value : r.name === ref.value));
  if (room === undefined) throw new NotFoundError(`no ${describe(kind, ref)} on core server '${coreServer.id}'`);
  return room;
}

/** Conference rooms live in the snapshot or configured in the gateway, sorted by name. */
export function listConferences(directory: Directory, coreServer: CoreServerInfo, snapshot: GraphSnapshot): NamedRoom[] {
  const idOf = (name: string): string => conferenceId(coreServer.id, name);
  return rooms(snapshot.conferences.keys(), directory.configuredConferences(coreServer.id), idOf);
}

export function resolveConference(
  directory: Directory,
  coreServer: CoreServerInfo,
  snapshot: GraphSnapshot,
  ref: Ref,
): NamedRoom {
  return findRoom(listConferences(directory, coreServer, snapshot), 'conference', ref, coreServer);
}

/** Queues live in the snapshot or configured in the gateway, sorted by name. */
export function listQueues(directory: Directory, coreServer: CoreServerInfo, snapshot: GraphSnapshot): NamedRoom[] {
  const idOf = (name: string): string => queueId(coreServer.id, name);
  return rooms(snapshot.queues.keys(), directory.configuredQueues(coreServer.id), idOf);
}

export function resolveQueue(directory: Directory, coreServer: CoreServerInfo, snapshot: GraphSnapshot, ref: Ref): NamedRoom {
  return findRoom(listQueues(directory, coreServer, snapshot), 'queue', ref, coreServer);
}
