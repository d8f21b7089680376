import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDirectory } from '../../../src/gateway/sqlite-directory.js';
import { CoreServerRepository, ExtensionRepository, UserRepository, openDatabase } from '../../../src/store/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'directory-'));
  dirs.push(dir);
  const path = join(dir, 'db.sqlite3');
  const gatewayDb = openDatabase(path);
  const cliDb = openDatabase(path);
  const cs = new CoreServerRepository(cliDb).add({
    slug: 'default', name: 'PBX', amiHost: '127.0.0.1', amiPort: 5038, amiUsername: 'u', amiSecret: 's', conferenceRoomsEnabled: false,
  });
  return { gatewayDb, cliDb, cs };
}

describe('SqliteDirectory', () => {
  it('given the directory has answered, when another process binds the extension to a licensed user, then the next read sees the license', () => {
    const { gatewayDb, cliDb, cs } = twoConnections();
    const extensions = new ExtensionRepository(cliDb);
    const extension = extensions.add({ coreServerId: cs.id, number: '100' });
    const directory = new SqliteDirectory(gatewayDb);
    expect(directory.extensionOfChannel(cs.id, 'PJSIP/100-00000001')).toMatchObject({ number: '100', licensed: false });

    const alice = new UserRepository(cliDb).add({ username: 'alice', name: 'Alice', license: 'full' });
    extensions.bindUser(extension.id, alice.id);

    expect(directory.extensionOfChannel(cs.id, 'PJSIP/100-00000001')).toMatchObject({ number: '100', licensed: true });
    expect(directory.extensionOfChannel(cs.id, 'Local/100@internal-00000001;1')).toBeNull();
    expect(directory.listExtensions(cs.id).map((e) => e.number)).toEqual(['100']);
  });

  it('given a cached core server list, when a core server is added elsewhere, then it is listed', () => {
    const { gatewayDb, cliDb } = twoConnections();
    const directory = new SqliteDirectory(gatewayDb);
    expect(directory.listCoreServers().map((c) => c.slug)).toEqual(['default']);
    new CoreServerRepository(cliDb).add({
      slug: 'branch', name: 'Branch', amiHost: '127.0.0.1', amiPort: 5039, amiUsername: 'u', amiSecret: 's', conferenceRoomsEnabled: true,
    });
    expect(directory.listCoreServers().map((c) => c.slug).sort()).toEqual(['branch', 'default']);
    expect(directory.coreServerBySlug('branch')).toMatchObject({ name: 'Branch', conferenceRoomsEnabled: true });
  });
});
