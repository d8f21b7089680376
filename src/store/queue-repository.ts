import type { Database } from 'better-sqlite3';
import { ConfiguredNameRepository } from './configured-name-repository.js';

/** Queues configured in the gateway, by their name in Asterisk (e.g. `support`). */
export class QueueRepository extends ConfiguredNameRepository {
  constructor(db: Database) {
    super(db, 'queues', 'queue');
  }
}
