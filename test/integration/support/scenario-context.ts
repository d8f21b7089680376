/** What a recorded call scenario gets to work with, and small steps shared by the scenarios. */
import type { PhoneName } from './asterisk-config.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';
import { eventIs, field } from './ami-session.js';
import type { AmiSession } from './ami-session.js';
import { Phone } from './phone.js';
import type { PhoneOptions } from './phone.js';

export interface ScenarioContext {
  readonly asterisk: StartedAsteriskContainer;
  readonly ami: AmiSession;
}

export type CallScenario = (context: ScenarioContext) => Promise<void>;

/** Name of the newest channel whose name starts with `prefix` (e.g. 'PJSIP/200-'), waiting for its Newchannel. */
export async function channelOf(ami: AmiSession, prefix: string): Promise<string> {
  await ami.waitFor(eventIs('Newchannel', 'Channel', prefix));
  const all = ami.events.filter(eventIs('Newchannel', 'Channel', prefix));
  const last = all[all.length - 1];
  return last === undefined ? '' : field(last, 'Channel');
}

/** Phone `callee` waits, phone `caller` dials `number`; the callee rings and answers. */
export async function connectCall(
  context: ScenarioContext,
  caller: PhoneName,
  callee: PhoneName,
  number: string = callee,
  options: PhoneOptions = {},
): Promise<{ caller: Phone; callee: Phone }> {
  const receiving = await Phone.receive(context.asterisk, callee, options);
  const dialling = await Phone.dial(context.asterisk, caller, number, options);
  await receiving.waitFor('incoming');
  await receiving.ring();
  await receiving.answer();
  await dialling.waitFor('answered');
  await context.ami.waitFor(eventIs('BridgeEnter', 'Channel', `PJSIP/${caller}-`));
  return { caller: dialling, callee: receiving };
}

/** Sends an AMI action through the session's client and returns the response headers. */
export async function amiAction(context: ScenarioContext, headers: Record<string, string>): Promise<void> {
  await context.ami.client.action(headers);
}
