import express from 'express';
import type { Logger } from 'pino';
import { actionOpenApiPaths } from './actions/openapi-actions.js';
import { basicAuthMiddleware } from './auth.js';
import { NotFoundError } from './errors/index.js';
import { errorMiddleware } from './errors/error-middleware.js';
import { liveReadHandler } from './live-read.js';
import { buildOpenApiDocument, LIVE_BASE, OPENAPI_PATH } from './openapi.js';
import type { OpenApiPaths } from './openapi-types.js';
import type { ApiUserVerifier, Directory, LiveGraphs } from './ports.js';
import { requestLogger } from './request-logger.js';
import { createResolveInstance, type ResolveInstance } from './resolve-instance.js';

/** What the action routes (src/http/actions) are given. */
export interface ActionRouteDeps {
  /** See resolve-instance.ts: decoded parts after the live base, without the action word. */
  readonly resolveInstance: ResolveInstance;
  readonly directory: Directory;
  readonly graphs: LiveGraphs;
  readonly logger: Logger;
}

export interface AppDeps {
  readonly directory: Directory;
  readonly graphs: LiveGraphs;
  readonly apiUsers: ApiUserVerifier;
  readonly logger: Logger;
  /**
   * The action routes: a router mounted at the live base after Basic auth and before the GET
   * routes, so `POST {instance}/transfer|kick|mute|unmute` reach it with `req.path` relative to
   * `/communication_manager/rest/live` (e.g. `/coreServers/…/callSegments/<id>/transfer`).
   */
  readonly actions?: (deps: ActionRouteDeps) => express.Router;
  /**
   * Path items merged into the OpenAPI document. Default: the actions' POST operations
   * (src/http/actions/openapi-actions.ts) when `actions` is given, else none.
   */
  readonly openApiExtraPaths?: OpenApiPaths;
}

/** The REST gateway: `/communication_manager/rest/live/**` (Basic auth) and the OpenAPI document (no auth). */
export function createApp(deps: AppDeps): express.Express {
  const { directory, graphs, apiUsers, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(logger));

  const extraPaths = deps.openApiExtraPaths ?? (deps.actions === undefined ? {} : actionOpenApiPaths());
  // Serialised once: the document never changes while the process runs.
  const document = JSON.stringify(buildOpenApiDocument(extraPaths));
  app.get(OPENAPI_PATH, (_req, res) => {
    res.type('application/json').send(document);
  });

  const live = express.Router();
  live.use(basicAuthMiddleware(apiUsers, logger));
  if (deps.actions !== undefined) {
    const resolveInstance = createResolveInstance(directory, graphs);
    live.use(deps.actions({ resolveInstance, directory, graphs, logger }));
  }
  live.use(liveReadHandler(directory, graphs));
  app.use(LIVE_BASE, live);

  app.use((req, _res, next) => {
    next(new NotFoundError(`no resource at '${req.method} ${req.path}'`));
  });
  app.use(errorMiddleware(logger));
  return app;
}
