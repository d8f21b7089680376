import { describe, expect, it } from 'vitest';
import { segmentOf } from './support/gateway-under-test.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

describe('the REST API follows a basic call on a real Asterisk 22', () => {
  const bed = useTestBed({ licensed: ['100', '200'] }, { ami: false });

  it('given Alice (100) and Bob (200) licensed, when 100 dials 200, then 100 is dialling 200 with the spec fields; when 200 answers they are linked; when 100 hangs up both segments are gone', async () => {
    const bob = await Phone.receive(bed.asterisk, '200');
    const alice = await Phone.dial(bed.asterisk, '100', '200');
    await bob.waitFor('incoming');
    await bob.ring();

    const ringing = await bed.gut.until((s) => {
      const a = segmentOf(s, '100');
      const b = segmentOf(s, '200');
      return a && b && a.dialingTo.includes(b.id) ? { a, b } : undefined;
    });
    const all = await bed.gut.get('coreServers/getByName/default/callSegments');
    expect(all.status).toBe(200);
    const body = all.body as Array<Record<string, unknown>>;
    const caller = body.find((s) => s.id === ringing.a.id);
    const callee = body.find((s) => s.id === ringing.b.id);
    expect(caller).toEqual({
      id: ringing.a.id,
      type: 'INTERNAL',
      callerId: { id: expect.any(String), name: 'Alice', number: '100' },
      did: '200',
      onHold: false,
      recording: false,
      incoming: false,
    });
    expect(callee).toMatchObject({ type: 'INTERNAL', callerId: { name: 'Bob', number: '200' }, did: null, incoming: true });

    const dialling = await bed.gut.get(`coreServers/getByName/default/callSegments/${ringing.a.id}/dialingToCallSegments`);
    expect((dialling.body as Array<{ id: string }>).map((s) => s.id)).toEqual([ringing.b.id]);
    const from = await bed.gut.get(`coreServers/getByName/default/callSegments/${ringing.b.id}/dialingFromCallSegment`);
    expect(from).toMatchObject({ status: 200, body: { id: ringing.a.id } });

    await bob.answer();
    await alice.waitFor('answered');
    await bed.gut.until((s) => segmentOf(s, '100')?.linkedTo === ringing.b.id && segmentOf(s, '200')?.linkedTo === ringing.a.id);
    const linked = await bed.gut.get(`coreServers/getByName/default/extensions/getByName/100/callSegments/${ringing.a.id}/linkedCallSegment`);
    expect(linked).toMatchObject({ status: 200, body: { id: ringing.b.id, incoming: true } });
    const noLongerDialling = await bed.gut.get(`coreServers/getByName/default/callSegments/${ringing.a.id}/dialingToCallSegments`);
    expect(noLongerDialling.body).toEqual([]);

    await alice.hangup();
    await bob.waitFor('remote-hangup');
    await bed.gut.until((s) => s.segments.size === 0);
    const gone = await bed.gut.get(`coreServers/getByName/default/callSegments/${ringing.a.id}`);
    expect(gone.status).toBe(404);
    expect((await bed.gut.get('coreServers/getByName/default/callSegments')).body).toEqual([]);
  });
});
