/**
 * REST throughput and latency: createApp in a child process (bench/support/http-bench-server.ts)
 * with a real SegmentGraph of C answered calls (2C segments, half visible) and an in-memory
 * directory, on 127.0.0.1:0. This process runs a bounded loop of concurrent keep-alive GETs
 * (K connections × R requests, or until a time limit) per case, interleaved over several rounds:
 *   baseline            GET /communication_manager/rest/openapi.json (static, no auth)
 *   coreServers         GET live/coreServers (auth + routing, tiny body)
 *   list                GET live/coreServers/getByName/default/callSegments (every segment, visibility each)
 *   instance            GET live/coreServers/getByName/default/callSegments/{id}
 *   list, scrypt auth   the list again, Basic auth checked by the real ApiUserRepository
 *                       (scrypt N=16384, r=8, p=1): fewer requests (S per connection)
 *   list, scrypt + cache the list with scrypt behind the gateway's CachedApiUserVerifier (as
 *                       `npm start` runs it): one scrypt, then remembered
 * The first four use Basic auth by plain comparison, so they show the REST code's own cost.
 * Also times scrypt verification alone in this process. Reports requests/s, p50/p99 latency and
 * the server's CPU per request, each the median (and range) of the rounds.
 * Run: npx tsx bench/http.bench.ts [calls] [connections] [requestsPerConnection] [runs] [scryptPerConnection]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, passwordMatches } from '../src/store/password-hash.js';
import type { HttpServerMessage, HttpServerReady } from './support/http-bench-protocol.js';
import { runLoad, type LoadResult } from './support/http-load.js';
import { argInt, header, int, interleaved, noisePercent, quantile, rangeText, spread } from './support/stats.js';

const calls = argInt(2, 200);
const connections = argInt(3, 8);
const perConnection = argInt(4, 250);
const runs = argInt(5, 3);
const scryptPerConnection = argInt(6, 4);
const TIME_LIMIT_MS = 8_000;

function startServer(): Promise<{ child: ChildProcess; ready: HttpServerReady }> {
  const child = fork(new URL('./support/http-bench-server.ts', import.meta.url), [String(calls)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: HttpServerMessage): void => {
      if (message.type !== 'ready') return;
      child.off('message', onMessage);
      resolve({ child, ready: message });
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`HTTP bench server exited with ${code}`)));
  });
}

function serverCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: HttpServerMessage): void => {
      if (message.type !== 'cpu') return;
      child.off('message', onMessage);
      resolve(message.micros);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/** scrypt verification alone, here: wall and CPU ms per check, one at a time, then 8 at once. */
async function scryptAlone(): Promise<string> {
  const stored = await hashPassword('bench-password', DEFAULT_SCRYPT_PARAMS);
  await passwordMatches('bench-password', stored);
  const checks = 8;
  let cpu = process.cpuUsage();
  let started = process.hrtime.bigint();
  for (let i = 0; i < checks; i++) await passwordMatches('bench-password', stored);
  const serialWall = Number(process.hrtime.bigint() - started) / 1e6 / checks;
  let used = process.cpuUsage(cpu);
  const serialCpu = (used.user + used.system) / 1e3 / checks;
  cpu = process.cpuUsage();
  started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: checks }, () => passwordMatches('bench-password', stored)));
  const parallelSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  used = process.cpuUsage(cpu);
  return (
    `scrypt verify alone (N=${DEFAULT_SCRYPT_PARAMS.N}, r=${DEFAULT_SCRYPT_PARAMS.r}, p=${DEFAULT_SCRYPT_PARAMS.p}): ` +
    `one at a time ${serialWall.toFixed(1)} ms wall, ${serialCpu.toFixed(1)} ms CPU each; ` +
    `${checks} at once ${(checks / parallelSeconds).toFixed(1)} checks/s (${((used.user + used.system) / 1e3 / checks).toFixed(1)} ms CPU each)`
  );
}

interface Round extends LoadResult {
  readonly serverCpuMicros: number;
}

