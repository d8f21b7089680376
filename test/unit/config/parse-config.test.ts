import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { redactedConfig } from '../../../src/config/config.js';
import { parseConfig } from '../../../src/config/parse-config.js';

const AMI = { AMI_HOST: 'pbx.local', AMI_USERNAME: 'gateway', AMI_SECRET: 's3cret' };

describe('parseConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(parseConfig({})).toEqual({
      http: { host: '127.0.0.1', port: 58080 },
      dbPath: './data/call-segments.sqlite3',
      logLevel: 'info',
      coreServer: null,
    });
  });

  it('returns a deeply frozen object', () => {
    const config = parseConfig(AMI);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(Object.isFrozen(config.coreServer)).toBe(true);
  });

  it('reads every variable', () => {
    const config = parseConfig({
      ...AMI,
      HTTP_PORT: '8080',
      HTTP_HOST: '0.0.0.0',
      DB_PATH: '/var/lib/cs/db.sqlite3',
      LOG_LEVEL: 'DEBUG',
      AMI_PORT: '15038',
      CORE_SERVER_SLUG: 'hq',
      CORE_SERVER_NAME: 'Head office',
      CONFERENCE_ROOMS_ENABLED: 'on',
      TRANSFER_CONTEXT: 'internal',
    });
    expect(config).toEqual({
      http: { host: '0.0.0.0', port: 8080 },
      dbPath: '/var/lib/cs/db.sqlite3',
      logLevel: 'debug',
      coreServer: {
        slug: 'hq',
        name: 'Head office',
        amiHost: 'pbx.local',
        amiPort: 15038,
        amiUsername: 'gateway',
        amiSecret: 's3cret',
        conferenceRoomsEnabled: true,
        transferContext: 'internal',
      },
    });
  });

  it('fills the core server defaults, leaving unconfigured settings null', () => {
    expect(parseConfig(AMI).coreServer).toEqual({
      slug: 'default',
      name: null,
      amiHost: 'pbx.local',
      amiPort: 5038,
      amiUsername: 'gateway',
      amiSecret: 's3cret',
      conferenceRoomsEnabled: null,
      transferContext: null,
    });
  });

  it('reads a JSON file, with the environment winning and empty variables counting as unset', () => {
    const file = JSON.stringify({ HTTP_PORT: 9000, LOG_LEVEL: 'warn', AMI_HOST: 'file-host', AMI_USERNAME: 'u', AMI_SECRET: 'x', CONFERENCE_ROOMS_ENABLED: true });
    const config = parseConfig({ LOG_LEVEL: 'error', AMI_HOST: 'env-host', HTTP_HOST: '' }, file);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(config.logLevel).toBe('error');
    expect(config.coreServer?.amiHost).toBe('env-host');
    expect(config.coreServer?.conferenceRoomsEnabled).toBe(true);
  });

  it.each([
    ['HTTP_PORT', { HTTP_PORT: 'eighty' }],
    ['HTTP_PORT', { HTTP_PORT: '0' }],
    ['HTTP_PORT', { HTTP_PORT: '65536' }],
    ['HTTP_PORT', { HTTP_PORT: '80.5' }],
    ['HTTP_HOST', { HTTP_HOST: 'a host' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['DB_PATH', { DB_PATH: 'a\nb' }],
    ['AMI_USERNAME', { AMI_HOST: 'pbx' }],
    ['AMI_SECRET', { AMI_HOST: 'pbx', AMI_USERNAME: 'u' }],
    ['AMI_HOST', { CORE_SERVER_SLUG: 'hq' }],
    ['AMI_PORT', { ...AMI, AMI_PORT: '-1' }],
    ['AMI_SECRET', { ...AMI, AMI_SECRET: 'a\r\nAction: Originate' }],
    ['CORE_SERVER_SLUG', { ...AMI, CORE_SERVER_SLUG: 'Not A Slug' }],
    ['CONFERENCE_ROOMS_ENABLED', { ...AMI, CONFERENCE_ROOMS_ENABLED: 'maybe' }],
    ['TRANSFER_CONTEXT', { ...AMI, TRANSFER_CONTEXT: 'from internal' }],
  ])('names %s in the error for %j', (variable, env) => {
    let caught: unknown;
    try {
      parseConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
  });

  it.each([
    ['not JSON', '{', 'CALL_SEGMENTS_CONFIG'],
    ['an array', '[]', 'CALL_SEGMENTS_CONFIG'],
    ['an unknown key', '{"HTTP_PROT": 1}', 'HTTP_PROT'],
    ['a nested value', '{"HTTP_PORT": {"n": 1}}', 'HTTP_PORT'],
    ['a bad value', '{"HTTP_PORT": "x"}', 'HTTP_PORT'],
  ])('refuses a config file with %s', (_label, file, variable) => {
    expect(() => parseConfig({}, file)).toThrow(expect.objectContaining({ name: 'ConfigError', variable }));
  });

  it('hides the AMI secret for logging', () => {
    const config = parseConfig(AMI);
    expect(JSON.stringify(redactedConfig(config))).not.toContain('s3cret');
    expect(redactedConfig(config).coreServer?.amiHost).toBe('pbx.local');
  });
});
