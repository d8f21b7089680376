import type { Database } from 'better-sqlite3';
import { ExtensionDirectory } from './extension-directory.js';
import { ExtensionRepository } from './extension-repository.js';
import { UserRepository } from './user-repository.js';

/** Reads one core server's extensions and the users into an `ExtensionDirectory`. */
export function loadExtensionDirectory(db: Database, coreServerId: string): ExtensionDirectory {
  return db.transaction(
    () => new ExtensionDirectory(new ExtensionRepository(db).listByCoreServer(coreServerId), new UserRepository(db).list()),
  )();
}
