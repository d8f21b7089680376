import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { loadMigrations } from './migrations.js';
import type { Migration } from './migrations.js';
import { migrate } from './migrator.js';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Defaults to the repository's `migrations/` folder. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (creating it and its directory when missing) the SQLite database at `path`
 * (`:memory:` for a private in-memory one), with WAL journaling and foreign keys on,
 * and applies pending migrations.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // The admin CLI and the running gateway may write at the same time.
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? loadMigrations());
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
