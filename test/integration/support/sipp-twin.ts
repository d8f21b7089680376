/**
 * The test's end of sipp's 3PCC "twin" socket. The phone scenarios start with <sendCmd>, so sipp
 * connects to us (-3pcc 127.0.0.1:PORT) and sends header blocks ("Call-ID: …", "X-Event: …"),
 * each ended by sipp's twin delimiter, the ESC byte (27); we answer with "X-Command: …" blocks
 * for the same Call-ID, ended the same way.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface TwinMessage {
  readonly headers: Readonly<Record<string, string>>;
  readonly raw: string;
}

/** sipp ends every twin (3PCC) message with this byte. */
export const TWIN_DELIMITER = '\u001b';

/** Splits a buffer into complete delimiter-terminated blocks; returns them and the rest. */
export function splitTwinBlocks(buffer: string): { blocks: string[]; rest: string } {
  const parts = buffer.split(TWIN_DELIMITER);
  const rest = parts.pop() ?? '';
  return { blocks: parts.filter((block) => block.trim() !== ''), rest };
}

export function parseTwinBlock(block: string): TwinMessage {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers, raw: block };
}

export function formatTwinCommand(callId: string, command: string, headers: Readonly<Record<string, string>> = {}): string {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `Call-ID: ${callId}\r\nX-Command: ${command}\r\n${extra}\r\n${TWIN_DELIMITER}`;
}

/** A listening twin socket for one sipp process. */
export class SippTwin {
  private socket: Socket | undefined;
  private buffer = '';

  private constructor(
    private readonly server: Server,
    private readonly onMessage: (message: TwinMessage) => void,
  ) {
    server.on('connection', (socket) => {
      this.socket = socket;
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => this.receive(chunk));
      socket.on('error', () => undefined);
    });
  }

  static listen(onMessage: (message: TwinMessage) => void): Promise<SippTwin> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      const twin = new SippTwin(server, onMessage);
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(twin));
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  send(callId: string, command: string, headers: Readonly<Record<string, string>> = {}): void {
    if (this.socket === undefined) throw new Error('sipp has not connected to its twin socket');
    this.socket.write(formatTwinCommand(callId, command, headers));
  }

  close(): void {
    this.socket?.destroy();
    this.server.close();
  }

  private receive(chunk: string): void {
    const { blocks, rest } = splitTwinBlocks(this.buffer + chunk);
    this.buffer = rest;
    for (const block of blocks) this.onMessage(parseTwinBlock(block));
  }
}
