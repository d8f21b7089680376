import type { License } from '../../store/model.js';
import { UserRepository } from '../../store/user-repository.js';
import { flag, optionOrPositional, parse, required } from '../args.js';
import type { Command } from '../context.js';
import { print, table } from '../output.js';
import { userByUsername } from './lookup.js';

const add: Command = (argv, context) => {
  const args = parse(argv, { username: { type: 'string' }, name: { type: 'string' }, license: { type: 'string' } });
  const user = new UserRepository(context.db).add({
    username: required(args, 'username'),
    name: required(args, 'name'),
    license: required(args, 'license') as License,
  });
  print(context.io, flag(args, 'json'), user, [`added user ${user.username} (${user.license}, ${user.id})`]);
  return 0;
};

const list: Command = (argv, context) => {
  const args = parse(argv, {});
  const users = new UserRepository(context.db).list();
  const lines = users.length === 0 ? ['no users'] : table(users.map((u) => [u.username, u.name, u.license, u.id]));
  print(context.io, flag(args, 'json'), users, lines);
  return 0;
};

const setLicense: Command = (argv, context) => {
  const args = parse(argv, { username: { type: 'string' }, license: { type: 'string' } }, 1);
  const user = userByUsername(context.db, optionOrPositional(args, 'username'));
  const updated = new UserRepository(context.db).setLicense(user.id, required(args, 'license') as License);
  print(context.io, flag(args, 'json'), updated, [`user ${updated.username} now has a ${updated.license} license`]);
  return 0;
};

const remove: Command = (argv, context) => {
  const args = parse(argv, { username: { type: 'string' } }, 1);
  const user = userByUsername(context.db, optionOrPositional(args, 'username'));
  new UserRepository(context.db).remove(user.id);
  print(context.io, flag(args, 'json'), user, [`removed user ${user.username}; its extensions are unbound`]);
  return 0;
};

export const userCommands: Readonly<Record<string, Command>> = { add, list, 'set-license': setLicense, remove };
