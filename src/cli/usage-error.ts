/** The command line itself is wrong (unknown command or option, missing argument): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
