import { describe, expect, it } from 'vitest';
import { eventIs, field } from './support/ami-session.js';
import { segmentOf } from './support/gateway-under-test.js';
import { linkedPair, talk } from './support/calls.js';
import { ALL_PHONES, CS, GraphHistory, restDialingFrom, restDialingTo, restIds, restLinked, restSegment } from './support/graph-probe.js';
import { Phone } from './support/phone.js';
import type { PhoneOptions } from './support/phone.js';
import type { PhoneExtension } from './support/asterisk-config.js';
import { useTestBed } from './support/test-bed.js';

/** Transfers: a phone's blind transfer (SIP REFER) and the AMI Atxfer row of spec 4.4. */
describe('segment graph: blind transfer by REFER and attended transfer by AMI Atxfer, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES });

  /** `from` calls `to`, `to` answers; resolves once the graph links them. */
  async function talking(from: PhoneExtension, to: PhoneExtension, calleeOptions: PhoneOptions = {}) {
    const { caller, callee } = await talk(bed.asterisk, from, to, calleeOptions);
    const pair = await bed.gut.until((s) => linkedPair(s, from, to));
    return { caller, callee, a: pair.a.id, b: pair.b.id, bChannel: pair.b.channel };
  }

  it('given 101 ↔ 202, when 202 REFERs the call to 203, then 202 is gone, 101 dials 203 while it rings, and 101 ↔ 203 once 203 answers', async () => {
    const { caller, callee, a, b } = await talking('101', '202');
    const target = await Phone.receive(bed.asterisk, '203');

    await callee.transfer('203');
    await target.waitFor('incoming');
    await target.ring();
    const t = await bed.gut.until((s) => {
      const x = segmentOf(s, '203');
      return x && !s.segments.has(b) && s.segments.get(a)?.dialingTo.includes(x.id) ? x.id : undefined;
    });
    expect(await restDialingTo(bed.gut, a)).toEqual([t]);
    expect(await restDialingFrom(bed.gut, t)).toBe(a);
    expect(await restLinked(bed.gut, a)).toBeNull();
    expect((await bed.gut.get(`${CS}/callSegments/${b}`)).status).toBe(404);
    // The transferee keeps its segment (same Uniqueid) and its own facts.
    expect(await restSegment(bed.gut, a)).toMatchObject({ did: '202', incoming: false });
    expect(await restSegment(bed.gut, t)).toMatchObject({ did: null, incoming: true });

    await target.answer();
    await bed.gut.until((s) => s.segments.get(a)?.linkedTo === t && s.segments.get(t)?.linkedTo === a);
    expect(await restLinked(bed.gut, a)).toBe(t);
    expect(await restLinked(bed.gut, t)).toBe(a);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, t].sort());

    // Asterisk already hung up 202's channel; the phone still ends its dialog (BYE, maybe 481).
    await callee.hangup();
    await caller.hangup();
    await target.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    await Promise.all([caller.waitForExit(), callee.waitForExit(), target.waitForExit()]);
  });

  it('given 100 ↔ 200 (Dial tT), when AMI Atxfer on 200 to 201, then 200 is on hold and dials 201 while 100 is linked to nobody; 201 answers: 200 ↔ 201; 200 hangs up: 100 ↔ 201', async () => {
    // Asterisk reads the queued transfer digits only while the transferer's channel gets frames.
    const { caller, callee, a, b, bChannel } = await talking('100', '200', { media: true });
    const eve = await Phone.receive(bed.asterisk, '201');

    await bed.ami.client.action({ Action: 'Atxfer', Channel: bChannel, Exten: '201', Context: 'internal' });
    await eve.waitFor('incoming');
    await eve.ring();
    const e = await bed.gut.until((s) => {
      const target = segmentOf(s, '201');
      const transferer = s.segments.get(b);
      return target && transferer?.onHold && transferer.dialingTo.includes(target.id) ? target.id : undefined;
    });
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: true });
    expect(await restSegment(bed.gut, a)).toMatchObject({ onHold: false });
    expect(await restDialingTo(bed.gut, b)).toEqual([e]);
    expect(await restDialingFrom(bed.gut, e)).toBe(b);
    expect(await restLinked(bed.gut, a)).toBeNull();
    expect(await restLinked(bed.gut, b)).toBeNull();
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, b, e].sort());

    const history = new GraphHistory(bed.gut);
    await eve.answer();
    await bed.gut.until((s) => s.segments.get(b)?.linkedTo === e && s.segments.get(e)?.linkedTo === b);
    expect(await restLinked(bed.gut, b)).toBe(e);
    expect(await restLinked(bed.gut, e)).toBe(b);
    expect(await restLinked(bed.gut, a)).toBeNull();
    expect(await restDialingTo(bed.gut, b)).toEqual([]);
    // Asterisk sends no Unhold when the consultation is answered: the transferer stays on hold (spec 2).
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: true });

    await callee.hangup();
    await bed.gut.until((s) => !s.segments.has(b) && s.segments.get(a)?.linkedTo === e && s.segments.get(e)?.linkedTo === a);
    history.stop();
    expect(await restLinked(bed.gut, a)).toBe(e);
    expect(await restLinked(bed.gut, e)).toBe(a);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, e].sort());
    // 100 waited alone from the Atxfer until the transfer completed: never linked to 200 again.
    expect(history.recordsOf(a).every((r) => r.linkedTo === null || r.linkedTo === e)).toBe(true);
    expect([...history.channels()].every((name) => name.startsWith('PJSIP/'))).toBe(true);

    await caller.hangup();
    await eve.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    await Promise.all([caller.waitForExit(), callee.waitForExit(), eve.waitForExit()]);
  });
  it('given 102 ↔ 204 all sending media, when AMI Atxfer on 204 to 205 completes (204 hangs up), then 102 ↔ 205, and still under the same ids once the Local pair left between them is optimised away', async () => {
    bed.ami.clear();
    const media = { media: true } as const;
    const callee = await Phone.receive(bed.asterisk, '204', media);
    const caller = await Phone.dial(bed.asterisk, '102', '204', media);
    await callee.waitFor('incoming');
    await callee.ring();
    await callee.answer();
    await caller.waitFor('answered');
    const { a, b, bChannel } = await bed.gut.until((s) => {
      const x = segmentOf(s, '102');
      const y = segmentOf(s, '204');
      return x && y && x.linkedTo === y.id ? { a: x.id, b: y.id, bChannel: y.channel } : undefined;
    });
    const target = await Phone.receive(bed.asterisk, '205', media);

    await bed.ami.client.action({ Action: 'Atxfer', Channel: bChannel, Exten: '205', Context: 'internal' });
    await target.waitFor('incoming');
    await target.ring();
    const t = await bed.gut.until((s) => {
      const x = segmentOf(s, '205');
      return x && s.segments.get(b)?.dialingTo.includes(x.id) ? x.id : undefined;
    });
    await target.answer();
    await bed.gut.until((s) => s.segments.get(b)?.linkedTo === t && s.segments.get(a)?.linkedTo === null);

    await callee.hangup();
    await bed.gut.until((s) => !s.segments.has(b) && s.segments.get(a)?.linkedTo === t);
    await bed.ami.waitFor(eventIs('AttendedTransfer'));
    await bed.ami.waitFor(eventIs('LocalOptimizationEnd'));
    await bed.ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/205@internal')(e) && field(e, 'Channel').endsWith(';1'));
    await bed.ami.waitFor((e) => eventIs('Hangup', 'Channel', 'Local/205@internal')(e) && field(e, 'Channel').endsWith(';2'));
    await bed.gut.until((s) => s.segments.get(a)?.linkedTo === t && s.segments.get(t)?.linkedTo === a);
    expect(await restLinked(bed.gut, a)).toBe(t);
    expect(await restLinked(bed.gut, t)).toBe(a);
    expect(await restIds(bed.gut, `${CS}/callSegments`)).toEqual([a, t].sort());
    expect(await restSegment(bed.gut, a)).toMatchObject({ onHold: false, did: '204', incoming: false });

    await caller.hangup();
    await target.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    await Promise.all([caller.waitForExit(), callee.waitForExit(), target.waitForExit()]);
  });
});
