/**
 * A hand-written AMI server for protocol edge cases only (login, Ping, scripted replies, chunking,
 * garbage, drops, silence): a real TCP server on 127.0.0.1, port 0. It never imitates calls —
 * call behaviour is tested against a real Asterisk.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { AmiFramer } from '../../src/ami/framer.js';
import { header, type AmiMessage } from '../../src/events/ami-message.js';

export type WireHeaders = Readonly<Record<string, string | readonly string[]>>;

export interface FakeAmiServerOptions {
  readonly username?: string;
  readonly secret?: string;
  /** The first line sent; null sends nothing at all (a peer that never speaks). */
  readonly banner?: string | null;
}

/** A scripted action handler; without one, an action gets `Response: Error` "Invalid/unknown command". */
export type FakeActionHandler = (action: AmiMessage, connection: FakeAmiConnection) => void;

export function toWire(message: WireHeaders): string {
  let out = '';
  for (const [key, value] of Object.entries(message)) {
    for (const item of typeof value === 'string' ? [value] : value) out += `${key}: ${item}\r\n`;
  }
  return `${out}\r\n`;
}

export class FakeAmiConnection {
  /** Every action this connection received, in order. */
  readonly actions: AmiMessage[] = [];
  /** Every byte received, decoded. */
  rawReceived = '';
  readonly closed: Promise<void>;
  private readonly framer = new AmiFramer({ banner: false });

  constructor(
    private readonly socket: Socket,
    private readonly onAction: (action: AmiMessage, connection: FakeAmiConnection) => void,
  ) {
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    this.closed = once(socket, 'close').then(() => undefined);
    socket.on('data', (text: string) => {
      this.rawReceived += text;
      for (const action of this.framer.push(text)) {
        this.actions.push(action);
        this.onAction(action, this);
      }
    });
  }

  get isOpen(): boolean {
    return !this.socket.destroyed;
  }

  send(message: WireHeaders): void {
    this.sendRaw(toWire(message));
  }

  sendRaw(text: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  /** A response to `action`, echoing its ActionID right after `Response:` as Asterisk does. */
  reply(action: AmiMessage, response: string, rest: WireHeaders = {}): void {
    const actionId = header(action, 'ActionID');
    this.send({ Response: response, ...(actionId === undefined ? {} : { ActionID: actionId }), ...rest });
  }

  /** Closes the TCP connection at once, discarding anything unsent. */
  drop(): void {
    this.socket.destroy();
  }

  /** Closes gracefully after what was written, as Asterisk does after Logoff or a failed login. */
  end(): void {
    this.socket.end();
  }
}

export class FakeAmiServer {
  readonly connections: FakeAmiConnection[] = [];
  /** Answer AMI Ping (set false to play a dead peer that keeps the socket open). */
  answerPing = true;
  private readonly handlers = new Map<string, FakeActionHandler>();
  private readonly emitter = new EventEmitter();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly options: Required<FakeAmiServerOptions>,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(options: FakeAmiServerOptions = {}): Promise<FakeAmiServer> {
    const server = createServer();
    const fake = new FakeAmiServer(server, {
      username: options.username ?? 'gateway',
      secret: options.secret ?? 's3cret',
      banner: options.banner === undefined ? 'Asterisk Call Manager/11.0.0' : options.banner,
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Scripts the reply to an action (matched case-insensitively on `Action:`). */
  on(action: string, handler: FakeActionHandler): this {
    this.handlers.set(action.toLowerCase(), handler);
    return this;
  }

  /** Resolves with the index-th connection (0-based) once it exists. */
  connection(index: number): Promise<FakeAmiConnection> {
    return this.when('connection', () => this.connections[index]);
  }

  /** Resolves with the next action named `name` received on any connection after this call. */
  nextAction(name: string): Promise<{ action: AmiMessage; connection: FakeAmiConnection }> {
    const wanted = name.toLowerCase();
    let last: { action: AmiMessage; connection: FakeAmiConnection } | undefined;
    const listener = (action: AmiMessage, connection: FakeAmiConnection): void => {
      if ((header(action, 'Action') ?? '').toLowerCase() === wanted) last ??= { action, connection };
    };
    this.emitter.on('action', listener);
    return this.when('action', () => last).finally(() => this.emitter.off('action', listener));
  }

  /** Checks `found` now and after every `eventName`, synchronously, so no emit is missed. */
  private when<T>(eventName: string, found: () => T | undefined): Promise<T> {
    return new Promise<T>((resolve) => {
      const check = (): void => {
        const value = found();
        if (value === undefined) return;
        this.emitter.off(eventName, check);
        resolve(value);
      };
      this.emitter.on(eventName, check);
      check();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    await once(this.server, 'close');
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    const connection = new FakeAmiConnection(socket, (action, conn) => this.handle(action, conn));
    this.connections.push(connection);
    if (this.options.banner !== null) connection.sendRaw(`${this.options.banner}\r\n`);
    this.emitter.emit('connection', connection);
  }

  private handle(action: AmiMessage, connection: FakeAmiConnection): void {
    const name = (header(action, 'Action') ?? '').toLowerCase();
    const handler = this.handlers.get(name);
    if (handler !== undefined) handler(action, connection);
    else this.builtIn(name, action, connection);
    this.emitter.emit('action', action, connection);
  }

  private builtIn(name: string, action: AmiMessage, connection: FakeAmiConnection): void {
    switch (name) {
      case 'login':
        if (header(action, 'Username') === this.options.username && header(action, 'Secret') === this.options.secret) {
          connection.reply(action, 'Success', { Message: 'Authentication accepted' });
          connection.send({ Event: 'FullyBooted', Privilege: 'system,all', Uptime: '10', LastReload: '10', Status: 'Fully Booted' });
        } else {
          connection.reply(action, 'Error', { Message: 'Authentication failed' });
          connection.end();
        }
        return;
      case 'ping':
        if (this.answerPing) connection.reply(action, 'Success', { Ping: 'Pong', Timestamp: '1764862000.000000' });
        return;
      case 'logoff':
        connection.reply(action, 'Goodbye', { Message: 'Thanks for all the fish.' });
        connection.end();
        return;
      default:
        connection.reply(action, 'Error', {
          Message: `Invalid/unknown command: ${header(action, 'Action') ?? ''}. Use Action: ListCommands to show available commands.`,
        });
    }
  }
}
