/** Recorded scenarios: conference, queue, Local channels, AMI transfers. */
import { eventIs, field } from './ami-session.js';
import { Phone } from './phone.js';
import { amiAction, channelOf, connectCall } from './scenario-context.js';
import type { CallScenario } from './scenario-context.js';

const WITH_MEDIA = { media: true } as const;

export const confBridge: CallScenario = async (context) => {
  const { asterisk, ami } = context;
  const alice = await Phone.dial(asterisk, '100', '800');
  await alice.waitFor('answered');
  await ami.waitFor(eventIs('ConfbridgeJoin', 'Channel', 'PJSIP/100-'));
  const carol = await Phone.dial(asterisk, '101', '800');
  await carol.waitFor('answered');
  await ami.waitFor(eventIs('ConfbridgeJoin', 'Channel', 'PJSIP/101-'));
  const bob = await Phone.dial(asterisk, '200', '810');
  await bob.waitFor('answered');
  await ami.waitFor(eventIs('ConfbridgeJoin', 'Channel', 'PJSIP/200-'));

  const carolChannel = await channelOf(ami, 'PJSIP/101-');
  await amiAction(context, { Action: 'ConfbridgeMute', Conference: '800', Channel: carolChannel });
  await ami.waitFor(eventIs('ConfbridgeMute', 'Channel', 'PJSIP/101-'));
  await amiAction(context, { Action: 'ConfbridgeUnmute', Conference: '800', Channel: carolChannel });
  await ami.waitFor(eventIs('ConfbridgeUnmute', 'Channel', 'PJSIP/101-'));

  const bobChannel = await channelOf(ami, 'PJSIP/200-');
  await amiAction(context, { Action: 'ConfbridgeKick', Conference: '800', Channel: bobChannel });
  await bob.waitFor('remote-hangup');
  await carol.hangup();
  await alice.hangup();
  await ami.waitFor(eventIs('ConfbridgeEnd'));
};

export const queueWithLocalMember: CallScenario = async ({ asterisk, ami }) => {
  const bob = await Phone.receive(asterisk, '200', WITH_MEDIA);
  const alice = await Phone.dial(asterisk, '100', '600', WITH_MEDIA);
  await alice.waitFor('answered');
  await bob.waitFor('incoming');
  await bob.ring();
  await bob.answer();
  await ami.waitFor(eventIs('AgentConnect'));
  await ami.waitFor(eventIs('LocalOptimizationEnd'));
  await alice.hangup();
  await bob.waitFor('remote-hangup');
};

export const localChannel: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200', '7200', WITH_MEDIA);
  await context.ami.waitFor(eventIs('LocalOptimizationEnd'));
  await context.ami.waitFor(eventIs('Hangup', 'Channel', 'Local/'));
  await caller.hangup();
  await callee.waitFor('remote-hangup');
};

export const localChannelNoOptimization: CallScenario = async (context) => {
  const { caller, callee } = await connectCall(context, '100', '200', '6200', WITH_MEDIA);
  await caller.hangup();
  await callee.waitFor('remote-hangup');
};

/** Redirect of the callee (200) to 201: the caller's Dial ends, 200 becomes the caller of 201. */
export const amiRedirect: CallScenario = async (context) => {
  const { ami, asterisk } = context;
  const { caller, callee } = await connectCall(context, '100', '200');
  const eve = await Phone.receive(asterisk, '201');
  const bobChannel = await channelOf(ami, 'PJSIP/200-');
  await amiAction(context, { Action: 'Redirect', Channel: bobChannel, Exten: '201', Context: 'internal', Priority: '1' });
  await caller.waitFor('remote-hangup');
  await eve.waitFor('incoming');
  await eve.ring();
  await eve.answer();
  await ami.waitFor((e) => e.Event === 'BridgeEnter' && field(e, 'Channel') === bobChannel);
  await callee.hangup();
  await eve.waitFor('remote-hangup');
};

