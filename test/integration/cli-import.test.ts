import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './support/test-bed.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'call-segments.js');

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `call-segments` command, as an admin would, with `input` on stdin. */
function cli(args: readonly string[], input = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

describe('the admin CLI imports the extensions of a real Asterisk 22 over AMI', () => {
  let dir: string;
  let db: string;

  const bed = useTestBed(null, { ami: false });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-import-'));
    db = join(dir, 'gateway.sqlite3');
  });

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('given a core server added with its AMI secret on stdin, when `extensions import` runs, then every numeric PJSIP endpoint becomes an extension named after its caller id, and the trunk does not', async () => {
    const add = await cli(
      ['--db', db, 'admin', 'core-servers', 'add', '--slug', 'pbx', '--name', 'Test PBX', '--ami-host', bed.asterisk.getAmiHost(),
        '--ami-port', String(bed.asterisk.getAmiPort()), '--ami-username', bed.asterisk.getAmiUsername(), '--ami-secret-stdin'],
      `${bed.asterisk.getAmiSecret()}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).not.toContain(bed.asterisk.getAmiSecret());

    const imported = await cli(['--db', db, 'admin', 'extensions', 'import', '--core-server', 'pbx']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const listed = await cli(['--db', db, 'admin', 'extensions', 'list', '--core-server', 'pbx', '--json']);
    expect(listed.code).toBe(0);
    const extensions = JSON.parse(listed.stdout) as Array<{ number: string; displayName: string }>;
    const byNumber = new Map(extensions.map((e) => [e.number, e.displayName]));
    expect([...byNumber.keys()].sort()).toEqual(['100', '101', '102', '103', '104', '105', '200', '201', '202', '203', '204', '205']);
    expect(byNumber.get('100')).toBe('Alice');
    expect(byNumber.get('200')).toBe('Bob');

    const again = await cli(['--db', db, 'admin', 'extensions', 'import', '--core-server', 'pbx']);
    expect(again.code).toBe(0);
    const relisted = await cli(['--db', db, 'admin', 'extensions', 'list', '--core-server', 'pbx', '--json']);
    expect((JSON.parse(relisted.stdout) as unknown[]).length).toBe(12);
  });

  it('given a wrong AMI secret, when `extensions import` runs, then it fails with one line naming the login failure and imports nothing', async () => {
    const add = await cli(
      ['--db', db, 'admin', 'core-servers', 'add', '--slug', 'wrong', '--name', 'Wrong secret', '--ami-host', bed.asterisk.getAmiHost(),
        '--ami-port', String(bed.asterisk.getAmiPort()), '--ami-username', bed.asterisk.getAmiUsername(), '--ami-secret-stdin'],
      'not-the-secret\n',
    );
    expect(add.code).toBe(0);
    const imported = await cli(['--db', db, 'admin', 'extensions', 'import', '--core-server', 'wrong']);
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim().split('\n')).toHaveLength(1);
    expect(imported.stderr).toMatch(/^error: .*Authentication failed/);
    const listed = await cli(['--db', db, 'admin', 'extensions', 'list', '--core-server', 'wrong', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
