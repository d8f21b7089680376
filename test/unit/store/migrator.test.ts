import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { MigrationError } from '../../../src/store/errors/migration-error.js';
import { loadMigrations, migrationOf } from '../../../src/store/migrations.js';
import { migrate } from '../../../src/store/migrator.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'call-segments-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'db.sqlite3');
}

describe('migrations', () => {
  it('loads the numbered files in order, starting at 001_initial', () => {
    const migrations = loadMigrations();
    expect(migrations[0]).toMatchObject({ version: 1, name: 'initial' });
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('migrates an empty file database (creating its directory) with WAL and foreign keys, and records the ledger', () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining(['api_users', 'conferences', 'core_servers', 'extension_channels', 'extensions', 'queues', 'schema_migrations', 'users']),
    );
    const ledger = db.prepare<[], { version: number; name: string; checksum: string; applied_at: string }>('SELECT * FROM schema_migrations').all();
    expect(ledger.map((row) => row.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(ledger[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    db.close();

    // Re-opening is a no-op.
    const again = openDatabase(path);
    expect(migrate(again, loadMigrations())).toEqual([]);
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: ledger.length });
    again.close();
  });

  it('re-running on :memory: applies nothing the second time', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, loadMigrations()).length).toBe(loadMigrations().length);
    expect(migrate(db, loadMigrations())).toEqual([]);
  });

  it('refuses a landed migration whose text changed', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [migrationOf(1, 'first', 'CREATE TABLE a (x INTEGER)')]);
    expect(() => migrate(db, [migrationOf(1, 'first', 'CREATE TABLE a (x TEXT)')])).toThrow(/edited after it was applied/);
  });

  it('refuses a database that knows a newer migration', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [migrationOf(1, 'first', 'CREATE TABLE a (x INTEGER)'), migrationOf(2, 'second', 'CREATE TABLE b (x INTEGER)')]);
    expect(() => migrate(db, [migrationOf(1, 'first', 'CREATE TABLE a (x INTEGER)')])).toThrow(MigrationError);
  });

  it('rolls a failing migration back whole, keeping the earlier ones', () => {
    const db = new BetterSqlite3(':memory:');
    const good = migrationOf(1, 'good', 'CREATE TABLE a (x INTEGER)');
    const bad = migrationOf(2, 'bad', 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    expect(() => migrate(db, [good, bad])).toThrow(/migration 2 \(bad\) failed/);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
  });
});
