import { describe, expect, it } from 'vitest';
import { ExtensionDirectory, channelPrefixOf } from '../../../src/store/extension-directory.js';
import { ExtensionRepository } from '../../../src/store/extension-repository.js';
import { loadExtensionDirectory } from '../../../src/store/load-extension-directory.js';
import type { Extension } from '../../../src/store/model.js';
import { UserRepository } from '../../../src/store/user-repository.js';
import { addCoreServer, memoryDb } from './helpers.js';

function extension(number: string, userId: string | null, channelPrefixes = [`PJSIP/${number}`]): Extension {
  return { id: `ext-${number}`, coreServerId: 'cs', number, displayName: number, userId, channelPrefixes, createdAt: '' };
}

const directory = new ExtensionDirectory(
  [
    extension('100', 'alice'),
    extension('200', 'bob'),
    extension('201', null),
    extension('300', 'carol', ['PJSIP/300', 'PJSIP/desk-300', 'SIP/carol']),
  ],
  [
    { id: 'alice', license: 'full' },
    { id: 'bob', license: 'lite' },
    { id: 'carol', license: 'full' },
  ],
);

describe('channelPrefixOf', () => {
  it.each([
    ['PJSIP/100-0000002a', 'PJSIP/100'],
    ['PJSIP/desk-300-00000001', 'PJSIP/desk-300'],
    ['SIP/carol-0a1b', 'SIP/carol'],
    ['Local/200@from-internal-00000003;1', null],
    ['local/200@from-internal-00000003;2', null],
    ['PJSIP/100', null],
    ['garbage', null],
  ])('%s → %s', (channel, prefix) => {
    expect(channelPrefixOf(channel)).toBe(prefix);
  });
});

describe('ExtensionDirectory', () => {
  it.each([
    ['PJSIP/100-0000002a', '100'],
    ['pjsip/100-0000002b', '100'],
    ['PJSIP/200-00000001', '200'],
    ['PJSIP/desk-300-00000001', '300'],
    ['SIP/carol-00000001', '300'],
    ['PJSIP/1000-00000001', null],
    ['PJSIP/10-00000001', null],
    ['PJSIP/trunk-00000009', null],
    ['Local/100@from-internal-00000001;1', null],
    ['Local/100@from-internal-00000001;2', null],
  ])('channel %s belongs to extension %s', (channel, number) => {
    expect(directory.extensionOfChannel(channel)?.number ?? null).toBe(number);
  });

  it.each([
    ['100', true],
    ['200', false],
    ['201', false],
    ['300', true],
  ])('extension %s licensed: %s', (number, licensed) => {
    const found = directory.byNumber(number);
    expect(found).not.toBeNull();
    if (found) expect(directory.isLicensed(found)).toBe(licensed);
  });

  it('treats a bound user that is not in the list as unlicensed', () => {
    expect(directory.isLicensed(extension('400', 'ghost'))).toBe(false);
  });

  it('answers whether a channel is related to a licensed extension', () => {
    expect(directory.isChannelLicensed('PJSIP/100-00000001')).toBe(true);
    expect(directory.isChannelLicensed('PJSIP/200-00000001')).toBe(false);
    expect(directory.isChannelLicensed('PJSIP/trunk-00000001')).toBe(false);
  });

  it('finds by id and number, and lists', () => {
    expect(directory.byId('ext-200')?.number).toBe('200');
    expect(directory.byId('nope')).toBeNull();
    expect(directory.extensions().map((e) => e.number)).toEqual(['100', '200', '201', '300']);
  });

  it('is loaded from the database for one core server', () => {
    const db = memoryDb();
    const server = addCoreServer(db);
    const other = addCoreServer(db, { slug: 'other' });
    const extensions = new ExtensionRepository(db);
    const alice = new UserRepository(db).add({ username: 'alice', name: 'Alice', license: 'full' });
    extensions.add({ coreServerId: server.id, number: '100', userId: alice.id });
    extensions.add({ coreServerId: other.id, number: '200', userId: alice.id });
    const loaded = loadExtensionDirectory(db, server.id);
    const ext = loaded.extensionOfChannel('PJSIP/100-00000001');
    expect(ext?.number).toBe('100');
    expect(ext && loaded.isLicensed(ext)).toBe(true);
    expect(loaded.extensionOfChannel('PJSIP/200-00000001')).toBeNull();
  });
});
