/**
 * Ports of the REST read side. The main program adapts the SQLite store and the live segment
 * graphs to these structural types; nothing in src/http imports a concrete store or graph class.
 */

/** The segment graph's snapshot: the one definition lives in the pure core. */
import type { GraphSnapshot, SegmentRecord } from '../segments/index.js';

export type { GraphSnapshot, SegmentRecord };

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
