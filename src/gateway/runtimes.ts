import type { Logger } from 'pino';
import type { GraphSnapshot, LiveGraphs } from '../http/ports.js';
import type { CoreServer } from '../store/model.js';
import { CoreServerRuntime } from './core-server-runtime.js';

/**
 * The runtimes of every configured core server, kept in step with the database by `reconcile`:
 * a core server added with the admin CLI starts being watched, a removed one stops, one whose
 * AMI settings changed reconnects.
 */
export class CoreServerRuntimes implements LiveGraphs {
  private readonly byId = new Map<string, CoreServerRuntime>();

  constructor(private readonly logger: Logger) {}

  async reconcile(rows: readonly CoreServer[]): Promise<void> {
    const wanted = new Map(rows.map((row) => [row.id, row]));
    const stopping: Promise<void>[] = [];
    for (const [id, runtime] of this.byId) {
      const row = wanted.get(id);
      if (row !== undefined && runtime.sameAmiSettings(row)) continue;
      this.byId.delete(id);
      this.logger.info({ coreServer: runtime.coreServer.slug }, row ? 'AMI settings changed: reconnecting' : 'core server removed: stop watching');
      stopping.push(runtime.stop());
    }
    await Promise.all(stopping);
    for (const row of rows) {
      if (this.byId.has(row.id)) continue;
      const runtime = new CoreServerRuntime(row, this.logger);
      this.byId.set(row.id, runtime);
      this.logger.info({ coreServer: row.slug, amiHost: row.amiHost, amiPort: row.amiPort }, 'watching core server');
      runtime.start();
    }
  }

  get(coreServerId: string): CoreServerRuntime | undefined {
    return this.byId.get(coreServerId);
  }

  snapshot(coreServerId: string): GraphSnapshot | null {
    const runtime = this.byId.get(coreServerId);
    if (runtime === undefined || !runtime.link.ready) return null;
    return runtime.graph.snapshot();
  }

  async stopAll(): Promise<void> {
    const all = [...this.byId.values()];
    this.byId.clear();
    await Promise.all(all.map((runtime) => runtime.stop()));
  }
}
