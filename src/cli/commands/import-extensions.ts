import { ExtensionRepository } from '../../store/extension-repository.js';
import { flag, parse, required } from '../args.js';
import type { Command } from '../context.js';
import { planImport } from '../endpoint-import.js';
import { print } from '../output.js';
import { UsageError } from '../usage-error.js';
import { coreServerBySlug } from './lookup.js';

/** `admin extensions import --core-server S [--dry-run]`: PJSIP endpoints with numeric names become extensions. */
export const importExtensions: Command = async (argv, context) => {
  const args = parse(argv, { 'core-server': { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const server = coreServerBySlug(context.db, required(args, 'core-server'));
  const fetch = context.deps.fetchPbxEndpoints;
  if (!fetch) throw new UsageError('importing from the PBX is not available here');
  const endpoints = await fetch(server);
  const repo = new ExtensionRepository(context.db);
  const existing = new Set(repo.listByCoreServer(server.id).map((e) => e.number));
  const plan = planImport(endpoints, existing);
  const dryRun = flag(args, 'dry-run');
  if (!dryRun) {
    context.db.transaction(() => {
      for (const planned of plan.add) {
        repo.add({ coreServerId: server.id, number: planned.number, displayName: planned.displayName, channelPrefixes: planned.channelPrefixes });
      }
    })();
  }
  const verb = dryRun ? 'would add' : 'added';
  print(context.io, flag(args, 'json'), { dryRun, ...plan }, [
    ...plan.add.map((e) => `${verb} extension ${e.number} "${e.displayName}" (${e.channelPrefixes.join(', ')})`),
    ...plan.skipped.map((s) => `skipped endpoint ${s.name}: ${s.reason}`),
    `${plan.add.length} ${dryRun ? 'to add' : 'added'}, ${plan.skipped.length} skipped, from ${endpoints.length} endpoints on ${server.slug}`,
  ]);
  return 0;
};
