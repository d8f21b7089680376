/** Test harness: an AmiClient against the fake server, with a pino logger captured in memory. */
import { pino } from 'pino';
import { firstValueFrom, filter, type Observable } from 'rxjs';
import { AmiClient, type AmiClientOptions, type AmiConnectionState } from '../../../src/ami/client.js';
import type { FakeAmiServer } from '../../support/fake-ami-server.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface Harness {
  readonly client: AmiClient;
  readonly logs: LogLine[];
  readonly rawLogs: string[];
  readonly states: AmiConnectionState[];
}

export function makeClient(server: FakeAmiServer, overrides: Partial<AmiClientOptions> = {}): Harness {
  const logs: LogLine[] = [];
  const rawLogs: string[] = [];
  const logger = pino(
    { level: 'trace' },
    {
      write(line: string) {
        rawLogs.push(line);
        logs.push(JSON.parse(line) as LogLine);
      },
    },
  );
  const client = new AmiClient({
    host: '127.0.0.1',
    port: server.port,
    username: 'gateway',
    secret: 's3cret',
    logger,
    actionTimeoutMs: 2_000,
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    ...overrides,
  });
  const states: AmiConnectionState[] = [];
  client.connection$.subscribe((state) => states.push(state));
  return { client, logs, rawLogs, states };
}

type StateOf<S extends AmiConnectionState['state']> = Extract<AmiConnectionState, { state: S }>;

/** The next connection state of that kind (or the current one, as connection$ replays it). */
export function nextState<S extends AmiConnectionState['state']>(
  client: AmiClient,
  state: S,
  predicate: (value: StateOf<S>) => boolean = () => true,
): Promise<StateOf<S>> {
  const matching = (client.connection$ as Observable<AmiConnectionState>).pipe(
    filter((value): value is StateOf<S> => value.state === state && predicate(value as StateOf<S>)),
  );
  return firstValueFrom(matching);
}
