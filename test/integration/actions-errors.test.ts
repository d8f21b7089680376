/**
 * Spec 5 error answers of the call actions on a real Asterisk 22, each checked against what
 * Asterisk did (or did not do): AMI events, CoreShowChannels, ConfbridgeList, the actions the
 * gateway's own AMI client sent.
 */
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AmiClient } from '../../src/ami/client.js';
import { noConsultationMessage, NO_TRANSFER_FEATURE_MESSAGE } from '../../src/actions/execute.js';
import { field } from './support/ami-session.js';
import { GatewayUnderTest, segmentOf } from './support/gateway-under-test.js';
import { asteriskChannels, linkedPair, talk } from './support/calls.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

const CS = 'coreServers/getByName/default';
const PHONES = ['100', '101', '102', '103', '104', '105', '200', '201', '202', '203', '204', '205'];
/** Events that any transfer, conference action or injected Originate would cause. */
const TRACES_OF_AN_ACTION = ['BlindTransfer', 'AttendedTransfer', 'Hold', 'Newchannel', 'ConfbridgeMute', 'ConfbridgeUnmute', 'ConfbridgeLeave', 'OriginateResponse'];
const CALL_ACTIONS = ['BlindTransfer', 'Redirect', 'Atxfer', 'ConfbridgeKick', 'ConfbridgeMute', 'ConfbridgeUnmute', 'Originate'];

