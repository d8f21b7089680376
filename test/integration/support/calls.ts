/** Small building blocks the integration tests share: place a call, find a linked pair, list Asterisk's channels. */
import type { GraphSnapshot, SegmentRecord } from '../../../src/segments/index.js';
import type { AmiSession } from './ami-session.js';
import { field } from './ami-session.js';
import type { PhoneName } from './asterisk-config.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';
import { segmentOf } from './gateway-under-test.js';
import { Phone } from './phone.js';
import type { PhoneOptions } from './phone.js';

/** `from` dials `to`, `to` rings and answers; resolves once both phones are in the call. */
export async function talk(
  asterisk: StartedAsteriskContainer,
  from: PhoneName,
  to: PhoneName,
  calleeOptions: PhoneOptions = {},
): Promise<{ caller: Phone; callee: Phone }> {
  const callee = await Phone.receive(asterisk, to, calleeOptions);
  const caller = await Phone.dial(asterisk, from, to);
  await callee.waitFor('incoming');
  await callee.ring();
  await callee.answer();
  await caller.waitFor('answered');
  return { caller, callee };
}

/** The segments of endpoints `a` and `b` when they are linked to each other. */
export function linkedPair(s: GraphSnapshot, a: string, b: string): { a: SegmentRecord; b: SegmentRecord } | undefined {
  const x = segmentOf(s, a);
  const y = segmentOf(s, b);
  return x && y && x.linkedTo === y.id && y.linkedTo === x.id ? { a: x, b: y } : undefined;
}

/** The names of the channels Asterisk has now (`CoreShowChannels`), sorted. */
export async function asteriskChannels(ami: AmiSession): Promise<string[]> {
  const list = await ami.client.listAction({ Action: 'CoreShowChannels' });
  return list.items.map((item) => field(item, 'Channel')).sort();
}
