import { describe, expect, it } from 'vitest';
import { ApiUserRepository } from '../../../src/store/api-user-repository.js';
import { UserRepository } from '../../../src/store/user-repository.js';
import { cli, memoryDb, seeded, snapshot } from './cli-harness.js';

describe('admin users', () => {
  it('adds, lists, changes the license and removes', async () => {
    const db = await seeded();
    expect((await cli(db, ['admin', 'users', 'add', '--username', 'bob', '--name', 'Bob B', '--license', 'lite'])).code).toBe(0);
    const listed = await cli(db, ['admin', 'users', 'list']);
    expect(listed.stdout).toMatch(/^alice\s+Alice\s+full\s/m);
    expect(listed.stdout).toMatch(/^bob\s+Bob B\s+lite\s/m);
    expect((await cli(db, ['admin', 'users', 'set-license', 'bob', '--license', 'full'])).code).toBe(0);
    expect(new UserRepository(db).byUsername('bob')?.license).toBe('full');
    expect((await cli(db, ['admin', 'users', 'remove', '--username', 'bob'])).code).toBe(0);
    expect(new UserRepository(db).byUsername('bob')).toBeNull();
  });

  it.each([
    ['a bad license', ['add', '--username', 'bob', '--name', 'Bob', '--license', 'gold'], 1],
    ['a duplicate username', ['add', '--username', 'alice', '--name', 'A', '--license', 'lite'], 1],
    ['an unknown user', ['set-license', 'bob', '--license', 'full'], 1],
    ['a bad license change', ['set-license', 'alice', '--license', 'gold'], 1],
    ['removing an unknown user', ['remove', 'bob'], 1],
    ['a second positional argument', ['remove', 'alice', 'bob'], 2],
  ])('refuses %s, changing nothing', async (_label, argv, code) => {
    const db = await seeded();
    const before = snapshot(db);
    const run = await cli(db, ['admin', 'users', ...argv]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(/^error: /);
    expect(snapshot(db)).toEqual(before);
  });
});

describe('admin api-users', () => {
  it('adds an API user with the password from stdin, verifiable, never printed', async () => {
    const db = memoryDb();
    const run = await cli(db, ['admin', 'api-users', 'add', '--username', 'manager', '--password-stdin'], 'manag3rpa55word\n');
    expect(run).toMatchObject({ code: 0, stdout: 'added API user manager\n', stderr: '' });
    expect(await new ApiUserRepository(db).verify('manager', 'manag3rpa55word')).toBe(true);
    const listed = await cli(db, ['admin', 'api-users', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ username: 'manager' })]);
    expect(listed.stdout).not.toContain('manag3r');
  });

  it('reads piped stdin without --password-stdin too, and changes the password', async () => {
    const db = memoryDb();
    expect((await cli(db, ['admin', 'api-users', 'add', 'manager'], 'first password\n')).code).toBe(0);
    expect((await cli(db, ['admin', 'api-users', 'set-password', 'manager'], 'second password\n')).code).toBe(0);
    const repo = new ApiUserRepository(db);
    expect(await repo.verify('manager', 'first password')).toBe(false);
    expect(await repo.verify('manager', 'second password')).toBe(true);
  });

  it.each([
    ['a short password', ['add', 'manager'], 'short\n', 1, /at least 8/],
    ['an empty password', ['add', 'manager'], '', 1, /at least 8|empty/],
    ['a username with ":"', ['add', 'a:b'], 'long enough\n', 1, /":"/],
    ['a duplicate', ['add', 'ops'], 'long enough\n', 1, /exists already/],
    ['set-password of an unknown user', ['set-password', 'nobody'], 'long enough\n', 1, /no API user "nobody"/],
    ['removing an unknown user', ['remove', 'nobody'], '', 1, /no API user "nobody"/],
    ['a password on the command line', ['add', 'manager', '--password', 'x'], '', 2, /password/],
  ])('refuses %s, changing nothing', async (_label, argv, stdin, code, message) => {
    const db = memoryDb();
    await cli(db, ['admin', 'api-users', 'add', 'ops'], 'ops password\n');
    const before = snapshot(db);
    const run = await cli(db, ['admin', 'api-users', ...argv], stdin);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
  });

  it('removes', async () => {
    const db = memoryDb();
    await cli(db, ['admin', 'api-users', 'add', 'ops'], 'ops password\n');
    expect((await cli(db, ['admin', 'api-users', 'remove', 'ops'])).code).toBe(0);
    expect(new ApiUserRepository(db).list()).toEqual([]);
  });
});
