/** The change would break a uniqueness rule (duplicate slug, number, username, …); nothing was changed. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
