import { ApiUserRepository } from '../../store/api-user-repository.js';
import { ConflictError } from '../../store/errors/conflict-error.js';
import { NotFoundError } from '../../store/errors/not-found-error.js';
import { ValidationError } from '../../store/errors/validation-error.js';
import { flag, optionOrPositional, parse } from '../args.js';
import type { Command, CommandContext } from '../context.js';
import { print, table } from '../output.js';
import { readSecret } from '../read-secret.js';
import { UsageError } from '../usage-error.js';

const MIN_PASSWORD_LENGTH = 8;

async function newPassword(context: CommandContext, username: string, fromStdin: boolean): Promise<string> {
  const password = await readSecret(context.io, { fromStdin, prompt: `Password for ${username}: `, confirm: true });
  if (password === null) throw new UsageError('no password given');
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  return password;
}

const OPTIONS = { username: { type: 'string' }, 'password-stdin': { type: 'boolean' } } as const;

const add: Command = async (argv, context) => {
  const args = parse(argv, OPTIONS, 1);
  const username = optionOrPositional(args, 'username');
  const repo = new ApiUserRepository(context.db);
  // Refuse a taken or bad name before asking for a password.
  if (repo.byUsername(username)) throw new ConflictError(`an API user "${username}" exists already`);
  const user = await repo.add(username, await newPassword(context, username, flag(args, 'password-stdin')));
  print(context.io, flag(args, 'json'), user, [`added API user ${user.username}`]);
  return 0;
};

const setPassword: Command = async (argv, context) => {
  const args = parse(argv, OPTIONS, 1);
  const username = optionOrPositional(args, 'username');
  const repo = new ApiUserRepository(context.db);
  if (!repo.byUsername(username)) throw new NotFoundError(`no API user "${username}"`);
  const user = await repo.setPassword(username, await newPassword(context, username, flag(args, 'password-stdin')));
  print(context.io, flag(args, 'json'), user, [`changed the password of API user ${user.username}`]);
  return 0;
};

const list: Command = (argv, context) => {
  const args = parse(argv, {});
  const users = new ApiUserRepository(context.db).list();
  const lines = users.length === 0 ? ['no API users'] : table(users.map((u) => [u.username, `created ${u.createdAt}`, `changed ${u.updatedAt}`]));
  print(context.io, flag(args, 'json'), users, lines);
  return 0;
};

const remove: Command = (argv, context) => {
  const args = parse(argv, { username: { type: 'string' } }, 1);
  const username = optionOrPositional(args, 'username');
  new ApiUserRepository(context.db).remove(username);
  print(context.io, flag(args, 'json'), { username }, [`removed API user ${username}`]);
  return 0;
};

export const apiUserCommands: Readonly<Record<string, Command>> = { add, 'set-password': setPassword, list, remove };
