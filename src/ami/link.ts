/**
 * One TCP link to AMI: connects (with a time limit up to the banner), decodes bytes with a
 * StringDecoder so UTF-8 split across chunks stays whole, frames, and reports each message.
 * Knows nothing of login or actions; the client drives it. `onClose` fires exactly once.
 */
import { createConnection, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { AmiFramer } from './framer.js';
import type { AmiMessage } from '../events/ami-message.js';

export interface AmiLinkHandlers {
  /** The banner arrived: the peer speaks AMI; `version` is e.g. `11.0.0`. */
  readonly onBanner: (version: string) => void;
  readonly onMessage: (message: AmiMessage) => void;
  readonly onClose: (reason: string) => void;
}

export interface AmiLinkOptions {
  readonly host: string;
  readonly port: number;
  /** Time allowed for the TCP connect and the banner. */
  readonly connectTimeoutMs: number;
}

export class AmiLink {
  private readonly socket: Socket;
  private readonly decoder = new StringDecoder('utf8');
  private readonly framer = new AmiFramer();
  private connectTimer: NodeJS.Timeout | undefined;
  private closeReason: string | undefined;
  private closed = false;

  constructor(
    options: AmiLinkOptions,
    private readonly handlers: AmiLinkHandlers,
  ) {
    this.socket = createConnection({ host: options.host, port: options.port });
    this.socket.setNoDelay(true);
    this.connectTimer = setTimeout(
      () => this.drop(`no AMI banner within ${options.connectTimeoutMs} ms`),
      options.connectTimeoutMs,
    );
    this.socket.on('data', (data: Buffer) => this.receive(data));
    this.socket.on('error', (error: NodeJS.ErrnoException) => {
      this.closeReason ??= error.code ?? error.message;
    });
    this.socket.on('end', () => {
      this.closeReason ??= 'closed by Asterisk';
    });
    this.socket.on('close', () => this.handleClose());
  }

  get isOpen(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  /** Writes already-serialised bytes; false when the link is already down. */
  write(data: string): boolean {
    if (!this.isOpen) return false;
    this.socket.write(data);
    return true;
  }

  /** Closes the link at once; `reason` ends up in onClose unless an earlier one is known. */
  drop(reason: string): void {
    this.closeReason ??= reason;
    this.socket.destroy();
  }

  private receive(data: Buffer): void {
    if (this.closed) return;
    let messages: AmiMessage[];
    const hadBanner = this.framer.version !== undefined;
    try {
      messages = this.framer.push(this.decoder.write(data));
    } catch (error) {
      this.drop(`framing error: ${(error as Error).message}`);
      return;
    }
    if (!hadBanner && this.framer.version !== undefined) {
      this.clearConnectTimer();
      this.handlers.onBanner(this.framer.version);
    }
    for (const message of messages) {
      if (this.closed || this.socket.destroyed) return;
      this.handlers.onMessage(message);
    }
  }

  private handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearConnectTimer();
    this.handlers.onClose(this.closeReason ?? 'closed');
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== undefined) clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }
}
