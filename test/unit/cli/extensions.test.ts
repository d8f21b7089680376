import { describe, expect, it } from 'vitest';
import type { PbxEndpoint } from '../../../src/cli/endpoint-import.js';
import { CoreServerRepository } from '../../../src/store/core-server-repository.js';
import { ExtensionRepository } from '../../../src/store/extension-repository.js';
import { cli, seeded, snapshot } from './cli-harness.js';

function extensionsOf(db: Awaited<ReturnType<typeof seeded>>) {
  const server = new CoreServerRepository(db).bySlug('default');
  if (!server) throw new Error('no default core server');
  return new ExtensionRepository(db).listByCoreServer(server.id);
}

describe('admin extensions', () => {
  it('adds with channels, lists, binds, unbinds and removes', async () => {
    const db = await seeded();
    const add = await cli(db, ['admin', 'extensions', 'add', '--core-server', 'default', '--number', '200', '--channel', 'PJSIP/200', '--channel', 'PJSIP/200-mobile']);
    expect(add.code).toBe(0);
    expect(extensionsOf(db).find((e) => e.number === '200')?.channelPrefixes).toEqual(['PJSIP/200', 'PJSIP/200-mobile']);

    expect((await cli(db, ['admin', 'extensions', 'bind', '--core-server', 'default', '--number', '100', '--user', 'alice'])).code).toBe(0);
    const listed = await cli(db, ['admin', 'extensions', 'list', '--core-server', 'default']);
    expect(listed.stdout.split('\n')[0]).toMatch(/^100\s+Alice desk\s+alice\s+PJSIP\/100\s/);
    expect(listed.stdout.split('\n')[1]).toMatch(/^200\s+200\s+-\s+PJSIP\/200,PJSIP\/200-mobile\s/);

    const json = JSON.parse((await cli(db, ['admin', 'extensions', 'list', '--core-server', 'default', '--json'])).stdout) as { number: string; userId: string | null }[];
    expect(json.map((e) => e.number)).toEqual(['100', '200']);
    expect(json[0]?.userId).not.toBeNull();

    expect((await cli(db, ['admin', 'extensions', 'unbind', '--core-server', 'default', '--number', '100'])).code).toBe(0);
    expect(extensionsOf(db).find((e) => e.number === '100')?.userId).toBeNull();
    expect((await cli(db, ['admin', 'extensions', 'remove', '--core-server', 'default', '--number', '200'])).code).toBe(0);
    expect(extensionsOf(db).map((e) => e.number)).toEqual(['100']);
  });

  it.each([
    ['a duplicate number', ['add', '--core-server', 'default', '--number', '100'], 1, /exists already/],
    ['a bad number', ['add', '--core-server', 'default', '--number', '1O1'], 1, /number/],
    ['an unknown core server', ['add', '--core-server', 'nope', '--number', '101'], 1, /no core server "nope"/],
    ['a Local channel', ['add', '--core-server', 'default', '--number', '101', '--channel', 'Local/101@x'], 1, /Local/],
    ['a missing --number', ['add', '--core-server', 'default'], 2, /--number is required/],
    ['an unknown user', ['bind', '--core-server', 'default', '--number', '100', '--user', 'bob'], 1, /no user "bob"/],
    ['an unknown extension', ['bind', '--core-server', 'default', '--number', '999', '--user', 'alice'], 1, /no extension 999/],
    ['removing an unknown extension', ['remove', '--core-server', 'default', '--number', '999'], 1, /no extension 999/],
    ['an unknown command', ['rename'], 2, /unknown command/],
  ])('refuses %s, changing nothing', async (_label, argv, code, message) => {
    const db = await seeded();
    const before = snapshot(db);
    const run = await cli(db, ['admin', 'extensions', ...argv]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
  });

  describe('import', () => {
    const endpoints: PbxEndpoint[] = [
      { name: '100', callerId: '"Alice" <100>' },
      { name: '200', callerId: '"Bob Builder" <200>' },
      { name: '201', callerId: null },
      { name: 'trunk', callerId: null },
    ];

    it('adds numeric endpoints not yet configured, with their caller id names', async () => {
      const db = await seeded();
      const asked: string[] = [];
      const run = await cli(db, ['admin', 'extensions', 'import', '--core-server', 'default'], '', {
        fetchPbxEndpoints: (server) => {
          asked.push(server.slug);
          return Promise.resolve(endpoints);
        },
      });
      expect(run.code).toBe(0);
      expect(asked).toEqual(['default']);
      expect(run.stdout).toContain('skipped endpoint trunk: not a number');
      expect(run.stdout).toContain('skipped endpoint 100: exists already');
      expect(extensionsOf(db).map((e) => [e.number, e.displayName, e.channelPrefixes])).toEqual([
        ['100', 'Alice desk', ['PJSIP/100']],
        ['200', 'Bob Builder', ['PJSIP/200']],
        ['201', '201', ['PJSIP/201']],
      ]);
    });

    it('changes nothing on --dry-run', async () => {
      const db = await seeded();
      const before = snapshot(db);
      const run = await cli(db, ['admin', 'extensions', 'import', '--core-server', 'default', '--dry-run'], '', {
        fetchPbxEndpoints: () => Promise.resolve(endpoints),
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('would add extension 200 "Bob Builder"');
      expect(snapshot(db)).toEqual(before);
    });

    it('fails with exit code 1 when the PBX cannot be reached', async () => {
      const db = await seeded();
      const before = snapshot(db);
      const run = await cli(db, ['admin', 'extensions', 'import', '--core-server', 'default'], '', {
        fetchPbxEndpoints: () => Promise.reject(new Error('cannot log in to AMI at 127.0.0.1:5038: Authentication failed')),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('error: cannot log in to AMI at 127.0.0.1:5038: Authentication failed\n');
      expect(snapshot(db)).toEqual(before);
    });
  });
});
