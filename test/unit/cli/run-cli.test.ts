import { describe, expect, it } from 'vitest';
import { cli, memoryDb, seeded } from './cli-harness.js';

describe('runCli', () => {
  it.each([
    [['admin', '--help'], 0],
    [['admin'], 0],
    [['--help'], 0],
    [['admin', 'users', 'add', '--help'], 0],
  ])('prints the usage for %j with exit code %i', async (argv, code) => {
    const run = await cli(memoryDb(), argv);
    expect(run.code).toBe(code);
    expect(run.stdout).toContain('Usage: call-segments admin');
  });

  it('prints the usage on stderr and exits 2 without arguments', async () => {
    const run = await cli(memoryDb(), []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });

  it.each([
    [['serve'], /unknown command "serve"/],
    [['admin', 'phones', 'list'], /unknown group "phones"/],
    [['admin', 'users'], /unknown command "users "/],
    [['admin', 'users', 'frobnicate'], /unknown command "users frobnicate"/],
  ])('exits 2 on %j', async (argv, message) => {
    const run = await cli(memoryDb(), argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('manages configured conference rooms and queues', async () => {
    const db = await seeded();
    expect((await cli(db, ['admin', 'conferences', 'add', '--core-server', 'default', '--name', '800'])).code).toBe(0);
    expect((await cli(db, ['admin', 'queues', 'add', '--core-server', 'default', '--name', 'support'])).code).toBe(0);
    expect((await cli(db, ['admin', 'conferences', 'add', '--core-server', 'default', '--name', '800'])).code).toBe(1);
    expect((await cli(db, ['admin', 'conferences', 'list', '--core-server', 'default'])).stdout).toMatch(/^800\s/);
    expect((await cli(db, ['admin', 'queues', 'list', '--core-server', 'default'])).stdout).toMatch(/^support\s/);
    expect((await cli(db, ['admin', 'queues', 'remove', '--core-server', 'default', '--name', 'support'])).code).toBe(0);
    expect((await cli(db, ['admin', 'queues', 'remove', '--core-server', 'default', '--name', 'support'])).code).toBe(1);
    expect((await cli(db, ['admin', 'queues', 'list', '--core-server', 'default'])).stdout).toBe('no queues\n');
  });
});
