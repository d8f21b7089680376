import { HttpError } from './http-error.js';

export class UnauthorizedError extends HttpError {
  override readonly name = 'UnauthorizedError';
  readonly status = 401;
  readonly error = 'Unauthorized';
}
