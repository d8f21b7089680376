import { describe, expect, it } from 'vitest';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { reduce } from '../../../src/segments/reducer.js';
import { Pbx } from './support/pbx.js';
import { replay } from './support/replay.js';
import { relationLines } from './support/view.js';

/** 100 and 200 talking in bridge b1, 100 also in queue q and room 800 is live: something for every handler to find. */
function talking() {
  const pbx = new Pbx();
  const alice = pbx.phone('100', { exten: '200' });
  const bob = pbx.phone('200');
  pbx.dialBegin(alice, bob);
  pbx.dialEnd(alice, bob, 'ANSWER');
  pbx.bridgeCreate('b1');
  pbx.bridgeEnter('b1', bob);
  pbx.bridgeEnter('b1', alice);
  pbx.confStart('800', 'c1');
  return { pbx, alice, bob };
}

const HANDLED = [
  'Newchannel', 'Newstate', 'NewCallerid', 'Rename', 'Hangup', 'Hold', 'Unhold', 'MixMonitorStart',
  'MixMonitorStop', 'DialBegin', 'DialEnd', 'BridgeCreate', 'BridgeDestroy', 'BridgeEnter', 'BridgeLeave',
  'LocalBridge', 'ConfbridgeStart', 'ConfbridgeEnd', 'ConfbridgeJoin', 'ConfbridgeLeave', 'QueueCallerJoin',
  'QueueCallerLeave',
] as const;

describe('malformed events (an identity header missing or repeated)', () => {
  const { pbx, alice } = talking();
  const state = replay(pbx.events).state;
  const cases: [string, AmiEvent][] = HANDLED.flatMap((name): [string, AmiEvent][] => [
    [`${name} with no header at all`, { Event: name }],
    [
      `${name} with every identity header repeated`,
      {
        Event: name,
        Channel: [alice.name, alice.name],
        Uniqueid: [alice.uniqueid, alice.uniqueid],
        DestUniqueid: [alice.uniqueid, alice.uniqueid],
        SwapUniqueid: [alice.uniqueid, alice.uniqueid],
        BridgeUniqueid: ['b1', 'b1'],
        LocalOneUniqueid: [alice.uniqueid, alice.uniqueid],
        LocalTwoUniqueid: [alice.uniqueid, alice.uniqueid],
        Conference: ['800', '800'],
        Queue: ['q', 'q'],
        Newname: ['PJSIP/100-x', 'PJSIP/100-y'],
      },
    ],
  ]);
  cases.push(
    ['Newchannel with no Channel', { Event: 'Newchannel', Uniqueid: '1796398606.99', ChannelStateDesc: 'Ring' }],
    ['DialBegin with a caller but no DestUniqueid', { Event: 'DialBegin', Uniqueid: alice.uniqueid, DestChannel: 'PJSIP/200-00000009' }],
    ['BridgeEnter with no BridgeUniqueid', { Event: 'BridgeEnter', Uniqueid: alice.uniqueid, Channel: alice.name }],
    ['LocalBridge with one half only', { Event: 'LocalBridge', LocalOneUniqueid: alice.uniqueid }],
    ['ConfbridgeJoin with no Conference', { Event: 'ConfbridgeJoin', Uniqueid: alice.uniqueid, BridgeUniqueid: 'c1' }],
    ['QueueCallerJoin with no Queue', { Event: 'QueueCallerJoin', Uniqueid: alice.uniqueid }],
  );

  it.each(cases)('%s changes nothing and throws nothing', (_label, event) => {
    expect(reduce(state, event)).toBe(state);
  });

  it('a graph fed malformed events keeps working on the well-formed ones around them', () => {
    const next = new Pbx();
    const a = next.phone('100', { exten: '200' });
    next.raw({ Event: 'Hold' });
    const b = next.phone('200');
    next.raw({ Event: 'DialBegin', Uniqueid: a.uniqueid });
    next.dialBegin(a, b);
    next.raw({ Event: 'BridgeEnter', Uniqueid: b.uniqueid });
    expect(relationLines(replay(next.events).snapshot())).toEqual(['100 -> 200']);
  });
});
