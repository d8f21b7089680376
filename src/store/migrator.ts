import type { Database } from 'better-sqlite3';
import { MigrationError } from './errors/migration-error.js';
import type { Migration } from './migrations.js';

interface LedgerRow {
  version: number;
  name: string;
  checksum: string;
}

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER NOT NULL PRIMARY KEY,
  name       TEXT    NOT NULL,
  checksum   TEXT    NOT NULL,
  applied_at TEXT    NOT NULL
) STRICT`;

/**
 * Applies, in version order, every migration not yet in the `schema_migrations` ledger, each in
 * its own transaction together with its ledger row. Refuses to run when a landed migration's
 * text changed (checksum) or the database knows a version this code does not.
 * Returns the migrations applied now (empty when the database was up to date).
 */
export function migrate(db: Database, migrations: readonly Migration[], now: () => Date = () => new Date()): readonly Migration[] {
  db.exec(LEDGER);
  const ledger = new Map(
    db
      .prepare<[], LedgerRow>('SELECT version, name, checksum FROM schema_migrations')
      .all()
      .map((row) => [row.version, row]),
  );
  const known = new Set(migrations.map((m) => m.version));
  for (const row of ledger.values()) {
    if (!known.has(row.version)) {
      throw new MigrationError(`database has migration ${row.version} (${row.name}) that this version does not know`);
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const landed = ledger.get(migration.version);
    if (landed) {
      if (landed.checksum !== migration.checksum) {
        throw new MigrationError(
          `migration ${migration.version} (${migration.name}) was edited after it was applied: checksum differs from the ledger`,
        );
      }
      continue;
    }
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, migration.checksum, now().toISOString());
      })();
    } catch (error) {
      throw new MigrationError(`migration ${migration.version} (${migration.name}) failed: ${String(error)}`, { cause: error });
    }
    applied.push(migration);
  }
  return applied;
}
