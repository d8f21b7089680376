/** `call-segments admin …`: the admin CLI's process entry (see bin/call-segments.js). */
import process from 'node:process';
import { pino } from 'pino';
import { loadConfig } from '../config/load-config.js';
import { openDatabase } from '../store/database.js';
import type { CliIo } from './io.js';
import { amiEndpointFetcher } from './pbx-endpoints.js';
import { answerHelp, runCli } from './run-cli.js';

/** Takes a leading or embedded `--db PATH` / `--db=PATH` out of argv. */
function splitDbOption(argv: readonly string[]): { db: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
    else rest.push(arg);
  }
  return { db, rest };
}

async function main(): Promise<number> {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const { db: dbOption, rest } = splitDbOption(process.argv.slice(2));
  const help = answerHelp(rest, io);
  if (help !== null) return help;
  let dbPath: string;
  let logLevel: string;
  try {
    const config = loadConfig(process.env);
    dbPath = dbOption ?? config.dbPath;
    // A CLI run answers in one line; AMI client logs only when asked for (LOG_LEVEL=debug/trace).
    logLevel = config.logLevel === 'debug' || config.logLevel === 'trace' ? config.logLevel : 'silent';
  } catch (error) {
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const logger = pino({ level: logLevel }, pino.destination(2));
  const db = openDatabase(dbPath);
  try {
    return await runCli(rest, io, db, { fetchPbxEndpoints: amiEndpointFetcher(logger) });
  } finally {
    db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
