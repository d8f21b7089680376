import { HttpError } from './http-error.js';

export class InternalServerError extends HttpError {
  override readonly name = 'InternalServerError';
  readonly status = 500;
  readonly error = 'Internal Server Error';
}
