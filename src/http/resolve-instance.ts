import { NotFoundError } from './errors/index.js';
import { openLiveContext } from './live-context.js';
import type { CoreServerInfo, Directory, GraphSnapshot, LiveGraphs, SegmentRecord } from './ports.js';
import { resolveCoreServer } from './resolve-parents.js';
import { parseInstancePath } from './resolve-path.js';
import { resolveSegment } from './resolve-segments.js';

export interface ResolvedInstance {
  readonly coreServer: CoreServerInfo;
  /** The live snapshot the segment was found in. */
  readonly snapshot: GraphSnapshot;
  /** The addressed segment (visible). */
  readonly segment: SegmentRecord;
}

/**
 * Resolves an instance path, for the action routes (POST `{instance}/transfer|kick|mute|unmute`).
 *
 * `parts`: the decoded path parts after `/communication_manager/rest/live/`, without the action
 * word, e.g. `['coreServers', 'getByName', 'default', 'callSegments', '<segment id>']` or any
 * composed instance path (`…/extensions/getByName/100/callSegments/<id>/linkedCallSegment`).
 * From a router mounted at the live base: `const parts = splitLivePath(req.path); parts.pop();`.
 *
 * Synchronous; throws the spec-5 errors in spec order (all are `HttpError`s, which the app's
 * error middleware turns into JSON): NotFoundError 404 (not an instance path; unknown core
 * server, extension, conference, queue or segment; not a member; not dialled; not linked),
 * ServiceUnavailableError 503 (AMI link down, before any 404 about segments), ForbiddenError 403
 * (extension not licensed; segment not visible).
 */
export type ResolveInstance = (parts: readonly string[]) => ResolvedInstance;

export function createResolveInstance(directory: Directory, graphs: LiveGraphs): ResolveInstance {
  return (parts) => {
    const path = parseInstancePath(parts);
    if (path === null) throw new NotFoundError(`'${parts.join('/')}' is not a call segment path`);
    const coreServer = resolveCoreServer(directory, path.coreServer);
    const ctx = openLiveContext(directory, graphs, coreServer);
    return { coreServer, snapshot: ctx.snapshot, segment: resolveSegment(directory, ctx, path.instance) };
  };
}
