import type { Database } from 'better-sqlite3';
import { CoreServerRepository } from '../../store/core-server-repository.js';
import { NotFoundError } from '../../store/errors/not-found-error.js';
import { ExtensionRepository } from '../../store/extension-repository.js';
import type { CoreServer, Extension, User } from '../../store/model.js';
import { UserRepository } from '../../store/user-repository.js';

export function coreServerBySlug(db: Database, slug: string): CoreServer {
  const server = new CoreServerRepository(db).bySlug(slug);
  if (!server) throw new NotFoundError(`no core server "${slug}"`);
  return server;
}

export function extensionByNumber(db: Database, server: CoreServer, number: string): Extension {
  const extension = new ExtensionRepository(db).byNumber(server.id, number);
  if (!extension) throw new NotFoundError(`no extension ${number} on core server "${server.slug}"`);
  return extension;
}

export function userByUsername(db: Database, username: string): User {
  const user = new UserRepository(db).byUsername(username);
  if (!user) throw new NotFoundError(`no user "${username}"`);
  return user;
}
