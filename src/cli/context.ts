import type { Database } from 'better-sqlite3';
import type { CoreServer } from '../store/model.js';
import type { CliIo } from './io.js';
import type { PbxEndpoint } from './endpoint-import.js';

/** What the import command needs from the PBX; the AMI-backed one lives in pbx-endpoints.ts. */
export type FetchPbxEndpoints = (coreServer: CoreServer) => Promise<readonly PbxEndpoint[]>;

export interface CliDeps {
  readonly fetchPbxEndpoints?: FetchPbxEndpoints;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly db: Database;
  readonly deps: CliDeps;
}

/** One subcommand: its arguments after `admin <group> <command>`, resolving to an exit code. */
export type Command = (argv: readonly string[], context: CommandContext) => Promise<number> | number;
