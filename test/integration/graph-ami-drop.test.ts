import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AmiProxy } from './support/ami-proxy.js';
import { AmiSession, eventIs, field } from './support/ami-session.js';
import { AsteriskContainer } from './support/asterisk-container.js';
import type { StartedAsteriskContainer } from './support/asterisk-container.js';
import { GatewayUnderTest, segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, restDialingTo, restIds, restLinked, restSegment } from './support/graph-probe.js';
import { Phone } from './support/phone.js';

/** Spec 2 (ids stable across AMI reconnects) and 5 (503 while the AMI link is down). */
describe('segment graph: the AMI socket dropped mid-call, on a real Asterisk 22', () => {
  let asterisk: StartedAsteriskContainer;
  let proxy: AmiProxy;
  let gut: GatewayUnderTest;
  let truth: AmiSession;

  beforeAll(async () => {
    asterisk = await new AsteriskContainer(inject('asteriskImage')).start();
    proxy = await AmiProxy.start(asterisk.getAmiHost(), asterisk.getAmiPort());
    gut = await GatewayUnderTest.start(asterisk, { licensed: ALL_PHONES, amiHost: proxy.host, amiPort: proxy.port });
    // Asterisk's own view, straight to its AMI port (not through the proxy).
    truth = await AmiSession.connect(asterisk);
  });

  afterAll(async () => {
    await truth?.stop();
    await gut?.close();
    await proxy?.close();
    await asterisk?.stop();
  });

  /** Names of the real (PJSIP) channels Asterisk has now. */
  async function asteriskChannels(): Promise<string[]> {
    const list = await truth.client.listAction({ Action: 'CoreShowChannels' });
    return list.items.map((item) => field(item, 'Channel')).filter((name) => name.startsWith('PJSIP/')).sort();
  }

  it('given 100 ↔ 200 with 200 on hold, when the AMI socket is cut and a call 101 ↔ 201 is placed while it is down, then after the reconnect the graph holds the same two segments (same ids, linked, hold kept) and the new call', async () => {
    const bob = await Phone.receive(asterisk, '200');
    const alice = await Phone.dial(asterisk, '100', '200');
    await bob.waitFor('incoming');
    await bob.ring();
    await bob.answer();
    await alice.waitFor('answered');
    await bob.hold();
    const before = await gut.until((s) => {
      const a = segmentOf(s, '100');
      const b = segmentOf(s, '200');
      return a && b && a.linkedTo === b.id && b.onHold ? { a, b } : undefined;
    });
    expect(proxy.openConnections).toBe(1);

    const wentDown = firstValueFrom(gut.runtime.link.ready$.pipe(filter((ready) => !ready)));
    proxy.cut({ stayDown: true });
    await wentDown;
    const down = await gut.get(`${CS}/callSegments`);
    expect(down.status).toBe(503);

    // A call placed while the gateway sees nothing.
    const eve = await Phone.receive(asterisk, '201');
    const carol = await Phone.dial(asterisk, '101', '201');
    await eve.waitFor('incoming');
    await eve.ring();
    await eve.answer();
    await carol.waitFor('answered');
    await truth.waitFor(eventIs('BridgeEnter', 'Channel', 'PJSIP/101-'));
    expect(gut.runtime.link.ready).toBe(false);

    const connectionsBefore = proxy.acceptedConnections;
    proxy.restore();
    const after = await gut.until((s) => {
      const c = segmentOf(s, '101');
      const e = segmentOf(s, '201');
      return c && e && c.linkedTo === e.id ? { s, c, e } : undefined;
    }, 40_000);
    expect(proxy.acceptedConnections).toBe(connectionsBefore + 1);

    // The graph equals the truth: exactly Asterisk's real channels, the old ones under the same ids.
    const { s } = after;
    expect([...s.segments.values()].map((r) => r.channel).sort()).toEqual(await asteriskChannels());
    const a = s.segments.get(before.a.id);
    const b = s.segments.get(before.b.id);
    expect(a?.channel).toBe(before.a.channel);
    expect(b?.channel).toBe(before.b.channel);
    expect(a?.linkedTo).toBe(before.b.id);
    expect(b?.linkedTo).toBe(before.a.id);
    // Asterisk's lists (CoreShowChannels, BridgeInfo, Status) carry no hold state: resync cannot
    // know it and keeps what it knew before the drop. Here that is the truth (200 never unheld); an
    // Unhold sent while the link was down would have been missed until 200's next Hold/Unhold.
    expect(b?.onHold).toBe(true);
    expect(a?.onHold).toBe(false);

    const ids = [before.a.id, before.b.id, after.c.id, after.e.id].sort();
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual(ids);
    expect(await restLinked(gut, before.a.id)).toBe(before.b.id);
    expect(await restLinked(gut, after.c.id)).toBe(after.e.id);
    expect(await restSegment(gut, before.b.id)).toMatchObject({ onHold: true, incoming: true, did: null });
    // After a resync `did` comes from Status' DNID and `incoming` from Application AppDial.
    expect(await restSegment(gut, after.c.id)).toMatchObject({ did: '201', incoming: false, onHold: false });
    expect(await restSegment(gut, after.e.id)).toMatchObject({ did: null, incoming: true });
    expect(await restDialingTo(gut, after.c.id)).toEqual([]);

    // Live again: the next events are followed as usual.
    await bob.unhold();
    await gut.until((snapshot) => snapshot.segments.get(before.b.id)?.onHold === false);
    await alice.hangup();
    await bob.waitFor('remote-hangup');
    await carol.hangup();
    await eve.waitFor('remote-hangup');
    await gut.until((snapshot) => snapshot.segments.size === 0);
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual([]);
    await Promise.all([alice.waitForExit(), bob.waitForExit(), carol.waitForExit(), eve.waitForExit()]);
  });

  it('given 102 dialling 202 while it rings, when the AMI socket is cut and comes straight back, then the dial is still there under the same ids and ends in a link on answer', async () => {
    const frank = await Phone.receive(asterisk, '202');
    const dave = await Phone.dial(asterisk, '102', '202');
    await frank.waitFor('incoming');
    await frank.ring();
    const before = await gut.until((s) => {
      const d = segmentOf(s, '102');
      const f = segmentOf(s, '202');
      return d && f && d.dialingTo.includes(f.id) ? { d: d.id, f: f.id } : undefined;
    });

    const wentDown = firstValueFrom(gut.runtime.link.ready$.pipe(filter((ready) => !ready)));
    proxy.cut();
    await wentDown;
    // Who dials whom is not in Asterisk's lists either: a ringing dial is kept while the callee is not Up.
    await gut.until((s) => s.segments.get(before.d)?.dialingTo.includes(before.f) === true, 40_000);
    expect(await restDialingTo(gut, before.d)).toEqual([before.f]);
    expect(await restIds(gut, `${CS}/callSegments`)).toEqual([before.d, before.f].sort());

    await frank.answer();
    await dave.waitFor('answered');
    await gut.until((s) => s.segments.get(before.d)?.linkedTo === before.f);
    expect(await restLinked(gut, before.f)).toBe(before.d);
    await dave.hangup();
    await frank.waitFor('remote-hangup');
    await gut.until((s) => s.segments.size === 0);
    await Promise.all([dave.waitForExit(), frank.waitForExit()]);
  });
});
