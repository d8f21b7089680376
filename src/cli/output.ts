import type { CliIo } from './io.js';

/** Prints `value` as JSON when `json`, else the given human-readable lines. */
export function print(io: CliIo, json: boolean, value: unknown, lines: readonly string[]): void {
  if (json) io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else for (const line of lines) io.stdout.write(`${line}\n`);
}

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
}
