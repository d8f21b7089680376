import { describe, expect, it } from 'vitest';
import type { GraphSnapshot } from '../../../src/segments/selectors.js';
import { isEmptyState } from '../../../src/segments/state.js';
import type { Chan } from './support/pbx.js';
import { Pbx } from './support/pbx.js';
import { replay } from './support/replay.js';
import { relationLines, viewOf } from './support/view.js';

function idOf(snapshot: GraphSnapshot, chan: Chan): string | undefined {
  return [...snapshot.segments.values()].find((record) => record.channel === chan.name)?.id;
}

/** Dial(Local/201@internal): 100 → ;1, ;2 → 201, answered; optionally optimised away (j_local, j2_local_n). */
function localDial(optimise: boolean) {
  const pbx = new Pbx();
  const alice = pbx.phone('100', { exten: '201' });
  const [one, two] = pbx.localPair('201', 'internal', optimise);
  pbx.dialBegin(alice, one, '201@internal');
  const eve = pbx.phone('201');
  pbx.dialBegin(two, eve, '201');
  const ringing = pbx.events.length;
  pbx.newstate(eve, 'Up');
  pbx.dialEnd(two, eve, 'ANSWER');
  const firstDialEnd = pbx.events.length;
  pbx.bridgeCreate('x');
  pbx.bridgeEnter('x', eve);
  pbx.bridgeEnter('x', two);
  pbx.newstate(one, 'Up');
  pbx.dialEnd(alice, one, 'ANSWER');
  pbx.newstate(alice, 'Up');
  pbx.bridgeCreate('y');
  pbx.bridgeEnter('y', one);
  pbx.bridgeEnter('y', alice);
  const answered = pbx.events.length;
  if (optimise) {
    pbx.localOptimization(one, two, 'Begin');
    pbx.bridgeLeave('y', alice);
    pbx.bridgeLeave('x', two);
    pbx.bridgeEnter('x', alice, { swap: two });
    pbx.localOptimization(one, two, 'End');
    pbx.bridgeLeave('y', one);
    pbx.bridgeDestroy('y');
    pbx.hangup(one);
    pbx.hangup(two);
  }
  const settled = pbx.events.length;
  if (optimise) pbx.bridgeLeave('x', alice);
  pbx.bridgeLeave('x', eve);
  pbx.bridgeDestroy('x');
  if (!optimise) {
    pbx.bridgeLeave('y', one);
    pbx.bridgeLeave('y', alice);
    pbx.bridgeDestroy('y');
    pbx.hangup(one);
    pbx.hangup(two);
  }
  pbx.hangup(alice);
  pbx.hangup(eve);
  return { pbx, alice, eve, ringing, firstDialEnd, answered, settled };
}

describe.each([
  ['without optimisation (/n)', false],
  ['with optimisation (SwapUniqueid)', true],
])('Local dial %s', (_name, optimise) => {
  const call = localDial(optimise);

  it.each([
    ['both Local legs dial', 'ringing', ['100 -> 201']],
    ['the first DialEnd', 'firstDialEnd', []],
    ['both bridges are up', 'answered', ['100 <-> 201']],
    ['settled', 'settled', ['100 <-> 201']],
  ] as const)('after %s: %j', (_moment, mark, lines) => {
    expect(relationLines(replay(call.pbx.events.slice(0, call[mark])).snapshot())).toEqual(lines);
  });

  it('shows no Local half as a segment; 201 is incoming', () => {
    const view = viewOf(replay(call.pbx.events.slice(0, call.ringing)).snapshot());
    expect(Object.keys(view).sort()).toEqual(['100', '201']);
    expect(view['201']?.incoming).toBe(true);
  });

  it('keeps the same segment ids and ends empty', () => {
    const answered = replay(call.pbx.events.slice(0, call.answered)).snapshot();
    const settled = replay(call.pbx.events.slice(0, call.settled)).snapshot();
    expect(idOf(settled, call.alice)).toBe(idOf(answered, call.alice));
    expect(idOf(settled, call.eve)).toBe(idOf(answered, call.eve));
    expect(isEmptyState(replay(call.pbx.events).state)).toBe(true);
  });
});

