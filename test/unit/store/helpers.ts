import type { Database } from 'better-sqlite3';
import { CoreServerRepository } from '../../../src/store/core-server-repository.js';
import type { NewCoreServer } from '../../../src/store/core-server-repository.js';
import { openDatabase } from '../../../src/store/database.js';
import type { CoreServer } from '../../../src/store/model.js';

export function memoryDb(): Database {
  return openDatabase(':memory:');
}

export const CORE_SERVER: NewCoreServer = {
  slug: 'default',
  name: 'Main PBX',
  amiHost: '127.0.0.1',
  amiPort: 5038,
  amiUsername: 'gateway',
  amiSecret: 's3cret',
};

export function addCoreServer(db: Database, changes: Partial<NewCoreServer> = {}): CoreServer {
  return new CoreServerRepository(db).add({ ...CORE_SERVER, ...changes });
}

/** Every row of every domain table, to show that a failed operation changed nothing. */
export function snapshot(db: Database): unknown {
  const tables = ['core_servers', 'users', 'extensions', 'extension_channels', 'api_users', 'conferences', 'queues'];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}
