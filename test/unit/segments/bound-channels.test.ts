import { describe, expect, it } from 'vitest';
import { Pbx } from './support/pbx.js';
import { replay } from './support/replay.js';

describe('bound channels of a long-lived segment', () => {
  it('grow with the endpoints it was bound to, not with every attempt (a caller waiting while agents ring again and again)', () => {
    const pbx = new Pbx();
    const caller = pbx.phone('trunk', { exten: '600', state: 'Up' });
    for (let attempt = 0; attempt < 200; attempt++) {
      for (const agent of ['200', '201']) {
        const ringing = pbx.phone(agent);
        pbx.dialBegin(caller, ringing, agent);
        pbx.dialEnd(caller, ringing, 'NOANSWER');
        pbx.hangup(ringing, '0');
      }
    }
    const last = pbx.phone('202');
    pbx.dialBegin(caller, last, '202');
    const record = [...replay(pbx.events).snapshot().segments.values()].find((r) => r.uniqueid === caller.uniqueid);
    expect(record?.boundChannels.map((name) => name.replace(/-[0-9a-f]+$/, '')).sort()).toEqual([
      'PJSIP/200',
      'PJSIP/201',
      'PJSIP/202',
    ]);
    expect(record?.boundChannels).toContain(last.name);
  });
});
