import { describe, expect, it } from 'vitest';
import { isEmptyState } from '../../../src/segments/state.js';
import { Pbx } from './support/pbx.js';
import { replay } from './support/replay.js';
import { relationLines, viewOf } from './support/view.js';

describe('ring group Dial(PJSIP/200&PJSIP/201) (c_ring_group)', () => {
  const pbx = new Pbx();
  const caller = pbx.phone('100', { exten: '600' });
  const bob = pbx.phone('200');
  const eve = pbx.phone('201');
  pbx.dialBegin(caller, bob, '200');
  pbx.dialBegin(caller, eve, '201');
  pbx.newstate(bob, 'Ringing');
  pbx.newstate(eve, 'Ringing');
  const ringing = pbx.events.length;
  pbx.newstate(eve, 'Up');
  pbx.dialEnd(caller, bob, 'CANCEL');
  const cancelled = pbx.events.length;
  pbx.dialEnd(caller, eve, 'ANSWER');
  pbx.newstate(caller, 'Up');
  pbx.hangup(bob, '26');
  pbx.bridgeCreate('b-1');
  pbx.bridgeEnter('b-1', eve);
  pbx.bridgeEnter('b-1', caller);
  const talking = pbx.events.length;

  it.each([
    ['both ring', ringing, ['100 -> 200', '100 -> 201']],
    ["200's dial ends with CANCEL", cancelled, ['100 -> 201']],
    ['201 answers, 200 hung up with cause 26', talking, ['100 <-> 201']],
  ])('%s: %j', (_moment, mark, lines) => {
    expect(relationLines(replay(pbx.events.slice(0, mark)).snapshot())).toEqual(lines);
  });

  it('200 stays, with no relation, until it hangs up', () => {
    const view = viewOf(replay(pbx.events.slice(0, cancelled)).snapshot());
    expect(view['200']).toMatchObject({ incoming: true, dialingFrom: [], linkedTo: null });
    expect(viewOf(replay(pbx.events.slice(0, talking)).snapshot())['200']).toBeUndefined();
  });
});

