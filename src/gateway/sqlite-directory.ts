import type { Database } from 'better-sqlite3';
import type { CoreServerInfo, Directory, ExtensionInfo } from '../http/ports.js';
import { ConferenceRepository } from '../store/conference-repository.js';
import { CoreServerRepository } from '../store/core-server-repository.js';
import type { ExtensionDirectory } from '../store/extension-directory.js';
import { loadExtensionDirectory } from '../store/load-extension-directory.js';
import type { CoreServer, Extension } from '../store/model.js';
import { QueueRepository } from '../store/queue-repository.js';
import { DbChangeWatch } from './db-change-watch.js';

/**
 * The HTTP layer's Directory, backed by SQLite. Reads are cached per core server and dropped as
 * soon as the database changes (`data_version` moves when another connection, e.g. the admin CLI
 * in another process, commits; `total_changes()` when this one does), so a request never pays for more than one small reload and a
 * license change takes effect on the next request.
 */
export class SqliteDirectory implements Directory {
  private readonly coreServers: CoreServerRepository;
  private readonly conferences: ConferenceRepository;
  private readonly queues: QueueRepository;
  private readonly changes: DbChangeWatch;
  private coreServerCache: readonly CoreServer[] | null = null;
  private readonly extensionCache = new Map<string, ExtensionDirectory>();

  constructor(private readonly db: Database) {
    this.coreServers = new CoreServerRepository(db);
    this.conferences = new ConferenceRepository(db);
    this.queues = new QueueRepository(db);
    this.changes = new DbChangeWatch(db);
  }

  listCoreServers(): CoreServerInfo[] {
    return this.allCoreServers().map(toCoreServerInfo);
  }

  coreServerById(id: string): CoreServerInfo | null {
    const found = this.allCoreServers().find((cs) => cs.id === id);
    return found ? toCoreServerInfo(found) : null;
  }

  coreServerBySlug(slug: string): CoreServerInfo | null {
    const found = this.allCoreServers().find((cs) => cs.slug === slug);
    return found ? toCoreServerInfo(found) : null;
  }

  listExtensions(coreServerId: string): ExtensionInfo[] {
    const directory = this.extensionsOf(coreServerId);
    return directory
      .extensions()
      .map((extension) => toExtensionInfo(directory, extension))
      .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  }

  extensionById(coreServerId: string, id: string): ExtensionInfo | null {
    const directory = this.extensionsOf(coreServerId);
    const extension = directory.byId(id);
    return extension ? toExtensionInfo(directory, extension) : null;
  }

  extensionByNumber(coreServerId: string, n: string): ExtensionInfo | null {
    const directory = this.extensionsOf(coreServerId);
    const extension = directory.byNumber(n);
    return extension ? toExtensionInfo(directory, extension) : null;
  }

  extensionOfChannel(coreServerId: string, channel: string): ExtensionInfo | null {
    const directory = this.extensionsOf(coreServerId);
    const extension = directory.extensionOfChannel(channel);
    return extension ? toExtensionInfo(directory, extension) : null;
  }

  configuredConferences(coreServerId: string): string[] {
    return this.conferences.listByCoreServer(coreServerId).map((c) => c.name);
  }

  configuredQueues(coreServerId: string): string[] {
    return this.queues.listByCoreServer(coreServerId).map((q) => q.name);
  }

  /** The raw core server rows (with AMI settings), for the runtime. */
  coreServerRows(): readonly CoreServer[] {
    return this.allCoreServers();
  }

  private allCoreServers(): readonly CoreServer[] {
    this.dropIfChanged();
    this.coreServerCache ??= this.coreServers.list();
    return this.coreServerCache;
  }

  private extensionsOf(coreServerId: string): ExtensionDirectory {
    this.dropIfChanged();
    let directory = this.extensionCache.get(coreServerId);
    if (!directory) {
      directory = loadExtensionDirectory(this.db, coreServerId);
      this.extensionCache.set(coreServerId, directory);
    }
    return directory;
  }

  private dropIfChanged(): void {
    if (!this.changes.changed()) return;
    this.coreServerCache = null;
    this.extensionCache.clear();
  }
}

function toCoreServerInfo(cs: CoreServer): CoreServerInfo {
  return {
    id: cs.id,
    slug: cs.slug,
    name: cs.name,
    conferenceRoomsEnabled: cs.conferenceRoomsEnabled,
    transferContext: cs.transferContext,
  };
}

function toExtensionInfo(directory: ExtensionDirectory, extension: Extension): ExtensionInfo {
  return {
    id: extension.id,
    number: extension.number,
    displayName: extension.displayName,
    licensed: directory.isLicensed(extension),
  };
}
