import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AmiSession, eventIs, field } from './support/ami-session.js';
import { AsteriskContainer } from './support/asterisk-container.js';
import type { StartedAsteriskContainer } from './support/asterisk-container.js';
import { GatewayUnderTest, segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, GraphHistory, restDialingFrom, restDialingTo, restIds, restLinked } from './support/graph-probe.js';
import { Phone } from './support/phone.js';

/** Spec 4.4 ConfBridge row and 4.3 (queue member reached through a Local pair). */
describe('segment graph: ConfBridge room and queue with a Local member, on a real Asterisk 22', () => {
  let asterisk: StartedAsteriskContainer;
  let gut: GatewayUnderTest;
  let ami: AmiSession;

  beforeAll(async () => {
    asterisk = await new AsteriskContainer(inject('asteriskImage')).start();
    gut = await GatewayUnderTest.start(asterisk, { licensed: ALL_PHONES, conferences: ['800'], queues: ['support'] });
    ami = await AmiSession.connect(asterisk);
  });

  afterAll(async () => {
    await ami?.stop();
    await gut?.close();
    await asterisk?.stop();
  });

  it('given 100, 101 and 102 dialling room 800, then the room holds exactly their three segments, each linked to nobody, and the announcer is no segment; when they leave, then the room is empty', async () => {
    const history = new GraphHistory(gut);
    const phones = [];
    for (const from of ['100', '101', '102'] as const) {
      const phone = await Phone.dial(asterisk, from, '800');
      await phone.waitFor('answered');
      phones.push(phone);
    }
    const members = await gut.until((s) => {
      const ids = ['100', '101', '102'].map((ext) => segmentOf(s, ext)?.id);
      const room = s.conferences.get('800') ?? [];
      return ids.every((id) => id !== undefined && room.includes(id)) && room.length === 3 ? (ids as string[]) : undefined;
    });

    expect(await restIds(gut, `${CS}/conferences/getByName/800/callSegments`)).toEqual([...members].sort());
    for (const id of members) {
      expect(await restLinked(gut, id)).toBeNull();
      expect(await restDialingTo(gut, id)).toEqual([]);
      expect((await gut.get(`${CS}/conferences/getByName/800/callSegments/${id}`)).status).toBe(200);
    }
    // Asterisk counts a hidden announcer channel in the bridge; it is no segment.
    const bridges = await ami.client.listAction({ Action: 'BridgeList' });
    expect(bridges.items.some((item) => item.BridgeNumChannels === '4')).toBe(true);
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual([...members].sort());
    expect([...history.channels()].every((name) => name.startsWith('PJSIP/'))).toBe(true);

    for (const phone of phones) await phone.hangup();
    await gut.until((s) => s.segments.size === 0 && (s.conferences.get('800') ?? []).length === 0);
    history.stop();
    expect(await restIds(gut, `${CS}/conferences/getByName/800/callSegments`)).toEqual([]);
    expect(history.every((s) => [...s.segments.values()].every((r) => r.linkedTo === null))).toBe(true);
    await Promise.all(phones.map((phone) => phone.waitForExit()));
  });

  it('given 103 calling queue 600 whose member Local/200@internal rings 200, then 103 waits in queue support and dials 200 through the pair; when 200 answers, then 103 ↔ 200 and no Local half is ever a segment', async () => {
    const history = new GraphHistory(gut);
    const bob = await Phone.receive(asterisk, '200');
    const grace = await Phone.dial(asterisk, '103', '600');
    await grace.waitFor('answered'); // the dialplan answers before Queue()
    await bob.waitFor('incoming');
    await bob.ring();

    const { c, b } = await gut.until((s) => {
      const caller = segmentOf(s, '103');
      const member = segmentOf(s, '200');
      return caller && member && caller.dialingTo.includes(member.id) && (s.queues.get('support') ?? []).includes(caller.id)
        ? { c: caller.id, b: member.id }
        : undefined;
    });
    expect(await restIds(gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([c]);
    expect(await restDialingTo(gut, c)).toEqual([b]);
    expect(await restDialingFrom(gut, b)).toBe(c);
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual([c, b].sort());

    await bob.answer();
    await gut.until((s) => s.segments.get(c)?.linkedTo === b && s.segments.get(b)?.linkedTo === c);
    await gut.until((s) => (s.queues.get('support') ?? []).length === 0);
    expect(await restLinked(gut, c)).toBe(b);
    expect(await restLinked(gut, b)).toBe(c);
    expect(await restDialingTo(gut, c)).toEqual([]);
    expect(await restIds(gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([]);
    // Asterisk really bridged them through a Local pair.
    const channels = await ami.client.listAction({ Action: 'CoreShowChannels' });
    expect(channels.items.some((item) => field(item, 'Channel').startsWith('Local/200@internal'))).toBe(true);

    await grace.hangup();
    await bob.waitFor('remote-hangup');
    await gut.until((s) => s.segments.size === 0);
    history.stop();
    expect([...history.channels()].sort()).toEqual([
      expect.stringMatching(/^PJSIP\/103-/),
      expect.stringMatching(/^PJSIP\/200-/),
    ]);
    await Promise.all([grace.waitForExit(), bob.waitForExit()]);
  });
  it('given 104 queued in support with media and 200 answering, then 104 ↔ 200, and the same two ids stay linked after the queue\'s Local pair is optimised away', async () => {
    ami.clear();
    const media = { media: true } as const;
    const bob = await Phone.receive(asterisk, '200', media);
    const heidi = await Phone.dial(asterisk, '104', '600', media);
    await heidi.waitFor('answered');
    await bob.waitFor('incoming');
    await bob.ring();
    const { h, b } = await gut.until((s) => {
      const caller = segmentOf(s, '104');
      const member = segmentOf(s, '200');
      return caller && member && caller.dialingTo.includes(member.id) ? { h: caller.id, b: member.id } : undefined;
    });
    await bob.answer();
    await gut.until((s) => s.segments.get(h)?.linkedTo === b && s.segments.get(b)?.linkedTo === h);

    await ami.waitFor(eventIs('LocalOptimizationEnd'));
    await ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/200@internal')(e) && field(e, 'Channel').endsWith(';1'));
    await ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/200@internal')(e) && field(e, 'Channel').endsWith(';2'));
    await gut.until((s) => s.segments.get(h)?.linkedTo === b && s.segments.get(b)?.linkedTo === h);
    expect(await restLinked(gut, h)).toBe(b);
    expect(await restLinked(gut, b)).toBe(h);
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual([h, b].sort());
    expect(await restIds(gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([]);

    await heidi.hangup();
    await bob.waitFor('remote-hangup');
    await gut.until((s) => s.segments.size === 0);
    await Promise.all([heidi.waitForExit(), bob.waitForExit()]);
  });
});
