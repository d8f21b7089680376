import basicAuth from 'express-basic-auth';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiUserVerifier } from './ports.js';

export const AUTH_REALM = 'call-segments';

/**
 * HTTP Basic against the gateway's API users (spec 6). The authorizer is Node-style with
 * `authorizeAsync: true` (an async authorizer without it lets everyone in); a failing check is
 * `cb(null, false)`, never `cb(err)` (which the library turns into an uncaught exception).
 */
export function basicAuthMiddleware(apiUsers: ApiUserVerifier, logger: Logger): RequestHandler {
  return basicAuth({
    authorizeAsync: true,
    authorizer: (username, password, cb) => {
      apiUsers.verify(username, password).then(
        (ok) => cb(null, ok),
        (err: unknown) => {
          logger.error({ err, username }, 'API user check failed');
          cb(null, false);
        },
      );
    },
    challenge: true,
    realm: AUTH_REALM,
    unauthorizedResponse: (req: basicAuth.IBasicAuthedRequest) => ({
      status: 401,
      error: 'Unauthorized',
      message: req.headers.authorization === undefined ? 'Basic credentials required' : 'wrong Basic credentials',
    }),
  });
}
