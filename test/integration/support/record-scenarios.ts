/**
 * Records call scenarios as AMI fixtures: for each name, a fresh Asterisk container, an AMI
 * session recording every message, the scenario's phones, then a wait until no channel is left.
 *   npx tsx test/integration/support/record-scenarios.ts [name …]   (no name: all of them)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAsteriskImage } from '../../../scripts/build-asterisk-image.js';
import { fixturePath } from '../../fixtures/fixture-format.js';
import { AmiSession } from './ami-session.js';
import { AsteriskContainer } from './asterisk-container.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';
import { FixtureRecorder } from './fixture-recorder.js';
import { SCENARIOS } from './scenarios.js';

export class UnknownScenarioError extends Error {
  override readonly name = 'UnknownScenarioError';
}

async function waitNoChannels(asterisk: StartedAsteriskContainer, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const output = await asterisk.cli('core show channels count');
    if (/^0 active channels/m.test(output)) return;
    if (Date.now() > deadline) throw new Error(`channels still up after the scenario:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs one named scenario against a fresh container and writes test/fixtures/<name>.jsonl. */
export async function recordScenario(name: string, image: string, log: (line: string) => void): Promise<string> {
  const scenario = SCENARIOS[name];
  if (scenario === undefined) throw new UnknownScenarioError(`no scenario "${name}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  const asterisk = await new AsteriskContainer(image).start();
  try {
    const recorders: FixtureRecorder[] = [];
    const ami = await AmiSession.connect(asterisk, { beforeStart: (client) => recorders.push(new FixtureRecorder(client.messages$)) });
    const recorder = recorders[0];
    if (recorder === undefined) throw new Error('no recorder');
    try {
      await ami.waitFor((e) => e.Event === 'FullyBooted');
      await scenario({ asterisk, ami });
      await waitNoChannels(asterisk);
      // A round trip: every event sent before its response has been received.
      await ami.client.action({ Action: 'Ping' });
    } finally {
      recorder.stop();
      await ami.stop();
    }
    const path = fixturePath(name);
    recorder.writeTo(path);
    log(`${name}: ${recorder.lines.length} messages -> ${path}`);
    return path;
  } finally {
    await asterisk.stop();
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const names = process.argv.slice(2);
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  void (async () => {
    const image = await ensureAsteriskImage(log);
    for (const name of names.length > 0 ? names : Object.keys(SCENARIOS)) {
      try {
        await recordScenario(name, image, log);
      } catch (error) {
        log(`${name}: FAILED ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        process.exitCode = 1;
      }
    }
  })();
}
