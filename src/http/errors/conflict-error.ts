import { HttpError } from './http-error.js';

export class ConflictError extends HttpError {
  override readonly name = 'ConflictError';
  readonly status = 409;
  readonly error = 'Conflict';
}
