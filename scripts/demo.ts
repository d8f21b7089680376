/**
 * `npm run demo`: the whole product on one machine, for real. Makes sure a Docker engine runs,
 * builds (or reuses) the Asterisk 22 image, starts Asterisk, configures the gateway for it
 * (extensions, users and licenses, an API user with a fresh random password), starts the gateway
 * and places a real SIP call (Alice 100 → Bob 200, answered) so the REST API has something to show.
 * Ctrl-C stops everything.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { pino } from 'pino';
import { startGateway } from '../src/gateway/start-gateway.js';
import { LOG_REDACT_PATHS } from '../src/gateway/log-redaction.js';
import type { Config } from '../src/config/config.js';
import { ApiUserRepository, ConferenceRepository, CoreServerRepository, ExtensionRepository, QueueRepository, UserRepository, openDatabase } from '../src/store/index.js';
import { AsteriskContainer } from '../test/integration/support/asterisk-container.js';
import { Phone } from '../test/integration/support/phone.js';
import { ensureAsteriskImage } from './build-asterisk-image.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const HTTP_PORT = Number(process.env.HTTP_PORT ?? 58080);
const DB_PATH = join(REPO_ROOT, '.data', 'demo.sqlite3');
const PEOPLE = [
  { number: '100', username: 'alice', name: 'Alice', license: 'full' },
  { number: '101', username: 'carol', name: 'Carol', license: 'full' },
  { number: '200', username: 'bob', name: 'Bob', license: 'lite' },
  { number: '201', username: 'eve', name: 'Eve', license: 'full' },
] as const;

async function main(): Promise<void> {
  console.log('demo: making sure a Docker engine runs (scripts/ensure-docker.sh)');
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'ensure-docker.sh')], { stdio: 'inherit' });
  const image = await ensureAsteriskImage();
  console.log(`demo: starting Asterisk 22 (${image}) with host networking`);
  const asterisk = await new AsteriskContainer(image).start();

  rmSync(join(REPO_ROOT, '.data'), { recursive: true, force: true });
  const db = openDatabase(DB_PATH);
  const coreServer = new CoreServerRepository(db).add({
    slug: 'default',
    name: 'Demo PBX',
    amiHost: asterisk.getAmiHost(),
    amiPort: asterisk.getAmiPort(),
    amiUsername: asterisk.getAmiUsername(),
    amiSecret: asterisk.getAmiSecret(),
    conferenceRoomsEnabled: true,
    transferContext: 'internal',
  });
  const extensions = new ExtensionRepository(db);
  const users = new UserRepository(db);
  for (const number of ['100', '101', '102', '200', '201', '202']) extensions.add({ coreServerId: coreServer.id, number });
  for (const person of PEOPLE) {
    const user = users.add({ username: person.username, name: person.name, license: person.license });
    const extension = extensions.byNumber(coreServer.id, person.number);
    if (extension) extensions.bindUser(extension.id, user.id);
  }
  new ConferenceRepository(db).add(coreServer.id, '800');
  new QueueRepository(db).add(coreServer.id, 'support');
  const password = randomBytes(12).toString('base64url');
  await new ApiUserRepository(db).add('demo', password);
  db.close();

  const config: Config = { http: { host: '127.0.0.1', port: HTTP_PORT }, dbPath: DB_PATH, logLevel: 'info', coreServer: null };
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' } });
  const gateway = await startGateway(config, logger);

  console.log('demo: Alice (100) calls Bob (200); Bob answers');
  const bob = await Phone.receive(asterisk, '200', { timeoutSeconds: 3600 });
  const alice = await Phone.dial(asterisk, '100', '200', { timeoutSeconds: 3600 });
  await bob.waitFor('incoming');
  await bob.ring();
  await bob.answer();
  await alice.waitFor('answered');

  const base = `${gateway.url}/communication_manager/rest/live`;
  console.log(`
demo: ready. The gateway watches a real Asterisk 22; Alice (100, licensed) is talking to Bob (200, lite).
  API user:  demo
  password:  ${password}        (shown once; stored as a salted scrypt hash in ${DB_PATH})

  curl -u demo:${password} ${base}/coreServers
  curl -u demo:${password} ${base}/coreServers/getByName/default/callSegments
  curl -u demo:${password} ${base}/coreServers/getByName/default/extensions/getByName/100/callSegments
  curl -u demo:${password} ${gateway.url}/communication_manager/rest/openapi.json

Ctrl-C stops the call, the gateway and Asterisk.
`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('demo: stopping');
    // No BYE: Ctrl-C has already stopped the phones' sipp clients; stopping Asterisk ends the call.
    await gateway.close();
    await asterisk.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
