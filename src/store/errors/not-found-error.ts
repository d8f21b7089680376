/** The addressed row (core server, extension, user, API user, …) does not exist; nothing was changed. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
