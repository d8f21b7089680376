/**
 * The AMI user the README tells a PBX admin to create (read = call,agent,reporting;
 * write = call,reporting) is enough for everything the gateway does: resync lists, live events,
 * transfers and conference actions; and without `dialplan` rights no VarSet reaches it.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AmiSession, field } from './support/ami-session.js';
import { AsteriskContainer } from './support/asterisk-container.js';
import type { StartedAsteriskContainer } from './support/asterisk-container.js';
import { linkedPair, talk } from './support/calls.js';
import { GatewayUnderTest, segmentOf } from './support/gateway-under-test.js';
import { Phone } from './support/phone.js';

const CS = 'coreServers/getByName/default';
const USER = 'call-segments';
const SECRET = 'least-privilege-secret';

describe('the gateway with the least-privilege AMI user of the README, on a real Asterisk 22', () => {
  let asterisk: StartedAsteriskContainer;
  let gut: GatewayUnderTest | undefined;
  let ami: AmiSession;

  beforeAll(async () => {
    asterisk = await new AsteriskContainer(inject('asteriskImage')).start();
    appendFileSync(
      join(asterisk.getConfigDir(), 'manager.conf'),
      `\n[${USER}]\nsecret = ${SECRET}\ndeny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1/255.255.255.255\nread = call,agent,reporting\nwrite = call,reporting\n`,
    );
    await asterisk.cli('manager reload');
    ami = await AmiSession.connect(asterisk);
  });

  afterAll(async () => {
    await gut?.close();
    await ami?.stop();
    await asterisk?.stop();
  });

  it('given a call and a conference member already up when it starts, then the resync finds them; a new call appears live; a blind transfer and a mute through the REST are carried out', async () => {
    const before = await talk(asterisk, '100', '200');
    const member = await Phone.dial(asterisk, '101', '800');
    await member.waitFor('answered');
    await ami.waitFor((e) => e.Event === 'ConfbridgeJoin' && field(e, 'Channel').startsWith('PJSIP/101-'));

    gut = await GatewayUnderTest.start(asterisk, {
      licensed: ['100', '101', '102', '200', '201', '202'],
      amiUsername: USER,
      amiSecret: SECRET,
    });
    const running = gut;
    const resynced = await running.until((s) => {
      const pair = linkedPair(s, '100', '200');
      const inRoom = segmentOf(s, '101');
      return pair && inRoom && s.conferences.get('800')?.includes(inRoom.id) ? { pair, inRoom } : undefined;
    });
    expect((await running.get(`${CS}/callSegments/${resynced.pair.a.id}/linkedCallSegment`)).body).toMatchObject({ id: resynced.pair.b.id });

    const varSets = { gateway: 0, fullReadUser: 0 };
    const counting = [
      running.runtime.ami.messages$.subscribe((m) => void (m['Event'] === 'VarSet' && varSets.gateway++)),
      ami.client.messages$.subscribe((m) => void (m['Event'] === 'VarSet' && varSets.fullReadUser++)),
    ];
    const live = await talk(asterisk, '102', '201');
    const pair = await running.until((s) => linkedPair(s, '102', '201'));
    const target = await Phone.receive(asterisk, '202');
    const transfer = await running.post(`${CS}/callSegments/${pair.a.id}/transfer`, { destinationNumber: '202', attended: false });
    expect(transfer.status).toBe(204);
    await target.waitFor('incoming');
    await target.answer();
    await running.until((s) => s.segments.get(pair.b.id)?.linkedTo === segmentOf(s, '202')?.id);
    await live.caller.waitFor('remote-hangup');

    for (const subscription of counting) subscription.unsubscribe();
    // Without `dialplan` in `read`, Asterisk sends the gateway no VarSet (half of all AMI traffic).
    expect(varSets.fullReadUser).toBeGreaterThan(0);
    expect(varSets.gateway).toBe(0);

    const mute = await running.post(`${CS}/conferences/getByName/800/callSegments/${resynced.inRoom.id}/mute`, {});
    expect(mute.status).toBe(204);
    await ami.waitFor((e) => e.Event === 'ConfbridgeMute' && field(e, 'Channel') === resynced.inRoom.channel);

    await before.caller.hangup();
    await member.hangup();
    await target.hangup();
    await running.until((s) => s.segments.size === 0);
  });
});
