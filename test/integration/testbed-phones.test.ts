import { filter, firstValueFrom, skip } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { eventIs, field } from './support/ami-session.js';
import { Phone } from './support/phone.js';
import { connectCall } from './support/scenario-context.js';
import { useTestBed } from './support/test-bed.js';

describe('the Asterisk test bed: phones and container', () => {
  const bed = useTestBed(null);

  it('given a call 100 → 200, when Bob holds and unholds by re-INVITE, then AMI reports Hold/Unhold on 200 and music on hold on 100', async () => {
    bed.ami.clear();
    const { caller, callee } = await connectCall({ asterisk: bed.asterisk, ami: bed.ami }, '100', '200');
    await callee.hold();
    const hold = await bed.ami.waitFor(eventIs('Hold', 'Channel', 'PJSIP/200-'));
    const moh = await bed.ami.waitFor(eventIs('MusicOnHoldStart', 'Channel', 'PJSIP/100-'));
    await callee.unhold();
    await bed.ami.waitFor(eventIs('Unhold', 'Channel', 'PJSIP/200-'));
    await bed.ami.waitFor(eventIs('MusicOnHoldStop', 'Channel', 'PJSIP/100-'));
    await caller.hangup();
    await callee.waitFor('remote-hangup');
    expect(field(hold, 'MusicClass')).toBe('default');
    expect(field(moh, 'Class')).toBe('default');
  });

  it('given Bob rejects with 486, when Alice calls 200, then the dial ends BUSY and both channels hang up with cause 17', async () => {
    bed.ami.clear();
    const bob = await Phone.receive(bed.asterisk, '200');
    const alice = await Phone.dial(bed.asterisk, '100', '200');
    await bob.waitFor('incoming');
    await bob.busy();
    await alice.waitFor('rejected');
    const dialEnd = await bed.ami.waitFor(eventIs('DialEnd', 'Channel', 'PJSIP/100-'));
    const callerHangup = await bed.ami.waitFor(eventIs('Hangup', 'Channel', 'PJSIP/100-'));
    const calleeHangup = await bed.ami.waitFor(eventIs('Hangup', 'Channel', 'PJSIP/200-'));
    expect(field(dialEnd, 'DialStatus')).toBe('BUSY');
    expect([field(callerHangup, 'Cause'), field(calleeHangup, 'Cause')]).toEqual(['17', '17']);
  });

  it('given a connected AMI client, when Asterisk is restarted, then the client logs in again and the CLI answers', async () => {
    const reconnected = firstValueFrom(
      bed.ami.client.connection$.pipe(
        skip(1),
        filter((state) => state.state === 'connected'),
      ),
    );
    await bed.asterisk.restart();
    await reconnected;
    expect(await bed.asterisk.cli('core show uptime')).toMatch(/System uptime/);
  });
});
