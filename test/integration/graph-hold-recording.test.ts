import { describe, expect, it } from 'vitest';
import { linkedPair, talk } from './support/calls.js';
import { ALL_PHONES, GraphHistory, restLinked, restSegment } from './support/graph-probe.js';
import type { PhoneExtension } from './support/asterisk-config.js';
import { useTestBed } from './support/test-bed.js';

/** Spec 2 (`onHold`, `recording`) and the hold row of 4.4. */
describe('segment graph: hold by re-INVITE and MixMonitor by AMI, on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ALL_PHONES });

  /** `from` calls `to`, `to` answers; resolves once the graph links them. */
  async function talking(from: PhoneExtension, to: PhoneExtension) {
    const { caller, callee } = await talk(bed.asterisk, from, to);
    const pair = await bed.gut.until((s) => linkedPair(s, from, to));
    return { caller, callee, a: pair.a.id, b: pair.b.id, bChannel: pair.b.channel };
  }

  it('given 100 ↔ 200, when 200 holds (sendonly), then 200 is onHold and 100 is not, still linked; when 200 unholds, then neither is', async () => {
    const { caller, callee, a, b } = await talking('100', '200');
    expect(await restSegment(bed.gut, a)).toMatchObject({ onHold: false });
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: false });

    await callee.hold();
    await bed.gut.until((s) => s.segments.get(b)?.onHold === true);
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: true });
    expect(await restSegment(bed.gut, a)).toMatchObject({ onHold: false });
    expect(await restLinked(bed.gut, a)).toBe(b);
    expect(await restLinked(bed.gut, b)).toBe(a);

    await callee.unhold();
    await bed.gut.until((s) => s.segments.get(b)?.onHold === false);
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: false });
    expect(await restSegment(bed.gut, a)).toMatchObject({ onHold: false });

    await caller.hangup();
    await callee.waitFor('remote-hangup');
    await bed.gut.until((s) => !s.segments.has(a) && !s.segments.has(b));
    await Promise.all([caller.waitForExit(), callee.waitForExit()]);
  });

  it('given 101 ↔ 201, when the caller 101 holds, then 101 is onHold and 201 is not; when 101 unholds, then it is cleared', async () => {
    const { caller, callee, a, b } = await talking('101', '201');

    await caller.hold();
    await bed.gut.until((s) => s.segments.get(a)?.onHold === true);
    expect(await restSegment(bed.gut, a)).toMatchObject({ onHold: true });
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: false });

    await caller.unhold();
    await bed.gut.until((s) => s.segments.get(a)?.onHold === false);
    expect(await restSegment(bed.gut, b)).toMatchObject({ onHold: false });

    await callee.hangup();
    await caller.waitFor('remote-hangup');
    await bed.gut.until((s) => !s.segments.has(a) && !s.segments.has(b));
    await Promise.all([caller.waitForExit(), callee.waitForExit()]);
  });

  it('given 102 ↔ 202, when AMI MixMonitor runs on 202, then 202 is recording (102 is not); StopMixMonitor clears it; started again, it stays true until 202 is gone', async () => {
    const { caller, callee, a, b, bChannel } = await talking('102', '202');
    expect(await restSegment(bed.gut, b)).toMatchObject({ recording: false });

    await bed.ami.client.action({ Action: 'MixMonitor', Channel: bChannel, File: 'graph-test.wav' });
    await bed.gut.until((s) => s.segments.get(b)?.recording === true);
    expect(await restSegment(bed.gut, b)).toMatchObject({ recording: true });
    expect(await restSegment(bed.gut, a)).toMatchObject({ recording: false });

    await bed.ami.client.action({ Action: 'StopMixMonitor', Channel: bChannel });
    await bed.gut.until((s) => s.segments.get(b)?.recording === false);
    expect(await restSegment(bed.gut, b)).toMatchObject({ recording: false });

    await bed.ami.client.action({ Action: 'MixMonitor', Channel: bChannel, File: 'graph-test-2.wav' });
    await bed.gut.until((s) => s.segments.get(b)?.recording === true);
    const history = new GraphHistory(bed.gut);
    // No MixMonitorStop comes at hangup: the segment goes while still recording.
    await caller.hangup();
    await callee.waitFor('remote-hangup');
    await bed.gut.until((s) => !s.segments.has(a) && !s.segments.has(b));
    history.stop();
    expect(history.recordsOf(b).length).toBeGreaterThan(0);
    expect(history.recordsOf(b).every((r) => r.recording)).toBe(true);
    await Promise.all([caller.waitForExit(), callee.waitForExit()]);
  });
});
