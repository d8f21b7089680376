import { pino, type Logger } from 'pino';
import { uuidV5 } from '../../../src/http/name-uuid.js';
import type {
  ApiUserVerifier,
  CoreServerInfo,
  Directory,
  ExtensionInfo,
  GraphSnapshot,
  LiveGraphs,
  SegmentRecord,
} from '../../../src/http/ports.js';

/** Test data for the HTTP layer: hand-made snapshots and an in-memory directory (no Asterisk). */

const TEST_NAMESPACE = '6f1d2c3b-4a59-4e7f-8a1b-2c3d4e5f6a7b';
export const idOf = (name: string): string => uuidV5(TEST_NAMESPACE, name);

export function segment(name: string, channel: string, over: Partial<SegmentRecord> = {}): SegmentRecord {
  return {
    id: idOf(`segment ${name}`),
    uniqueid: `1700000000.${name}`,
    channel,
    callerIdName: null,
    callerIdNumber: null,
    callerIdId: idOf(`callerid ${name}`),
    did: null,
    onHold: false,
    recording: false,
    incoming: false,
    answered: false,
    dialingTo: [],
    dialingFrom: [],
    linkedTo: null,
    conference: null,
    queue: null,
    boundChannels: [],
    ...over,
  };
}

export interface CoreServerData {
  readonly info: CoreServerInfo;
  readonly extensions: readonly ExtensionInfo[];
  readonly conferences: readonly string[];
  readonly queues: readonly string[];
}

/** Channels belong to the extension whose number is the endpoint resource (`PJSIP/100-0001` → 100). */
export class InMemoryDirectory implements Directory {
  constructor(private readonly servers: readonly CoreServerData[]) {}

  private server(id: string): CoreServerData | undefined {
    return this.servers.find((s) => s.info.id === id);
  }

  listCoreServers(): CoreServerInfo[] {
    return this.servers.map((s) => s.info);
  }
  coreServerById(id: string): CoreServerInfo | null {
    return this.server(id)?.info ?? null;
  }
  coreServerBySlug(slug: string): CoreServerInfo | null {
    return this.servers.find((s) => s.info.slug === slug)?.info ?? null;
  }
  listExtensions(coreServerId: string): ExtensionInfo[] {
    return [...(this.server(coreServerId)?.extensions ?? [])];
  }
  extensionById(coreServerId: string, id: string): ExtensionInfo | null {
    return this.server(coreServerId)?.extensions.find((e) => e.id === id) ?? null;
  }
  extensionByNumber(coreServerId: string, n: string): ExtensionInfo | null {
    return this.server(coreServerId)?.extensions.find((e) => e.number === n) ?? null;
  }
  extensionOfChannel(coreServerId: string, channel: string): ExtensionInfo | null {
    const resource = /^[^/]+\/(.+)-[0-9a-f]+$/.exec(channel)?.[1];
    return resource === undefined ? null : this.extensionByNumber(coreServerId, resource);
  }
  configuredConferences(coreServerId: string): string[] {
    return [...(this.server(coreServerId)?.conferences ?? [])];
  }
  configuredQueues(coreServerId: string): string[] {
    return [...(this.server(coreServerId)?.queues ?? [])];
  }
}

export class MapGraphs implements LiveGraphs {
  readonly snapshots = new Map<string, GraphSnapshot | null>();
  snapshot(coreServerId: string): GraphSnapshot | null {
    return this.snapshots.get(coreServerId) ?? null;
  }
}

export const API_USER = 'api';
export const API_PASSWORD = 's3cret-pa55';

export const apiUsers: ApiUserVerifier = {
  verify: (username, password) => Promise.resolve(username === API_USER && password === API_PASSWORD),
};

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

const extension = (number: string, displayName: string, licensed: boolean): ExtensionInfo => ({
  id: idOf(`extension ${number}`),
  number,
  displayName,
  licensed,
});

export const MAIN: CoreServerInfo = {
  id: idOf('core server main'),
  slug: 'default',
  name: 'Main PBX',
  conferenceRoomsEnabled: true,
  transferContext: 'from-internal',
};
export const BRANCH: CoreServerInfo = {
  id: idOf('core server branch'),
  slug: 'branch',
  name: 'Branch PBX',
  conferenceRoomsEnabled: false,
  transferContext: 'from-internal',
};

/** 100 Alice and 200 Bob are licensed (full); 201 Eve and 300 Carl are not (lite or no user). */
export const EXT = {
  alice: extension('100', 'Alice', true),
  bob: extension('200', 'Bob', true),
  eve: extension('201', 'Eve', false),
  carl: extension('300', 'Carl', false),
} as const;

