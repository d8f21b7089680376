/** The gateway's configuration: environment variables over an optional JSON file. */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The core server named by `AMI_*` / `CORE_SERVER_*`, made to exist in the database at start. */
export interface ConfiguredCoreServer {
  readonly slug: string;
  /** null: not configured (a new core server is named after its slug; an existing one keeps its name). */
  readonly name: string | null;
  readonly amiHost: string;
  readonly amiPort: number;
  readonly amiUsername: string;
  readonly amiSecret: string;
  /** null: not configured (new: off; existing: unchanged). */
  readonly conferenceRoomsEnabled: boolean | null;
  /** null: not configured (new: `from-internal`; existing: unchanged). */
  readonly transferContext: string | null;
}

export interface Config {
  readonly http: {
    readonly host: string;
    readonly port: number;
  };
  readonly dbPath: string;
  readonly logLevel: LogLevel;
  /** null when no AMI settings are configured (core servers are then managed with the admin CLI). */
  readonly coreServer: ConfiguredCoreServer | null;
}

export const DEFAULTS = Object.freeze({
  HTTP_PORT: 58080,
  /**
   * Loopback by default: the API speaks plain HTTP with Basic credentials, so exposing it to the
   * network is an explicit choice (HTTP_HOST=0.0.0.0, ideally behind a TLS reverse proxy).
   */
  HTTP_HOST: '127.0.0.1',
  DB_PATH: './data/call-segments.sqlite3',
  LOG_LEVEL: 'info' as LogLevel,
  AMI_PORT: 5038,
  CORE_SERVER_SLUG: 'default',
});

/** The settings of the core server configured by environment (see ensureConfiguredCoreServer). */
export const CORE_SERVER_VARIABLES = [
  'AMI_HOST',
  'AMI_PORT',
  'AMI_USERNAME',
  'AMI_SECRET',
  'CORE_SERVER_SLUG',
  'CORE_SERVER_NAME',
  'CONFERENCE_ROOMS_ENABLED',
  'TRANSFER_CONTEXT',
] as const;

/** Every setting the gateway reads, by its environment variable name (also the config file's keys). */
export const VARIABLES = ['HTTP_PORT', 'HTTP_HOST', 'DB_PATH', 'LOG_LEVEL', ...CORE_SERVER_VARIABLES] as const;
export type Variable = (typeof VARIABLES)[number];

/** The configuration with the AMI secret hidden, for logging. */
export function redactedConfig(config: Config): Config {
  return config.coreServer ? { ...config, coreServer: { ...config.coreServer, amiSecret: '[redacted]' } } : config;
}