describe('queue with a Local member (i_queue)', () => {
  const pbx = new Pbx();
  const caller = pbx.phone('100', { exten: '600' });
  pbx.newstate(caller, 'Up');
  pbx.queueJoin('support', caller);
  pbx.mohStart(caller);
  const waiting = pbx.events.length;
  const [one, two] = pbx.localPair('200');
  pbx.newCallerid(one, '600', '');
  pbx.dialBegin(caller, one, '200@internal');
  const bob = pbx.phone('200');
  pbx.dialBegin(two, bob, '200');
  const ringing = pbx.events.length;
  pbx.newstate(bob, 'Up');
  pbx.bridgeCreate('x');
  pbx.bridgeEnter('x', bob);
  pbx.bridgeEnter('x', two);
  pbx.dialEnd(two, bob, 'ANSWER');
  pbx.dialEnd(caller, one, 'ANSWER');
  pbx.mohStop(caller);
  pbx.queueLeave('support', caller);
  pbx.bridgeCreate('y');
  pbx.bridgeEnter('y', one);
  pbx.bridgeEnter('y', caller);
  const answered = pbx.events.length;
  pbx.localOptimization(one, two, 'Begin');
  pbx.bridgeLeave('x', bob);
  pbx.bridgeLeave('y', one);
  pbx.bridgeEnter('y', bob, { swap: one });
  pbx.localOptimization(one, two, 'End');
  pbx.bridgeLeave('x', two);
  pbx.bridgeDestroy('x');
  pbx.hangup(one);
  pbx.hangup(two);
  const optimised = pbx.events.length;
  pbx.bridgeLeave('y', caller);
  pbx.bridgeLeave('y', bob);
  pbx.bridgeDestroy('y');
  pbx.hangup(caller);
  pbx.hangup(bob);

  it('the waiting caller is in the queue, dialling nobody', () => {
    const snapshot = replay(pbx.events.slice(0, waiting)).snapshot();
    expect(viewOf(snapshot)['100']).toMatchObject({ queue: 'support', dialingTo: [] });
    expect(snapshot.queues.get('support')).toEqual([idOf(snapshot, caller)]);
  });

  it.each([
    ['the member rings through the Local pair', ringing, ['100 -> 200']],
    ['the member answers', answered, ['100 <-> 200']],
    ['the pair is optimised away', optimised, ['100 <-> 200']],
  ])('%s: %j', (_moment, mark, lines) => {
    expect(relationLines(replay(pbx.events.slice(0, mark)).snapshot())).toEqual(lines);
  });

  it('leaves the queue on QueueCallerLeave and ends empty', () => {
    const snapshot = replay(pbx.events.slice(0, answered)).snapshot();
    expect(snapshot.queues.size).toBe(0);
    expect(viewOf(snapshot)['100']?.queue).toBeNull();
    expect(isEmptyState(replay(pbx.events).state)).toBe(true);
  });
});

function talking() {
  const pbx = new Pbx();
  const alice = pbx.phone('100', { exten: '200' });
  const bob = pbx.phone('200');
  pbx.dialBegin(alice, bob);
  pbx.newstate(bob, 'Up');
  pbx.dialEnd(alice, bob, 'ANSWER');
  pbx.newstate(alice, 'Up');
  pbx.bridgeCreate('a');
  pbx.bridgeEnter('a', bob);
  pbx.bridgeEnter('a', alice);
  return { pbx, alice, bob };
}

