import { describe, expect, it } from 'vitest';
import { segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, GraphHistory, restDialingFrom, restDialingTo, restIds, restLinked, restSegment, unrelated } from './support/graph-probe.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

/** Spec 4.4: the ring group and inbound DID rows. */
describe('segment graph: ring group and inbound DID, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES }, { ami: false });

  it('given 100 dialling ring group 300 (200 & 201), then 100 → 200 and 100 → 201; when 201 answers, then 100 ↔ 201, 200 has no relation until it is gone', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const eve = await Phone.receive(bed.asterisk, '201');
    const alice = await Phone.dial(bed.asterisk, '100', '300');
    await bob.waitFor('incoming');
    await eve.waitFor('incoming');
    await bob.ring();
    await eve.ring();

    const { a, b, e } = await bed.gut.until((s) => {
      const x = segmentOf(s, '100');
      const y = segmentOf(s, '200');
      const z = segmentOf(s, '201');
      return x && y && z && x.dialingTo.includes(y.id) && x.dialingTo.includes(z.id) ? { a: x.id, b: y.id, e: z.id } : undefined;
    });
    expect(await restDialingTo(bed.gut, a)).toEqual([b, e].sort());
    expect(await restDialingFrom(bed.gut, b)).toBe(a);
    expect(await restDialingFrom(bed.gut, e)).toBe(a);
    expect(await restSegment(bed.gut, a)).toMatchObject({ did: '300', incoming: false });
    expect(await restSegment(bed.gut, b)).toMatchObject({ did: null, incoming: true });
    expect(await restSegment(bed.gut, e)).toMatchObject({ did: null, incoming: true });

    const history = new GraphHistory(bed.gut);
    await eve.answer();
    await alice.waitFor('answered');
    await bob.waitFor('canceled');
    await bed.gut.until((s) => s.segments.get(a)?.linkedTo === e && s.segments.get(e)?.linkedTo === a && !s.segments.has(b));
    history.stop();

    // 200's dial ended (DialEnd CANCEL) before it hung up (cause 26): meanwhile it had no relation,
    // and it was never linked to anyone.
    expect(history.some((s) => s.segments.get(b) !== undefined && unrelated(s.segments.get(b)!))).toBe(true);
    expect(history.recordsOf(b).every((r) => r.linkedTo === null)).toBe(true);
    expect(history.every((s) => ![...s.segments.values()].some((r) => r.linkedTo === b))).toBe(true);
    expect(await restLinked(bed.gut, a)).toBe(e);
    expect(await restLinked(bed.gut, e)).toBe(a);
    expect(await restDialingTo(bed.gut, a)).toEqual([]);
    expect((await bed.gut.get(`${CS}/callSegments/${b}`)).status).toBe(404);

    await alice.hangup();
    await eve.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([]);
    await Promise.all([alice.waitForExit(), bob.waitForExit(), eve.waitForExit()]);
  });

  it('given the trunk bringing in DID 5551234 with a P-Asserted-Identity, then the trunk segment is EXTERNAL with that DID and caller id and dials 200 (incoming, no DID); after the answer they are linked', async () => {
    const history = new GraphHistory(bed.gut);
    const bob = await Phone.receive(bed.asterisk, '200');
    const carrier = await Phone.dial(bed.asterisk, 'trunk', '5551234', {
      extraHeaders: ['P-Asserted-Identity: "John External" <sip:+15557654321@127.0.0.1>'],
    });
    await bob.waitFor('incoming');
    await bob.ring();

    const { t, b } = await bed.gut.until((s) => {
      const trunk = segmentOf(s, 'trunk');
      const callee = segmentOf(s, '200');
      return trunk && callee && trunk.dialingTo.includes(callee.id) ? { t: trunk.id, b: callee.id } : undefined;
    });
    expect(await restSegment(bed.gut, t)).toEqual({
      id: t,
      type: 'EXTERNAL',
      callerId: { id: expect.any(String), name: 'John External', number: '+15557654321' },
      did: '5551234',
      onHold: false,
      recording: false,
      incoming: false,
    });
    expect(await restSegment(bed.gut, b)).toMatchObject({
      type: 'INTERNAL',
      callerId: { name: 'Bob', number: '200' },
      did: null,
      incoming: true,
    });
    expect(await restDialingTo(bed.gut, t)).toEqual([b]);
    expect(await restDialingFrom(bed.gut, b)).toBe(t);
    expect(await restIds(bed.gut, `${CS}/extensions/getByName/200/callSegments`)).toEqual([b]);

    await bob.answer();
    await carrier.waitFor('answered');
    await bed.gut.until((s) => s.segments.get(t)?.linkedTo === b && s.segments.get(b)?.linkedTo === t);
    expect(await restLinked(bed.gut, b)).toBe(t);
    // The DID stays the trunk's for the channel's whole life.
    expect(await restSegment(bed.gut, t)).toMatchObject({ did: '5551234', incoming: false });

    await carrier.hangup();
    await bob.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    history.stop();
    // 200's channel borrows the DID as its Exten while ringing: it never became 200's did, and the
    // trunk's never changed; 200 was incoming from the moment it was dialled.
    expect(history.recordsOf(b).every((r) => r.did === null)).toBe(true);
    expect(history.recordsOf(t).every((r) => r.did === '5551234' && !r.incoming)).toBe(true);
    expect(history.recordsOf(b).every((r) => r.dialingFrom.length === 0 || r.incoming)).toBe(true);
    await Promise.all([carrier.waitForExit(), bob.waitForExit()]);
  });
});
