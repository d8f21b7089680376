import { describe, expect, it } from 'vitest';
import { ConferenceRepository } from '../../../src/store/conference-repository.js';
import { CoreServerRepository } from '../../../src/store/core-server-repository.js';
import { ConflictError } from '../../../src/store/errors/conflict-error.js';
import { NotFoundError } from '../../../src/store/errors/not-found-error.js';
import { ValidationError } from '../../../src/store/errors/validation-error.js';
import { QueueRepository } from '../../../src/store/queue-repository.js';
import { addCoreServer, memoryDb } from './helpers.js';

describe.each([
  ['ConferenceRepository', (db: ReturnType<typeof memoryDb>) => new ConferenceRepository(db), 'conferences'],
  ['QueueRepository', (db: ReturnType<typeof memoryDb>) => new QueueRepository(db), 'queues'],
])('%s', (_name, make, table) => {
  it('adds, finds by id and name, lists per core server and removes', () => {
    const db = memoryDb();
    const server = addCoreServer(db);
    const other = addCoreServer(db, { slug: 'other' });
    const repo = make(db);
    const room = repo.add(server.id, '800');
    repo.add(server.id, '700');
    repo.add(other.id, '800');
    expect(repo.byId(room.id)).toEqual(room);
    expect(repo.byName(server.id, '800')).toEqual(room);
    expect(repo.byName(server.id, '900')).toBeNull();
    expect(repo.listByCoreServer(server.id).map((r) => r.name)).toEqual(['700', '800']);
    repo.remove(room.id);
    expect(repo.byId(room.id)).toBeNull();
    expect(() => repo.remove(room.id)).toThrow(NotFoundError);
  });

  it('refuses duplicates, bad names and unknown core servers', () => {
    const db = memoryDb();
    const server = addCoreServer(db);
    const repo = make(db);
    repo.add(server.id, 'support');
    expect(() => repo.add(server.id, 'support')).toThrow(ConflictError);
    expect(() => repo.add(server.id, 'a b')).toThrow(ValidationError);
    expect(() => repo.add(server.id, '')).toThrow(ValidationError);
    expect(() => repo.add('missing', 'x')).toThrow(NotFoundError);
    expect(repo.listByCoreServer(server.id)).toHaveLength(1);
  });

  it('goes with its core server', () => {
    const db = memoryDb();
    const server = addCoreServer(db);
    make(db).add(server.id, 'support');
    new CoreServerRepository(db).remove(server.id);
    expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
  });
});
