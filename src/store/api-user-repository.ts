import type { Database } from 'better-sqlite3';
import { ConflictError } from './errors/conflict-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import type { ApiUser } from './model.js';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, passwordMatches } from './password-hash.js';
import type { PasswordHash, ScryptParams } from './password-hash.js';
import { isUniqueViolation } from './sqlite-errors.js';
import { validate } from './validation.js';

interface ApiUserRow {
  username: string;
  created_at: string;
  updated_at: string;
}

interface HashRow {
  password_hash: string;
  salt: string;
  scrypt_n: number;
  scrypt_r: number;
  scrypt_p: number;
  key_length: number;
}

function toApiUser(row: ApiUserRow): ApiUser {
  return { username: row.username, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toHash(row: HashRow): PasswordHash {
  return {
    hash: Buffer.from(row.password_hash, 'base64'),
    salt: Buffer.from(row.salt, 'base64'),
    params: { N: row.scrypt_n, r: row.scrypt_r, p: row.scrypt_p, keyLength: row.key_length },
  };
}

/**
 * The `api_users` table: accounts for HTTP Basic authentication, with salted scrypt hashes
 * (never plain text).
 */
export class ApiUserRepository {
  constructor(
    private readonly db: Database,
    private readonly params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
  ) {}

  async add(username: string, password: string): Promise<ApiUser> {
    const name = validate.apiUsername(username);
    const checked = validate.password(password);
    if (this.byUsername(name)) throw new ConflictError(`an API user "${name}" exists already`);
    const hash = await hashPassword(checked, this.params);
    const now = new Date().toISOString();
    try {
      this.db
        .prepare(
          `INSERT INTO api_users (username, password_hash, salt, scrypt_n, scrypt_r, scrypt_p, key_length, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(name, ...hashColumns(hash), now, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`an API user "${name}" exists already`, { cause: error });
      throw error;
    }
    return this.mustGet(name);
  }

  async setPassword(username: string, password: string): Promise<ApiUser> {
    const checked = validate.password(password);
    this.mustGet(username);
    const hash = await hashPassword(checked, this.params);
    const result = this.db
      .prepare(
        `UPDATE api_users SET password_hash = ?, salt = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ?, key_length = ?,
           updated_at = ? WHERE username = ?`,
      )
      .run(...hashColumns(hash), new Date().toISOString(), username);
    if (result.changes === 0) throw new NotFoundError(`no API user "${username}"`);
    return this.mustGet(username);
  }

  remove(username: string): void {
    const result = this.db.prepare('DELETE FROM api_users WHERE username = ?').run(username);
    if (result.changes === 0) throw new NotFoundError(`no API user "${username}"`);
  }

  list(): readonly ApiUser[] {
    return this.db
      .prepare<[], ApiUserRow>('SELECT username, created_at, updated_at FROM api_users ORDER BY username')
      .all()
      .map(toApiUser);
  }

  byUsername(username: string): ApiUser | null {
    const row = this.db
      .prepare<[string], ApiUserRow>('SELECT username, created_at, updated_at FROM api_users WHERE username = ?')
      .get(username);
    return row ? toApiUser(row) : null;
  }

  /** Whether `password` is the API user's password; false for unknown users, after the same work. */
  async verify(username: string, password: string): Promise<boolean> {
    const row = this.db
      .prepare<[string], HashRow>(
        'SELECT password_hash, salt, scrypt_n, scrypt_r, scrypt_p, key_length FROM api_users WHERE username = ?',
      )
      .get(username);
    if (!row) {
      // Same scrypt work and comparison as for a known user, so timing does not reveal who exists.
      await passwordMatches(password, this.dummyHash());
      return false;
    }
    return passwordMatches(password, toHash(row));
  }

  private dummyHash(): PasswordHash {
    // An all-zero key: scrypt never yields it in practice, so the comparison fails.
    return { hash: Buffer.alloc(this.params.keyLength), salt: Buffer.alloc(16), params: this.params };
  }

  private mustGet(username: string): ApiUser {
    const user = this.byUsername(username);
    if (!user) throw new NotFoundError(`no API user "${username}"`);
    return user;
  }
}

function hashColumns(hash: PasswordHash): [string, string, number, number, number, number] {
  return [
    hash.hash.toString('base64'),
    hash.salt.toString('base64'),
    hash.params.N,
    hash.params.r,
    hash.params.p,
    hash.params.keyLength,
  ];
}
