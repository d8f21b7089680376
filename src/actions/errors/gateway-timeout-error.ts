import { HttpError } from '../../http/errors/http-error.js';

/**
 * 504 Gateway Timeout: Asterisk did not answer the action within its bound (the gateway is the
 * gateway here, Asterisk the upstream), so whether the action ran is unknown.
 */
export class GatewayTimeoutError extends HttpError {
  override readonly name = 'GatewayTimeoutError';
  readonly status = 504;
  readonly error = 'Gateway Timeout';
}
