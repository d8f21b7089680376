/**
 * A bounded HTTP load loop: `connections` keep-alive connections, each sending GETs one after the
 * other until it has sent `perConnection` or the time limit has passed. Latency per request.
 */
import { Agent, request } from 'node:http';

export interface LoadOptions {
  readonly port: number;
  readonly path: string;
  /** `Basic …` header value, or none. */
  readonly authorization?: string;
  readonly connections: number;
  readonly perConnection: number;
  readonly timeLimitMs: number;
}

export interface LoadResult {
  readonly seconds: number;
  /** Latency of every completed request, ms, sorted. */
  readonly latenciesMs: number[];
  readonly failures: number;
  /** Body size of the last answer. */
  readonly bodyBytes: number;
}

function get(agent: Agent, options: LoadOptions): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.authorization === undefined ? {} : { authorization: options.authorization };
    const req = request({ host: '127.0.0.1', port: options.port, path: options.path, agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latenciesMs: number[] = [];
  let failures = 0;
  let bodyBytes = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(options.timeLimitMs) * 1_000_000n;
  const connection = async (): Promise<void> => {
    for (let i = 0; i < options.perConnection && process.hrtime.bigint() < deadline; i++) {
      const sent = process.hrtime.bigint();
      const answer = await get(agent, options);
      latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (answer.status !== 200) failures++;
      bodyBytes = answer.bytes;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latenciesMs.sort((a, b) => a - b);
  return { seconds, latenciesMs, failures, bodyBytes };
}
