/**
 * Records AMI messages as a JSONL fixture (format: test/fixtures/fixture-format.ts).
 *
 *   npx tsx scripts/record-fixture.ts <name> --host 127.0.0.1 --port 5038 --username u --secret s [--seconds 30]
 *       records everything a live AMI sends until Ctrl-C (or --seconds) into test/fixtures/<name>.jsonl
 *   npx tsx scripts/record-fixture.ts --scenario <name> [<name> …] | --scenario all
 *       runs named call scenarios (test/integration/support/scenarios.ts) against a fresh Asterisk
 *       container each and records them into test/fixtures/<name>.jsonl
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { AmiClient } from '../src/ami/client.js';
import { fixturePath } from '../test/fixtures/fixture-format.js';
import { FixtureRecorder } from '../test/integration/support/fixture-recorder.js';
import { recordScenario } from '../test/integration/support/record-scenarios.js';
import { SCENARIOS } from '../test/integration/support/scenarios.js';
import { ensureAsteriskImage } from './build-asterisk-image.js';

const log = (line: string): void => console.error(line);

async function recordLive(name: string, options: { host: string; port: number; username: string; secret: string; seconds?: number }): Promise<void> {
  const client = new AmiClient({ ...options, logger: pino({ level: 'warn' }) });
  const recorder = new FixtureRecorder(client.messages$);
  client.start();
  log(`recording AMI ${options.host}:${options.port} into ${fixturePath(name)}; Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    if (options.seconds !== undefined) setTimeout(resolve, options.seconds * 1000);
  });
  recorder.stop();
  await client.stop();
  recorder.writeTo(fixturePath(name));
  log(`${recorder.lines.length} messages written`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      scenario: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5038' },
      username: { type: 'string' },
      secret: { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  if (values.scenario) {
    const names = positionals.length === 0 || positionals.includes('all') ? Object.keys(SCENARIOS) : positionals;
    const image = await ensureAsteriskImage(log);
    for (const name of names) {
      try {
        await recordScenario(name, image, log);
      } catch (error) {
        log(`${name}: FAILED ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exitCode = 1;
      }
    }
    return;
  }
  const name = positionals[0];
  if (name === undefined || values.username === undefined || values.secret === undefined) {
    log('usage: record-fixture.ts <name> --username U --secret S [--host H] [--port P] [--seconds N] | --scenario <name…|all>');
    process.exitCode = 2;
    return;
  }
  await recordLive(name, {
    host: values.host,
    port: Number(values.port),
    username: values.username,
    secret: values.secret,
    ...(values.seconds !== undefined ? { seconds: Number(values.seconds) } : {}),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
