import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/store/errors/conflict-error.js';
import { NotFoundError } from '../../../src/store/errors/not-found-error.js';
import { ValidationError } from '../../../src/store/errors/validation-error.js';
import { ExtensionRepository } from '../../../src/store/extension-repository.js';
import type { NewExtension } from '../../../src/store/extension-repository.js';
import { UserRepository } from '../../../src/store/user-repository.js';
import { addCoreServer, memoryDb, snapshot } from './helpers.js';

function setup() {
  const db = memoryDb();
  const server = addCoreServer(db);
  return { db, server, extensions: new ExtensionRepository(db), users: new UserRepository(db) };
}

describe('ExtensionRepository', () => {
  it('adds an extension with the default display name and channel PJSIP/<number>', () => {
    const { server, extensions } = setup();
    const extension = extensions.add({ coreServerId: server.id, number: '100' });
    expect(extension).toMatchObject({
      coreServerId: server.id,
      number: '100',
      displayName: '100',
      userId: null,
      channelPrefixes: ['PJSIP/100'],
    });
    expect(extensions.byId(extension.id)).toEqual(extension);
    expect(extensions.byNumber(server.id, '100')).toEqual(extension);
    expect(extensions.byNumber(server.id, '101')).toBeNull();
    expect(extensions.channels(extension.id)).toEqual(['PJSIP/100']);
  });

  it('keeps given channels and names, and lists per core server by number', () => {
    const { db, server, extensions } = setup();
    const other = addCoreServer(db, { slug: 'other' });
    extensions.add({ coreServerId: server.id, number: '200', displayName: 'Bob', channelPrefixes: ['PJSIP/200', 'SIP/bob'] });
    extensions.add({ coreServerId: server.id, number: '100', displayName: 'Alice' });
    extensions.add({ coreServerId: other.id, number: '100' });
    expect(extensions.listByCoreServer(server.id).map((e) => [e.number, e.displayName, e.channelPrefixes])).toEqual([
      ['100', 'Alice', ['PJSIP/100']],
      ['200', 'Bob', ['PJSIP/200', 'SIP/bob']],
    ]);
    expect(extensions.listByCoreServer(other.id)).toHaveLength(1);
  });

  it.each([
    ['a duplicate number', { number: '100' }, ConflictError],
    ['a channel prefix owned by another extension', { number: '101', channelPrefixes: ['PJSIP/100'] }, ConflictError],
    ['an unknown core server', { number: '101', coreServerId: 'missing' }, NotFoundError],
    ['an unknown user', { number: '101', userId: 'missing' }, NotFoundError],
    ['a number with letters', { number: '10a' }, ValidationError],
    ['an empty number', { number: '' }, ValidationError],
    ['a number of 33 digits', { number: '1'.repeat(33) }, ValidationError],
    ['a Local channel prefix', { number: '101', channelPrefixes: ['Local/101@from-internal'] }, ValidationError],
    ['no channel prefixes', { number: '101', channelPrefixes: [] }, ValidationError],
    ['a prefix without technology', { number: '101', channelPrefixes: ['101'] }, ValidationError],
    ['a display name with a control character', { number: '101', displayName: 'A\u0007' }, ValidationError],
  ])('refuses %s and changes nothing', (_label, changes: Partial<NewExtension> & { number: string }, errorClass) => {
    const { db, server, extensions } = setup();
    extensions.add({ coreServerId: server.id, number: '100' });
    const before = snapshot(db);
    expect(() => extensions.add({ coreServerId: server.id, ...changes })).toThrow(errorClass);
    expect(snapshot(db)).toEqual(before);
  });

  it('accepts dialable numbers with * # +', () => {
    const { server, extensions } = setup();
    expect(extensions.add({ coreServerId: server.id, number: '*97#+1' }).number).toBe('*97#+1');
  });

  it('binds and unbinds a user; removing the user unbinds', () => {
    const { server, extensions, users } = setup();
    const extension = extensions.add({ coreServerId: server.id, number: '100' });
    const alice = users.add({ username: 'alice', name: 'Alice', license: 'full' });
    expect(extensions.bindUser(extension.id, alice.id).userId).toBe(alice.id);
    expect(extensions.unbind(extension.id).userId).toBeNull();
    extensions.bindUser(extension.id, alice.id);
    users.remove(alice.id);
    expect(extensions.byId(extension.id)?.userId).toBeNull();
  });

  it('refuses to bind an unknown user or extension', () => {
    const { server, extensions, users } = setup();
    const extension = extensions.add({ coreServerId: server.id, number: '100' });
    const alice = users.add({ username: 'alice', name: 'Alice', license: 'full' });
    expect(() => extensions.bindUser(extension.id, 'missing')).toThrow(NotFoundError);
    expect(() => extensions.bindUser('missing', alice.id)).toThrow(NotFoundError);
    expect(() => extensions.unbind('missing')).toThrow(NotFoundError);
    expect(extensions.byId(extension.id)?.userId).toBeNull();
  });

  it('replaces channels, refusing ones owned by another extension', () => {
    const { db, server, extensions } = setup();
    const a = extensions.add({ coreServerId: server.id, number: '100' });
    extensions.add({ coreServerId: server.id, number: '200' });
    expect(extensions.setChannels(a.id, ['PJSIP/100', 'PJSIP/100b']).channelPrefixes).toEqual(['PJSIP/100', 'PJSIP/100b']);
    const before = snapshot(db);
    expect(() => extensions.setChannels(a.id, ['PJSIP/200'])).toThrow(ConflictError);
    expect(snapshot(db)).toEqual(before);
  });

  it('updates the display name and removes', () => {
    const { server, extensions } = setup();
    const a = extensions.add({ coreServerId: server.id, number: '100' });
    expect(extensions.setDisplayName(a.id, 'Alice').displayName).toBe('Alice');
    extensions.remove(a.id);
    expect(extensions.byId(a.id)).toBeNull();
    expect(extensions.channels(a.id)).toEqual([]);
    expect(() => extensions.remove(a.id)).toThrow(NotFoundError);
  });
});
