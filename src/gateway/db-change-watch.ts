import type { Database } from 'better-sqlite3';

/**
 * Tells whether the database changed since the last look: `data_version` moves when another
 * connection (e.g. the admin CLI in another process) commits, `total_changes()` when this one does.
 */
export class DbChangeWatch {
  private readonly read: () => string;
  private seen: string;

  constructor(db: Database) {
    const version = db.prepare<[], { v: number }>('SELECT data_version AS v FROM pragma_data_version');
    const changes = db.prepare<[], { c: number }>('SELECT total_changes() AS c');
    this.read = () => `${version.get()?.v ?? 0}:${changes.get()?.c ?? 0}`;
    this.seen = this.read();
  }

  /** true once after each change. */
  changed(): boolean {
    const now = this.read();
    if (now === this.seen) return false;
    this.seen = now;
    return true;
  }
}