describe('AMI Atxfer on 200 (h3_atxfer)', () => {
  const { pbx, alice, bob } = talking();
  pbx.hold(bob);
  pbx.mohStart(alice);
  const held = pbx.events.length;
  const [one, two] = pbx.localPair('201');
  pbx.bridgeCreate('b');
  pbx.bridgeEnter('b', one);
  pbx.bridgeLeave('a', bob);
  const left = pbx.events.length;
  pbx.bridgeEnter('b', bob);
  const eve = pbx.phone('201');
  pbx.newCallerid(two, '200', 'Bob');
  pbx.dialBegin(two, eve, '201');
  pbx.dialState(null, one, 'RINGING');
  const consulting = pbx.events.length;
  pbx.newstate(eve, 'Up');
  pbx.dialEnd(two, eve, 'ANSWER');
  pbx.dialEnd(null, one, 'ANSWER');
  pbx.bridgeCreate('c');
  pbx.bridgeEnter('c', eve);
  pbx.bridgeEnter('c', two);
  const consulted = pbx.events.length;
  pbx.bridgeLeave('b', bob);
  pbx.bridgeMerge('a', 'b');
  pbx.bridgeLeave('b', one);
  pbx.bridgeEnter('a', one);
  pbx.mohStop(alice);
  pbx.raw({ Event: 'AttendedTransfer', Result: 'Success', DestType: 'Bridge', DestBridgeUniqueid: 'a' });
  pbx.bridgeDestroy('b');
  pbx.hangup(bob);
  const completed = pbx.events.length;
  pbx.localOptimization(one, two, 'Begin');
  pbx.bridgeLeave('c', eve);
  pbx.bridgeLeave('a', one);
  pbx.bridgeEnter('a', eve, { swap: one });
  pbx.localOptimization(one, two, 'End');
  pbx.bridgeLeave('c', two);
  pbx.bridgeDestroy('c');
  pbx.hangup(one);
  pbx.hangup(two);
  const optimised = pbx.events.length;

  it.each([
    ['Hold on 200', held, ['100 <-> 200']],
    ['200 leaves the bridge with 100', left, []],
    ['the consultation rings', consulting, ['200 -> 201']],
    ['201 answers', consulted, ['200 <-> 201']],
    ['200 hangs up (transfer completes)', completed, ['100 <-> 201']],
    ['the Local pair is optimised away', optimised, ['100 <-> 201']],
  ])('after %s: %j', (_moment, mark, lines) => {
    expect(relationLines(replay(pbx.events.slice(0, mark)).snapshot())).toEqual(lines);
  });

  it('marks 200 on hold while consulting, never 100', () => {
    const view = viewOf(replay(pbx.events.slice(0, consulting)).snapshot());
    expect(view['200']?.onHold).toBe(true);
    expect(view['100']?.onHold).toBe(false);
  });

  it('keeps 100 visible through 201 after the transfer (sticky bindings)', () => {
    const snapshot = replay(pbx.events.slice(0, optimised)).snapshot();
    const record = [...snapshot.segments.values()].find((r) => r.channel === alice.name);
    expect(record?.boundChannels).toEqual([bob.name, eve.name]);
    const eveRecord = [...snapshot.segments.values()].find((r) => r.channel === eve.name);
    expect(eveRecord?.boundChannels).toEqual([bob.name, alice.name]);
  });
});

describe('BlindTransfer on 200 (h2_blindtransfer)', () => {
  it('200 is released, 100 dials 201, then talks to it', () => {
    const { pbx, alice, bob } = talking();
    pbx.unhold(bob);
    pbx.raw({ Event: 'BlindTransfer', Result: 'Success', TransfererUniqueid: bob.uniqueid, TransfereeUniqueid: alice.uniqueid, Extension: '201' });
    pbx.bridgeLeave('a', bob);
    pbx.hangup(bob);
    pbx.bridgeLeave('a', alice);
    pbx.bridgeDestroy('a');
    const eve = pbx.phone('201');
    pbx.dialBegin(alice, eve, '201');
    const dialling = pbx.events.length;
    pbx.newstate(eve, 'Up');
    pbx.dialEnd(alice, eve, 'ANSWER');
    pbx.bridgeCreate('d');
    pbx.bridgeEnter('d', eve);
    pbx.bridgeEnter('d', alice);
    expect(relationLines(replay(pbx.events.slice(0, dialling)).snapshot())).toEqual(['100 -> 201']);
    const view = viewOf(replay(pbx.events).snapshot());
    expect(view['100']).toMatchObject({ linkedTo: '201', incoming: false, did: '200' });
    expect(view['200']).toBeUndefined();
  });
});

describe('Redirect of the callee 200 to 201 (h1_redirect)', () => {
  it('200 keeps its id and becomes the caller of 201; 100 is gone', () => {
    const { pbx, alice, bob } = talking();
    const before = idOf(replay(pbx.events).snapshot(), bob);
    pbx.bridgeLeave('a', bob);
    pbx.bridgeLeave('a', alice);
    pbx.bridgeDestroy('a');
    pbx.hangup(alice);
    const eve = pbx.phone('201');
    pbx.dialBegin(bob, eve, '201');
    const dialling = pbx.events.length;
    pbx.newstate(eve, 'Up');
    pbx.dialEnd(bob, eve, 'ANSWER');
    pbx.bridgeCreate('e');
    pbx.bridgeEnter('e', eve);
    pbx.bridgeEnter('e', bob);
    expect(relationLines(replay(pbx.events.slice(0, dialling)).snapshot())).toEqual(['200 -> 201']);
    const snapshot = replay(pbx.events).snapshot();
    expect(relationLines(snapshot)).toEqual(['200 <-> 201']);
    expect(idOf(snapshot, bob)).toBe(before);
    expect(viewOf(snapshot)['200']?.incoming).toBe(true);
  });
});
