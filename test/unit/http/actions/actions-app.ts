/**
 * The real REST app (createApp) with the actions router mounted, over an in-memory directory and
 * hand-made live snapshots: phones 100, 101, 102, 200, 201 are licensed extensions of core
 * server `default`; anything else (the trunk) is EXTERNAL.
 */
import { pino } from 'pino';
import type express from 'express';
import type { AmiActionPort } from '../../../../src/actions/ports.js';
import type { ExecuteOptions } from '../../../../src/actions/execute.js';
import { createApp } from '../../../../src/http/app.js';
import { createActionsRouter } from '../../../../src/http/actions/router.js';
import type { ApiUserVerifier, CoreServerInfo, Directory, ExtensionInfo, GraphSnapshot, LiveGraphs, SegmentRecord } from '../../../../src/http/ports.js';

export const AUTH = { user: 'manager', password: 'not-a-default' };

export const coreServer: CoreServerInfo = {
  id: '0b8e7a4e-3c1f-4f7e-9a51-7b0c2d9e1a11',
  slug: 'default',
  name: 'Default PBX',
  conferenceRoomsEnabled: true,
  transferContext: 'internal',
};

const NUMBERS = ['100', '101', '102', '200', '201'];
const extensions: ExtensionInfo[] = NUMBERS.map((number) => ({ id: `ext-${number}`, number, displayName: `Phone ${number}`, licensed: true }));

function extensionOf(channel: string): ExtensionInfo | null {
  const endpoint = /^PJSIP\/([^-]+)-/.exec(channel)?.[1];
  return extensions.find((e) => e.number === endpoint) ?? null;
}

export function directoryFor(server: CoreServerInfo): Directory {
  const mine = (id: string): boolean => id === server.id;
  return {
    listCoreServers: () => [server],
    coreServerById: (id) => (mine(id) ? server : null),
    coreServerBySlug: (slug) => (slug === server.slug ? server : null),
    listExtensions: (id) => (mine(id) ? extensions : []),
    extensionById: (id, extId) => (mine(id) ? (extensions.find((e) => e.id === extId) ?? null) : null),
    extensionByNumber: (id, n) => (mine(id) ? (extensions.find((e) => e.number === n) ?? null) : null),
    extensionOfChannel: (id, channel) => (mine(id) ? extensionOf(channel) : null),
    configuredConferences: () => ['800'],
    configuredQueues: () => [],
  };
}

let uniqueids = 0;

export function seg(id: string, channel: string, over: Partial<SegmentRecord> = {}): SegmentRecord {
  uniqueids += 1;
  return {
    id,
    uniqueid: `1796398606.${uniqueids}`,
    channel,
    callerIdName: null,
    callerIdNumber: null,
    callerIdId: `${id}-cid`,
    did: null,
    onHold: false,
    recording: false,
    incoming: false,
    answered: true,
    dialingTo: [],
    dialingFrom: [],
    linkedTo: null,
    conference: null,
    queue: null,
    boundChannels: [],
    ...over,
  };
}

export function snapshotOf(segments: readonly SegmentRecord[], conferences: Record<string, string[]> = {}): GraphSnapshot {
  return {
    coreServerId: coreServer.id,
    segments: new Map(segments.map((s) => [s.id, s])),
    conferences: new Map(Object.entries(conferences)),
    queues: new Map(),
  };
}

export interface ActionsAppOptions {
  /** null: the AMI link is down (the read side answers 503). */
  readonly snapshot: GraphSnapshot | null;
  readonly port: AmiActionPort | undefined;
  readonly server?: CoreServerInfo;
  readonly execute?: ExecuteOptions;
}

export function actionsApp(options: ActionsAppOptions): express.Express {
  const server = options.server ?? coreServer;
  const graphs: LiveGraphs = { snapshot: (id) => (id === server.id ? options.snapshot : null) };
  const apiUsers: ApiUserVerifier = { verify: (u, p) => Promise.resolve(u === AUTH.user && p === AUTH.password) };
  return createApp({
    directory: directoryFor(server),
    graphs,
    apiUsers,
    logger: pino({ enabled: false }),
    actions: (deps) =>
      createActionsRouter({ ...deps, amiPort: () => options.port, ...(options.execute === undefined ? {} : { execute: options.execute }) }),
  });
}
