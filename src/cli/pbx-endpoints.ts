import type { Logger } from 'pino';
import { AmiClient } from '../ami/client.js';
import type { AmiConnectionState } from '../ami/client.js';
import { header } from '../events/ami-message.js';
import type { CoreServer } from '../store/model.js';
import type { FetchPbxEndpoints } from './context.js';
import { endpointNamesOf } from './endpoint-import.js';
import type { PbxEndpoint } from './endpoint-import.js';

const CONNECT_TIMEOUT_MS = 10_000;
const NUMERIC = /^[0-9]{1,32}$/;

/** Resolves once the client has logged in; rejects on the first failed attempt or after a timeout. */
function connected(client: AmiClient, server: CoreServer): Promise<void> {
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`no AMI login to ${server.amiHost}:${server.amiPort} within ${CONNECT_TIMEOUT_MS / 1000} s`));
    }, CONNECT_TIMEOUT_MS);
    const subscription = client.connection$.subscribe((state: AmiConnectionState) => {
      if (state.state === 'connecting') started = true;
      else if (state.state === 'connected') {
        clearTimeout(timer);
        resolve();
      } else if (started && state.state === 'disconnected') {
        clearTimeout(timer);
        reject(new Error(`cannot log in to AMI at ${server.amiHost}:${server.amiPort}: ${state.reason}`));
      }
    });
    client.start();
    subscription.add(() => clearTimeout(timer));
  });
}

/** The PJSIP endpoints of a core server over AMI: `PJSIPShowEndpoints`, then each numeric one's caller id. */
export function amiEndpointFetcher(logger: Logger): FetchPbxEndpoints {
  return async (server: CoreServer): Promise<readonly PbxEndpoint[]> => {
    const client = new AmiClient({
      host: server.amiHost,
      port: server.amiPort,
      username: server.amiUsername,
      secret: server.amiSecret,
      logger,
      reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    try {
      await connected(client, server);
      const list = await client.listAction({ Action: 'PJSIPShowEndpoints' }, { emptyOnErrorMessages: ['No endpoints found'] });
      const endpoints: PbxEndpoint[] = [];
      for (const name of endpointNamesOf(list.items)) {
        endpoints.push({ name, callerId: NUMERIC.test(name) ? await callerIdOf(client, name, logger) : null });
      }
      return endpoints;
    } finally {
      await client.stop();
    }
  };
}

async function callerIdOf(client: AmiClient, endpoint: string, logger: Logger): Promise<string | null> {
  try {
    const detail = await client.listAction({ Action: 'PJSIPShowEndpoint', Endpoint: endpoint });
    for (const item of detail.items) {
      if (header(item, 'Event') === 'EndpointDetail') return header(item, 'Callerid') ?? header(item, 'CallerID') ?? null;
    }
  } catch (error) {
    logger.debug({ err: error, endpoint }, 'PJSIPShowEndpoint failed; using the number as display name');
  }
  return null;
}
