import { describe, expect, it } from 'vitest';
import { eventIs, field } from './support/ami-session.js';
import { segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, GraphHistory, restDialingFrom, restDialingTo, restIds, restLinked } from './support/graph-probe.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

/** Spec 4.4 ConfBridge row and 4.3 (queue member reached through a Local pair). */
describe('segment graph: ConfBridge room and queue with a Local member, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES, conferences: ['800'], queues: ['support'] });

  it('given 100, 101 and 102 dialling room 800, then the room holds exactly their three segments, each linked to nobody, and the announcer is no segment; when they leave, then the room is empty', async () => {
    const history = new GraphHistory(bed.gut);
    const phones = [];
    for (const from of ['100', '101', '102'] as const) {
      const phone = await Phone.dial(bed.asterisk, from, '800');
      await phone.waitFor('answered');
      phones.push(phone);
    }
    const members = await bed.gut.until((s) => {
      const ids = ['100', '101', '102'].map((ext) => segmentOf(s, ext)?.id);
      const room = s.conferences.get('800') ?? [];
      return ids.every((id) => id !== undefined && room.includes(id)) && room.length === 3 ? (ids as string[]) : undefined;
    });

    expect(await restIds(bed.gut, `${CS}/conferences/getByName/800/callSegments`)).toEqual([...members].sort());
    for (const id of members) {
      expect(await restLinked(bed.gut, id)).toBeNull();
      expect(await restDialingTo(bed.gut, id)).toEqual([]);
      expect((await bed.gut.get(`${CS}/conferences/getByName/800/callSegments/${id}`)).status).toBe(200);
    }
    // Asterisk counts a hidden announcer channel in the bridge; it is no segment.
    const bridges = await bed.ami.client.listAction({ Action: 'BridgeList' });
    expect(bridges.items.some((item) => item.BridgeNumChannels === '4')).toBe(true);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([...members].sort());
    expect([...history.channels()].every((name) => name.startsWith('PJSIP/'))).toBe(true);

    for (const phone of phones) await phone.hangup();
    await bed.gut.until((s) => s.segments.size === 0 && (s.conferences.get('800') ?? []).length === 0);
    history.stop();
    expect(await restIds(bed.gut, `${CS}/conferences/getByName/800/callSegments`)).toEqual([]);
    expect(history.every((s) => [...s.segments.values()].every((r) => r.linkedTo === null))).toBe(true);
    await Promise.all(phones.map((phone) => phone.waitForExit()));
  });

  it('given 103 calling queue 600 whose member Local/200@internal rings 200, then 103 waits in queue support and dials 200 through the pair; when 200 answers, then 103 ↔ 200 and no Local half is ever a segment', async () => {
    const history = new GraphHistory(bed.gut);
    const bob = await Phone.receive(bed.asterisk, '200');
    const grace = await Phone.dial(bed.asterisk, '103', '600');
    await grace.waitFor('answered'); // the dialplan answers before Queue()
    await bob.waitFor('incoming');
    await bob.ring();

    const { c, b } = await bed.gut.until((s) => {
      const caller = segmentOf(s, '103');
      const member = segmentOf(s, '200');
      return caller && member && caller.dialingTo.includes(member.id) && (s.queues.get('support') ?? []).includes(caller.id)
        ? { c: caller.id, b: member.id }
        : undefined;
    });
    expect(await restIds(bed.gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([c]);
    expect(await restDialingTo(bed.gut, c)).toEqual([b]);
    expect(await restDialingFrom(bed.gut, b)).toBe(c);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([c, b].sort());

    await bob.answer();
    await bed.gut.until((s) => s.segments.get(c)?.linkedTo === b && s.segments.get(b)?.linkedTo === c);
    await bed.gut.until((s) => (s.queues.get('support') ?? []).length === 0);
    expect(await restLinked(bed.gut, c)).toBe(b);
    expect(await restLinked(bed.gut, b)).toBe(c);
    expect(await restDialingTo(bed.gut, c)).toEqual([]);
    expect(await restIds(bed.gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([]);
    // Asterisk really bridged them through a Local pair.
    const channels = await bed.ami.client.listAction({ Action: 'CoreShowChannels' });
    expect(channels.items.some((item) => field(item, 'Channel').startsWith('Local/200@internal'))).toBe(true);

    await grace.hangup();
    await bob.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    history.stop();
    expect([...history.channels()].sort()).toEqual([
      expect.stringMatching(/^PJSIP\/103-/),
      expect.stringMatching(/^PJSIP\/200-/),
    ]);
    await Promise.all([grace.waitForExit(), bob.waitForExit()]);
  });
  it('given 104 queued in support with media and 200 answering, then 104 ↔ 200, and the same two ids stay linked after the queue\'s Local pair is optimised away', async () => {
    bed.ami.clear();
    const media = { media: true } as const;
    const bob = await Phone.receive(bed.asterisk, '200', media);
    const heidi = await Phone.dial(bed.asterisk, '104', '600', media);
    await heidi.waitFor('answered');
    await bob.waitFor('incoming');
    await bob.ring();
    const { h, b } = await bed.gut.until((s) => {
      const caller = segmentOf(s, '104');
      const member = segmentOf(s, '200');
      return caller && member && caller.dialingTo.includes(member.id) ? { h: caller.id, b: member.id } : undefined;
    });
    await bob.answer();
    await bed.gut.until((s) => s.segments.get(h)?.linkedTo === b && s.segments.get(b)?.linkedTo === h);

    await bed.ami.waitFor(eventIs('LocalOptimizationEnd'));
    await bed.ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/200@internal')(e) && field(e, 'Channel').endsWith(';1'));
    await bed.ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/200@internal')(e) && field(e, 'Channel').endsWith(';2'));
    await bed.gut.until((s) => s.segments.get(h)?.linkedTo === b && s.segments.get(b)?.linkedTo === h);
    expect(await restLinked(bed.gut, h)).toBe(b);
    expect(await restLinked(bed.gut, b)).toBe(h);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([h, b].sort());
    expect(await restIds(bed.gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([]);

    await heidi.hangup();
    await bob.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    await Promise.all([heidi.waitForExit(), bob.waitForExit()]);
  });
});
