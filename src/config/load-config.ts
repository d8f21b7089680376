import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error.js';
import type { Config } from './config.js';
import { parseConfig } from './parse-config.js';
import type { Environment } from './parse-config.js';

/** Reads the config file named by `CALL_SEGMENTS_CONFIG` (if any) and parses it with `env`. */
export function loadConfig(env: Environment = process.env): Config {
  const path = env['CALL_SEGMENTS_CONFIG'];
  if (path === undefined || path === '') return parseConfig(env);
  let contents: string;
  try {
    contents = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`CALL_SEGMENTS_CONFIG: cannot read ${path} (${String(error)})`, 'CALL_SEGMENTS_CONFIG', { cause: error });
  }
  return parseConfig(env, contents);
}
