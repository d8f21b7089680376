import { ExtensionRepository } from '../../store/extension-repository.js';
import type { Extension } from '../../store/model.js';
import { UserRepository } from '../../store/user-repository.js';
import { flag, list as listOption, optional, parse, required } from '../args.js';
import type { Command } from '../context.js';
import { print, table } from '../output.js';
import { coreServerBySlug, extensionByNumber, userByUsername } from './lookup.js';

const WHICH = { 'core-server': { type: 'string' }, number: { type: 'string' } } as const;

function lines(extensions: readonly Extension[], usernames: ReadonlyMap<string, string>): string[] {
  if (extensions.length === 0) return ['no extensions'];
  return table(
    extensions.map((e) => [
      e.number,
      e.displayName,
      e.userId === null ? '-' : (usernames.get(e.userId) ?? e.userId),
      e.channelPrefixes.join(','),
      e.id,
    ]),
  );
}

const add: Command = (argv, context) => {
  const args = parse(argv, { ...WHICH, name: { type: 'string' }, channel: { type: 'string', multiple: true } });
  const server = coreServerBySlug(context.db, required(args, 'core-server'));
  const name = optional(args, 'name');
  const channels = listOption(args, 'channel');
  const extension = new ExtensionRepository(context.db).add({
    coreServerId: server.id,
    number: required(args, 'number'),
    ...(name !== undefined ? { displayName: name } : {}),
    ...(channels !== undefined ? { channelPrefixes: channels } : {}),
  });
  print(context.io, flag(args, 'json'), extension, [
    `added extension ${extension.number} (${extension.channelPrefixes.join(', ')}) on ${server.slug}`,
  ]);
  return 0;
};

const list: Command = (argv, context) => {
  const args = parse(argv, { 'core-server': { type: 'string' } });
  const server = coreServerBySlug(context.db, required(args, 'core-server'));
  const extensions = new ExtensionRepository(context.db).listByCoreServer(server.id);
  const usernames = new Map(new UserRepository(context.db).list().map((u) => [u.id, u.username]));
  print(context.io, flag(args, 'json'), extensions, lines(extensions, usernames));
  return 0;
};

const remove: Command = (argv, context) => {
  const args = parse(argv, WHICH);
  const server = coreServerBySlug(context.db, required(args, 'core-server'));
  const extension = extensionByNumber(context.db, server, required(args, 'number'));
  new ExtensionRepository(context.db).remove(extension.id);
  print(context.io, flag(args, 'json'), extension, [`removed extension ${extension.number} from ${server.slug}`]);
  return 0;
};

const bind: Command = (argv, context) => {
  const args = parse(argv, { ...WHICH, user: { type: 'string' } });
  const server = coreServerBySlug(context.db, required(args, 'core-server'));
  const extension = extensionByNumber(context.db, server, required(args, 'number'));
  const user = userByUsername(context.db, required(args, 'user'));
  const bound = new ExtensionRepository(context.db).bindUser(extension.id, user.id);
  print(context.io, flag(args, 'json'), bound, [`extension ${bound.number} on ${server.slug} is bound to ${user.username} (${user.license})`]);
  return 0;
};

const unbind: Command = (argv, context) => {
  const args = parse(argv, WHICH);
  const server = coreServerBySlug(context.db, required(args, 'core-server'));
  const extension = extensionByNumber(context.db, server, required(args, 'number'));
  const unbound = new ExtensionRepository(context.db).unbind(extension.id);
  print(context.io, flag(args, 'json'), unbound, [`extension ${unbound.number} on ${server.slug} is bound to nobody`]);
  return 0;
};

export const extensionCommands: Readonly<Record<string, Command>> = { add, list, remove, bind, unbind };
