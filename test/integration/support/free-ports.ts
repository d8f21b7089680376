import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that a TCP listener could take right now (the kernel picks it). */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/**
 * A base B such that every UDP port B + offset (for each offset given) is free on 127.0.0.1.
 * Bases are tried at random in [20000, 59000), aligned to 1000, to keep runs apart.
 */
export async function freeUdpBlock(offsets: readonly number[], attempts = 30): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 39) * 1000;
    const checks = await Promise.all(offsets.map((offset) => udpPortIsFree(base + offset)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`no free UDP block found on 127.0.0.1 after ${attempts} attempts`);
}