/** BlindTransfer by the callee (200, the transferer): the caller 100 goes on to dial 201. */
export const amiBlindTransfer: CallScenario = async (context) => {
  const { ami, asterisk } = context;
  const { caller, callee } = await connectCall(context, '100', '200');
  const eve = await Phone.receive(asterisk, '201');
  const bobChannel = await channelOf(ami, 'PJSIP/200-');
  await amiAction(context, { Action: 'BlindTransfer', Channel: bobChannel, Exten: '201', Context: 'internal' });
  await callee.waitFor('remote-hangup');
  await eve.waitFor('incoming');
  await eve.ring();
  await eve.answer();
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/201-'));
  await caller.hangup();
  await eve.waitFor('remote-hangup');
};

/** Attended transfer by AMI Atxfer from the callee (200) to 201, completed when 200 hangs up. */
export const amiAtxfer: CallScenario = async (context) => {
  const { ami, asterisk } = context;
  const { caller, callee } = await connectCall(context, '100', '200', '200', WITH_MEDIA);
  const eve = await Phone.receive(asterisk, '201', WITH_MEDIA);
  const bobChannel = await channelOf(ami, 'PJSIP/200-');
  await amiAction(context, { Action: 'Atxfer', Channel: bobChannel, Exten: '201', Context: 'internal' });
  await eve.waitFor('incoming');
  await eve.ring();
  await eve.answer();
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/201-'));
  await callee.hangup();
  await ami.waitFor(eventIs('AttendedTransfer'));
  // With media flowing, the Local pair left between 100 and 201 optimises itself away.
  await ami.waitFor(eventIs('LocalOptimizationEnd'));
  await caller.hangup();
  await eve.waitFor('remote-hangup');
};

/** Phone-initiated blind transfer: 200 (talking to 100) sends REFER to 201. */
export const referBlindTransfer: CallScenario = async (context) => {
  const { asterisk } = context;
  const { caller, callee } = await connectCall(context, '100', '200');
  const eve = await Phone.receive(asterisk, '201');
  await callee.transfer('201');
  await eve.waitFor('incoming');
  await eve.ring();
  await eve.answer();
  await context.ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/201-'));
  await callee.hangup();
  await caller.hangup();
  await eve.waitFor('remote-hangup');
};

/**
 * AMI Atxfer where only the transferer (200) sends media (Asterisk reads the queued transfer
 * digits only while its channel gets frames): the Local pair between 100 and 201 is not optimised.
 */
export const amiAtxferNoMedia: CallScenario = async (context) => {
  const { ami, asterisk } = context;
  const bob = await Phone.receive(asterisk, '200', WITH_MEDIA);
  const alice = await Phone.dial(asterisk, '100', '200');
  await bob.waitFor('incoming');
  await bob.ring();
  await bob.answer();
  await alice.waitFor('answered');
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/100-'));
  const eve = await Phone.receive(asterisk, '201');
  const bobChannel = await channelOf(ami, 'PJSIP/200-');
  await amiAction(context, { Action: 'Atxfer', Channel: bobChannel, Exten: '201', Context: 'internal' });
  await eve.waitFor('incoming');
  await eve.ring();
  await eve.answer();
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/201-'));
  await bob.hangup();
  await ami.waitFor(eventIs('AttendedTransfer'));
  await alice.hangup();
  await eve.waitFor('remote-hangup');
};

/** Click-to-call: AMI Originate rings 100 first, then 100 dials 200. */
export const originate: CallScenario = async (context) => {
  const { ami, asterisk } = context;
  const alice = await Phone.receive(asterisk, '100');
  const bob = await Phone.receive(asterisk, '200');
  await amiAction(context, {
    Action: 'Originate',
    Channel: 'PJSIP/100',
    Exten: '200',
    Context: 'internal',
    Priority: '1',
    CallerID: '"Click to call" <200>',
    Async: 'true',
  });
  await alice.waitFor('incoming');
  await alice.ring();
  await alice.answer();
  await bob.waitFor('incoming');
  await bob.ring();
  await bob.answer();
  await ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/200-'));
  await alice.hangup();
  await bob.waitFor('remote-hangup');
};
