import { CoreServerRepository } from '../../store/core-server-repository.js';
import type { CoreServerChanges } from '../../store/core-server-repository.js';
import type { CoreServer } from '../../store/model.js';
import { flag, onOff, optional, optionOrPositional, parse, port, required } from '../args.js';
import type { Options } from '../args.js';
import type { Command, CommandContext } from '../context.js';
import { print, table } from '../output.js';
import { readSecret } from '../read-secret.js';
import { UsageError } from '../usage-error.js';
import { coreServerBySlug } from './lookup.js';

const SETTINGS: Options = {
  name: { type: 'string' },
  'ami-host': { type: 'string' },
  'ami-port': { type: 'string' },
  'ami-username': { type: 'string' },
  'ami-secret-stdin': { type: 'boolean' },
  'conference-rooms': { type: 'string' },
  'transfer-context': { type: 'string' },
};

/** The core server as shown to an operator: everything but the AMI secret. */
function shown(server: CoreServer): Omit<CoreServer, 'amiSecret'> {
  const { amiSecret: _secret, ...rest } = server;
  return rest;
}

function line(server: CoreServer): string[] {
  return [
    server.slug,
    server.name,
    `${server.amiUsername}@${server.amiHost}:${server.amiPort}`,
    `conference-rooms=${server.conferenceRoomsEnabled ? 'on' : 'off'}`,
    `transfer-context=${server.transferContext}`,
    server.id,
  ];
}

async function secret(context: CommandContext, fromStdin: boolean, slug: string): Promise<string> {
  const value = await readSecret(context.io, { fromStdin, prompt: `AMI secret for ${slug}: `, confirm: false });
  if (value === null) throw new UsageError('no AMI secret given');
  return value;
}

const add: Command = async (argv, context) => {
  const args = parse(argv, { ...SETTINGS, slug: { type: 'string' } });
  const slug = required(args, 'slug');
  const input = {
    slug,
    name: required(args, 'name'),
    amiHost: required(args, 'ami-host'),
    amiPort: port('ami-port', optional(args, 'ami-port')) ?? 5038,
    amiUsername: required(args, 'ami-username'),
    conferenceRoomsEnabled: onOff('conference-rooms', optional(args, 'conference-rooms')) ?? false,
    ...(optional(args, 'transfer-context') !== undefined ? { transferContext: required(args, 'transfer-context') } : {}),
  };
  const amiSecret = await secret(context, flag(args, 'ami-secret-stdin'), slug);
  const server = new CoreServerRepository(context.db).add({ ...input, amiSecret });
  print(context.io, flag(args, 'json'), shown(server), [`added core server ${server.slug} (${server.id})`]);
  return 0;
};

const update: Command = async (argv, context) => {
  const args = parse(argv, { ...SETTINGS, slug: { type: 'string' }, 'new-slug': { type: 'string' } }, 1);
  const server = coreServerBySlug(context.db, optionOrPositional(args, 'slug'));
  const changes: CoreServerChanges = {
    slug: optional(args, 'new-slug'),
    name: optional(args, 'name'),
    amiHost: optional(args, 'ami-host'),
    amiPort: port('ami-port', optional(args, 'ami-port')),
    amiUsername: optional(args, 'ami-username'),
    conferenceRoomsEnabled: onOff('conference-rooms', optional(args, 'conference-rooms')),
    transferContext: optional(args, 'transfer-context'),
    amiSecret: flag(args, 'ami-secret-stdin') ? await secret(context, true, server.slug) : undefined,
  };
  const updated = new CoreServerRepository(context.db).update(server.id, changes);
  print(context.io, flag(args, 'json'), shown(updated), [`updated core server ${updated.slug}`]);
  return 0;
};

const list: Command = (argv, context) => {
  const args = parse(argv, {});
  const servers = new CoreServerRepository(context.db).list();
  print(context.io, flag(args, 'json'), servers.map(shown), servers.length === 0 ? ['no core servers'] : table(servers.map(line)));
  return 0;
};

const remove: Command = (argv, context) => {
  const args = parse(argv, { slug: { type: 'string' } }, 1);
  const server = coreServerBySlug(context.db, optionOrPositional(args, 'slug'));
  new CoreServerRepository(context.db).remove(server.id);
  print(context.io, flag(args, 'json'), shown(server), [`removed core server ${server.slug} with its extensions`]);
  return 0;
};

export const coreServerCommands: Readonly<Record<string, Command>> = { add, update, list, remove };
