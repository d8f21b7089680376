import { Readable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import type { CliDeps } from '../../../src/cli/context.js';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { openDatabase } from '../../../src/store/database.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI on `db` with `stdin` piped in (not a terminal). */
export async function cli(db: Database, argv: readonly string[], stdin = '', deps: CliDeps = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  };
  const code = await runCli(argv, io, db, deps);
  return { code, stdout, stderr };
}

export function memoryDb(): Database {
  return openDatabase(':memory:');
}

/** Every row of every domain table. */
export function snapshot(db: Database): unknown {
  const tables = ['core_servers', 'users', 'extensions', 'extension_channels', 'api_users', 'conferences', 'queues'];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}

export const ADD_DEFAULT = [
  'admin', 'core-servers', 'add', '--slug', 'default', '--name', 'Main PBX',
  '--ami-host', '127.0.0.1', '--ami-username', 'gateway', '--ami-secret-stdin',
];

/** A database with core server `default`, extension 100 and user alice (full). */
export async function seeded(): Promise<Database> {
  const db = memoryDb();
  for (const [argv, stdin] of [
    [ADD_DEFAULT, 's3cret\n'],
    [['admin', 'extensions', 'add', '--core-server', 'default', '--number', '100', '--name', 'Alice desk'], ''],
    [['admin', 'users', 'add', '--username', 'alice', '--name', 'Alice', '--license', 'full'], ''],
  ] as const) {
    const run = await cli(db, argv, stdin);
    if (run.code !== 0) throw new Error(`seeding failed: ${run.stderr}`);
  }
  return db;
}
