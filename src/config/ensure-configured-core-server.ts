import type { Database } from 'better-sqlite3';
import { CoreServerRepository } from '../store/core-server-repository.js';
import type { CoreServerChanges } from '../store/core-server-repository.js';
import type { CoreServer } from '../store/model.js';
import type { Config } from './config.js';

export interface EnsuredCoreServer {
  readonly coreServer: CoreServer;
  readonly action: 'created' | 'updated' | 'unchanged';
}

/**
 * Makes the core server configured by `AMI_*` / `CORE_SERVER_*` exist in the database with those
 * settings (created, or updated by slug), so the quick start needs no admin CLI step.
 * Settings not configured keep their stored value. Returns null when none is configured.
 */
export function ensureConfiguredCoreServer(db: Database, config: Config): EnsuredCoreServer | null {
  const wanted = config.coreServer;
  if (!wanted) return null;
  const repo = new CoreServerRepository(db);
  return db.transaction((): EnsuredCoreServer => {
    const existing = repo.bySlug(wanted.slug);
    const changes: CoreServerChanges = {
      amiHost: wanted.amiHost,
      amiPort: wanted.amiPort,
      amiUsername: wanted.amiUsername,
      amiSecret: wanted.amiSecret,
      ...(wanted.name !== null ? { name: wanted.name } : {}),
      ...(wanted.conferenceRoomsEnabled !== null ? { conferenceRoomsEnabled: wanted.conferenceRoomsEnabled } : {}),
      ...(wanted.transferContext !== null ? { transferContext: wanted.transferContext } : {}),
    };
    if (!existing) {
      const created = repo.add({
        slug: wanted.slug,
        name: wanted.name ?? wanted.slug,
        amiHost: wanted.amiHost,
        amiPort: wanted.amiPort,
        amiUsername: wanted.amiUsername,
        amiSecret: wanted.amiSecret,
        conferenceRoomsEnabled: wanted.conferenceRoomsEnabled ?? false,
        ...(wanted.transferContext !== null ? { transferContext: wanted.transferContext } : {}),
      });
      return { coreServer: created, action: 'created' };
    }
    const differs = (Object.keys(changes) as (keyof CoreServerChanges)[]).some((key) => changes[key] !== existing[key]);
    if (!differs) return { coreServer: existing, action: 'unchanged' };
    return { coreServer: repo.update(existing.id, changes), action: 'updated' };
  })();
}
