import { HttpError } from './http-error.js';

export class ForbiddenError extends HttpError {
  override readonly name = 'ForbiddenError';
  readonly status = 403;
  readonly error = 'Forbidden';
}
