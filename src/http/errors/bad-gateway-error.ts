import { HttpError } from './http-error.js';

export class BadGatewayError extends HttpError {
  override readonly name = 'BadGatewayError';
  readonly status = 502;
  readonly error = 'Bad Gateway';
}
