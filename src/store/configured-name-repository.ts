import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ConflictError } from './errors/conflict-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import type { ConfiguredName } from './model.js';
import { isUniqueViolation } from './sqlite-errors.js';
import { validate } from './validation.js';

interface NameRow {
  id: string;
  core_server_id: string;
  name: string;
  created_at: string;
}

function toConfiguredName(row: NameRow): ConfiguredName {
  return { id: row.id, coreServerId: row.core_server_id, name: row.name, createdAt: row.created_at };
}

/** Names configured per core server in one table (`conferences` or `queues`): same shape, same rules. */
export class ConfiguredNameRepository {
  constructor(
    private readonly db: Database,
    private readonly table: 'conferences' | 'queues',
    private readonly kind: string,
  ) {}

  add(coreServerId: string, name: string): ConfiguredName {
    const checked = validate.roomName(name);
    const id = randomUUID();
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM core_servers WHERE id = ?').get(coreServerId)) {
        throw new NotFoundError(`no core server with id ${coreServerId}`);
      }
      try {
        this.db
          .prepare(`INSERT INTO ${this.table} (id, core_server_id, name, created_at) VALUES (?, ?, ?, ?)`)
          .run(id, coreServerId, checked, new Date().toISOString());
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`${this.kind} "${checked}" exists already on this core server`, { cause: error });
        throw error;
      }
    })();
    const added = this.byId(id);
    if (!added) throw new NotFoundError(`no ${this.kind} with id ${id}`);
    return added;
  }

  listByCoreServer(coreServerId: string): readonly ConfiguredName[] {
    return this.db
      .prepare<[string], NameRow>(`SELECT id, core_server_id, name, created_at FROM ${this.table} WHERE core_server_id = ? ORDER BY name`)
      .all(coreServerId)
      .map(toConfiguredName);
  }

  byId(id: string): ConfiguredName | null {
    const row = this.db
      .prepare<[string], NameRow>(`SELECT id, core_server_id, name, created_at FROM ${this.table} WHERE id = ?`)
      .get(id);
    return row ? toConfiguredName(row) : null;
  }

  byName(coreServerId: string, name: string): ConfiguredName | null {
    const row = this.db
      .prepare<[string, string], NameRow>(
        `SELECT id, core_server_id, name, created_at FROM ${this.table} WHERE core_server_id = ? AND name = ?`,
      )
      .get(coreServerId, name);
    return row ? toConfiguredName(row) : null;
  }

  remove(id: string): void {
    const result = this.db.prepare(`DELETE FROM ${this.table} WHERE id = ?`).run(id);
    if (result.changes === 0) throw new NotFoundError(`no ${this.kind} with id ${id}`);
  }
}
