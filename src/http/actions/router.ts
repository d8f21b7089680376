/**
 * POST `{instance path}/transfer|kick|mute|unmute` (spec §3.3) for every instance path. Order of
 * answers: whatever `resolveInstance` throws about the path (401/403/404/503) first, then the
 * body's 422, the plan's 422/409/500, and the AMI outcome 502/503/504; 204 on success. Errors go
 * to the app's error middleware as HttpErrors (JSON `{status, error, message}`).
 */
import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { executePlan } from '../../actions/execute.js';
import type { ExecuteOptions } from '../../actions/execute.js';
import type { PlanResult } from '../../actions/plan.js';
import { planConferenceAction } from '../../actions/plan-conference.js';
import type { ConferenceActionWord } from '../../actions/plan-conference.js';
import { planTransfer } from '../../actions/plan-transfer.js';
import type { AmiActionPort, SegmentRecord } from '../../actions/ports.js';
import { validateConferenceBody } from '../../actions/validate-conference-body.js';
import { validateTransferBody } from '../../actions/validate-transfer.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { ServiceUnavailableError } from '../errors/service-unavailable-error.js';
import { UnprocessableEntityError } from '../errors/unprocessable-entity-error.js';
import type { Directory } from '../ports.js';
import type { ResolvedInstance, ResolveInstance } from '../resolve-instance.js';
import { splitLivePath } from '../resolve-path.js';
import { createRawBodyReader } from './read-raw-body.js';
import type { RawBody } from './read-raw-body.js';

export type ActionWord = 'transfer' | ConferenceActionWord;

export const ACTION_WORDS: readonly ActionWord[] = ['transfer', 'kick', 'mute', 'unmute'];

/**
 * What the router needs: the read side's `ActionRouteDeps` (createApp's `actions` hook gives
 * `resolveInstance`, `directory`, `logger`) plus the AMI port of each core server, e.g.
 * `actions: (d) => createActionsRouter({ ...d, amiPort: (id) => amiClients.get(id) })`.
 */
export interface ActionsRouterDeps {
  /** Decoded path parts after the live base, without the action word; throws 404/503/403 HttpErrors. */
  readonly resolveInstance: ResolveInstance;
  /** EXTERNAL/INTERNAL: a channel is INTERNAL when it belongs to an extension of the core server. */
  readonly directory: Pick<Directory, 'extensionOfChannel'>;
  /** The AMI port of a core server (undefined: none, answered 503). */
  amiPort(coreServerId: string): AmiActionPort | undefined;
  /** Whether the segment's link runs through a Local pair; absent or undefined: not known (see plan-transfer.ts). */
  linkedThroughLocal?(coreServerId: string, segment: SegmentRecord): boolean | undefined;
  readonly execute?: ExecuteOptions;
  readonly logger?: Logger;
}

/** `req.path` relative to the live base: `/<instance path>/<action word>` (a trailing slash allowed). */
const ACTION_PATH = /^\/.+\/(transfer|kick|mute|unmute)\/?$/;

export function createActionsRouter(deps: ActionsRouterDeps): Router {
  const router = Router();
  const readBody = createRawBodyReader();

  router.use((req: Request, res: Response, next: NextFunction) => {
    const match = req.method === 'POST' ? ACTION_PATH.exec(req.path) : null;
    if (match === null) {
      next();
      return;
    }
    handle(deps, readBody, req, res, match[1] as ActionWord).catch(next);
  });
  return router;
}

async function handle(
  deps: ActionsRouterDeps,
  readBody: (req: Request, res: Response) => Promise<RawBody>,
  req: Request,
  res: Response,
  word: ActionWord,
): Promise<void> {
  const body = await readBody(req, res);
  const parts = splitLivePath(req.path);
  if (parts === null) throw new NotFoundError(`'${req.path}' is not a call segment path (bad %-encoding)`);
  parts.pop(); // the action word
  const { coreServer, snapshot, segment } = deps.resolveInstance(parts);
  if (!body.ok) throw new UnprocessableEntityError(body.reason);

  const planned = plan(deps, word, body.bytes, { coreServer, snapshot, segment });
  if (!planned.ok) throw planned.error;

  const port = deps.amiPort(coreServer.id);
  if (port === undefined) throw new ServiceUnavailableError(`core server ${coreServer.slug} has no AMI connection`);
  await executePlan(port, planned.plan, deps.execute);
  deps.logger?.info(
    { coreServer: coreServer.slug, segment: segment.id, channel: segment.channel, action: planned.plan.action },
    `call action ${word} carried out`,
  );
  res.status(204).end();
}

function plan(deps: ActionsRouterDeps, word: ActionWord, bytes: Uint8Array | string | undefined, target: ResolvedInstance): PlanResult {
  const { coreServer, snapshot, segment } = target;
  if (word === 'transfer') {
    const validation = validateTransferBody(bytes);
    if (!validation.ok) return { ok: false, error: new UnprocessableEntityError(validation.reason) };
    const local = deps.linkedThroughLocal;
    return planTransfer({
      snapshot,
      segment,
      coreServer,
      request: validation.request,
      isInternal: (channel) => deps.directory.extensionOfChannel(coreServer.id, channel) !== null,
      ...(local === undefined ? {} : { linkedThroughLocal: (s: SegmentRecord) => local(coreServer.id, s) }),
    });
  }
  const validation = validateConferenceBody(bytes);
  if (!validation.ok) return { ok: false, error: new UnprocessableEntityError(validation.reason) };
  return planConferenceAction({ segment, coreServer, action: word });
}