const { child, ready } = await startServer();
const authorization = `Basic ${Buffer.from(`${ready.username}:${ready.password}`).toString('base64')}`;
const LIVE = '/communication_manager/rest/live';
const list = `${LIVE}/coreServers/getByName/default/callSegments`;

const BASELINE = 'baseline: openapi.json (no auth)';
const SCRYPT = 'list, scrypt auth';
const cases: { label: string; port: number; path: string; auth: boolean; perConnection: number }[] = [
  { label: BASELINE, port: ready.plainAuthPort, path: '/communication_manager/rest/openapi.json', auth: false, perConnection },
  { label: 'coreServers (plain auth)', port: ready.plainAuthPort, path: `${LIVE}/coreServers`, auth: true, perConnection },
  { label: 'list (plain auth)', port: ready.plainAuthPort, path: list, auth: true, perConnection },
  { label: 'instance (plain auth)', port: ready.plainAuthPort, path: `${list}/${ready.instanceId}`, auth: true, perConnection },
  { label: SCRYPT, port: ready.scryptAuthPort, path: list, auth: true, perConnection: scryptPerConnection },
  { label: 'list, scrypt + cache (gateway)', port: ready.cachedAuthPort, path: list, auth: true, perConnection },
];

header('REST API (createApp) over loopback', {
  calls,
  segments: ready.segments,
  visible: ready.visibleSegments,
  connections,
  'requests/connection': perConnection,
  'scrypt requests/connection': scryptPerConnection,
  runs,
});
try {
  console.log(await scryptAlone());
  const results = await interleaved(
    cases.map((c) => ({
      label: c.label,
      run: async (): Promise<Round> => {
        const before = await serverCpuMicros(child);
        const result = await runLoad({
          port: c.port,
          path: c.path,
          connections,
          perConnection: c.perConnection,
          timeLimitMs: TIME_LIMIT_MS,
          ...(c.auth ? { authorization } : {}),
        });
        if (result.failures > 0) throw new Error(`${c.label}: ${result.failures} answers were not 200`);
        return { ...result, serverCpuMicros: (await serverCpuMicros(child)) - before };
      },
    })),
    runs,
  );
  const medians = new Map<string, number>();
  for (const c of cases) {
    const rounds = results.get(c.label) ?? [];
    const rate = spread(rounds.map((r) => r.latenciesMs.length / r.seconds));
    const p50 = spread(rounds.map((r) => quantile(r.latenciesMs, 0.5)));
    const p99 = spread(rounds.map((r) => quantile(r.latenciesMs, 0.99)));
    const cpu = spread(rounds.map((r) => r.serverCpuMicros / r.latenciesMs.length / 1e3));
    const sent = rounds.map((r) => r.latenciesMs.length);
    medians.set(c.label, rate.median);
    console.log(
      `${c.label.padEnd(34)} ${rangeText(rate).padStart(22)} req/s ±${noisePercent(rate).toFixed(0).padStart(2)}%` +
        `  p50 ${p50.median.toFixed(2)} ms  p99 ${p99.median.toFixed(2)} ms (${p99.min.toFixed(1)}–${p99.max.toFixed(1)})` +
        `  server CPU ${cpu.median.toFixed(2)} ms/req  ${int(rounds[0]?.bodyBytes ?? 0)} B/answer  [${sent.join(', ')} requests]`,
    );
  }
  const base = medians.get(BASELINE) ?? Number.NaN;
  console.log(
    `ratios to the baseline (medians): ${cases
      .filter((c) => c.label !== BASELINE)
      .map((c) => `${c.label} ${((medians.get(c.label) ?? 0) / base).toFixed(3)}x`)
      .join(', ')}`,
  );
  console.log(
    `scrypt auth: list ${(medians.get('list (plain auth)') ?? 0) / (medians.get(SCRYPT) ?? 1) > 1 ? 'is' : 'is not'} slower with scrypt: ` +
      `${((medians.get('list (plain auth)') ?? 0) / (medians.get(SCRYPT) ?? 1)).toFixed(0)}x fewer requests/s than with plain auth`,
  );
} finally {
  child.disconnect();
  await once(child, 'exit');
}
