import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One line per request (method, path, status, time); never headers, so never credentials. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const log = logger.child({ reqId: randomUUID(), method: req.method, path: req.path });
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ status: res.statusCode, ms }, 'request');
    });
    next();
  };
}
