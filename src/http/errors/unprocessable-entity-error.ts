import { HttpError } from './http-error.js';

export class UnprocessableEntityError extends HttpError {
  override readonly name = 'UnprocessableEntityError';
  readonly status = 422;
  readonly error = 'Unprocessable Entity';
}
