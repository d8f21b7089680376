import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpError } from './http-error.js';

export interface ErrorBody {
  status: number;
  error: string;
  message: string;
}

/** Status carried by errors of Express' own body parsers (`entity.parse.failed`, `entity.too.large`, …). */
function parserStatus(err: unknown): { status: number; type: string | undefined } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { status, type } = err as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  return { status, type: typeof type === 'string' ? type : undefined };
}

/** Maps an error to the JSON error body; anything unknown is a 500 that tells nothing inside. */
export function errorBody(err: unknown): ErrorBody {
  if (err instanceof HttpError) return err.toJSON();
  const parser = parserStatus(err);
  if (parser !== null) {
    // Spec 5: a body that is not JSON is a 422.
    if (parser.type === 'entity.parse.failed') {
      return { status: 422, error: 'Unprocessable Entity', message: 'the request body is not valid JSON' };
    }
    const phrase = STATUS_CODES[parser.status] ?? 'Error';
    return { status: parser.status, error: phrase, message: err instanceof Error ? err.message : phrase };
  }
  return { status: 500, error: 'Internal Server Error', message: 'internal error' };
}

/** The one error middleware: every error becomes `{status, error, message}` JSON. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const body = errorBody(err);
    if (body.status >= 500 && !(err instanceof HttpError)) {
      logger.error({ err, method: req.method, path: req.path }, 'request failed');
    } else if (body.status === 502 || body.status === 504) {
      // What Asterisk answered (or did not) to a call action: what an admin looks for first.
      logger.warn({ method: req.method, path: req.path, status: body.status, reason: body.message }, 'call action not carried out');
    }
    res.status(body.status).json(body);
  };
}
