import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ConflictError } from './errors/conflict-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import type { CoreServer } from './model.js';
import { isUniqueViolation } from './sqlite-errors.js';
import { validate } from './validation.js';

export interface NewCoreServer {
  readonly slug: string;
  readonly name: string;
  readonly amiHost: string;
  readonly amiPort: number;
  readonly amiUsername: string;
  readonly amiSecret: string;
  readonly conferenceRoomsEnabled?: boolean;
  readonly transferContext?: string;
}

export type CoreServerChanges = Partial<NewCoreServer>;

interface CoreServerRow {
  id: string;
  slug: string;
  name: string;
  ami_host: string;
  ami_port: number;
  ami_username: string;
  ami_secret: string;
  conference_rooms_enabled: number;
  transfer_context: string;
  created_at: string;
}

const COLUMNS =
  'id, slug, name, ami_host, ami_port, ami_username, ami_secret, conference_rooms_enabled, transfer_context, created_at';

function toCoreServer(row: CoreServerRow): CoreServer {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    amiHost: row.ami_host,
    amiPort: row.ami_port,
    amiUsername: row.ami_username,
    amiSecret: row.ami_secret,
    conferenceRoomsEnabled: row.conference_rooms_enabled === 1,
    transferContext: row.transfer_context,
    createdAt: row.created_at,
  };
}

function validated(input: NewCoreServer): Required<NewCoreServer> {
  return {
    slug: validate.slug(input.slug),
    name: validate.name(input.name),
    amiHost: validate.amiHost(input.amiHost),
    amiPort: validate.amiPort(input.amiPort),
    amiUsername: validate.amiUsername(input.amiUsername),
    amiSecret: validate.amiSecret(input.amiSecret),
    conferenceRoomsEnabled: validate.boolean('conferenceRoomsEnabled', input.conferenceRoomsEnabled ?? false),
    transferContext: validate.transferContext(input.transferContext ?? 'from-internal'),
  };
}

/** The `core_servers` table. */
export class CoreServerRepository {
  constructor(private readonly db: Database) {}

  add(input: NewCoreServer): CoreServer {
    const server = validated(input);
    const id = randomUUID();
    try {
      this.db
        .prepare(
          `INSERT INTO core_servers (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          server.slug,
          server.name,
          server.amiHost,
          server.amiPort,
          server.amiUsername,
          server.amiSecret,
          server.conferenceRoomsEnabled ? 1 : 0,
          server.transferContext,
          new Date().toISOString(),
        );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`a core server with slug "${server.slug}" exists already`, { cause: error });
      throw error;
    }
    return this.mustGet(id);
  }

  list(): readonly CoreServer[] {
    return this.db
      .prepare<[], CoreServerRow>(`SELECT ${COLUMNS} FROM core_servers ORDER BY slug`)
      .all()
      .map(toCoreServer);
  }

  byId(id: string): CoreServer | null {
    const row = this.db.prepare<[string], CoreServerRow>(`SELECT ${COLUMNS} FROM core_servers WHERE id = ?`).get(id);
    return row ? toCoreServer(row) : null;
  }

  bySlug(slug: string): CoreServer | null {
    const row = this.db.prepare<[string], CoreServerRow>(`SELECT ${COLUMNS} FROM core_servers WHERE slug = ?`).get(slug);
    return row ? toCoreServer(row) : null;
  }

  /** Removes the core server with its extensions, conferences and queues. */
  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM core_servers WHERE id = ?').run(id);
    if (result.changes === 0) throw new NotFoundError(`no core server with id ${id}`);
  }

  update(id: string, changes: CoreServerChanges): CoreServer {
    const current = this.byId(id);
    if (!current) throw new NotFoundError(`no core server with id ${id}`);
    const next = validated({ ...current, ...definedOnly(changes) });
    try {
      this.db
        .prepare(
          `UPDATE core_servers SET slug = ?, name = ?, ami_host = ?, ami_port = ?, ami_username = ?, ami_secret = ?,
             conference_rooms_enabled = ?, transfer_context = ? WHERE id = ?`,
        )
        .run(
          next.slug,
          next.name,
          next.amiHost,
          next.amiPort,
          next.amiUsername,
          next.amiSecret,
          next.conferenceRoomsEnabled ? 1 : 0,
          next.transferContext,
          id,
        );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`a core server with slug "${next.slug}" exists already`, { cause: error });
      throw error;
    }
    return this.mustGet(id);
  }

  private mustGet(id: string): CoreServer {
    const server = this.byId(id);
    if (!server) throw new NotFoundError(`no core server with id ${id}`);
    return server;
  }
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