describe('inbound DID (d_inbound_did)', () => {
  it('the trunk segment carries the DID and the outside caller id and dials 200', () => {
    const pbx = new Pbx();
    const trunk = pbx.phone('trunk', { exten: '5551234', context: 'from-trunk', num: '+15557654321', name: 'John External' });
    const bob = pbx.phone('200');
    pbx.dialBegin(trunk, bob, '200');
    const graph = replay(pbx.events);
    const view = viewOf(graph.snapshot());
    expect(view['trunk']).toMatchObject({ did: '5551234', incoming: false, dialingTo: ['200'] });
    expect(view['200']).toMatchObject({ did: null, incoming: true, dialingFrom: ['trunk'] });
    const record = [...graph.snapshot().segments.values()].find((r) => r.channel === trunk.name);
    expect(record).toMatchObject({ callerIdNumber: '+15557654321', callerIdName: 'John External' });
  });

  it("'s' and '' are no DID; '<unknown>' caller ids are null", () => {
    const pbx = new Pbx();
    pbx.phone('100', { exten: 's', num: '<unknown>', name: '' });
    pbx.phone('101', { exten: '', num: '', name: '<unknown>' });
    const records = [...replay(pbx.events).snapshot().segments.values()];
    expect(records.map((r) => [r.did, r.callerIdNumber, r.callerIdName])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });
});

function talkingPair() {
  const pbx = new Pbx();
  const alice = pbx.phone('100', { exten: '200' });
  const bob = pbx.phone('200');
  pbx.dialBegin(alice, bob);
  pbx.newstate(bob, 'Up');
  pbx.dialEnd(alice, bob, 'ANSWER');
  pbx.newstate(alice, 'Up');
  pbx.bridgeCreate('b-1');
  pbx.bridgeEnter('b-1', bob);
  pbx.bridgeEnter('b-1', alice);
  return { pbx, alice, bob };
}

describe('hold (e_hold, e2_hold_by_caller)', () => {
  it.each([
    ['200 holds', 'bob', { '100': false, '200': true }],
    ['100 holds', 'alice', { '100': true, '200': false }],
  ] as const)('%s: only the holder is onHold, the link stays', (_name, who, expected) => {
    const { pbx, alice, bob } = talkingPair();
    const holder = who === 'bob' ? bob : alice;
    pbx.hold(holder);
    pbx.mohStart(holder === bob ? alice : bob);
    const view = viewOf(replay(pbx.events).snapshot());
    expect({ '100': view['100']?.onHold, '200': view['200']?.onHold }).toEqual(expected);
    expect(view['100']?.linkedTo).toBe('200');
    pbx.unhold(holder);
    pbx.mohStop(holder === bob ? alice : bob);
    const after = viewOf(replay(pbx.events).snapshot());
    expect([after['100']?.onHold, after['200']?.onHold]).toEqual([false, false]);
  });
});

describe('MixMonitor (f_mixmonitor)', () => {
  it('recording from MixMonitorStart to MixMonitorStop, only on the recorded channel', () => {
    const { pbx, alice } = talkingPair();
    pbx.mixMonitor(alice, true);
    expect(viewOf(replay(pbx.events).snapshot())['100']?.recording).toBe(true);
    expect(viewOf(replay(pbx.events).snapshot())['200']?.recording).toBe(false);
    pbx.mixMonitor(alice, false);
    expect(viewOf(replay(pbx.events).snapshot())['100']?.recording).toBe(false);
  });

  it('is cleared at hangup (no MixMonitorStop is sent)', () => {
    const { pbx, alice, bob } = talkingPair();
    pbx.mixMonitor(bob, true);
    pbx.bridgeLeave('b-1', alice);
    pbx.bridgeLeave('b-1', bob);
    pbx.bridgeDestroy('b-1');
    pbx.hangup(bob);
    pbx.hangup(alice);
    expect(isEmptyState(replay(pbx.events).state)).toBe(true);
  });
});

describe('ConfBridge of three with the hidden announcer (g_confbridge)', () => {
  const pbx = new Pbx();
  const members = ['100', '101', '102'].map((endpoint) => pbx.phone(endpoint, { exten: '800' }));
  pbx.bridgeCreate('conf', 'base', 'ConfBridge');
  pbx.confStart('800', 'conf');
  for (const member of members) {
    pbx.newstate(member, 'Up');
    pbx.bridgeEnter('conf', member, { type: 'base', creator: 'ConfBridge' });
    pbx.confJoin('800', 'conf', member);
  }
  const inRoom = pbx.events.length;

  it('three members, each linked to nobody, no announcer segment', () => {
    const snapshot = replay(pbx.events.slice(0, inRoom)).snapshot();
    expect(relationLines(snapshot)).toEqual([]);
    expect(Object.keys(viewOf(snapshot)).sort()).toEqual(['100', '101', '102']);
    expect(snapshot.conferences.get('800')).toHaveLength(3);
    expect(Object.values(viewOf(snapshot)).map((v) => v.conference)).toEqual(['800', '800', '800']);
  });

  it('two left in the room are still linked to nobody; the room ends empty', () => {
    const [first, second, third] = members as [typeof members[0], typeof members[0], typeof members[0]];
    pbx.confLeave('800', 'conf', first);
    pbx.bridgeLeave('conf', first, { type: 'base', creator: 'ConfBridge' });
    pbx.hangup(first);
    const two = pbx.events.length;
    const snapshot = replay(pbx.events.slice(0, two)).snapshot();
    expect(relationLines(snapshot)).toEqual([]);
    expect(snapshot.conferences.get('800')).toHaveLength(2);
    for (const member of [second, third]) {
      pbx.confLeave('800', 'conf', member);
      pbx.bridgeLeave('conf', member, { type: 'base', creator: 'ConfBridge' });
    }
    pbx.confEnd('800', 'conf');
    pbx.bridgeDestroy('conf', 'base', 'ConfBridge');
    pbx.hangup(second);
    pbx.hangup(third);
    const graph = replay(pbx.events);
    expect(graph.snapshot().conferences.size).toBe(0);
    expect(isEmptyState(graph.state)).toBe(true);
  });
});

describe('Originate (n_originate)', () => {
  it('the rung phone is incoming, without a dialler, then dials 200 itself', () => {
    const pbx = new Pbx();
    const alice = pbx.phone('100');
    pbx.newCallerid(alice, '200', 'Click to call');
    pbx.dialBegin(null, alice);
    pbx.newstate(alice, 'Up');
    pbx.dialEnd(null, alice, 'ANSWER');
    const bob = pbx.phone('200');
    pbx.dialBegin(alice, bob);
    const snapshot = replay(pbx.events).snapshot();
    const view = viewOf(snapshot);
    expect(view['100']).toMatchObject({ incoming: true, did: null, dialingFrom: [], dialingTo: ['200'] });
    const record = [...snapshot.segments.values()].find((r) => r.channel === alice.name);
    expect(record?.callerIdNumber).toBe('200');
  });
});
