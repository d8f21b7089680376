import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphSnapshot } from '../../src/segments/index.js';
import { AmiProxy } from './support/ami-proxy.js';
import { AmiSession, eventIs, field } from './support/ami-session.js';
import { AsteriskContainer } from './support/asterisk-container.js';
import type { StartedAsteriskContainer } from './support/asterisk-container.js';
import { GatewayUnderTest, segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, restDialingTo, restIds, restLinked } from './support/graph-probe.js';
import { Phone } from './support/phone.js';

/** A resync (spec 2: ids stable across AMI reconnects) with a conference, a Local pair and a queue live. */
describe('segment graph: AMI socket cut while a conference, a Local/n call and a queue caller are live, on a real Asterisk 22', () => {
  let asterisk: StartedAsteriskContainer;
  let proxy: AmiProxy;
  let gut: GatewayUnderTest;
  let truth: AmiSession;

  beforeAll(async () => {
    asterisk = await new AsteriskContainer(inject('asteriskImage')).start();
    proxy = await AmiProxy.start(asterisk.getAmiHost(), asterisk.getAmiPort());
    gut = await GatewayUnderTest.start(asterisk, {
      licensed: ALL_PHONES,
      amiHost: proxy.host,
      amiPort: proxy.port,
      conferences: ['801'],
      queues: ['support'],
    });
    truth = await AmiSession.connect(asterisk);
  });

  afterAll(async () => {
    await truth?.stop();
    await gut?.close();
    await proxy?.close();
    await asterisk?.stop();
  });

  it('given 100 and 101 in room 801, 102 ↔ 202 through Local/202@internal/n and 103 queued in support while 200 rings, when the AMI socket is cut and comes back, then every segment, room member, link, queue entry and dial is as before, under the same ids', async () => {
    const alice = await Phone.dial(asterisk, '100', '801');
    await alice.waitFor('answered');
    const carol = await Phone.dial(asterisk, '101', '801');
    await carol.waitFor('answered');

    const frank = await Phone.receive(asterisk, '202');
    const dave = await Phone.dial(asterisk, '102', '6202');
    await frank.waitFor('incoming');
    await frank.ring();
    await frank.answer();
    await dave.waitFor('answered');

    const bob = await Phone.receive(asterisk, '200');
    const grace = await Phone.dial(asterisk, '103', '600');
    await grace.waitFor('answered');
    await bob.waitFor('incoming');
    await bob.ring();
    await truth.waitFor(eventIs('DialState', 'DestChannel', 'PJSIP/200-'));

    const ids = (s: GraphSnapshot) => {
      const [a, c, d, f, g, b] = ['100', '101', '102', '202', '103', '200'].map((ext) => segmentOf(s, ext)?.id);
      if (!a || !c || !d || !f || !g || !b) return undefined;
      const room = s.conferences.get('801') ?? [];
      const queue = s.queues.get('support') ?? [];
      const ok =
        room.length === 2 && room.includes(a) && room.includes(c) &&
        s.segments.get(d)?.linkedTo === f && s.segments.get(f)?.linkedTo === d &&
        queue.length === 1 && queue[0] === g &&
        s.segments.get(g)?.dialingTo.includes(b) === true &&
        s.segments.get(a)?.linkedTo === null && s.segments.get(c)?.linkedTo === null;
      return ok ? { a, c, d, f, g, b } : undefined;
    };
    const before = await gut.until(ids);

    const wentDown = firstValueFrom(gut.runtime.link.ready$.pipe(filter((ready) => !ready)));
    proxy.cut();
    await wentDown;
    const after = await gut.until(ids, 40_000);
    expect(after).toEqual(before);

    const snapshot = gut.runtime.graph.snapshot();
    const list = await truth.client.listAction({ Action: 'CoreShowChannels' });
    const real = list.items.map((item) => field(item, 'Channel')).filter((name) => name.startsWith('PJSIP/')).sort();
    expect([...snapshot.segments.values()].map((r) => r.channel).sort()).toEqual(real);
    expect(await restIds(gut, `${CS}/conferences/getByName/801/callSegments`)).toEqual([after.a, after.c].sort());
    expect(await restLinked(gut, after.a)).toBeNull();
    expect(await restLinked(gut, after.d)).toBe(after.f);
    expect(await restIds(gut, `${CS}/queues/getByName/support/callSegments`)).toEqual([after.g]);
    expect(await restDialingTo(gut, after.g)).toEqual([after.b]);

    // Live again: the queue call is answered and followed as usual.
    await bob.answer();
    await gut.until((s) => s.segments.get(after.g)?.linkedTo === after.b && (s.queues.get('support') ?? []).length === 0);
    expect(await restLinked(gut, after.b)).toBe(after.g);

    await grace.hangup();
    await bob.waitFor('remote-hangup');
    await dave.hangup();
    await frank.waitFor('remote-hangup');
    await alice.hangup();
    await carol.hangup();
    await gut.until((s) => s.segments.size === 0);
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual([]);
    await Promise.all([alice, carol, dave, frank, grace, bob].map((phone) => phone.waitForExit()));
  });
});
