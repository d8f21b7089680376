import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/store/errors/conflict-error.js';
import { NotFoundError } from '../../../src/store/errors/not-found-error.js';
import { ValidationError } from '../../../src/store/errors/validation-error.js';
import type { License } from '../../../src/store/model.js';
import { UserRepository } from '../../../src/store/user-repository.js';
import { memoryDb } from './helpers.js';

describe('UserRepository', () => {
  it('adds, reads, lists, changes the license and removes', () => {
    const users = new UserRepository(memoryDb());
    const bob = users.add({ username: 'bob', name: 'Bob', license: 'lite' });
    const alice = users.add({ username: 'alice', name: 'Alice', license: 'full' });
    expect(users.list().map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(users.byUsername('bob')).toEqual(bob);
    expect(users.byId(alice.id)).toEqual(alice);
    expect(users.setLicense(bob.id, 'full').license).toBe('full');
    users.remove(alice.id);
    expect(users.byId(alice.id)).toBeNull();
    expect(() => users.remove(alice.id)).toThrow(NotFoundError);
    expect(() => users.setLicense(alice.id, 'full')).toThrow(NotFoundError);
  });

  it('refuses a duplicate username', () => {
    const users = new UserRepository(memoryDb());
    users.add({ username: 'alice', name: 'Alice', license: 'full' });
    expect(() => users.add({ username: 'alice', name: 'Other', license: 'lite' })).toThrow(ConflictError);
    expect(users.list()).toHaveLength(1);
  });

  it.each([
    ['an empty username', { username: '' }],
    ['a username of 65 characters', { username: 'a'.repeat(65) }],
    ['a username with a tab', { username: 'al\tice' }],
    ['a license that is not full or lite', { license: 'gold' as License }],
    ['an empty name', { name: '' }],
  ])('refuses %s', (_label, changes) => {
    const users = new UserRepository(memoryDb());
    expect(() => users.add({ username: 'alice', name: 'Alice', license: 'full', ...changes })).toThrow(ValidationError);
    expect(users.list()).toEqual([]);
  });

  it('refuses setting an unknown license and keeps the old one', () => {
    const users = new UserRepository(memoryDb());
    const alice = users.add({ username: 'alice', name: 'Alice', license: 'full' });
    expect(() => users.setLicense(alice.id, 'gold' as License)).toThrow(ValidationError);
    expect(users.byId(alice.id)?.license).toBe('full');
  });
});
