/**
 * End to end over loopback TCP: a bench-local AMI server in a child process
 * (bench/support/ami-bench-server.ts) answers Login, then on Ping writes N events, half of them
 * VarSet noise as real Asterisk sends. Three receivers in this process, interleaved, each on a
 * fresh connection:
 *   baseline     raw socket counting bytes (the ceiling: loopback + server)
 *   framer       socket + StringDecoder + AmiFramer, counting messages (what the link does)
 *   AmiClient    the real client: login, Ping, events on `events$` (noise dropped), Logoff
 * For each: events/s (all N events on the wire), and this process's CPU (user + system) while
 * receiving, as % of one core and µs per event.
 * Run: npx tsx bench/client.bench.ts [events] [runs]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { pino } from 'pino';
import { filter, firstValueFrom } from 'rxjs';
import { AmiClient } from '../src/ami/client.js';
import { AmiFramer } from '../src/ami/framer.js';
import { END_MARKER, type ServerReady } from './support/ami-bench-protocol.js';
import { argInt, header, int, interleaved, noisePercent, rangeText, secondsSince, spread } from './support/stats.js';

const events = argInt(2, 200_000);
const runs = argInt(3, 5);

interface Measure {
  readonly seconds: number;
  /** CPU µs (user + system) of this process. */
  readonly cpuMicros: number;
  /** What the receiver counted: bytes, messages or events. */
  readonly counted: number;
}

const LOGIN = 'Action: Login\r\nActionID: 1\r\nUsername: bench\r\nSecret: bench\r\nEvents: on\r\n\r\n';
const PING = 'Action: Ping\r\nActionID: 2\r\n\r\n';

function startServer(): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(new URL('./support/ami-bench-server.ts', import.meta.url), [String(events)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as ServerReady }));
    child.once('exit', (code) => reject(new Error(`AMI bench server exited with ${code}`)));
  });
}

function measureFrom(started: bigint, cpu: NodeJS.CpuUsage, counted: number): Measure {
  const used = process.cpuUsage(cpu);
  return { seconds: secondsSince(started), cpuMicros: used.user + used.system, counted };
}

/** Ceiling: bytes only. Sends Login + Ping at once; done when the end marker has arrived. */
function rawSocket(port: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    let bytes = 0;
    let tail = '';
    let started = 0n;
    let cpu = process.cpuUsage();
    socket.on('connect', () => {
      started = process.hrtime.bigint();
      cpu = process.cpuUsage();
      socket.write(LOGIN + PING);
    });
    socket.on('data', (data: Buffer) => {
      bytes += data.length;
      tail = (tail + data.subarray(Math.max(0, data.length - END_MARKER.length)).toString('latin1')).slice(-END_MARKER.length);
      if (tail === END_MARKER) {
        const measure = measureFrom(started, cpu, bytes);
        socket.destroy();
        resolve(measure);
      }
    });
    socket.on('error', reject);
  });
}

/** The link's work without the client: decode + frame, count messages up to the end marker. */
function socketAndFramer(port: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    const decoder = new StringDecoder('utf8');
    const framer = new AmiFramer();
    let messages = 0;
    let started = 0n;
    let cpu = process.cpuUsage();
    socket.on('connect', () => {
      started = process.hrtime.bigint();
      cpu = process.cpuUsage();
      socket.write(LOGIN + PING);
    });
    socket.on('data', (data: Buffer) => {
      for (const message of framer.push(decoder.write(data))) {
        messages++;
        if (message['UserEvent'] === 'BenchEnd') {
          const measure = measureFrom(started, cpu, messages);
          socket.destroy();
          resolve(measure);
        }
      }
    });
    socket.on('error', reject);
  });
}

/** The real AmiClient: connected first, then timed from the Ping to the end marker on events$. */
async function amiClient(port: number): Promise<Measure> {
  const client = new AmiClient({
    host: '127.0.0.1',
    port,
    username: 'bench',
    secret: 'bench',
    logger: pino({ level: 'silent' }),
    keepaliveIntervalMs: 600_000,
  });
  let count = 0;
  // FullyBooted follows the Login answer and may arrive after 'connected': not part of the payload.
  const subscription = client.events$.subscribe((event) => {
    if (event.Event !== 'FullyBooted') count++;
  });
  const end = firstValueFrom(client.events$.pipe(filter((event) => event.Event === 'UserEvent')));
  client.start();
  await firstValueFrom(client.connection$.pipe(filter((state) => state.state === 'connected')));
  count = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await client.action({ Action: 'Ping' });
  await end;
  const measure = measureFrom(started, cpu, count);
  subscription.unsubscribe();
  await client.stop();
  return measure;
}

const { child, ready } = await startServer();
const callEvents = ready.events - ready.noiseEvents;
header('AMI client over loopback TCP', {
  events: ready.events,
  'VarSet noise': ready.noiseEvents,
  MB: (ready.payloadBytes / 1e6).toFixed(1),
  runs,
});

const RAW = 'baseline: raw socket, bytes only';
const FRAMER = 'socket + AmiFramer';
const CLIENT = 'AmiClient events$';
const checks: Record<string, (m: Measure) => boolean> = {
  [RAW]: (m) => m.counted >= ready.payloadBytes,
  [FRAMER]: (m) => m.counted >= ready.events,
  [CLIENT]: (m) => m.counted === callEvents,
};
const cases = [
  { label: RAW, run: () => rawSocket(ready.port) },
  { label: FRAMER, run: () => socketAndFramer(ready.port) },
  { label: CLIENT, run: () => amiClient(ready.port) },
];
try {
  const results = await interleaved(cases, runs);
  const medians = new Map<string, number>();
  for (const [label, measures] of results) {
    for (const m of measures) if (!checks[label]?.(m)) throw new Error(`${label}: counted ${m.counted}, not what was sent`);
    const rate = spread(measures.map((m) => ready.events / m.seconds));
    const cpuShare = spread(measures.map((m) => (m.cpuMicros / 1e6 / m.seconds) * 100));
    const cpuPerEvent = spread(measures.map((m) => m.cpuMicros / ready.events));
    medians.set(label, rate.median);
    console.log(
      `${label.padEnd(34)} ${rangeText(rate).padStart(30)} events/s ±${noisePercent(rate).toFixed(0).padStart(2)}%` +
        `  ${((rate.median * ready.payloadBytes) / ready.events / 1e6).toFixed(0).padStart(3)} MB/s` +
        `  CPU ${cpuShare.median.toFixed(0).padStart(3)}% of a core, ${cpuPerEvent.median.toFixed(2)} µs/event (${cpuPerEvent.min.toFixed(2)}–${cpuPerEvent.max.toFixed(2)})`,
    );
  }
  const ratio = (a: string, b: string): string => ((medians.get(a) ?? 0) / (medians.get(b) ?? 1)).toFixed(2);
  console.log(
    `ratios of medians: AmiClient / raw socket ${ratio(CLIENT, RAW)}x, AmiClient / socket+framer ${ratio(CLIENT, FRAMER)}x; ` +
      `AmiClient delivers ${int(((medians.get(CLIENT) ?? 0) * callEvents) / ready.events)} call events/s on events$ (noise dropped)`,
  );
} finally {
  child.disconnect();
  await once(child, 'exit');
}
