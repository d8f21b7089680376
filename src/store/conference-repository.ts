import type { Database } from 'better-sqlite3';
import { ConfiguredNameRepository } from './configured-name-repository.js';

/** ConfBridge rooms configured in the gateway (a configured room with nobody in it still exists). */
export class ConferenceRepository extends ConfiguredNameRepository {
  constructor(db: Database) {
    super(db, 'conferences', 'conference');
  }
}
