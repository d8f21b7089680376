/** The migrations on disk and the ledger in the database disagree, or a migration failed. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
