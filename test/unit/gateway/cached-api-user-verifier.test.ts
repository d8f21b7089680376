import { describe, expect, it } from 'vitest';
import { CachedApiUserVerifier } from '../../../src/gateway/cached-api-user-verifier.js';
import { ApiUserRepository, openDatabase } from '../../../src/store/index.js';

function setup(now: { t: number }) {
  const db = openDatabase(':memory:');
  const repo = new ApiUserRepository(db);
  let calls = 0;
  const counting = {
    verify: async (u: string, p: string) => {
      calls += 1;
      return repo.verify(u, p);
    },
  };
  const verifier = new CachedApiUserVerifier(counting, db, { ttlMs: 1_000, now: () => now.t });
  return { db, repo, verifier, calls: () => calls };
}

describe('CachedApiUserVerifier', () => {
  it('given a verified pair, when it is checked again within the TTL, then no new scrypt is run', async () => {
    const now = { t: 0 };
    const { repo, verifier, calls } = setup(now);
    await repo.add('app', 'correct-horse');
    expect(await verifier.verify('app', 'correct-horse')).toBe(true);
    expect(await verifier.verify('app', 'correct-horse')).toBe(true);
    expect(calls()).toBe(1);
    now.t = 1_001;
    expect(await verifier.verify('app', 'correct-horse')).toBe(true);
    expect(calls()).toBe(2);
  });

  it('given a wrong password, then it is never remembered', async () => {
    const { repo, verifier, calls } = setup({ t: 0 });
    await repo.add('app', 'correct-horse');
    expect(await verifier.verify('app', 'wrong')).toBe(false);
    expect(await verifier.verify('app', 'wrong')).toBe(false);
    expect(calls()).toBe(2);
  });

  it('given a remembered pair, when the password is changed or the user removed, then the old pair fails at once', async () => {
    const { repo, verifier } = setup({ t: 0 });
    await repo.add('app', 'correct-horse');
    await repo.add('other', 'other-password');
    expect(await verifier.verify('app', 'correct-horse')).toBe(true);
    await repo.setPassword('app', 'battery-staple');
    expect(await verifier.verify('app', 'correct-horse')).toBe(false);
    expect(await verifier.verify('other', 'other-password')).toBe(true);
    repo.remove('other');
    expect(await verifier.verify('other', 'other-password')).toBe(false);
  });

  it('given a different username with the same password, then it is checked on its own', async () => {
    const { repo, verifier } = setup({ t: 0 });
    await repo.add('app', 'same-password');
    expect(await verifier.verify('app', 'same-password')).toBe(true);
    expect(await verifier.verify('ap', 'psame-password')).toBe(false);
  });
});
