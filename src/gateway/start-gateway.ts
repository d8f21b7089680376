import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { linkedThroughLocal } from '../actions/link-through-local.js';
import { ensureConfiguredCoreServer } from '../config/ensure-configured-core-server.js';
import type { Config } from '../config/config.js';
import { createApp } from '../http/app.js';
import { createActionsRouter } from '../http/actions/router.js';
import { ApiUserRepository } from '../store/api-user-repository.js';
import { openDatabase } from '../store/database.js';
import { CachedApiUserVerifier } from './cached-api-user-verifier.js';
import { answerClientErrorsWithJson } from './json-client-error.js';
import { CoreServerRuntimes } from './runtimes.js';
import { SqliteDirectory } from './sqlite-directory.js';

export interface RunningGateway {
  /** e.g. `http://127.0.0.1:58080` */
  readonly url: string;
  readonly port: number;
  readonly runtimes: CoreServerRuntimes;
  close(): Promise<void>;
}

export interface StartGatewayOptions {
  /** How often the database is checked for added/removed core servers; default 5_000 ms. */
  readonly reconcileIntervalMs?: number;
}

/**
 * Builds the whole gateway from its configuration and starts it: the database (migrated), the
 * configured core server, one AMI client + segment graph per core server, and the REST API.
 */
export async function startGateway(config: Config, logger: Logger, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const db = openDatabase(config.dbPath);
  const ensured = ensureConfiguredCoreServer(db, config);
  if (ensured) logger.info({ coreServer: ensured.coreServer.slug, action: ensured.action }, 'configured core server');

  const directory = new SqliteDirectory(db);
  const runtimes = new CoreServerRuntimes(logger);
  await runtimes.reconcile(directory.coreServerRows());
  if (directory.coreServerRows().length === 0) {
    logger.warn('no core server configured: set AMI_HOST/AMI_USERNAME/AMI_SECRET or add one with `npx call-segments admin core-servers add`');
  }

  const apiUserRepository = new ApiUserRepository(db);
  if (apiUserRepository.list().length === 0) {
    logger.warn('no API user yet: every request will be refused (401) until one is added with `npx call-segments admin api-users add NAME`');
  }
  const apiUsers = new CachedApiUserVerifier(apiUserRepository, db);
  const app = createApp({
    directory,
    graphs: runtimes,
    apiUsers,
    logger,
    actions: (deps) =>
      createActionsRouter({
        ...deps,
        amiPort: (id) => runtimes.get(id)?.ami,
        linkedThroughLocal: (id, segment) => {
          const runtime = runtimes.get(id);
          return runtime === undefined ? undefined : linkedThroughLocal(runtime.graph.state, segment.uniqueid);
        },
      }),
  });

  const server: Server = app.listen(config.http.port, config.http.host);
  answerClientErrorsWithJson(server);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`;
  logger.info({ url: `${url}/communication_manager/rest/live` }, 'REST API listening');

  let reconciling = Promise.resolve();
  const timer = setInterval(() => {
    reconciling = reconciling
      .then(() => runtimes.reconcile(directory.coreServerRows()))
      .catch((error: unknown) => logger.error({ err: error }, 'reconciling core servers failed'));
  }, options.reconcileIntervalMs ?? 5_000);
  timer.unref();

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      clearInterval(timer);
      await reconciling;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtimes.stopAll();
      db.close();
    })();
    return closed;
  };
  return { url, port, runtimes, close };
}
