import { describe, expect, it } from 'vitest';
import type { GraphSnapshot } from '../../src/segments/index.js';
import { segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, GraphHistory, restDialingFrom, restDialingTo, restIds, restLinked, unrelated } from './support/graph-probe.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

/** Calls that never get answered (spec 4.1: "a dial that ended without an answer leaves no relation behind"). */
describe('segment graph: calls that are never answered, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES }, { ami: false });

  /** Waits until `caller` dials `callee` and checks it through REST; returns both ids. */
  async function ringing(caller: string, callee: string): Promise<{ a: string; b: string }> {
    const { a, b } = await bed.gut.until((s) => {
      const from = segmentOf(s, caller);
      const to = segmentOf(s, callee);
      return from && to && from.dialingTo.includes(to.id) ? { a: from.id, b: to.id } : undefined;
    });
    expect(await restDialingTo(bed.gut, a)).toEqual([b]);
    expect(await restDialingFrom(bed.gut, b)).toBe(a);
    expect(await restLinked(bed.gut, a)).toBeNull();
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, b].sort());
    return { a, b };
  }

  /** Both segments there, neither in any relation. */
  const bothUnrelated = (a: string, b: string) => (s: GraphSnapshot) => {
    const x = s.segments.get(a);
    const y = s.segments.get(b);
    return x !== undefined && y !== undefined && unrelated(x) && unrelated(y);
  };

  it('given 100 dialling 200 while it rings, when 100 cancels, then the dial ends with no relation left and both segments are gone', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const alice = await Phone.dial(bed.asterisk, '100', '200');
    await bob.waitFor('incoming');
    await bob.ring();
    const { a, b } = await ringing('100', '200');
    const history = new GraphHistory(bed.gut);

    await alice.cancel();
    await bob.waitFor('canceled');
    await bed.gut.until((s) => !s.segments.has(a) && !s.segments.has(b));
    history.stop();
    await Promise.all([alice.waitForExit(), bob.waitForExit()]);

    // DialEnd CANCEL comes before the two Hangups: for a moment both live with no relation.
    expect(history.some(bothUnrelated(a, b))).toBe(true);
    expect(history.every((s) => [...s.segments.values()].every((r) => r.linkedTo === null))).toBe(true);
    expect((await bed.gut.get(`${CS}/callSegments/${a}`)).status).toBe(404);
    expect((await bed.gut.get(`${CS}/callSegments/${b}`)).status).toBe(404);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([]);
  });

  it('given 101 dialling 301 (Dial(PJSIP/200,5)) and 200 ringing, when nobody answers for 5 s, then the dial ends (NOANSWER) with no relation and both segments are gone', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const carol = await Phone.dial(bed.asterisk, '101', '301');
    await bob.waitFor('incoming');
    await bob.ring();
    const { a, b } = await ringing('101', '200');
    const caller = await bed.gut.get(`${CS}/callSegments/${a}`);
    expect(caller.body).toMatchObject({ did: '301', incoming: false, callerId: { number: '101' } });
    const history = new GraphHistory(bed.gut);

    await bob.waitFor('canceled', 15_000);
    await carol.waitFor('rejected');
    await bed.gut.until((s) => !s.segments.has(a) && !s.segments.has(b));
    history.stop();
    await Promise.all([carol.waitForExit(), bob.waitForExit()]);

    expect(history.some(bothUnrelated(a, b))).toBe(true);
    expect(history.every((s) => [...s.segments.values()].every((r) => r.linkedTo === null))).toBe(true);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([]);
  });

  it('given 102 dialling 201, when 201 answers 486 Busy, then no relation is left and both segments are gone', async () => {
    const eve = await Phone.receive(bed.asterisk, '201');
    const dave = await Phone.dial(bed.asterisk, '102', '201');
    await eve.waitFor('incoming');
    const { a, b } = await ringing('102', '201');
    const history = new GraphHistory(bed.gut);

    await eve.busy();
    await dave.waitFor('rejected');
    await bed.gut.until((s) => !s.segments.has(a) && !s.segments.has(b));
    history.stop();
    await Promise.all([dave.waitForExit(), eve.waitForExit()]);

    // The callee's HangupRequest and the DialEnd BUSY come before either Hangup.
    expect(history.some(bothUnrelated(a, b))).toBe(true);
    expect(history.every((s) => [...s.segments.values()].every((r) => r.linkedTo === null))).toBe(true);
    expect((await bed.gut.get(`${CS}/callSegments/${b}/dialingFromCallSegment`)).status).toBe(404);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([]);
  });
});
