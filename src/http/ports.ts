/**
 * Ports of the REST read side. The main program adapts the SQLite store and the live segment
 * graphs to these structural types; nothing in src/http imports a concrete store or graph class.
 */

/** One live call segment (one real channel), as the segment graph snapshots it. */
export interface SegmentRecord {
  readonly id: string;
  readonly uniqueid: string;
  /** Real channel name, e.g. `PJSIP/100-0000002a`. */
  readonly channel: string;
  readonly callerIdName: string | null;
  readonly callerIdNumber: string | null;
  readonly callerIdId: string;
  readonly did: string | null;
  readonly onHold: boolean;
  readonly recording: boolean;
  readonly incoming: boolean;
  readonly answered: boolean;
  /** Ids of the segments this one is dialling. */
  readonly dialingTo: readonly string[];
  /** Ids of the segments dialling this one. */
  readonly dialingFrom: readonly string[];
  /** Id of the segment this one is linked (talking) to. */
  readonly linkedTo: string | null;
  readonly conference: string | null;
  readonly queue: string | null;
  /** Real channel names this segment is or has been bound to (dialling, dialled, linked). */
  readonly boundChannels: readonly string[];
}

export interface GraphSnapshot {
  readonly coreServerId: string;
  readonly segments: ReadonlyMap<string, SegmentRecord>;
  /** Live conference room name → member segment ids. */
  readonly conferences: ReadonlyMap<string, readonly string[]>;
  /** Queue name → waiting segment ids. */
  readonly queues: ReadonlyMap<string, readonly string[]>;
}

export interface CoreServerInfo {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly conferenceRoomsEnabled: boolean;
  readonly transferContext: string;
}

export interface ExtensionInfo {
  readonly id: string;
  readonly number: string;
  readonly displayName: string;
  /** Bound to a user with a `full` license. */
  readonly licensed: boolean;
}

/** Configuration of the gateway (SQLite-backed); cheap synchronous reads. */
export interface Directory {
  listCoreServers(): CoreServerInfo[];
  coreServerById(id: string): CoreServerInfo | null;
  coreServerBySlug(slug: string): CoreServerInfo | null;
  listExtensions(coreServerId: string): ExtensionInfo[];
  extensionById(coreServerId: string, id: string): ExtensionInfo | null;
  extensionByNumber(coreServerId: string, n: string): ExtensionInfo | null;
  /** The extension a real channel belongs to; null: the channel is EXTERNAL. */
  extensionOfChannel(coreServerId: string, channel: string): ExtensionInfo | null;
  /** Conference room names configured in the gateway (may be empty). */
  configuredConferences(coreServerId: string): string[];
  configuredQueues(coreServerId: string): string[];
}

export interface LiveGraphs {
  /** null: the AMI link is down or not yet resynced (→ 503). */
  snapshot(coreServerId: string): GraphSnapshot | null;
}

export interface ApiUserVerifier {
  verify(username: string, password: string): Promise<boolean>;
}
