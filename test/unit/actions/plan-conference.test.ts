import { describe, expect, it } from 'vitest';
import { planConferenceAction } from '../../../src/actions/plan-conference.js';
import { coreServer, segment } from './fixtures.js';

const member = segment('101', { conference: '800', channel: 'PJSIP/101-0000001f' });

describe('planConferenceAction', () => {
  it.each([
    ['kick', 'ConfbridgeKick'],
    ['mute', 'ConfbridgeMute'],
    ['unmute', 'ConfbridgeUnmute'],
  ] as const)('%s → %s with the room and the real channel', (action, amiAction) => {
    expect(planConferenceAction({ segment: member, coreServer, action })).toEqual({
      ok: true,
      plan: { action: amiAction, headers: { Action: amiAction, Conference: '800', Channel: 'PJSIP/101-0000001f' } },
    });
  });

  it.each(['kick', 'mute', 'unmute'] as const)('%s: 409 when the segment is in no conference room', (action) => {
    const result = planConferenceAction({ segment: segment('100'), coreServer, action });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(409);
      expect(result.error.message).toMatch(/not in a conference room/);
    }
  });

  it.each(['kick', 'mute', 'unmute'] as const)('%s: 500 when conference rooms are not enabled (before the 409)', (action) => {
    const disabled = { ...coreServer, conferenceRoomsEnabled: false };
    for (const target of [member, segment('100')]) {
      const result = planConferenceAction({ segment: target, coreServer: disabled, action });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.status).toBe(500);
        expect(result.error.message).toMatch(/conference rooms are not enabled/);
      }
    }
  });
});
