import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { errorBody, errorMiddleware } from '../../../src/http/errors/error-middleware.js';
import {
  BadGatewayError,
  ConflictError,
  ForbiddenError,
  InternalServerError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableEntityError,
} from '../../../src/http/errors/index.js';
import { uuidV5 } from '../../../src/http/name-uuid.js';

describe('errorBody', () => {
  it.each([
    [new UnauthorizedError('who are you'), 401, 'Unauthorized'],
    [new ForbiddenError('not visible'), 403, 'Forbidden'],
    [new NotFoundError('no such segment'), 404, 'Not Found'],
    [new ConflictError('not in a conference'), 409, 'Conflict'],
    [new UnprocessableEntityError('bad destination'), 422, 'Unprocessable Entity'],
    [new InternalServerError('conference rooms disabled'), 500, 'Internal Server Error'],
    [new BadGatewayError('Asterisk said no'), 502, 'Bad Gateway'],
    [new ServiceUnavailableError('link down'), 503, 'Service Unavailable'],
  ])('maps %s', (err, status, error) => {
    expect(errorBody(err)).toEqual({ status, error, message: err.message });
    expect(err).toBeInstanceOf(Error);
  });

  it('maps a body that is not JSON to 422 (spec 5)', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' });
    expect(errorBody(parseError)).toMatchObject({ status: 422, error: 'Unprocessable Entity' });
  });

  it('keeps the status of other body parser errors', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(errorBody(tooLarge)).toEqual({ status: 413, error: 'Payload Too Large', message: 'request entity too large' });
  });

  it('tells nothing inside for any other error', () => {
    expect(errorBody(new Error('SQLITE_BUSY at /var/lib/x.db'))).toEqual({
      status: 500,
      error: 'Internal Server Error',
      message: 'internal error',
    });
    expect(errorBody('a string')).toMatchObject({ status: 500 });
    expect(errorBody(Object.assign(new Error('x'), { status: 200 }))).toMatchObject({ status: 500 });
  });
});

describe('uuidV5', () => {
  it('matches the RFC test vector', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('errorMiddleware logging', () => {
  function run(err: unknown): Array<{ level: number; msg: string; reason?: string; status?: number }> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const res = { headersSent: false, status: () => res, json: () => res };
    errorMiddleware(pino({ level: 'info' }, sink))(err, { method: 'POST', path: '/coreServers/x/callSegments/y/transfer' } as Request, res as unknown as Response, () => undefined);
    return lines.map((line) => JSON.parse(line) as { level: number; msg: string; reason?: string; status?: number });
  }

  it('logs what Asterisk answered to a refused call action (502) at warn', () => {
    expect(run(new BadGatewayError('Channel specified does not exist'))).toEqual([
      expect.objectContaining({ level: 40, msg: 'call action not carried out', status: 502, reason: 'Channel specified does not exist' }),
    ]);
  });

  it('does not log client errors or a link that is down (the AMI client logs that once)', () => {
    expect(run(new NotFoundError('no such segment'))).toEqual([]);
    expect(run(new ServiceUnavailableError('link down'))).toEqual([]);
  });
});
