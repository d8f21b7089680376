import { describe, expect, it } from 'vitest';
import { eventIs, field } from './support/ami-session.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

describe('a basic call between two phones on a real Asterisk 22', () => {
  const bed = useTestBed(null);

  it('given Bob (200) waits for a call, when Alice (100) calls 200, Bob answers and Alice hangs up, then AMI reports Newchannel, DialBegin, BridgeEnter and Hangup for both channels', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const alice = await Phone.dial(bed.asterisk, '100', '200');

    await bob.waitFor('incoming');
    await bob.ring();
    await bob.answer();
    await alice.waitFor('answered');
    await bed.ami.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/100-'));
    await alice.hangup();
    await bob.waitFor('remote-hangup');
    await bed.ami.waitFor(eventIs('Hangup', 'Channel', 'PJSIP/100-'));
    await bed.ami.waitFor(eventIs('Hangup', 'Channel', 'PJSIP/200-'));

    const callerNew = await bed.ami.waitFor(eventIs('Newchannel', 'Channel', 'PJSIP/100-'));
    const calleeNew = await bed.ami.waitFor(eventIs('Newchannel', 'Channel', 'PJSIP/200-'));
    const caller = field(callerNew, 'Channel');
    const callee = field(calleeNew, 'Channel');
    expect(field(callerNew, 'Exten')).toBe('200');
    expect(field(callerNew, 'CallerIDName')).toBe('Alice');

    const dial = await bed.ami.waitFor(eventIs('DialBegin', 'Channel', 'PJSIP/100-'));
    expect(field(dial, 'DestChannel')).toBe(callee);
    expect(field(dial, 'DialString')).toBe('200');

    const enters = bed.ami.events.filter((e) => e.Event === 'BridgeEnter');
    expect(enters.map((e) => field(e, 'Channel')).sort()).toEqual([caller, callee].sort());
    expect(new Set(enters.map((e) => field(e, 'BridgeUniqueid'))).size).toBe(1);

    const hangups = bed.ami.events.filter((e) => e.Event === 'Hangup').map((e) => field(e, 'Channel'));
    expect(hangups.sort()).toEqual([caller, callee].sort());

    const order = bed.ami.events
      .filter((e) => ['Newchannel', 'DialBegin', 'BridgeEnter', 'Hangup'].includes(e.Event) && field(e, 'Channel') === caller)
      .map((e) => e.Event);
    expect(order).toEqual(['Newchannel', 'DialBegin', 'BridgeEnter', 'Hangup']);

    expect(await alice.waitForExit()).toBe(0);
    expect(await bob.waitForExit()).toBe(0);
  });
});
