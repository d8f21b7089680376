import { describe, expect, it } from 'vitest';
import { CoreServerRepository } from '../../../src/store/core-server-repository.js';
import { ConflictError } from '../../../src/store/errors/conflict-error.js';
import { NotFoundError } from '../../../src/store/errors/not-found-error.js';
import { ValidationError } from '../../../src/store/errors/validation-error.js';
import { ExtensionRepository } from '../../../src/store/extension-repository.js';
import { CORE_SERVER, memoryDb, snapshot } from './helpers.js';

describe('CoreServerRepository', () => {
  it('adds a core server with defaults and reads it back by id and slug', () => {
    const repo = new CoreServerRepository(memoryDb());
    const server = repo.add(CORE_SERVER);
    expect(server).toMatchObject({
      slug: 'default',
      name: 'Main PBX',
      amiHost: '127.0.0.1',
      amiPort: 5038,
      amiUsername: 'gateway',
      amiSecret: 's3cret',
      conferenceRoomsEnabled: false,
      transferContext: 'from-internal',
    });
    expect(server.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(repo.byId(server.id)).toEqual(server);
    expect(repo.bySlug('default')).toEqual(server);
    expect(repo.bySlug('other')).toBeNull();
    expect(repo.byId('nope')).toBeNull();
  });

  it('lists by slug', () => {
    const repo = new CoreServerRepository(memoryDb());
    repo.add({ ...CORE_SERVER, slug: 'zeta' });
    repo.add({ ...CORE_SERVER, slug: 'alpha', conferenceRoomsEnabled: true, transferContext: 'internal' });
    expect(repo.list().map((s) => [s.slug, s.conferenceRoomsEnabled, s.transferContext])).toEqual([
      ['alpha', true, 'internal'],
      ['zeta', false, 'from-internal'],
    ]);
  });

  it('refuses a duplicate slug without changing anything', () => {
    const db = memoryDb();
    const repo = new CoreServerRepository(db);
    repo.add(CORE_SERVER);
    const before = snapshot(db);
    expect(() => repo.add({ ...CORE_SERVER, name: 'Other' })).toThrow(ConflictError);
    expect(snapshot(db)).toEqual(before);
  });

  it.each([
    ['slug with upper case', { slug: 'Default' }],
    ['slug starting with -', { slug: '-x' }],
    ['slug too long', { slug: 'a'.repeat(64) }],
    ['empty name', { name: '' }],
    ['name with LF', { name: 'PBX\nAction: Originate' }],
    ['port 0', { amiPort: 0 }],
    ['port 65536', { amiPort: 65536 }],
    ['port not integer', { amiPort: 50.5 }],
    ['host with space', { amiHost: 'a b' }],
    ['secret with CR', { amiSecret: 'x\ry' }],
    ['transfer context with space', { transferContext: 'from internal' }],
  ])('refuses %s', (_label, changes) => {
    const db = memoryDb();
    expect(() => new CoreServerRepository(db).add({ ...CORE_SERVER, ...changes })).toThrow(ValidationError);
    expect(new CoreServerRepository(db).list()).toEqual([]);
  });

  it('updates some fields and keeps the others', () => {
    const repo = new CoreServerRepository(memoryDb());
    const server = repo.add(CORE_SERVER);
    const updated = repo.update(server.id, { amiHost: 'pbx.example.com', conferenceRoomsEnabled: true, name: undefined });
    expect(updated).toEqual({ ...server, amiHost: 'pbx.example.com', conferenceRoomsEnabled: true });
  });

  it('refuses an update to a taken slug, and an unknown id', () => {
    const repo = new CoreServerRepository(memoryDb());
    const first = repo.add(CORE_SERVER);
    repo.add({ ...CORE_SERVER, slug: 'second' });
    expect(() => repo.update(first.id, { slug: 'second' })).toThrow(ConflictError);
    expect(repo.byId(first.id)?.slug).toBe('default');
    expect(() => repo.update('missing', { name: 'x' })).toThrow(NotFoundError);
  });

  it('removes a core server with its extensions', () => {
    const db = memoryDb();
    const repo = new CoreServerRepository(db);
    const server = repo.add(CORE_SERVER);
    new ExtensionRepository(db).add({ coreServerId: server.id, number: '100' });
    repo.remove(server.id);
    expect(repo.list()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM extensions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM extension_channels').get()).toEqual({ n: 0 });
    expect(() => repo.remove(server.id)).toThrow(NotFoundError);
  });
});