/** The segments of the main core server's snapshot. */
export const SEG = {
  /** Alice talking with Bob. */
  alice: segment('alice', 'PJSIP/100-00000001', { callerIdName: 'Alice', callerIdNumber: '100', did: '200', answered: true, linkedTo: idOf('segment bob'), boundChannels: ['PJSIP/200-00000002'] }),
  bob: segment('bob', 'PJSIP/200-00000002', { callerIdName: 'Bob', callerIdNumber: '200', incoming: true, answered: true, onHold: true, linkedTo: idOf('segment alice'), boundChannels: ['PJSIP/100-00000001'] }),
  /** An outside caller dialling Eve (unlicensed): neither is visible. */
  trunkToEve: segment('trunkToEve', 'PJSIP/trunk-00000003', { callerIdNumber: '5550001', did: '5551234', dialingTo: [idOf('segment eve')], boundChannels: ['PJSIP/201-00000004'] }),
  eve: segment('eve', 'PJSIP/201-00000004', { callerIdName: 'Eve', callerIdNumber: '201', incoming: true, dialingFrom: [idOf('segment trunkToEve')], boundChannels: ['PJSIP/trunk-00000003'] }),
  /** An outside caller once linked to Alice, transferred to an outside number: still visible. */
  transferred: segment('transferred', 'PJSIP/trunk-00000005', { callerIdNumber: '5550002', did: '5551234', answered: true, linkedTo: idOf('segment outside'), boundChannels: ['PJSIP/100-00000007', 'PJSIP/trunk-00000006'] }),
  /** The outside number it was transferred to: bound only to a merely visible segment, so invisible. */
  outside: segment('outside', 'PJSIP/trunk-00000006', { incoming: true, answered: true, linkedTo: idOf('segment transferred'), boundChannels: ['PJSIP/trunk-00000005'] }),
  /** Alice's ring group: dialling Bob and Carl (Carl's phone is visible, bound to Alice). */
  ringGroup: segment('ringGroup', 'PJSIP/100-00000008', { callerIdName: 'Alice', callerIdNumber: '100', did: '600', dialingTo: [idOf('segment bobRinging'), idOf('segment carlRinging')], boundChannels: ['PJSIP/200-00000009', 'PJSIP/300-0000000a'] }),
  bobRinging: segment('bobRinging', 'PJSIP/200-00000009', { incoming: true, dialingFrom: [idOf('segment ringGroup')], boundChannels: ['PJSIP/100-00000008'] }),
  carlRinging: segment('carlRinging', 'PJSIP/300-0000000a', { incoming: true, dialingFrom: [idOf('segment ringGroup')], boundChannels: ['PJSIP/100-00000008'] }),
  /** Conference 800: Alice (visible) and Carl (unlicensed, bound to nobody: invisible). */
  aliceInConference: segment('aliceInConference', 'PJSIP/100-0000000b', { did: '800', answered: true, conference: '800', recording: true }),
  carlInConference: segment('carlInConference', 'PJSIP/300-0000000c', { did: '800', answered: true, conference: '800' }),
  /** Conference 802 (live, not configured): Bob. */
  bobInConference: segment('bobInConference', 'PJSIP/200-0000000d', { did: '802', answered: true, conference: '802' }),
  /** Waiting in queue support: an outside caller Alice had answered before (visible). */
  waiting: segment('waiting', 'PJSIP/trunk-0000000e', { did: '5559999', queue: 'support', boundChannels: ['PJSIP/100-0000000f'] }),
} as const;

export function mainSnapshot(): GraphSnapshot {
  return {
    coreServerId: MAIN.id,
    segments: new Map(Object.values(SEG).map((s) => [s.id, s])),
    conferences: new Map([
      ['800', [SEG.aliceInConference.id, SEG.carlInConference.id]],
      ['802', [SEG.bobInConference.id]],
    ]),
    queues: new Map([['support', [SEG.waiting.id]]]),
  };
}

export function testWorld(): { directory: InMemoryDirectory; graphs: MapGraphs } {
  const directory = new InMemoryDirectory([
    { info: MAIN, extensions: Object.values(EXT), conferences: ['800', '801'], queues: ['support', 'sales'] },
    { info: BRANCH, extensions: [extension('100', 'Branch Alice', true)], conferences: [], queues: [] },
  ]);
  const graphs = new MapGraphs();
  graphs.snapshots.set(MAIN.id, mainSnapshot());
  graphs.snapshots.set(BRANCH.id, null); // AMI link down
  return { directory, graphs };
}
