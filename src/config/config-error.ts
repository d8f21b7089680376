/** A configuration value (environment variable or config-file key) is missing or not acceptable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    message: string,
    /** The variable at fault, e.g. `HTTP_PORT`. */
    readonly variable: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
