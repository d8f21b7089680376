import { describe, expect, it } from 'vitest';
import { ensureConfiguredCoreServer } from '../../../src/config/ensure-configured-core-server.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { CoreServerRepository } from '../../../src/store/core-server-repository.js';
import { openDatabase } from '../../../src/store/database.js';

const AMI = { AMI_HOST: 'pbx.local', AMI_USERNAME: 'gateway', AMI_SECRET: 's3cret' };

describe('ensureConfiguredCoreServer', () => {
  it('does nothing without AMI settings', () => {
    const db = openDatabase(':memory:');
    expect(ensureConfiguredCoreServer(db, parseConfig({}))).toBeNull();
    expect(new CoreServerRepository(db).list()).toEqual([]);
  });

  it('creates the core server, then leaves it unchanged, then updates it', () => {
    const db = openDatabase(':memory:');
    const first = ensureConfiguredCoreServer(db, parseConfig(AMI));
    expect(first?.action).toBe('created');
    expect(first?.coreServer).toMatchObject({
      slug: 'default',
      name: 'default',
      amiHost: 'pbx.local',
      amiPort: 5038,
      conferenceRoomsEnabled: false,
      transferContext: 'from-internal',
    });

    const again = ensureConfiguredCoreServer(db, parseConfig(AMI));
    expect(again).toEqual({ action: 'unchanged', coreServer: first?.coreServer });

    const updated = ensureConfiguredCoreServer(db, parseConfig({ ...AMI, AMI_HOST: 'pbx2.local', CORE_SERVER_NAME: 'Main' }));
    expect(updated?.action).toBe('updated');
    expect(updated?.coreServer).toMatchObject({ id: first?.coreServer.id, amiHost: 'pbx2.local', name: 'Main' });
    expect(new CoreServerRepository(db).list()).toHaveLength(1);
  });

  it('keeps settings changed with the CLI when the configuration does not name them', () => {
    const db = openDatabase(':memory:');
    const created = ensureConfiguredCoreServer(db, parseConfig(AMI));
    const repo = new CoreServerRepository(db);
    if (!created) throw new Error('expected a core server');
    repo.update(created.coreServer.id, { name: 'Renamed', conferenceRoomsEnabled: true, transferContext: 'other' });
    expect(ensureConfiguredCoreServer(db, parseConfig(AMI))?.action).toBe('unchanged');
    expect(repo.byId(created.coreServer.id)).toMatchObject({ name: 'Renamed', conferenceRoomsEnabled: true, transferContext: 'other' });
    ensureConfiguredCoreServer(db, parseConfig({ ...AMI, CONFERENCE_ROOMS_ENABLED: 'off' }));
    expect(repo.byId(created.coreServer.id)?.conferenceRoomsEnabled).toBe(false);
  });
});
