/**
 * Spec 3.3 transfers on a real Asterisk 22: the REST answer, what Asterisk did (AMI events,
 * CoreShowChannels) and the segments the REST shows afterwards.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AmiEvent } from '../../src/events/ami-event.js';
import { eventIs, field } from './support/ami-session.js';
import { segmentOf } from './support/gateway-under-test.js';
import { asteriskChannels, linkedPair, talk } from './support/calls.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

const CS = 'coreServers/getByName/default';

describe('transfers through the REST on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ['100', '101', '102', '103', '104', '105', '200', '201', '202', '203', '204', '205'] });

  it('given 100 talking to 200, when 100’s segment blind-transfers to 201, then 204, Asterisk blind-transfers 200 and hangs up 100, 201 rings and answers, and 200’s segment (same id) is linked to 201’s while 100’s is gone', async () => {
    const { caller: alice, callee: bob } = await talk(bed.asterisk, '100', '200');
    const before = await bed.gut.until((s) => linkedPair(s, '100', '200'));
    const eve = await Phone.receive(bed.asterisk, '201');
    bed.ami.clear();

    const answer = await bed.gut.post(`${CS}/callSegments/${before.a.id}/transfer`, { destinationNumber: '201', attended: false });
    expect(answer).toEqual({ status: 204, body: null });

    const transfer = await bed.ami.waitFor(eventIs('BlindTransfer'));
    expect(field(transfer, 'Result')).toBe('Success');
    expect(field(transfer, 'TransfererChannel')).toBe(before.a.channel);
    expect(field(transfer, 'TransfereeChannel')).toBe(before.b.channel);
    expect(field(transfer, 'Extension')).toBe('201');
    expect(field(transfer, 'Context')).toBe('internal');
    await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel') === before.a.channel);
    await alice.waitFor('remote-hangup');

    await eve.waitFor('incoming');
    await eve.ring();
    const ringing = await bed.gut.until((s) => {
      const eveSeg = segmentOf(s, '201');
      return eveSeg && s.segments.get(before.b.id)?.dialingTo.includes(eveSeg.id) ? eveSeg : undefined;
    });
    const dialling = await bed.gut.get(`${CS}/callSegments/${before.b.id}/dialingToCallSegments`);
    expect((dialling.body as Array<{ id: string }>).map((s) => s.id)).toEqual([ringing.id]);

    await eve.answer();
    await bed.gut.until((s) => s.segments.get(before.b.id)?.linkedTo === ringing.id);
    expect(await bed.gut.get(`${CS}/callSegments/${before.b.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: ringing.id } });
    expect(await bed.gut.get(`${CS}/callSegments/${ringing.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: before.b.id } });
    expect((await bed.gut.get(`${CS}/callSegments/${before.a.id}`)).status).toBe(404);
    expect(await asteriskChannels(bed.ami)).toEqual([before.b.channel, segmentOf(bed.gut.runtime.graph.snapshot(), '201')?.channel].sort());

    await bob.hangup();
    await eve.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 101 talking to 202 (whose phone sends media: Asterisk reads the queued transfer digits only from a channel that gets frames), when 202’s segment asks an attended transfer to 203, then 204 only once the consultation started; 202 is on hold, dials and then talks to 203 while 101 is linked to nobody; when 202 hangs up, 101 talks to 203', async () => {
    const { caller: alice, callee: bob } = await talk(bed.asterisk, '101', '202', { media: true });
    const before = await bed.gut.until((s) => linkedPair(s, '101', '202'));
    const seg101 = before.a;
    const seg202 = before.b;
    const eve = await Phone.receive(bed.asterisk, '203');

    // Subscribed before the action's own watcher: whatever proved the consultation is here by the 204.
    const seenByGateway: AmiEvent[] = [];
    const subscription = bed.gut.runtime.ami.events$.subscribe((event) => seenByGateway.push(event));
    bed.ami.clear();
    let answer;
    try {
      answer = await bed.gut.post(`${CS}/callSegments/${seg202.id}/transfer`, { destinationNumber: '203', attended: true });
    } finally {
      subscription.unsubscribe();
    }
    expect(answer).toEqual({ status: 204, body: null });
    // The consultation channel (Local/203@internal) exists by the 204, not merely the transferer's Hold.
    const consultationChannel = seenByGateway.find((e) => e.Event === 'Newchannel' && field(e, 'Channel').startsWith('Local/203@internal-'));
    expect(consultationChannel, seenByGateway.map((e) => e.Event).join(' ')).toBeDefined();
    await bed.ami.waitFor((e) => e.Event === 'Hold' && field(e, 'Channel') === seg202.channel);

    await eve.waitFor('incoming');
    await eve.ring();
    const consulting = await bed.gut.until((s) => {
      const target = segmentOf(s, '203');
      const transferer = s.segments.get(seg202.id);
      return target && transferer?.dialingTo.includes(target.id) ? target : undefined;
    });
    const during = await bed.gut.get(`${CS}/callSegments/${seg202.id}`);
    expect(during).toMatchObject({ status: 200, body: { id: seg202.id, onHold: true } });
    expect((await bed.gut.get(`${CS}/callSegments/${seg202.id}/dialingToCallSegments`)).body).toEqual([expect.objectContaining({ id: consulting.id })]);
    expect((await bed.gut.get(`${CS}/callSegments/${seg101.id}/linkedCallSegment`)).status).toBe(404);

    await eve.answer();
    await bed.gut.until((s) => s.segments.get(seg202.id)?.linkedTo === consulting.id);
    expect(await bed.gut.get(`${CS}/callSegments/${seg202.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: consulting.id } });
    expect((await bed.gut.get(`${CS}/callSegments/${seg101.id}/linkedCallSegment`)).status).toBe(404);
    expect((await bed.gut.get(`${CS}/callSegments/${seg202.id}`)).body).toMatchObject({ onHold: true });

    await bob.hangup();
    const completed = await bed.ami.waitFor(eventIs('AttendedTransfer'));
    expect(field(completed, 'Result')).toBe('Success');
    expect(field(completed, 'TransfereeChannel')).toBe(seg101.channel);
    await bed.gut.until((s) => s.segments.get(seg101.id)?.linkedTo === consulting.id && !s.segments.has(seg202.id));
    expect(await bed.gut.get(`${CS}/callSegments/${seg101.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: consulting.id } });
    expect(await bed.gut.get(`${CS}/callSegments/${consulting.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: seg101.id } });
    expect((await bed.gut.get(`${CS}/callSegments/${seg202.id}`)).status).toBe(404);

    await alice.hangup();
    await eve.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 102 dialling 204 (still ringing), when 204’s segment blind-transfers to 205 (deflection), then 204, Asterisk redirects 102 out of its Dial (204 stops ringing) and 102’s segment (same id) dials and then talks to 205', async () => {
    const dave = await Phone.receive(bed.asterisk, '204');
    const caller = await Phone.dial(bed.asterisk, '102', '204');
    await dave.waitFor('incoming');
    await dave.ring();
    const { seg102, seg204 } = await bed.gut.until((s) => {
      const a = segmentOf(s, '102');
      const b = segmentOf(s, '204');
      return a && b && a.dialingTo.includes(b.id) ? { seg102: a, seg204: b } : undefined;
    });
    const oscar = await Phone.receive(bed.asterisk, '205');
    bed.ami.clear();

    const sent = vi.spyOn(bed.gut.runtime.ami, 'action');
    const answer = await bed.gut.post(`${CS}/callSegments/${seg204.id}/transfer`, { destinationNumber: '205', attended: false });
    expect(answer).toEqual({ status: 204, body: null });
    expect(sent.mock.calls.map(([headers]) => headers)).toEqual([
      { Action: 'Redirect', Channel: seg102.channel, Exten: '205', Context: 'internal', Priority: '1' },
    ]);
    sent.mockRestore();
    const ended = await bed.ami.waitFor((e) => e.Event === 'DialEnd' && field(e, 'DestChannel') === seg204.channel);
    expect(field(ended, 'DialStatus')).toBe('CANCEL');
    await dave.waitFor('canceled');
    await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel') === seg204.channel);
    await bed.ami.waitFor((e) => e.Event === 'DialBegin' && field(e, 'Channel') === seg102.channel && field(e, 'DestChannel').startsWith('PJSIP/205-'));
    expect(bed.ami.events.some((e) => e.Event === 'BlindTransfer')).toBe(false);

    await oscar.waitFor('incoming');
    await oscar.answer();
    const seg205 = await bed.gut.until((s) => {
      const b = segmentOf(s, '205');
      return b && s.segments.get(seg102.id)?.linkedTo === b.id && !s.segments.has(seg204.id) ? b : undefined;
    });
    expect(await bed.gut.get(`${CS}/callSegments/${seg102.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: seg205.id } });
    expect((await bed.gut.get(`${CS}/callSegments/${seg204.id}`)).status).toBe(404);
    expect(await asteriskChannels(bed.ami)).toEqual([seg102.channel, seg205.channel].sort());

    await caller.hangup();
    await oscar.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 103 talking to 200 through a Local pair (dialled as 7200), when 103’s segment blind-transfers 200 to 201, then 204, Asterisk redirects 200’s real channel (not the Local half) and 200’s segment (same id) talks to 201', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const caller = await Phone.dial(bed.asterisk, '103', '7200');
    await bob.waitFor('incoming');
    await bob.answer();
    await caller.waitFor('answered');
    const { a: seg103, b: seg200 } = await bed.gut.until((s) => linkedPair(s, '103', '200'));
    const eve = await Phone.receive(bed.asterisk, '201');
    bed.ami.clear();

    const sent = vi.spyOn(bed.gut.runtime.ami, 'action');
    const answer = await bed.gut.post(`${CS}/callSegments/${seg103.id}/transfer`, { destinationNumber: '201', attended: false });
    expect(answer).toEqual({ status: 204, body: null });
    expect(sent.mock.calls.map(([headers]) => headers)).toEqual([
      { Action: 'Redirect', Channel: seg200.channel, Exten: '201', Context: 'internal', Priority: '1' },
    ]);
    sent.mockRestore();
    await bed.ami.waitFor((e) => e.Event === 'DialBegin' && field(e, 'Channel') === seg200.channel && field(e, 'DestChannel').startsWith('PJSIP/201-'));
    await caller.waitFor('remote-hangup');
    await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel') === seg103.channel);
    for (const half of [';1', ';2']) {
      await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel').startsWith('Local/200@internal-') && field(e, 'Channel').endsWith(half));
    }
    await eve.waitFor('incoming');
    await eve.answer();
    const seg201 = await bed.gut.until((s) => {
      const b = segmentOf(s, '201');
      return b && s.segments.get(seg200.id)?.linkedTo === b.id && segmentOf(s, '103') === undefined ? b : undefined;
    });
    expect(await bed.gut.get(`${CS}/callSegments/${seg201.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: seg200.id } });
    expect(await asteriskChannels(bed.ami)).toEqual([seg200.channel, seg201.channel].sort());

    await bob.hangup();
    await eve.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 104 talking to 105, all phones sending media, when 105’s segment completes an attended transfer to 200, then after Asterisk optimises the Local pair away 104’s and 200’s segments (same ids) are still linked', async () => {
    const bob = await Phone.receive(bed.asterisk, '105', { media: true });
    const alice = await Phone.dial(bed.asterisk, '104', '105', { media: true });
    await bob.waitFor('incoming');
    await bob.answer();
    await alice.waitFor('answered');
    const { a: seg104, b: seg105 } = await bed.gut.until((s) => linkedPair(s, '104', '105'));
    const target = await Phone.receive(bed.asterisk, '200', { media: true });
    bed.ami.clear();

    expect(await bed.gut.post(`${CS}/callSegments/${seg105.id}/transfer`, { destinationNumber: '200', attended: true })).toEqual({ status: 204, body: null });
    await target.waitFor('incoming');
    await target.answer();
    const seg200 = await bed.gut.until((s) => {
      const b = segmentOf(s, '200');
      return b && s.segments.get(seg105.id)?.linkedTo === b.id ? b : undefined;
    });
    await bob.hangup();
    await bed.ami.waitFor(eventIs('AttendedTransfer'));
    await bed.ami.waitFor(eventIs('LocalOptimizationEnd'));
    await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel').startsWith('Local/200@internal-') && field(e, 'Channel').endsWith(';2'));
    await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel').startsWith('Local/200@internal-') && field(e, 'Channel').endsWith(';1'));
    await bed.gut.until((s) => s.segments.get(seg104.id)?.linkedTo === seg200.id && !s.segments.has(seg105.id));
    expect(await asteriskChannels(bed.ami)).toEqual([seg104.channel, seg200.channel].sort());
    expect(await bed.gut.get(`${CS}/callSegments/${seg200.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: seg104.id } });
    expect(await bed.gut.get(`${CS}/callSegments/${seg104.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: seg200.id } });

    await alice.hangup();
    await target.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });
});