describe('call action errors on a real Asterisk 22', () => {
  let sent: MockInstance<AmiClient['action']>;

  const bed = useTestBed({ licensed: PHONES, conferences: ['801'] });

  beforeEach(() => {
    sent = vi.spyOn(bed.gut.runtime.ami, 'action');
  });

  afterEach(() => {
    sent.mockRestore();
  });

  /** The call actions the gateway's AMI client sent during this test. */
  function callActionsSent(): string[] {
    return sent.mock.calls.map(([headers]) => String(headers['Action'])).filter((action) => CALL_ACTIONS.includes(action));
  }

  function tracesSinceClear(): string[] {
    return bed.ami.events.filter((e) => TRACES_OF_AN_ACTION.includes(e.Event)).map((e) => `${e.Event} ${field(e, 'Channel')}`);
  }

  it('given 100 alone in room 801, when its segment is transferred (blind or attended), then 409 (bound to nobody); on a core server without conference rooms, kick and mute are 500; Asterisk is asked nothing and 100 stays in the room', async () => {
    const alone = await Phone.dial(bed.asterisk, '100', '801');
    await alone.waitFor('answered');
    const seg = await bed.gut.until((s) => {
      const member = segmentOf(s, '100');
      return member && s.conferences.get('801')?.includes(member.id) ? member : undefined;
    });
    const noRooms = await GatewayUnderTest.start(bed.asterisk, { licensed: ['100'], conferenceRoomsEnabled: false });
    try {
      // Segment ids are per core server (name-based on its id and the Uniqueid): read this one's.
      const sameChannel = await noRooms.until((s) => (segmentOf(s, '100')?.conference === '801' ? segmentOf(s, '100') : undefined));
      expect(sameChannel.uniqueid).toBe(seg.uniqueid);
      bed.ami.clear();

      for (const attended of [false, true]) {
        const answer = await bed.gut.post(`${CS}/callSegments/${seg.id}/transfer`, { destinationNumber: '201', attended });
        expect(answer).toMatchObject({ status: 409, body: { status: 409, error: 'Conflict', message: expect.stringMatching(/bound to no other segment/) as unknown } });
      }
      for (const word of ['kick', 'mute', 'unmute']) {
        const answer = await noRooms.post(`${CS}/conferences/getByName/801/callSegments/${sameChannel.id}/${word}`, {});
        expect(answer).toMatchObject({
          status: 500,
          body: { status: 500, error: 'Internal Server Error', message: expect.stringMatching(/conference rooms are not enabled/) as unknown },
        });
      }
      expect(callActionsSent()).toEqual([]);
      const list = await bed.ami.client.listAction({ Action: 'ConfbridgeList', Conference: '801' });
      expect(list.items.filter((e) => e.Event === 'ConfbridgeList').map((e) => [field(e, 'Channel'), field(e, 'Muted')])).toEqual([[seg.channel, 'No']]);
      expect(tracesSinceClear()).toEqual([]);
    } finally {
      await noRooms.close();
    }

    await alone.hangup();
    await bed.gut.until((s) => segmentOf(s, '100') === undefined);
  });

  it('given 101 dialling 201 (still ringing), when 201’s segment asks an attended transfer, or 101’s a kick or a mute, then 409 each and the call still rings, untouched', async () => {
    const eve = await Phone.receive(bed.asterisk, '201');
    const alice = await Phone.dial(bed.asterisk, '101', '201');
    await eve.waitFor('incoming');
    await eve.ring();
    const { caller, callee } = await bed.gut.until((s) => {
      const a = segmentOf(s, '101');
      const b = segmentOf(s, '201');
      return a && b && a.dialingTo.includes(b.id) ? { caller: a, callee: b } : undefined;
    });
    bed.ami.clear();

    const attended = await bed.gut.post(`${CS}/callSegments/${callee.id}/transfer`, { destinationNumber: '202', attended: true });
    expect(attended).toMatchObject({ status: 409, body: { error: 'Conflict', message: expect.stringMatching(/still ringing/) as unknown } });
    for (const word of ['kick', 'mute']) {
      const answer = await bed.gut.post(`${CS}/callSegments/${caller.id}/${word}`, {});
      expect(answer).toMatchObject({ status: 409, body: { error: 'Conflict', message: expect.stringMatching(/not in a conference room/) as unknown } });
    }
    expect(callActionsSent()).toEqual([]);
    expect(await asteriskChannels(bed.ami)).toEqual([caller.channel, callee.channel].sort());
    expect(tracesSinceClear()).toEqual([]);
    expect(bed.gut.runtime.graph.snapshot().segments.get(caller.id)?.dialingTo).toEqual([callee.id]);

    await alice.cancel();
    await eve.waitFor('canceled');
    await bed.gut.until((s) => segmentOf(s, '101') === undefined && segmentOf(s, '201') === undefined);
  });

  it('given 102 talking to 202, when bad transfer bodies are POSTed (incl. a destination carrying "\\r\\nAction: Originate"), then 422 each, the gateway sends nothing and Asterisk shows no new channel', async () => {
    const { caller, callee } = await talk(bed.asterisk, '102', '202');
    const { a: seg102, b: seg202 } = await bed.gut.until((s) => linkedPair(s, '102', '202'));
    bed.ami.clear();

    const injection = '201\r\nAction: Originate\r\nChannel: PJSIP/203\r\nApplication: Playback\r\nData: beep';
    const bodies: Array<[string, unknown]> = [
      ['not JSON', '{"destinationNumber": "201", '],
      ['empty', ''],
      ['an array', '[]'],
      ['destination missing', { attended: false }],
      ['destination a number', { destinationNumber: 201, attended: false }],
      ['destination empty', { destinationNumber: '', attended: false }],
      ['destination too long', { destinationNumber: '2'.repeat(65), attended: false }],
      ['destination with CRLF and an AMI action', { destinationNumber: injection, attended: false }],
      ['destination with a bare LF', { destinationNumber: '201\nAction: Originate', attended: true }],
      ['destination a dial string', { destinationNumber: 'PJSIP/203&PJSIP/204', attended: false }],
      ['attended missing', { destinationNumber: '201' }],
      ['attended a string', { destinationNumber: '201', attended: 'false' }],
    ];
    for (const [label, body] of bodies) {
      const answer = await bed.gut.post(`${CS}/callSegments/${seg102.id}/transfer`, body);
      expect(answer.status, label).toBe(422);
      expect(answer.body, label).toMatchObject({ status: 422, error: 'Unprocessable Entity' });
    }

    expect(callActionsSent()).toEqual([]);
    expect(await asteriskChannels(bed.ami)).toEqual([seg102.channel, seg202.channel].sort());
    expect(tracesSinceClear()).toEqual([]);
    expect(bed.gut.runtime.graph.snapshot().segments.get(seg102.id)?.linkedTo).toBe(seg202.id);

    await caller.hangup();
    await callee.waitFor('remote-hangup');
    await bed.gut.until((s) => segmentOf(s, '102') === undefined && segmentOf(s, '202') === undefined);
  });

  it('given an outside caller on DID 5551234 talking to 200, when an attended transfer is asked of the trunk’s (EXTERNAL) segment, then 422 and nothing is sent', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const outside = await Phone.dial(bed.asterisk, 'trunk', '5551234', { extraHeaders: ['P-Asserted-Identity: <sip:+15550100@127.0.0.1>'] });
    await bob.waitFor('incoming');
    await bob.answer();
    await outside.waitFor('answered');
    const { trunk } = await bed.gut.until((s) => {
      const far = [...s.segments.values()].find((r) => r.channel.startsWith('PJSIP/trunk-'));
      const b = segmentOf(s, '200');
      return far && b && far.linkedTo === b.id ? { trunk: far } : undefined;
    });
    expect((await bed.gut.get(`${CS}/callSegments/${trunk.id}`)).body).toMatchObject({ type: 'EXTERNAL', did: '5551234' });

    const answer = await bed.gut.post(`${CS}/callSegments/${trunk.id}/transfer`, { destinationNumber: '201', attended: true });
    expect(answer).toMatchObject({ status: 422, body: { error: 'Unprocessable Entity', message: expect.stringMatching(/EXTERNAL/) as unknown } });
    expect(callActionsSent()).toEqual([]);

    await outside.hangup();
    await bob.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 103 rung by an Originate that dials 203 without Dial options t/T, when 203’s segment asks an attended transfer, then Asterisk accepts the Atxfer but holds nobody and starts no consultation, and the gateway answers 409 (this party may not transfer)', async () => {
    const alice = await Phone.receive(bed.asterisk, '103');
    const bob = await Phone.receive(bed.asterisk, '203', { media: true });
    await bed.ami.client.action({ Action: 'Originate', Channel: 'PJSIP/103', Application: 'Dial', Data: 'PJSIP/203', Async: 'true' });
    await alice.waitFor('incoming');
    await alice.answer();
    await bob.waitFor('incoming');
    await bob.answer();
    const { a: seg103, b: seg203 } = await bed.gut.until((s) => linkedPair(s, '103', '203'));
    bed.ami.clear();

    const answer = await bed.gut.post(`${CS}/callSegments/${seg203.id}/transfer`, { destinationNumber: '204', attended: true });
    expect(answer).toEqual({ status: 409, body: { status: 409, error: 'Conflict', message: NO_TRANSFER_FEATURE_MESSAGE } });
    expect(callActionsSent()).toEqual(['Atxfer']);
    // Within the gateway's bound Asterisk held nobody and created no consultation channel.
    expect(tracesSinceClear()).toEqual([]);
    expect(await asteriskChannels(bed.ami)).toEqual([seg103.channel, seg203.channel].sort());
    expect(bed.gut.runtime.graph.snapshot().segments.get(seg203.id)).toMatchObject({ linkedTo: seg103.id, onHold: false });

    await bob.hangup();
    await alice.waitFor('remote-hangup');
    await bed.gut.until((s) => segmentOf(s, '103') === undefined && segmentOf(s, '203') === undefined);
  });

  it('given 104 talking to 204, when 204’s segment asks an attended transfer to 5999 (no such extension in the transfer context), then Asterisk holds 204 but starts no consultation and the gateway answers 502', async () => {
    const { caller, callee } = await talk(bed.asterisk, '104', '204', { media: true });
    const { b: seg204 } = await bed.gut.until((s) => linkedPair(s, '104', '204'));
    bed.ami.clear();

    const answer = await bed.gut.post(`${CS}/callSegments/${seg204.id}/transfer`, { destinationNumber: '5999', attended: true });
    const watch = { transfererChannel: seg204.channel, transfererUniqueid: seg204.uniqueid, destinationNumber: '5999', context: 'internal' };
    expect(answer).toEqual({ status: 502, body: { status: 502, error: 'Bad Gateway', message: noConsultationMessage(watch, 3_000) } });
    await bed.ami.waitFor((e) => e.Event === 'Hold' && field(e, 'Channel') === seg204.channel);
    expect(bed.ami.events.filter((e) => e.Event === 'Newchannel').map((e) => field(e, 'Channel'))).toEqual([]);
    expect(await asteriskChannels(bed.ami)).toEqual([segmentOf(bed.gut.runtime.graph.snapshot(), '104')?.channel, seg204.channel].sort());

    await callee.hangup();
    await caller.waitFor('remote-hangup');
    await bed.gut.until((s) => segmentOf(s, '104') === undefined && segmentOf(s, '204') === undefined);
  });

  it('given a gateway whose view is stale (its AMI events switched off) while 105’s call has ended, when 105’s segment is transferred, then Asterisk answers "Channel specified does not exist" and the gateway 502 with that message', async () => {
    const stale = await GatewayUnderTest.start(bed.asterisk, { licensed: ['105', '205'] });
    try {
      const { caller, callee } = await talk(bed.asterisk, '105', '205');
      const { a: seg105, b: seg205 } = await stale.until((s) => linkedPair(s, '105', '205'));
      const off = await stale.runtime.ami.action({ Action: 'Events', EventMask: 'off' });
      expect(off.response).toBe('Success');
      await caller.hangup();
      await callee.waitFor('remote-hangup');
      await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel') === seg105.channel);
      await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel') === seg205.channel);
      expect(await asteriskChannels(bed.ami)).toEqual([]);
      expect(stale.runtime.graph.snapshot().segments.has(seg105.id)).toBe(true);

      const answer = await stale.post(`${CS}/callSegments/${seg105.id}/transfer`, { destinationNumber: '201', attended: false });
      expect(answer).toEqual({ status: 502, body: { status: 502, error: 'Bad Gateway', message: 'Channel specified does not exist' } });
    } finally {
      await stale.close();
    }
  });
});
