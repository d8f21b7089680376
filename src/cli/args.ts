import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** `parseArgs` in strict mode, its complaints turned into UsageError; `--json` is always accepted. */
export function parse(argv: readonly string[], options: Options, maxPositionals = 0): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals] ?? ''}"`);
  }
  return parsed;
}

/** A string option, or undefined. */
export function optional(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option that must be given. */
export function required(args: ParsedArgs, name: string): string {
  const value = optional(args, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** The option `--name`, or else the first positional argument (`remove alice` = `remove --username alice`). */
export function optionOrPositional(args: ParsedArgs, name: string): string {
  const value = optional(args, name) ?? args.positionals[0];
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function list(args: ParsedArgs, name: string): string[] | undefined {
  const value = args.values[name];
  return Array.isArray(value) ? value : undefined;
}

/** `on`/`off` (also true/false, yes/no, 1/0). */
export function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const normalized = value.toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(normalized)) return true;
  if (['off', 'false', 'no', '0'].includes(normalized)) return false;
  throw new UsageError(`--${name} must be on or off`);
}

export function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value)) throw new UsageError(`--${name} must be a port number`);
  return Number(value);
}
