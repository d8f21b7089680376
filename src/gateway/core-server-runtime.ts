import type { Logger } from 'pino';
import { AmiClient } from '../ami/client.js';
import { CoreServerLink } from '../live/core-server-link.js';
import { SegmentGraph } from '../segments/graph.js';
import type { CoreServer } from '../store/model.js';

/** One watched PBX: its AMI client, its segment graph and the link that keeps them in step. */
export class CoreServerRuntime {
  readonly ami: AmiClient;
  readonly graph: SegmentGraph;
  readonly link: CoreServerLink;

  constructor(
    readonly coreServer: CoreServer,
    logger: Logger,
  ) {
    const log = logger.child({ coreServer: coreServer.slug });
    this.ami = new AmiClient({
      host: coreServer.amiHost,
      port: coreServer.amiPort,
      username: coreServer.amiUsername,
      secret: coreServer.amiSecret,
      logger: log.child({ component: 'ami' }),
    });
    this.graph = new SegmentGraph(coreServer.id);
    this.link = new CoreServerLink(this.ami, this.graph, log.child({ component: 'segments' }));
  }

  start(): void {
    this.link.start();
    this.ami.start();
  }

  async stop(): Promise<void> {
    this.link.stop();
    await this.ami.stop();
  }

  /** Whether these AMI settings are the ones this runtime was started with. */
  sameAmiSettings(other: CoreServer): boolean {
    const cs = this.coreServer;
    return (
      cs.amiHost === other.amiHost &&
      cs.amiPort === other.amiPort &&
      cs.amiUsername === other.amiUsername &&
      cs.amiSecret === other.amiSecret
    );
  }
}
