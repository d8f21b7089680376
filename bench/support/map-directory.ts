/**
 * Benchmark Directory: one core server and its extensions in Maps (lookups O(1), like the
 * SqliteDirectory's warm cache), so the HTTP figures measure the REST code, not a linear search.
 * A channel belongs to the extension named by its endpoint (`PJSIP/10007-0000002a` → 10007).
 */
import type { CoreServerInfo, Directory, ExtensionInfo } from '../../src/http/ports.js';

export class MapDirectory implements Directory {
  private readonly byNumber = new Map<string, ExtensionInfo>();
  private readonly byId = new Map<string, ExtensionInfo>();

  constructor(
    private readonly coreServer: CoreServerInfo,
    extensions: readonly ExtensionInfo[],
  ) {
    for (const extension of extensions) {
      this.byNumber.set(extension.number, extension);
      this.byId.set(extension.id, extension);
    }
  }

  private mine(coreServerId: string): boolean {
    return coreServerId === this.coreServer.id;
  }

  listCoreServers(): CoreServerInfo[] {
    return [this.coreServer];
  }
  coreServerById(id: string): CoreServerInfo | null {
    return this.mine(id) ? this.coreServer : null;
  }
  coreServerBySlug(slug: string): CoreServerInfo | null {
    return slug === this.coreServer.slug ? this.coreServer : null;
  }
  listExtensions(coreServerId: string): ExtensionInfo[] {
    return this.mine(coreServerId) ? [...this.byNumber.values()] : [];
  }
  extensionById(coreServerId: string, id: string): ExtensionInfo | null {
    return this.mine(coreServerId) ? (this.byId.get(id) ?? null) : null;
  }
  extensionByNumber(coreServerId: string, n: string): ExtensionInfo | null {
    return this.mine(coreServerId) ? (this.byNumber.get(n) ?? null) : null;
  }
  extensionOfChannel(coreServerId: string, channel: string): ExtensionInfo | null {
    if (!this.mine(coreServerId)) return null;
    const slash = channel.indexOf('/');
    const dash = channel.lastIndexOf('-');
    if (slash < 0 || dash <= slash) return null;
    return this.byNumber.get(channel.slice(slash + 1, dash)) ?? null;
  }
  configuredConferences(): string[] {
    return [];
  }
  configuredQueues(): string[] {
    return ['support'];
  }
}
