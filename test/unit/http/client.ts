import type express from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { createApp, type AppDeps } from '../../../src/http/app.js';
import { LIVE_BASE } from '../../../src/http/openapi.js';
import type { HttpMethod } from '../../../src/http/openapi-types.js';
import { API_PASSWORD, API_USER, apiUsers, silentLogger, testWorld } from './fixtures.js';
import { OpenApiValidator } from './openapi-validator.js';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

/** A supertest client whose every JSON answer is validated against the OpenAPI document. */
export class TestClient {
  readonly validator = new OpenApiValidator();
  constructor(readonly app: express.Express) {}

  async send(
    method: HttpMethod,
    path: string,
    opts: { auth?: readonly [string, string] | null; body?: unknown } = {},
  ): Promise<Answer> {
    const url = path.startsWith('/communication_manager') ? path : `${LIVE_BASE}/${path}`;
    let req = request(this.app)[method === 'delete' ? 'delete' : method](url);
    const auth = opts.auth === undefined ? ([API_USER, API_PASSWORD] as const) : opts.auth;
    if (auth !== null) req = req.auth(auth[0], auth[1]);
    const res = opts.body === undefined ? await req : await req.send(opts.body as object);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    this.validator.validate(method, url, res.status, res.body);
    return { status: res.status, body: res.body as unknown, headers: res.headers as Record<string, string> };
  }

  get(path: string, opts: { auth?: readonly [string, string] | null } = {}): Promise<Answer> {
    return this.send('get', path, opts);
  }
}

export function testClient(over: Partial<AppDeps> = {}): TestClient & ReturnType<typeof testWorld> {
  const world = testWorld();
  const app = createApp({ ...world, apiUsers, logger: silentLogger(), ...over });
  return Object.assign(new TestClient(app), world);
}
