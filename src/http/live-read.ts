import type { RequestHandler } from 'express';
import { NotFoundError } from './errors/index.js';
import { openLiveContext, type LiveContext } from './live-context.js';
import { coreServerJson, extensionJson } from './parent-json.js';
import type { Directory, LiveGraphs, SegmentRecord } from './ports.js';
import {
  listConferences,
  listQueues,
  resolveConference,
  resolveCoreServer,
  resolveExtension,
  resolveQueue,
} from './resolve-parents.js';
import { parseLivePath, splitLivePath, type LivePath } from './resolve-path.js';
import { resolveCollection, resolveSegment } from './resolve-segments.js';
import { callSegmentJson, type CallSegmentJson } from './segment-json.js';

function segmentJson(ctx: LiveContext, segment: SegmentRecord): CallSegmentJson {
  return callSegmentJson(segment, ctx.extensionOf(segment.channel) !== null);
}

/** The body of a GET on a parsed live path; throws the spec-5 errors in spec order. */
export function readLivePath(directory: Directory, graphs: LiveGraphs, path: LivePath): unknown {
  if (path.kind === 'coreServers') return directory.listCoreServers().map(coreServerJson);
  const coreServer = resolveCoreServer(directory, path.coreServer);
  if (path.kind === 'coreServer') return coreServerJson(coreServer);
  // Every path below a core server is live: 503 while its AMI link is down.
  const ctx = openLiveContext(directory, graphs, coreServer);
  const { snapshot } = ctx;
  switch (path.kind) {
    case 'extensions':
      // Restricted (unlicensed) extensions are left out, as invisible segments are.
      return directory
        .listExtensions(coreServer.id)
        .filter((e) => e.licensed)
        .map(extensionJson);
    case 'extension':
      return extensionJson(resolveExtension(directory, coreServer, path.extension));
    case 'conferences':
      return listConferences(directory, coreServer, snapshot);
    case 'conference':
      return resolveConference(directory, coreServer, snapshot, path.conference);
    case 'queues':
      return listQueues(directory, coreServer, snapshot);
    case 'queue':
      return resolveQueue(directory, coreServer, snapshot, path.queue);
    case 'segments':
      return resolveCollection(directory, ctx, path.collection)
        .members()
        .map((s) => segmentJson(ctx, s));
    case 'segment':
      return segmentJson(ctx, resolveSegment(directory, ctx, path.instance));
  }
}

/** GET (and HEAD) on any path under the live base; other methods fall through. */
export function liveReadHandler(directory: Directory, graphs: LiveGraphs): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const parts = splitLivePath(req.path);
    const path = parts === null ? null : parseLivePath(parts);
    if (path === null) throw new NotFoundError(`no resource at '${req.originalUrl.split('?')[0] ?? ''}'`);
    res.json(readLivePath(directory, graphs, path));
  };
}
