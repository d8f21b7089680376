import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ApiUserVerifier } from '../http/ports.js';
import { DbChangeWatch } from './db-change-watch.js';

export interface CachedVerifierOptions {
  /** How long a verified username/password pair is trusted without a new scrypt; default 60 s. */
  readonly ttlMs?: number;
  /** At most this many remembered pairs (oldest dropped first); default 1,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/**
 * Remembers successful Basic-auth checks for a short time, so an application polling the API does
 * not pay a full scrypt (tens of milliseconds of CPU, by design) on every request. Only successes
 * are remembered, keyed by an HMAC of username and password under a key that lives in this
 * process alone (no password or plain hash is kept). Any change to the database (a password set,
 * an API user removed, by this process or the admin CLI) forgets everything at once.
 */
export class CachedApiUserVerifier implements ApiUserVerifier {
  private readonly key = randomBytes(32);
  private readonly trusted = new Map<string, number>();
  private readonly changes: DbChangeWatch;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: ApiUserVerifier,
    db: Database,
    options: CachedVerifierOptions = {},
  ) {
    this.changes = new DbChangeWatch(db);
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  async verify(username: string, password: string): Promise<boolean> {
    if (this.changes.changed()) this.trusted.clear();
    const id = createHmac('sha256', this.key).update(username).update('\0').update(password).digest('base64');
    const until = this.trusted.get(id);
    if (until !== undefined && until > this.now()) return true;
    this.trusted.delete(id);
    const ok = await this.inner.verify(username, password);
    if (ok) {
      if (this.trusted.size >= this.maxEntries) {
        const oldest = this.trusted.keys().next().value;
        if (oldest !== undefined) this.trusted.delete(oldest);
      }
      this.trusted.set(id, this.now() + this.ttlMs);
    }
    return ok;
  }
}
