import type { Database } from 'better-sqlite3';
import { ConferenceRepository } from '../../store/conference-repository.js';
import type { ConfiguredNameRepository } from '../../store/configured-name-repository.js';
import { NotFoundError } from '../../store/errors/not-found-error.js';
import { QueueRepository } from '../../store/queue-repository.js';
import { flag, parse, required } from '../args.js';
import type { Command } from '../context.js';
import { print, table } from '../output.js';
import { coreServerBySlug } from './lookup.js';

/** add / list / remove for configured conference rooms or queues (same shape). */
function commandsFor(kind: string, repository: (db: Database) => ConfiguredNameRepository): Readonly<Record<string, Command>> {
  const WHICH = { 'core-server': { type: 'string' }, name: { type: 'string' } } as const;
  return {
    add: (argv, context) => {
      const args = parse(argv, WHICH);
      const server = coreServerBySlug(context.db, required(args, 'core-server'));
      const added = repository(context.db).add(server.id, required(args, 'name'));
      print(context.io, flag(args, 'json'), added, [`added ${kind} ${added.name} on ${server.slug} (${added.id})`]);
      return 0;
    },
    list: (argv, context) => {
      const args = parse(argv, { 'core-server': { type: 'string' } });
      const server = coreServerBySlug(context.db, required(args, 'core-server'));
      const names = repository(context.db).listByCoreServer(server.id);
      print(context.io, flag(args, 'json'), names, names.length === 0 ? [`no ${kind}s`] : table(names.map((n) => [n.name, n.id])));
      return 0;
    },
    remove: (argv, context) => {
      const args = parse(argv, WHICH);
      const server = coreServerBySlug(context.db, required(args, 'core-server'));
      const repo = repository(context.db);
      const name = required(args, 'name');
      const found = repo.byName(server.id, name);
      if (!found) throw new NotFoundError(`no ${kind} "${name}" on core server "${server.slug}"`);
      repo.remove(found.id);
      print(context.io, flag(args, 'json'), found, [`removed ${kind} ${found.name} from ${server.slug}`]);
      return 0;
    },
  };
}

export const conferenceCommands = commandsFor('conference', (db) => new ConferenceRepository(db));
export const queueCommands = commandsFor('queue', (db) => new QueueRepository(db));
