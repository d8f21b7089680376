/**
 * Spec 3.3 kick / mute / unmute on a real Asterisk 22 ConfBridge: the REST answer, what Asterisk
 * did (ConfbridgeMute/Unmute/Leave events, ConfbridgeList) and the room the REST shows after.
 */
import { describe, expect, it } from 'vitest';
import type { GraphSnapshot } from '../../src/segments/index.js';
import { field } from './support/ami-session.js';
import type { StartedAsteriskContainer } from './support/asterisk-container.js';
import type { PhoneName } from './support/asterisk-config.js';
import { segmentOf } from './support/gateway-under-test.js';
import { Phone } from './support/phone.js';
import { useTestBed } from './support/test-bed.js';

const CS = 'coreServers/getByName/default';
const ROOM = `${CS}/conferences/getByName/800/callSegments`;

async function joinRoom(asterisk: StartedAsteriskContainer, phone: PhoneName, room: string): Promise<Phone> {
  const member = await Phone.dial(asterisk, phone, room);
  await member.waitFor('answered');
  return member;
}

function membersOf(s: GraphSnapshot, room: string, phones: readonly string[]): Record<string, string> | undefined {
  const ids = s.conferences.get(room) ?? [];
  const found: Record<string, string> = {};
  for (const phone of phones) {
    const segment = segmentOf(s, phone);
    if (segment === undefined || !ids.includes(segment.id)) return undefined;
    found[phone] = segment.id;
  }
  return ids.length === phones.length ? found : undefined;
}

describe('kick, mute and unmute through the REST on a real Asterisk 22 ConfBridge', () => {
  const bed = useTestBed({ licensed: ['100', '101', '102'], conferences: ['800'] });

  /** ConfbridgeList of a room: channel → Muted (Yes/No). */
  async function confbridgeList(room: string): Promise<Record<string, string>> {
    const list = await bed.ami.client.listAction({ Action: 'ConfbridgeList', Conference: room });
    return Object.fromEntries(list.items.filter((e) => e.Event === 'ConfbridgeList').map((e) => [field(e, 'Channel'), field(e, 'Muted')]));
  }

  it('given 100, 101 and 102 in room 800, when 101 is muted, unmuted and 102 kicked through the REST, then each answers 204 and Asterisk reports 101 muted then unmuted, and 102 gone, leaving two members in ConfbridgeList and in the REST room', async () => {
    const phones = {
      '100': await joinRoom(bed.asterisk, '100', '800'),
      '101': await joinRoom(bed.asterisk, '101', '800'),
      '102': await joinRoom(bed.asterisk, '102', '800'),
    };
    const ids = await bed.gut.until((s) => membersOf(s, '800', ['100', '101', '102']));
    const channelOf = (phone: string): string => {
      const id = ids[phone] ?? '';
      return bed.gut.runtime.graph.snapshot().segments.get(id)?.channel ?? '';
    };
    const [c100, c101, c102] = [channelOf('100'), channelOf('101'), channelOf('102')];
    expect(await confbridgeList('800')).toEqual({ [c100]: 'No', [c101]: 'No', [c102]: 'No' });
    const room = await bed.gut.get(ROOM);
    expect((room.body as Array<{ id: string }>).map((s) => s.id).sort()).toEqual(Object.values(ids).sort());

    bed.ami.clear();
    expect(await bed.gut.post(`${ROOM}/${ids['101']}/mute`, {})).toEqual({ status: 204, body: null });
    const muted = await bed.ami.waitFor((e) => e.Event === 'ConfbridgeMute' && field(e, 'Channel') === c101);
    expect(field(muted, 'Conference')).toBe('800');
    expect(await confbridgeList('800')).toEqual({ [c100]: 'No', [c101]: 'Yes', [c102]: 'No' });

    expect(await bed.gut.post(`${CS}/callSegments/${ids['101']}/unmute`, {})).toEqual({ status: 204, body: null });
    await bed.ami.waitFor((e) => e.Event === 'ConfbridgeUnmute' && field(e, 'Channel') === c101);
    expect(await confbridgeList('800')).toEqual({ [c100]: 'No', [c101]: 'No', [c102]: 'No' });

    expect(await bed.gut.post(`${ROOM}/${ids['102']}/kick`, {})).toEqual({ status: 204, body: null });
    await bed.ami.waitFor((e) => e.Event === 'ConfbridgeLeave' && field(e, 'Channel') === c102);
    await bed.ami.waitFor((e) => e.Event === 'Hangup' && field(e, 'Channel') === c102);
    await phones['102'].waitFor('remote-hangup');
    await bed.gut.until((s) => membersOf(s, '800', ['100', '101']));
    expect(await confbridgeList('800')).toEqual({ [c100]: 'No', [c101]: 'No' });
    const after = await bed.gut.get(ROOM);
    expect((after.body as Array<{ id: string }>).map((s) => s.id).sort()).toEqual([ids['100'], ids['101']].sort());
    expect((await bed.gut.get(`${ROOM}/${ids['102']}`)).status).toBe(404);

    await phones['100'].hangup();
    await phones['101'].hangup();
    await bed.gut.until((s) => s.segments.size === 0);
    expect((await bed.gut.get(ROOM)).body).toEqual([]);
  });
});
