/** Domain objects read from the store (camelCase; the tables use snake_case). */

export type License = 'full' | 'lite';

export const LICENSES: readonly License[] = ['full', 'lite'];

/** One Asterisk PBX the gateway watches through one AMI connection. */
export interface CoreServer {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly amiHost: string;
  readonly amiPort: number;
  readonly amiUsername: string;
  readonly amiSecret: string;
  /** Whether kick/mute/unmute may be used (spec 5: 500 otherwise). */
  readonly conferenceRoomsEnabled: boolean;
  /** Dialplan context that transfer destinations are dialled in (default `from-internal`). */
  readonly transferContext: string;
  readonly createdAt: string;
}

/** A configured internal number on a core server, with the channel prefixes that belong to it. */
export interface Extension {
  readonly id: string;
  readonly coreServerId: string;
  readonly number: string;
  readonly displayName: string;
  /** The bound user, if any. */
  readonly userId: string | null;
  /** e.g. `['PJSIP/100']`: channel `PJSIP/100-0000002a` belongs to this extension. */
  readonly channelPrefixes: readonly string[];
  readonly createdAt: string;
}

/** A person; an extension bound to a user with a `full` license is licensed. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly license: License;
  readonly createdAt: string;
}

/** An account allowed to call the REST API (its password hash never leaves the repository). */
export interface ApiUser {
  readonly username: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A ConfBridge room or a queue configured in the gateway for one core server. */
export interface ConfiguredName {
  readonly id: string;
  readonly coreServerId: string;
  readonly name: string;
  readonly createdAt: string;
}

export type Conference = ConfiguredName;
export type Queue = ConfiguredName;
