import { describe, expect, it } from 'vitest';
import { CoreServerRepository } from '../../../src/store/core-server-repository.js';
import { ADD_DEFAULT, cli, memoryDb, seeded, snapshot } from './cli-harness.js';

describe('admin core-servers', () => {
  it('adds a core server with the secret from stdin, and lists it without the secret', async () => {
    const db = memoryDb();
    const added = await cli(db, [...ADD_DEFAULT, '--ami-port', '15038', '--conference-rooms', 'on', '--transfer-context', 'internal'], 's3cret\n');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^added core server default \(/);
    expect(new CoreServerRepository(db).bySlug('default')).toMatchObject({
      amiSecret: 's3cret',
      amiPort: 15038,
      conferenceRoomsEnabled: true,
      transferContext: 'internal',
    });

    const listed = await cli(db, ['admin', 'core-servers', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('default');
    expect(listed.stdout).toContain('gateway@127.0.0.1:15038');
    expect(listed.stdout).not.toContain('s3cret');

    const json = await cli(db, ['admin', 'core-servers', 'list', '--json']);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ slug: 'default', amiPort: 15038 });
    expect(parsed[0]).not.toHaveProperty('amiSecret');
  });

  it.each([
    ['a duplicate slug', ADD_DEFAULT, 1, /exists already/],
    ['a bad slug', [...ADD_DEFAULT.slice(0, 3), '--slug', 'Bad Slug', ...ADD_DEFAULT.slice(5)], 1, /slug/],
    ['a bad port', [...ADD_DEFAULT, '--ami-port', 'x'], 2, /--ami-port/],
    ['a missing --name', ['admin', 'core-servers', 'add', '--slug', 'x', '--ami-host', 'h', '--ami-username', 'u'], 2, /--name is required/],
    ['an unknown option', [...ADD_DEFAULT, '--colour', 'red'], 2, /colour/],
    ['a bad --conference-rooms', [...ADD_DEFAULT, '--conference-rooms', 'maybe'], 2, /on or off/],
  ])('refuses %s with exit code %i and one error line, changing nothing', async (_label, argv, code, message) => {
    const db = await seeded();
    const before = snapshot(db);
    const run = await cli(db, argv, 'other\n');
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')[0]).toMatch(/^error: /);
    expect(run.stdout).toBe('');
    expect(snapshot(db)).toEqual(before);
  });

  it('refuses an empty secret from stdin', async () => {
    const db = memoryDb();
    const run = await cli(db, ADD_DEFAULT, '\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/amiSecret must not be empty/);
    expect(new CoreServerRepository(db).list()).toEqual([]);
  });

  it('updates a core server, the secret only when asked', async () => {
    const db = await seeded();
    const run = await cli(db, ['admin', 'core-servers', 'update', 'default', '--ami-host', 'pbx.example.com', '--conference-rooms', 'on']);
    expect(run.code).toBe(0);
    expect(new CoreServerRepository(db).bySlug('default')).toMatchObject({ amiHost: 'pbx.example.com', conferenceRoomsEnabled: true, amiSecret: 's3cret' });
    await cli(db, ['admin', 'core-servers', 'update', 'default', '--ami-secret-stdin'], 'n3w\n');
    expect(new CoreServerRepository(db).bySlug('default')?.amiSecret).toBe('n3w');
  });

  it('removes a core server by slug, and refuses an unknown slug', async () => {
    const db = await seeded();
    expect((await cli(db, ['admin', 'core-servers', 'remove', 'nope'])).code).toBe(1);
    const run = await cli(db, ['admin', 'core-servers', 'remove', 'default']);
    expect(run.code).toBe(0);
    expect(new CoreServerRepository(db).list()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM extensions').get()).toEqual({ n: 0 });
  });
});
