export { ConfigError } from './config-error.js';
export { DEFAULTS, LOG_LEVELS, VARIABLES, redactedConfig } from './config.js';
export type { Config, ConfiguredCoreServer, LogLevel, Variable } from './config.js';
export { ensureConfiguredCoreServer } from './ensure-configured-core-server.js';
export type { EnsuredCoreServer } from './ensure-configured-core-server.js';
export { loadConfig } from './load-config.js';
export { parseConfig } from './parse-config.js';
export type { Environment } from './parse-config.js';
