import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ConflictError } from './errors/conflict-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import { ValidationError } from './errors/validation-error.js';
import type { Extension } from './model.js';
import { isUniqueViolation } from './sqlite-errors.js';
import { validate } from './validation.js';

export interface NewExtension {
  readonly coreServerId: string;
  readonly number: string;
  /** Defaults to the number. */
  readonly displayName?: string;
  /** Defaults to `['PJSIP/<number>']`. */
  readonly channelPrefixes?: readonly string[];
  readonly userId?: string | null;
}

interface ExtensionRow {
  id: string;
  core_server_id: string;
  number: string;
  display_name: string;
  user_id: string | null;
  created_at: string;
}

interface ChannelRow {
  extension_id: string;
  channel_prefix: string;
}

const COLUMNS = 'id, core_server_id, number, display_name, user_id, created_at';

/** Default channel prefix of an extension: its PJSIP endpoint of the same name. */
export function defaultChannelPrefix(number: string): string {
  return `PJSIP/${number}`;
}

/** The `extensions` table with its `extension_channels`. */
export class ExtensionRepository {
  constructor(private readonly db: Database) {}

  add(input: NewExtension): Extension {
    const number = validate.extensionNumber(input.number);
    const displayName = validate.name(input.displayName ?? number, 'displayName');
    const prefixes = uniquePrefixes(input.channelPrefixes ?? [defaultChannelPrefix(number)]);
    const id = randomUUID();
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM core_servers WHERE id = ?').get(input.coreServerId)) {
        throw new NotFoundError(`no core server with id ${input.coreServerId}`);
      }
      if (input.userId != null) this.requireUser(input.userId);
      if (this.byNumber(input.coreServerId, number)) {
        throw new ConflictError(`extension ${number} exists already on this core server`);
      }
      this.refuseTakenPrefixes(input.coreServerId, prefixes, null);
      try {
        this.db
          .prepare(`INSERT INTO extensions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(id, input.coreServerId, number, displayName, input.userId ?? null, new Date().toISOString());
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`extension ${number} exists already on this core server`, { cause: error });
        throw error;
      }
      this.insertPrefixes(id, prefixes);
    })();
    return this.mustGet(id);
  }

  listByCoreServer(coreServerId: string): readonly Extension[] {
    const rows = this.db
      .prepare<[string], ExtensionRow>(`SELECT ${COLUMNS} FROM extensions WHERE core_server_id = ? ORDER BY number`)
      .all(coreServerId);
    const channels = this.db
      .prepare<[string], ChannelRow>(
        `SELECT c.extension_id, c.channel_prefix FROM extension_channels c
           JOIN extensions e ON e.id = c.extension_id WHERE e.core_server_id = ? ORDER BY c.channel_prefix`,
      )
      .all(coreServerId);
    const byExtension = new Map<string, string[]>();
    for (const channel of channels) {
      const list = byExtension.get(channel.extension_id) ?? [];
      list.push(channel.channel_prefix);
      byExtension.set(channel.extension_id, list);
    }
    return rows.map((row) => toExtension(row, byExtension.get(row.id) ?? []));
  }

  byId(id: string): Extension | null {
    const row = this.db.prepare<[string], ExtensionRow>(`SELECT ${COLUMNS} FROM extensions WHERE id = ?`).get(id);
    return row ? toExtension(row, this.channels(row.id)) : null;
  }

  byNumber(coreServerId: string, number: string): Extension | null {
    const row = this.db
      .prepare<[string, string], ExtensionRow>(`SELECT ${COLUMNS} FROM extensions WHERE core_server_id = ? AND number = ?`)
      .get(coreServerId, number);
    return row ? toExtension(row, this.channels(row.id)) : null;
  }

  /** The channel prefixes of an extension (empty for an unknown id). */
  channels(extensionId: string): readonly string[] {
    return this.db
      .prepare<[string], { channel_prefix: string }>(
        'SELECT channel_prefix FROM extension_channels WHERE extension_id = ? ORDER BY channel_prefix',
      )
      .all(extensionId)
      .map((row) => row.channel_prefix);
  }

  /** Replaces the channel prefixes of an extension. */
  setChannels(extensionId: string, channelPrefixes: readonly string[]): Extension {
    const prefixes = uniquePrefixes(channelPrefixes);
    this.db.transaction(() => {
      const extension = this.mustGet(extensionId);
      this.refuseTakenPrefixes(extension.coreServerId, prefixes, extensionId);
      this.db.prepare('DELETE FROM extension_channels WHERE extension_id = ?').run(extensionId);
      this.insertPrefixes(extensionId, prefixes);
    })();
    return this.mustGet(extensionId);
  }

  setDisplayName(extensionId: string, displayName: string): Extension {
    const checked = validate.name(displayName, 'displayName');
    const result = this.db.prepare('UPDATE extensions SET display_name = ? WHERE id = ?').run(checked, extensionId);
    if (result.changes === 0) throw new NotFoundError(`no extension with id ${extensionId}`);
    return this.mustGet(extensionId);
  }

  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM extensions WHERE id = ?').run(id);
    if (result.changes === 0) throw new NotFoundError(`no extension with id ${id}`);
  }

  /** Binds the extension to a user (replacing any previous binding). */
  bindUser(extensionId: string, userId: string): Extension {
    this.db.transaction(() => {
      this.requireUser(userId);
      const result = this.db.prepare('UPDATE extensions SET user_id = ? WHERE id = ?').run(userId, extensionId);
      if (result.changes === 0) throw new NotFoundError(`no extension with id ${extensionId}`);
    })();
    return this.mustGet(extensionId);
  }

  unbind(extensionId: string): Extension {
    const result = this.db.prepare('UPDATE extensions SET user_id = NULL WHERE id = ?').run(extensionId);
    if (result.changes === 0) throw new NotFoundError(`no extension with id ${extensionId}`);
    return this.mustGet(extensionId);
  }

  private requireUser(userId: string): void {
    if (!this.db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId)) throw new NotFoundError(`no user with id ${userId}`);
  }

  private refuseTakenPrefixes(coreServerId: string, prefixes: readonly string[], exceptExtensionId: string | null): void {
    const owner = this.db.prepare<[string, string, string], { number: string }>(
      `SELECT e.number FROM extension_channels c JOIN extensions e ON e.id = c.extension_id
         WHERE e.core_server_id = ? AND c.channel_prefix = ? AND e.id IS NOT ?`,
    );
    for (const prefix of prefixes) {
      const taken = owner.get(coreServerId, prefix, exceptExtensionId ?? '');
      if (taken) throw new ConflictError(`channel ${prefix} belongs to extension ${taken.number} already`);
    }
  }

  private insertPrefixes(extensionId: string, prefixes: readonly string[]): void {
    const insert = this.db.prepare('INSERT INTO extension_channels (extension_id, channel_prefix) VALUES (?, ?)');
    for (const prefix of prefixes) insert.run(extensionId, prefix);
  }

  private mustGet(id: string): Extension {
    const extension = this.byId(id);
    if (!extension) throw new NotFoundError(`no extension with id ${id}`);
    return extension;
  }
}

function uniquePrefixes(prefixes: readonly string[]): readonly string[] {
  if (prefixes.length === 0) throw new ValidationError('an extension needs at least one channel prefix', 'channelPrefixes');
  return [...new Set(prefixes.map((prefix) => validate.channelPrefix(prefix)))];
}

function toExtension(row: ExtensionRow, channelPrefixes: readonly string[]): Extension {
  return {
    id: row.id,
    coreServerId: row.core_server_id,
    number: row.number,
    displayName: row.display_name,
    userId: row.user_id,
    channelPrefixes,
    createdAt: row.created_at,
  };
}
