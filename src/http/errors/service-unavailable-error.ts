import { HttpError } from './http-error.js';

export class ServiceUnavailableError extends HttpError {
  override readonly name = 'ServiceUnavailableError';
  readonly status = 503;
  readonly error = 'Service Unavailable';
}
