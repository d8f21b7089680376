import { ForbiddenError, NotFoundError } from './errors/index.js';
import type { LiveContext } from './live-context.js';
import type { Directory, SegmentRecord } from './ports.js';
import { resolveConference, resolveExtension, resolveQueue } from './resolve-parents.js';
import type { SegmentCollection, SegmentInstance } from './resolve-path.js';

/** A collection whose parents were found and allowed. */
export interface ResolvedCollection {
  /** Words for error messages, e.g. `conference '800'`. */
  readonly label: string;
  /** Visible members, in the collection's order. */
  members(): SegmentRecord[];
  contains(segment: SegmentRecord): boolean;
}

function byIds(ctx: LiveContext, ids: readonly string[]): SegmentRecord[] {
  const found: SegmentRecord[] = [];
  for (const id of ids) {
    const segment = ctx.snapshot.segments.get(id);
    if (segment !== undefined) found.push(segment);
  }
  return found;
}

function ofIds(ctx: LiveContext, label: string, ids: readonly string[]): ResolvedCollection {
  return {
    label,
    members: () => byIds(ctx, ids).filter(ctx.isVisible),
    contains: (segment) => ids.includes(segment.id),
  };
}

function ofPredicate(ctx: LiveContext, label: string, contains: (s: SegmentRecord) => boolean): ResolvedCollection {
  return {
    label,
    members: () => [...ctx.snapshot.segments.values()].filter((s) => contains(s) && ctx.isVisible(s)),
    contains,
  };
}

/** Finds the parents of a segment collection: 404 for an unknown parent, 403 for a restricted one. */
export function resolveCollection(directory: Directory, ctx: LiveContext, collection: SegmentCollection): ResolvedCollection {
  const { coreServer, snapshot } = ctx;
  switch (collection.kind) {
    case 'coreServer':
      return ofPredicate(ctx, `core server '${coreServer.id}'`, () => true);
    case 'extension': {
      const extension = resolveExtension(directory, coreServer, collection.extension);
      return ofPredicate(ctx, `extension '${extension.number}'`, (s) => ctx.extensionOf(s.channel)?.id === extension.id);
    }
    case 'conference': {
      const room = resolveConference(directory, coreServer, snapshot, collection.conference);
      return ofIds(ctx, `conference '${room.name}'`, snapshot.conferences.get(room.name) ?? []);
    }
    case 'queue': {
      const queue = resolveQueue(directory, coreServer, snapshot, collection.queue);
      return ofIds(ctx, `queue '${queue.name}'`, snapshot.queues.get(queue.name) ?? []);
    }
    case 'dialingTo': {
      const caller = resolveSegment(directory, ctx, collection.of);
      return ofIds(ctx, `the segments call segment '${caller.id}' is dialling`, caller.dialingTo);
    }
  }
}

function visibleOr403(ctx: LiveContext, segment: SegmentRecord): SegmentRecord {
  if (!ctx.isVisible(segment)) throw new ForbiddenError(`call segment '${segment.id}' is not visible`);
  return segment;
}

/**
 * Finds one segment (spec 5 order): parents first (404/403), then 404 for an unknown id, 403 for
 * an invisible segment, 404 for a segment that is not a member of the addressed collection; a
 * relation that does not hold (not dialled, not linked) is a 404.
 */
export function resolveSegment(directory: Directory, ctx: LiveContext, instance: SegmentInstance): SegmentRecord {
  switch (instance.kind) {
    case 'member': {
      const collection = resolveCollection(directory, ctx, instance.collection);
      const segment = ctx.snapshot.segments.get(instance.segmentId);
      if (segment === undefined) throw new NotFoundError(`no call segment with id '${instance.segmentId}'`);
      visibleOr403(ctx, segment);
      if (!collection.contains(segment)) {
        throw new NotFoundError(`call segment '${segment.id}' is not in ${collection.label}`);
      }
      return segment;
    }
    case 'dialingFrom': {
      const callee = resolveSegment(directory, ctx, instance.of);
      const callers = byIds(ctx, callee.dialingFrom);
      const first = callers[0];
      if (first === undefined) throw new NotFoundError(`call segment '${callee.id}' is not being dialled`);
      return visibleOr403(ctx, callers.find(ctx.isVisible) ?? first);
    }
    case 'linked': {
      const segment = resolveSegment(directory, ctx, instance.of);
      const linked = segment.linkedTo === null ? undefined : ctx.snapshot.segments.get(segment.linkedTo);
      if (linked === undefined) throw new NotFoundError(`call segment '${segment.id}' is not linked`);
      return visibleOr403(ctx, linked);
    }
  }
}
