import { describe, expect, it } from 'vitest';
import { segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, restDialingTo, restIds, restLinked } from './support/graph-probe.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

/** Spec 5 (503 while down) and the graph after Asterisk itself went away and came back. */
describe('segment graph: Asterisk restarted under a live call, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES }, { ami: false });

  it('given 100 ↔ 200, when Asterisk restarts, then the graph is emptied (the calls died with it); when 101 then calls 201, then it appears as usual (the gateway reconnected by itself)', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const alice = await Phone.dial(bed.asterisk, '100', '200');
    await bob.waitFor('incoming');
    await bob.ring();
    await bob.answer();
    await alice.waitFor('answered');
    const before = await bed.gut.until((s) => {
      const a = segmentOf(s, '100');
      const b = segmentOf(s, '200');
      return a && b && a.linkedTo === b.id ? [a.id, b.id] : undefined;
    });

    const readiness: boolean[] = [];
    const watch = bed.gut.runtime.link.ready$.subscribe((ready) => readiness.push(ready));
    await bed.asterisk.restart();
    // The phones ran inside the container: they went with it.
    await Promise.all([alice.waitForExit(), bob.waitForExit()]);
    await bed.gut.until((s) => s.segments.size === 0, 60_000);
    watch.unsubscribe();
    expect(readiness).toContain(false);
    expect(readiness.at(-1)).toBe(true);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([]);
    for (const id of before) expect((await bed.gut.get(`${CS}/callSegments/${id}`)).status).toBe(404);
    expect((await bed.gut.get(`${CS}/extensions/getByName/100/callSegments`)).body).toEqual([]);

    const eve = await Phone.receive(bed.asterisk, '201');
    const carol = await Phone.dial(bed.asterisk, '101', '201');
    await eve.waitFor('incoming');
    await eve.ring();
    const { c, e } = await bed.gut.until((s) => {
      const x = segmentOf(s, '101');
      const y = segmentOf(s, '201');
      return x && y && x.dialingTo.includes(y.id) ? { c: x.id, e: y.id } : undefined;
    });
    expect(await restDialingTo(bed.gut, c)).toEqual([e]);
    await eve.answer();
    await carol.waitFor('answered');
    await bed.gut.until((s) => s.segments.get(c)?.linkedTo === e && s.segments.get(e)?.linkedTo === c);
    expect(await restLinked(bed.gut, c)).toBe(e);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([c, e].sort());

    await carol.hangup();
    await eve.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    await Promise.all([carol.waitForExit(), eve.waitForExit()]);
  });
});
