/** A value given to the store is not acceptable (bad slug, number, license, …); nothing was changed. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    message: string,
    /** The field (in the domain's camelCase) that was refused. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
