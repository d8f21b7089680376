import { HttpError } from './http-error.js';

export class NotFoundError extends HttpError {
  override readonly name = 'NotFoundError';
  readonly status = 404;
  readonly error = 'Not Found';
}
