import { ValidationError } from '../store/errors/validation-error.js';
import { validate } from '../store/validation.js';
import { ConfigError } from './config-error.js';
import { CORE_SERVER_VARIABLES, DEFAULTS, LOG_LEVELS, VARIABLES } from './config.js';
import type { Config, ConfiguredCoreServer, LogLevel, Variable } from './config.js';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Builds the typed, frozen configuration from environment variables and, optionally, the text of
 * a JSON config file whose keys are the same variable names (`{"HTTP_PORT": 8080, …}`).
 * An environment variable wins over the file; an empty variable counts as unset.
 * Throws one `ConfigError` naming the variable at fault.
 */
export function parseConfig(env: Environment, fileContents?: string): Config {
  const file = fileContents === undefined ? {} : parseFile(fileContents);
  const raw = (name: Variable): string | undefined => {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return file[name];
  };

  const config: Config = {
    http: {
      host: hostOf('HTTP_HOST', raw('HTTP_HOST') ?? DEFAULTS.HTTP_HOST),
      port: portOf('HTTP_PORT', raw('HTTP_PORT'), DEFAULTS.HTTP_PORT),
    },
    dbPath: dbPathOf(raw('DB_PATH') ?? DEFAULTS.DB_PATH),
    logLevel: logLevelOf(raw('LOG_LEVEL') ?? DEFAULTS.LOG_LEVEL),
    coreServer: coreServerOf(raw),
  };
  return deepFreeze(config);
}

function parseFile(contents: string): Partial<Record<Variable, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(contents);
  } catch (error) {
    throw new ConfigError(`CALL_SEGMENTS_CONFIG: the config file is not valid JSON (${String(error)})`, 'CALL_SEGMENTS_CONFIG', {
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('CALL_SEGMENTS_CONFIG: the config file must hold a JSON object', 'CALL_SEGMENTS_CONFIG');
  }
  const values: Partial<Record<Variable, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(VARIABLES as readonly string[]).includes(key)) {
      throw new ConfigError(`${key}: unknown setting in the config file (known: ${VARIABLES.join(', ')})`, key);
    }
    if (value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ConfigError(`${key}: must be a string, number or boolean in the config file`, key);
    }
    values[key as Variable] = String(value);
  }
  return values;
}

function portOf(variable: Variable, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new ConfigError(`${variable}: must be a port number from 1 to 65535, got ${JSON.stringify(value)}`, variable);
  }
  return port;
}

function hostOf(variable: Variable, value: string): string {
  try {
    return validate.amiHost(value);
  } catch (error) {
    throw new ConfigError(`${variable}: must be a host name or IP address, got ${JSON.stringify(value)}`, variable, { cause: error });
  }
}

function dbPathOf(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(value)) throw new ConfigError('DB_PATH: must not contain control characters', 'DB_PATH');
  return value;
}

function logLevelOf(value: string): LogLevel {
  const level = value.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new ConfigError(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`, 'LOG_LEVEL');
}

function booleanOf(variable: Variable, value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const normalized = value.trim().toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(normalized)) return true;
  if (['0', 'false', 'off', 'no'].includes(normalized)) return false;
  throw new ConfigError(`${variable}: must be true or false (also on/off, yes/no, 1/0), got ${JSON.stringify(value)}`, variable);
}

/** Runs a store validator and reports its refusal under the variable's name. */
function checked<T>(variable: Variable, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ConfigError(`${variable}: ${error.message}`, variable, { cause: error });
    }
    throw error;
  }
}

function coreServerOf(raw: (name: Variable) => string | undefined): ConfiguredCoreServer | null {
  if (CORE_SERVER_VARIABLES.every((name) => raw(name) === undefined)) return null;
  const required = (variable: Variable): string => {
    const value = raw(variable);
    if (value === undefined) {
      throw new ConfigError(`${variable}: is required when a core server is configured (AMI_HOST, AMI_USERNAME, AMI_SECRET)`, variable);
    }
    return value;
  };
  const host = required('AMI_HOST');
  const username = required('AMI_USERNAME');
  const secret = required('AMI_SECRET');
  const name = raw('CORE_SERVER_NAME');
  const transferContext = raw('TRANSFER_CONTEXT');
  return {
    slug: checked('CORE_SERVER_SLUG', () => validate.slug(raw('CORE_SERVER_SLUG') ?? DEFAULTS.CORE_SERVER_SLUG)),
    name: name === undefined ? null : checked('CORE_SERVER_NAME', () => validate.name(name)),
    amiHost: checked('AMI_HOST', () => validate.amiHost(host)),
    amiPort: portOf('AMI_PORT', raw('AMI_PORT'), DEFAULTS.AMI_PORT),
    amiUsername: checked('AMI_USERNAME', () => validate.amiUsername(username)),
    amiSecret: checked('AMI_SECRET', () => validate.amiSecret(secret)),
    conferenceRoomsEnabled: booleanOf('CONFERENCE_ROOMS_ENABLED', raw('CONFERENCE_ROOMS_ENABLED')),
    transferContext:
      transferContext === undefined ? null : checked('TRANSFER_CONTEXT', () => validate.transferContext(transferContext)),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
