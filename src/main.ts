/**
 * The gateway's process entry: configuration → logger → gateway; stops cleanly on SIGINT/SIGTERM.
 */
import process from 'node:process';
import { pino } from 'pino';
import { config as rxjsConfig } from 'rxjs';
import { loadConfig } from './config/load-config.js';
import { redactedConfig } from './config/config.js';
import { startGateway } from './gateway/start-gateway.js';
import { LOG_REDACT_PATHS } from './gateway/log-redaction.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel, redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' } });
  // An error thrown inside an RxJS subscriber is otherwise rethrown on a timer and ends the
  // process; log it instead (the subscriber that threw has already stopped).
  rxjsConfig.onUnhandledError = (error: unknown) => logger.error({ err: error }, 'unhandled error in an event subscriber');
  logger.info({ config: redactedConfig(config) }, 'starting asterisk-call-segments');
  const gateway = await startGateway(config, logger);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`call-segments: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
