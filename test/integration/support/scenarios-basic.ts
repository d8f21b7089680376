/** Recorded scenarios: two-party calls, failures, ring group, trunk, hold, recording. */
import { eventIs } from './ami-session.js';
import { Phone } from './phone.js';
import { amiAction, channelOf, connectCall } from './scenario-context.js';
import type { CallScenario } from './scenario-context.js';

export const basicCall: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200');
  await caller.hangup();
  await callee.waitFor('remote-hangup');
};

export const callerCancel: CallScenario = async ({ asterisk, ami }) => {
  const bob = await Phone.receive(asterisk, '200');
  const alice = await Phone.dial(asterisk, '100', '200');
  await bob.waitFor('incoming');
  await bob.ring();
  await ami.waitFor(eventIs('DialState', 'DestChannel', 'PJSIP/200-'));
  await alice.cancel();
  await bob.waitFor('canceled');
};

export const busy: CallScenario = async ({ asterisk }) => {
  const bob = await Phone.receive(asterisk, '200');
  const alice = await Phone.dial(asterisk, '100', '200');
  await bob.waitFor('incoming');
  await bob.busy();
  await alice.waitFor('rejected');
};

export const ringGroup: CallScenario = async ({ asterisk, ami }) => {
  const bob = await Phone.receive(asterisk, '200');
  const eve = await Phone.receive(asterisk, '201');
  const alice = await Phone.dial(asterisk, '100', '300');
  await bob.waitFor('incoming');
  await eve.waitFor('incoming');
  await bob.ring();
  await eve.ring();
  await eve.answer();
  await alice.waitFor('answered');
  await bob.waitFor('canceled');
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/100-'));
  await alice.hangup();
  await eve.waitFor('remote-hangup');
};

const EXTERNAL_CALLER = ['P-Asserted-Identity: "John External" <sip:+15557654321@127.0.0.1>'];

export const inboundDid: CallScenario = async ({ asterisk, ami }) => {
  const bob = await Phone.receive(asterisk, '200');
  const carrier = await Phone.dial(asterisk, 'trunk', '5551234', { extraHeaders: EXTERNAL_CALLER });
  await bob.waitFor('incoming');
  await bob.ring();
  await bob.answer();
  await carrier.waitFor('answered');
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/trunk-'));
  await carrier.hangup();
  await bob.waitFor('remote-hangup');
};

export const inboundDidRingGroup: CallScenario = async ({ asterisk, ami }) => {
  const bob = await Phone.receive(asterisk, '200');
  const eve = await Phone.receive(asterisk, '201');
  const carrier = await Phone.dial(asterisk, 'trunk', '5551235', { extraHeaders: EXTERNAL_CALLER });
  await bob.waitFor('incoming');
  await eve.waitFor('incoming');
  await bob.ring();
  await eve.ring();
  await bob.answer();
  await carrier.waitFor('answered');
  await eve.waitFor('canceled');
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/trunk-'));
  await bob.hangup();
  await carrier.waitFor('remote-hangup');
};

export const outboundTrunk: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', 'trunk', '95550100');
  await callee.hangup();
  await caller.waitFor('remote-hangup');
};

export const holdUnhold: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200');
  await callee.hold();
  await context.ami.waitFor(eventIs('Hold', 'Channel', 'PJSIP/200-'));
  await callee.unhold();
  await context.ami.waitFor(eventIs('Unhold', 'Channel', 'PJSIP/200-'));
  await caller.hangup();
  await callee.waitFor('remote-hangup');
};

export const holdByCaller: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200');
  await caller.hold();
  await context.ami.waitFor(eventIs('Hold', 'Channel', 'PJSIP/100-'));
  await caller.unhold();
  await context.ami.waitFor(eventIs('Unhold', 'Channel', 'PJSIP/100-'));
  await callee.hangup();
  await caller.waitFor('remote-hangup');
};

export const mixMonitor: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200');
  const bobChannel = await channelOf(context.ami, 'PJSIP/200-');
  await amiAction(context, { Action: 'MixMonitor', Channel: bobChannel, File: 'fixture-recording.wav' });
  await context.ami.waitFor(eventIs('MixMonitorStart', 'Channel', 'PJSIP/200-'));
  await amiAction(context, { Action: 'StopMixMonitor', Channel: bobChannel });
  await context.ami.waitFor(eventIs('MixMonitorStop', 'Channel', 'PJSIP/200-'));
  await caller.hangup();
  await callee.waitFor('remote-hangup');
};

export const mixMonitorDialplan: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200', '400');
  await caller.hangup();
  await callee.waitFor('remote-hangup');
};

/** Dial(PJSIP/200,5) unanswered: DialEnd NOANSWER after 5 s. */
export const noAnswer: CallScenario = async ({ asterisk }) => {
  const bob = await Phone.receive(asterisk, '200');
  const alice = await Phone.dial(asterisk, '100', '301');
  await bob.waitFor('incoming');
  await bob.ring();
  await bob.waitFor('canceled', 15_000);
  await alice.waitFor('rejected');
};

/** Dial(PJSIP/399) where no endpoint 399 exists: no DialBegin, cause 3. */
export const dialUnknownEndpoint: CallScenario = async ({ asterisk }) => {
  const alice = await Phone.dial(asterisk, '100', '399');
  await alice.waitFor('rejected');
};
