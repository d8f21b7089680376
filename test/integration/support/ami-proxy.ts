/**
 * A tiny TCP proxy on 127.0.0.1 (a free port) in front of a container's AMI port, so a test can
 * drop the gateway's AMI socket mid-call without touching Asterisk:
 *
 *   const proxy = await AmiProxy.start(asterisk.getAmiHost(), asterisk.getAmiPort());
 *   // configure the gateway with proxy.host / proxy.port
 *   proxy.cut();                       // both sides of every connection destroyed; reconnects welcome
 *   proxy.cut({ stayDown: true });     // ... and new connections refused until restore()
 *   proxy.restore();
 */
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
}

export class AmiProxy {
  readonly host = '127.0.0.1';
  private readonly pairs = new Set<Pair>();
  private down = false;
  private accepted = 0;

  private constructor(
    private readonly server: Server,
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static start(targetHost: string, targetPort: number): Promise<AmiProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      const proxy = new AmiProxy(server, targetHost, targetPort);
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(proxy));
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Connections open through the proxy right now. */
  get openConnections(): number {
    return this.pairs.size;
  }

  /** Connections passed on to the target since the start. */
  get acceptedConnections(): number {
    return this.accepted;
  }

  /**
   * Destroys both sides of every connection. With `stayDown`, later connections are destroyed as
   * soon as they arrive, until restore().
   */
  cut(options: { stayDown?: boolean } = {}): void {
    this.down = options.stayDown ?? false;
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  /** Lets connections through again after a cut({ stayDown: true }). */
  restore(): void {
    this.down = false;
  }

  close(): Promise<void> {
    this.cut({ stayDown: true });
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.down) {
      client.destroy();
      return;
    }
    this.accepted += 1;
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    const pair: Pair = { client, upstream };
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    for (const socket of [client, upstream]) {
      socket.on('error', () => this.drop(pair));
      socket.on('close', () => this.drop(pair));
    }
  }

  private drop(pair: Pair): void {
    this.pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  }
}
