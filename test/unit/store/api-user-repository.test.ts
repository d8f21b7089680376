import { describe, expect, it } from 'vitest';
import { ApiUserRepository } from '../../../src/store/api-user-repository.js';
import { ConflictError } from '../../../src/store/errors/conflict-error.js';
import { NotFoundError } from '../../../src/store/errors/not-found-error.js';
import { ValidationError } from '../../../src/store/errors/validation-error.js';
import { memoryDb } from './helpers.js';

describe('ApiUserRepository', () => {
  it('stores a salted scrypt hash with its parameters, never the password', async () => {
    const db = memoryDb();
    const repo = new ApiUserRepository(db);
    const user = await repo.add('manager', 'correct horse battery');
    expect(user.username).toBe('manager');
    const row = db.prepare('SELECT * FROM api_users').get() as Record<string, unknown>;
    expect(row).toMatchObject({ username: 'manager', scrypt_n: 16384, scrypt_r: 8, scrypt_p: 1, key_length: 32 });
    expect(Buffer.from(String(row['salt']), 'base64')).toHaveLength(16);
    expect(Buffer.from(String(row['password_hash']), 'base64')).toHaveLength(32);
    expect(JSON.stringify(row)).not.toContain('correct horse');
  });

  it('verifies the right password only', async () => {
    const repo = new ApiUserRepository(memoryDb());
    await repo.add('manager', 'manag3rpa55word');
    expect(await repo.verify('manager', 'manag3rpa55word')).toBe(true);
    expect(await repo.verify('manager', 'manag3rpa55wor')).toBe(false);
    expect(await repo.verify('manager', '')).toBe(false);
    expect(await repo.verify('Manager', 'manag3rpa55word')).toBe(false);
    expect(await repo.verify('nobody', 'manag3rpa55word')).toBe(false);
  });

  it('gives two users with the same password different salts', async () => {
    const db = memoryDb();
    const repo = new ApiUserRepository(db);
    await repo.add('a', 'same password');
    await repo.add('b', 'same password');
    const rows = db.prepare<[], { salt: string; password_hash: string }>('SELECT salt, password_hash FROM api_users').all();
    expect(rows[0]?.salt).not.toBe(rows[1]?.salt);
    expect(rows[0]?.password_hash).not.toBe(rows[1]?.password_hash);
  });

  it('changes a password', async () => {
    const repo = new ApiUserRepository(memoryDb());
    await repo.add('manager', 'old password');
    await repo.setPassword('manager', 'new password');
    expect(await repo.verify('manager', 'old password')).toBe(false);
    expect(await repo.verify('manager', 'new password')).toBe(true);
    await expect(repo.setPassword('nobody', 'x')).rejects.toThrow(NotFoundError);
  });

  it('lists and removes', async () => {
    const repo = new ApiUserRepository(memoryDb());
    await repo.add('zed', 'password 1');
    await repo.add('amy', 'password 2');
    expect(repo.list().map((u) => u.username)).toEqual(['amy', 'zed']);
    repo.remove('zed');
    expect(repo.list().map((u) => u.username)).toEqual(['amy']);
    expect(await repo.verify('zed', 'password 1')).toBe(false);
    expect(() => repo.remove('zed')).toThrow(NotFoundError);
  });

  it('refuses a duplicate username', async () => {
    const repo = new ApiUserRepository(memoryDb());
    await repo.add('manager', 'password one');
    await expect(repo.add('manager', 'password two')).rejects.toThrow(ConflictError);
    expect(await repo.verify('manager', 'password one')).toBe(true);
  });

  it.each([
    ['an empty username', '', 'password'],
    ['a username with ":"', 'a:b', 'password'],
    ['a username with LF', 'a\nb', 'password'],
    ['an empty password', 'manager', ''],
    ['a password with a NUL', 'manager', 'pass\u0000word'],
  ])('refuses %s', async (_label, username, password) => {
    const repo = new ApiUserRepository(memoryDb());
    await expect(repo.add(username, password)).rejects.toThrow(ValidationError);
    expect(repo.list()).toEqual([]);
  });
});
