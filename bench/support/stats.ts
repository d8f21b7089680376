/**
 * Small helpers shared by the benchmarks: median and spread of repeated runs, interleaved so
 * that a noisy neighbour hits every case alike, and number formatting for the printed tables.
 */
import { availableParallelism } from 'node:os';

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly values: readonly number[];
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, values };
}

/** The value at quantile `q` (0..1) of already sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** `12,345` */
export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `12,345 (11,900–12,800)`: median and the range of the runs. */
export function rangeText(s: Spread, format: (value: number) => string = int): string {
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

/** Spread of the range around the median, in percent: how noisy the runs were. */
export function noisePercent(s: Spread): number {
  return s.median === 0 ? 0 : ((s.max - s.min) / s.median) * 100;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export interface Case<R> {
  readonly label: string;
  readonly run: () => R | Promise<R>;
}

/**
 * Runs every case `rounds` times, round-robin (A B C A B C …), after one untimed warm-up round,
 * and returns each case's results in run order.
 */
export async function interleaved<R>(cases: readonly Case<R>[], rounds: number, warmup = true): Promise<Map<string, R[]>> {
  const results = new Map<string, R[]>(cases.map((c) => [c.label, []]));
  if (warmup) for (const c of cases) await c.run();
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) results.get(c.label)?.push(await c.run());
  }
  return results;
}

/** Seconds since `started` (from process.hrtime.bigint()). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Reads a positive integer from argv[index], else the default. */
export function argInt(index: number, fallback: number): number {
  const raw = process.argv[index];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`argument ${index - 1} must be a positive integer, got '${raw}'`);
  return value;
}

export function header(title: string, details: Record<string, string | number>): void {
  console.log(`# ${title}`);
  console.log(
    `${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${availableParallelism()} cpus, ` +
      Object.entries(details)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? int(v) : v}`)
        .join(', '),
  );
}
