import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ConflictError } from './errors/conflict-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import type { License, User } from './model.js';
import { isUniqueViolation } from './sqlite-errors.js';
import { validate } from './validation.js';

export interface NewUser {
  readonly username: string;
  readonly name: string;
  readonly license: License;
}

interface UserRow {
  id: string;
  username: string;
  name: string;
  license: License;
  created_at: string;
}

const COLUMNS = 'id, username, name, license, created_at';

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, name: row.name, license: row.license, createdAt: row.created_at };
}

/** The `users` table: people, each with a `full` or `lite` license. */
export class UserRepository {
  constructor(private readonly db: Database) {}

  add(input: NewUser): User {
    const username = validate.username(input.username);
    const name = validate.name(input.name);
    const license = validate.license(input.license);
    const id = randomUUID();
    try {
      this.db
        .prepare(`INSERT INTO users (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`)
        .run(id, username, name, license, new Date().toISOString());
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`a user "${username}" exists already`, { cause: error });
      throw error;
    }
    return this.mustGet(id);
  }

  list(): readonly User[] {
    return this.db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`).all().map(toUser);
  }

  byId(id: string): User | null {
    const row = this.db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id);
    return row ? toUser(row) : null;
  }

  byUsername(username: string): User | null {
    const row = this.db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = ?`).get(username);
    return row ? toUser(row) : null;
  }

  setLicense(id: string, license: License): User {
    const checked = validate.license(license);
    const result = this.db.prepare('UPDATE users SET license = ? WHERE id = ?').run(checked, id);
    if (result.changes === 0) throw new NotFoundError(`no user with id ${id}`);
    return this.mustGet(id);
  }

  /** Removes the user; extensions bound to it become unbound. */
  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
    if (result.changes === 0) throw new NotFoundError(`no user with id ${id}`);
  }

  private mustGet(id: string): User {
    const user = this.byId(id);
    if (!user) throw new NotFoundError(`no user with id ${id}`);
    return user;
  }
}
