export { ConflictError } from './conflict-error.js';
export { MigrationError } from './migration-error.js';
export { NotFoundError } from './not-found-error.js';
export { ValidationError } from './validation-error.js';
