import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrationError } from './errors/migration-error.js';

/** One numbered SQL file from `migrations/`, e.g. `001_initial.sql`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** sha256 of the file's text, recorded in the ledger so that an edited migration is refused. */
  readonly checksum: string;
}

const FILE_NAME = /^(\d+)_([a-z0-9_]+)\.sql$/;

/** The repository's `migrations/` folder. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../migrations/', import.meta.url));
}

export function migrationOf(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

/** Reads every `NNN_name.sql` in `dir`, ordered by version; other files are ignored. */
export function loadMigrations(dir: string = defaultMigrationsDir()): readonly Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const [, version, name] = match;
    if (version === undefined || name === undefined) continue;
    migrations.push(migrationOf(Number(version), name, readFileSync(join(dir, file), 'utf8')));
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    const previous = migrations[i - 1];
    const current = migrations[i];
    if (previous && current && previous.version === current.version) {
      throw new MigrationError(`two migrations share version ${current.version}: ${previous.name}, ${current.name}`);
    }
  }
  return migrations;
}
