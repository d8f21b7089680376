/**
 * Spec 4.2 / 3.2 on a real Asterisk 22: which segments the REST shows (licensing, sticky
 * visibility that does not chain) and that a composed instance path answers the same segment,
 * byte for byte, as the plain one.
 */
import { describe, expect, it } from 'vitest';
import { eventIs, field } from './support/ami-session.js';
import { API_PASSWORD, API_USER, LIVE, segmentOf } from './support/gateway-under-test.js';
import { linkedPair, talk } from './support/calls.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

const CS = 'coreServers/getByName/default';

function ids(body: unknown): string[] {
  return (body as Array<{ id: string }>).map((s) => s.id);
}

describe('licensing and visibility of call segments on a real Asterisk 22', () => {
  const bed = useTestBed({
    licensed: ['100', '101', '102', '200'],
    unlicensed: ['201', '202', '203', '204'],
  });

  /** `GET {LIVE}/{path}` as raw text (no JSON round trip), for byte-for-byte comparisons. */
  async function getRaw(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${bed.gut.gateway.url}${LIVE}/${path}`, {
      headers: { authorization: `Basic ${Buffer.from(`${API_USER}:${API_PASSWORD}`).toString('base64')}` },
    });
    return { status: response.status, text: await response.text() };
  }

  it('given 100 licensed and 201, 202, 203 lite, when 100 talks to 201 and 202 talks to 203, then 100 and 201 are visible (201 through 100), 201’s extension path is 403, 100’s lists its segment, and the 202–203 call is invisible (left out, 403 by id)', async () => {
    const licensedCall = await talk(bed.asterisk, '100', '201');
    const liteCall = await talk(bed.asterisk, '202', '203');
    const { seg100, seg201, seg202, seg203 } = await bed.gut.until((s) => {
      const a = linkedPair(s, '100', '201');
      const b = linkedPair(s, '202', '203');
      return a && b ? { seg100: a.a, seg201: a.b, seg202: b.a, seg203: b.b } : undefined;
    });

    const all = await bed.gut.get(`${CS}/callSegments`);
    expect(all.status).toBe(200);
    expect(ids(all.body).sort()).toEqual([seg100.id, seg201.id].sort());
    const eve = (all.body as Array<Record<string, unknown>>).find((s) => s.id === seg201.id);
    expect(eve).toMatchObject({ type: 'INTERNAL', incoming: true, callerId: { number: '201' } });

    expect(await bed.gut.get(`${CS}/callSegments/${seg201.id}`)).toMatchObject({ status: 200, body: { id: seg201.id } });
    expect(await bed.gut.get(`${CS}/callSegments/${seg100.id}/linkedCallSegment`)).toMatchObject({ status: 200, body: { id: seg201.id } });

    const ext201 = await bed.gut.get(`${CS}/extensions/getByName/201/callSegments`);
    expect(ext201).toMatchObject({ status: 403, body: { status: 403, error: 'Forbidden' } });
    const ext100 = await bed.gut.get(`${CS}/extensions/getByName/100/callSegments`);
    expect(ext100.status).toBe(200);
    expect(ids(ext100.body)).toEqual([seg100.id]);
    expect((ext100.body as unknown[])[0]).toMatchObject({ id: seg100.id, type: 'INTERNAL', incoming: false, did: '201' });

    for (const hidden of [seg202, seg203]) {
      expect(await bed.gut.get(`${CS}/callSegments/${hidden.id}`)).toMatchObject({ status: 403, body: { status: 403, error: 'Forbidden' } });
    }
    expect((await bed.gut.get(`${CS}/callSegments/${seg202.id}/linkedCallSegment`)).status).toBe(403);
    expect((await bed.gut.get(`${CS}/extensions/getByName/202/callSegments`)).status).toBe(403);

    await licensedCall.caller.hangup();
    await licensedCall.callee.waitFor('remote-hangup');
    await liteCall.caller.hangup();
    await liteCall.callee.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 204 (lite) talking to 101 (licensed), when 101’s segment blind-transfers 204 to an outside number through the trunk, then 204 stays visible (sticky) while the outside party, bound only to 204, stays invisible (no chaining)', async () => {
    const { caller: lite, callee: alice } = await talk(bed.asterisk, '204', '101');
    const before = await bed.gut.until((s) => linkedPair(s, '204', '101'));
    const seg204 = before.a;
    expect(ids((await bed.gut.get(`${CS}/callSegments`)).body)).toContain(seg204.id);

    const outside = await Phone.receive(bed.asterisk, 'trunk');
    bed.ami.clear();
    const answer = await bed.gut.post(`${CS}/extensions/getByName/101/callSegments/${before.b.id}/transfer`, {
      destinationNumber: '95550001',
      attended: false,
    });
    expect(answer).toEqual({ status: 204, body: null });
    const transfer = await bed.ami.waitFor(eventIs('BlindTransfer'));
    expect(field(transfer, 'TransfererChannel')).toBe(before.b.channel);
    expect(field(transfer, 'TransfereeChannel')).toBe(seg204.channel);
    expect(field(transfer, 'Extension')).toBe('95550001');
    await alice.waitFor('remote-hangup');
    await outside.waitFor('incoming');
    await outside.answer();

    const after = await bed.gut.until((s) => {
      const far = [...s.segments.values()].find((r) => r.channel.startsWith('PJSIP/trunk-'));
      const caller = s.segments.get(seg204.id);
      return far && caller && caller.linkedTo === far.id && segmentOf(s, '101') === undefined ? { far, caller } : undefined;
    });
    expect(after.far.dialingFrom).toEqual([]);

    const all = await bed.gut.get(`${CS}/callSegments`);
    expect(ids(all.body)).toEqual([seg204.id]);
    expect(await bed.gut.get(`${CS}/callSegments/${seg204.id}`)).toMatchObject({ status: 200, body: { id: seg204.id, type: 'INTERNAL' } });
    expect(await bed.gut.get(`${CS}/callSegments/${after.far.id}`)).toMatchObject({ status: 403, body: { status: 403, error: 'Forbidden' } });
    expect((await bed.gut.get(`${CS}/callSegments/${seg204.id}/linkedCallSegment`)).status).toBe(403);

    await outside.hangup();
    await lite.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });

  it('given 102 (licensed) talking to 200, when the linked segment is read through 102’s extension path by core server id and through the plain path by slug, then both answers are byte-for-byte the same JSON', async () => {
    const call = await talk(bed.asterisk, '102', '200');
    const { a: seg102, b: seg200 } = await bed.gut.until((s) => linkedPair(s, '102', '200'));

    const composed = await getRaw(`coreServers/${bed.gut.coreServerId}/extensions/getByName/102/callSegments/${seg102.id}/linkedCallSegment`);
    const plain = await getRaw(`${CS}/callSegments/${seg200.id}`);
    expect(composed.status).toBe(200);
    expect(plain.status).toBe(200);
    expect(composed.text).toBe(plain.text);
    expect(JSON.parse(composed.text)).toMatchObject({ id: seg200.id, incoming: true, callerId: { number: '200' } });

    const back = await getRaw(`${CS}/callSegments/${seg102.id}/linkedCallSegment/linkedCallSegment`);
    expect(back.text).toBe((await getRaw(`coreServers/${bed.gut.coreServerId}/callSegments/${seg102.id}`)).text);

    await call.caller.hangup();
    await call.callee.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
  });
});
