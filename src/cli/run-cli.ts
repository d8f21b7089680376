import type { Database } from 'better-sqlite3';
import { ConflictError } from '../store/errors/conflict-error.js';
import { NotFoundError } from '../store/errors/not-found-error.js';
import { ValidationError } from '../store/errors/validation-error.js';
import { apiUserCommands } from './commands/api-users.js';
import { conferenceCommands, queueCommands } from './commands/configured-names.js';
import { coreServerCommands } from './commands/core-servers.js';
import { extensionCommands } from './commands/extensions.js';
import { importExtensions } from './commands/import-extensions.js';
import { userCommands } from './commands/users.js';
import type { CliDeps, Command } from './context.js';
import type { CliIo } from './io.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

const GROUPS: Readonly<Record<string, Readonly<Record<string, Command>>>> = {
  'core-servers': coreServerCommands,
  extensions: { ...extensionCommands, import: importExtensions },
  users: userCommands,
  'api-users': apiUserCommands,
  conferences: conferenceCommands,
  queues: queueCommands,
};

const HELP = new Set(['-h', '--help', 'help']);

/**
 * Answers a request for help (no arguments, `help`, `-h`, `--help` anywhere) by printing the
 * usage; returns the exit code, or null when argv is not a help request. Needs no database.
 */
export function answerHelp(argv: readonly string[], io: CliIo): number | null {
  if (argv.length === 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (argv.some((arg) => arg === '-h' || arg === '--help') || HELP.has(argv[0] ?? '') || (argv[0] === 'admin' && (argv.length === 1 || HELP.has(argv[1] ?? '')))) {
    io.stdout.write(USAGE);
    return 0;
  }
  return null;
}

/**
 * Runs `admin <group> <command> …` against `db`. Exit code: 0 done, 1 refused (bad value,
 * unknown or duplicate thing, PBX unreachable; the database is unchanged), 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo, db: Database, deps: CliDeps = {}): Promise<number> {
  const help = answerHelp(argv, io);
  if (help !== null) return help;
  const [top, group, command, ...rest] = argv;
  try {
    if (top !== 'admin') throw new UsageError(`unknown command "${top}" (expected "admin")`);
    const commands = group === undefined ? undefined : GROUPS[group];
    if (!commands) throw new UsageError(`unknown group "${group ?? ''}" (one of ${Object.keys(GROUPS).join(', ')})`);
    const run = command === undefined ? undefined : commands[command];
    if (!run) throw new UsageError(`unknown command "${group} ${command ?? ''}" (one of ${Object.keys(commands).join(', ')})`);
    return await run(rest, { io, db, deps });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n(see call-segments admin --help)\n`);
      return 2;
    }
    io.stderr.write(`error: ${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  if (error instanceof ValidationError || error instanceof NotFoundError || error instanceof ConflictError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}
