import { describe, expect, it } from 'vitest';
import { eventIs, field } from './support/ami-session.js';
import { segmentOf } from './support/gateway-under-test.js';
import { ALL_PHONES, CS, GraphHistory, restDialingFrom, restDialingTo, restIds, restLinked } from './support/graph-probe.js';
import { Phone } from './support/phone.js';
import type { PhoneExtension } from './support/asterisk-config.js';
import { useTestBed } from './support/test-bed.js';

const WITH_MEDIA = { media: true } as const;

/** Spec 4.3 and the Local row of 4.4: relations pass through a Local pair, optimised or not. */
describe('segment graph: Dial(Local/…) with and without optimisation, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES });

  /** `from` dials `number` (a Local route to `to`); checks from → to while it rings, then answers. */
  async function throughLocal(from: PhoneExtension, to: PhoneExtension, number: string) {
    const callee = await Phone.receive(bed.asterisk, to, WITH_MEDIA);
    const caller = await Phone.dial(bed.asterisk, from, number, WITH_MEDIA);
    await callee.waitFor('incoming');
    await callee.ring();
    const { a, b } = await bed.gut.until((s) => {
      const x = segmentOf(s, from);
      const y = segmentOf(s, to);
      return x && y && x.dialingTo.includes(y.id) ? { a: x.id, b: y.id } : undefined;
    });
    expect(await restDialingTo(bed.gut, a)).toEqual([b]);
    expect(await restDialingFrom(bed.gut, b)).toBe(a);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, b].sort());

    await callee.answer();
    await caller.waitFor('answered');
    await bed.gut.until((s) => s.segments.get(a)?.linkedTo === b && s.segments.get(b)?.linkedTo === a);
    expect(await restLinked(bed.gut, a)).toBe(b);
    expect(await restLinked(bed.gut, b)).toBe(a);
    expect(await restDialingTo(bed.gut, a)).toEqual([]);
    return { caller, callee, a, b };
  }

  it('given 100 dialling 7200 (Local/200@internal, optimisable) with media, then 100 → 200 while ringing and 100 ↔ 200 after answer; after LocalOptimizationEnd the same two ids are still linked', async () => {
    bed.ami.clear();
    const history = new GraphHistory(bed.gut);
    const { caller, callee, a, b } = await throughLocal('100', '200', '7200');

    // Asterisk 22 says `Success: No` on LocalOptimizationEnd even when the swap worked: the halves' Hangups prove it.
    await bed.ami.waitFor(eventIs('LocalOptimizationEnd'));
    await bed.ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/200@internal')(e) && field(e, 'Channel').endsWith(';1'));
    await bed.ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/200@internal')(e) && field(e, 'Channel').endsWith(';2'));
    await bed.gut.until((s) => s.segments.get(a)?.linkedTo === b && s.segments.get(b)?.linkedTo === a);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, b].sort());
    expect(await restLinked(bed.gut, a)).toBe(b);
    expect(await restLinked(bed.gut, b)).toBe(a);
    const channels = await bed.ami.client.listAction({ Action: 'CoreShowChannels' });
    expect(channels.items.map((item) => field(item, 'Channel')).filter((name) => name.startsWith('Local/'))).toEqual([]);

    await caller.hangup();
    await callee.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    history.stop();
    expect([...history.channels()].every((name) => name.startsWith('PJSIP/'))).toBe(true);
    await Promise.all([caller.waitForExit(), callee.waitForExit()]);
  });

  it('given 101 dialling 6201 (Local/201@internal/n) with media, then 101 → 201 while ringing and 101 ↔ 201 through the pair, which stays for the whole call', async () => {
    bed.ami.clear();
    const history = new GraphHistory(bed.gut);
    const { caller, callee, a, b } = await throughLocal('101', '201', '6201');

    const localBridge = await bed.ami.waitFor(eventIs('LocalBridge', 'LocalOneChannel', 'Local/201@internal'));
    expect(field(localBridge, 'LocalOptimization')).toBe('No');
    const channels = await bed.ami.client.listAction({ Action: 'CoreShowChannels' });
    const locals = channels.items.map((item) => field(item, 'Channel')).filter((name) => name.startsWith('Local/201@internal'));
    expect(locals).toHaveLength(2);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, b].sort());

    await callee.hangup();
    await caller.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    history.stop();
    expect(bed.ami.events.some(eventIs('LocalOptimizationBegin'))).toBe(false);
    expect([...history.channels()].every((name) => name.startsWith('PJSIP/'))).toBe(true);
    await Promise.all([caller.waitForExit(), callee.waitForExit()]);
  });
});
