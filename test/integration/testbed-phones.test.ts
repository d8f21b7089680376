import { filter, firstValueFrom, skip } from 'rxjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AmiSession, eventIs, field } from './support/ami-session.js';
import { AsteriskContainer } from './support/asterisk-container.js';
import type { StartedAsteriskContainer } from './support/asterisk-container.js';
import { Phone } from './support/phone.js';
import { connectCall } from './support/scenario-context.js';

describe('the Asterisk test bed: phones and container', () => {
  let asterisk: StartedAsteriskContainer;
  let ami: AmiSession;

  beforeAll(async () => {
    asterisk = await new AsteriskContainer(inject('asteriskImage')).start();
    ami = await AmiSession.connect(asterisk);
  });

  afterAll(async () => {
    await ami?.stop();
    await asterisk?.stop();
  });

  it('given a call 100 → 200, when Bob holds and unholds by re-INVITE, then AMI reports Hold/Unhold on 200 and music on hold on 100', async () => {
    ami.clear();
    const { caller, callee } = await connectCall({ asterisk, ami }, '100', '200');
    await callee.hold();
    const hold = await ami.waitFor(eventIs('Hold', 'Channel', 'PJSIP/200-'));
    const moh = await ami.waitFor(eventIs('MusicOnHoldStart', 'Channel', 'PJSIP/100-'));
    await callee.unhold();
    await ami.waitFor(eventIs('Unhold', 'Channel', 'PJSIP/200-'));
    await ami.waitFor(eventIs('MusicOnHoldStop', 'Channel', 'PJSIP/100-'));
    await caller.hangup();
    await callee.waitFor('remote-hangup');
    expect(field(hold, 'MusicClass')).toBe('default');
    expect(field(moh, 'Class')).toBe('default');
  });

  it('given Bob rejects with 486, when Alice calls 200, then the dial ends BUSY and both channels hang up with cause 17', async () => {
    ami.clear();
    const bob = await Phone.receive(asterisk, '200');
    const alice = await Phone.dial(asterisk, '100', '200');
    await bob.waitFor('incoming');
    await bob.busy();
    await alice.waitFor('rejected');
    const dialEnd = await ami.waitFor(eventIs('DialEnd', 'Channel', 'PJSIP/100-'));
    const callerHangup = await ami.waitFor(eventIs('Hangup', 'Channel', 'PJSIP/100-'));
    const calleeHangup = await ami.waitFor(eventIs('Hangup', 'Channel', 'PJSIP/200-'));
    expect(field(dialEnd, 'DialStatus')).toBe('BUSY');
    expect([field(callerHangup, 'Cause'), field(calleeHangup, 'Cause')]).toEqual(['17', '17']);
  });

  it('given a connected AMI client, when Asterisk is restarted, then the client logs in again and the CLI answers', async () => {
    const reconnected = firstValueFrom(
      ami.client.connection$.pipe(
        skip(1),
        filter((state) => state.state === 'connected'),
      ),
    );
    await asterisk.restart();
    await reconnected;
    expect(await asterisk.cli('core show uptime')).toMatch(/System uptime/);
  });
});
