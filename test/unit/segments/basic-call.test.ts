import { describe, expect, it } from 'vitest';
import { isEmptyState } from '../../../src/segments/state.js';
import { Pbx } from './support/pbx.js';
import { basicCall } from './support/scenarios.js';
import { replay } from './support/replay.js';
import { relationLines, viewOf } from './support/view.js';

describe('basic call (a_basic_call)', () => {
  const { pbx, dialling, talking, callerLeft } = basicCall();

  it.each([
    ['DialBegin', dialling, ['100 -> 200']],
    ['both BridgeEnter', talking, ['100 <-> 200']],
    ['caller BridgeLeave (link ends before any hangup)', callerLeft, []],
  ])('after %s the relations are %j', (_moment, mark, lines) => {
    const graph = replay(pbx.events.slice(0, mark));
    expect(relationLines(graph.snapshot())).toEqual(lines);
  });

  it('marks the caller outgoing with its DID and the callee incoming without one', () => {
    const view = viewOf(replay(pbx.events.slice(0, dialling)).snapshot());
    expect(view['100']).toMatchObject({ incoming: false, did: '200', answered: false });
    expect(view['200']).toMatchObject({ incoming: true, did: null, answered: false });
  });

  it('answers both once bridged', () => {
    const view = viewOf(replay(pbx.events.slice(0, talking)).snapshot());
    expect(view['100']?.answered).toBe(true);
    expect(view['200']?.answered).toBe(true);
  });

  it('ends with an empty state', () => {
    const graph = replay(pbx.events);
    expect(graph.snapshot().segments.size).toBe(0);
    expect(isEmptyState(graph.state)).toBe(true);
  });

  it('keeps each side bound to the other (sticky visibility)', () => {
    const snapshot = replay(pbx.events.slice(0, callerLeft)).snapshot();
    const byEndpoint = new Map([...snapshot.segments.values()].map((r) => [r.channel.slice(6, 9), r]));
    expect(byEndpoint.get('100')?.boundChannels).toEqual([byEndpoint.get('200')?.channel]);
    expect(byEndpoint.get('200')?.boundChannels).toEqual([byEndpoint.get('100')?.channel]);
  });
});

describe('calls that end unanswered', () => {
  it('caller cancel (b_caller_cancel): dialling, then nothing, then empty', () => {
    const pbx = new Pbx();
    const caller = pbx.phone('100', { exten: '200' });
    const callee = pbx.phone('200');
    pbx.dialBegin(caller, callee);
    pbx.dialState(caller, callee);
    pbx.newstate(callee, 'Ringing');
    const ringing = pbx.events.length;
    pbx.dialEnd(caller, callee, 'CANCEL');
    const cancelled = pbx.events.length;
    pbx.hangup(callee, '127');
    pbx.hangup(caller, '127');
    expect(relationLines(replay(pbx.events.slice(0, ringing)).snapshot())).toEqual(['100 -> 200']);
    expect(relationLines(replay(pbx.events.slice(0, cancelled)).snapshot())).toEqual([]);
    expect(isEmptyState(replay(pbx.events).state)).toBe(true);
  });

  it('busy (b2_busy): the dial ends with BUSY, both hang up with cause 17', () => {
    const pbx = new Pbx();
    const caller = pbx.phone('100', { exten: '200' });
    const callee = pbx.phone('200');
    pbx.dialBegin(caller, callee);
    const dialling = pbx.events.length;
    pbx.dialEnd(caller, callee, 'BUSY');
    const busy = pbx.events.length;
    pbx.hangup(callee, '17');
    pbx.hangup(caller, '17');
    expect(relationLines(replay(pbx.events.slice(0, dialling)).snapshot())).toEqual(['100 -> 200']);
    const view = viewOf(replay(pbx.events.slice(0, busy)).snapshot());
    expect(view['100']?.dialingTo).toEqual([]);
    expect(view['200']?.incoming).toBe(true);
    expect(isEmptyState(replay(pbx.events).state)).toBe(true);
  });

  it('unknown endpoint (b4): no callee channel, no relation, the caller alone', () => {
    const pbx = new Pbx();
    const caller = pbx.phone('100', { exten: '300' });
    const alone = pbx.events.length;
    pbx.hangup(caller, '3');
    const view = viewOf(replay(pbx.events.slice(0, alone)).snapshot());
    expect(view).toEqual({
      '100': expect.objectContaining({ did: '300', incoming: false, dialingTo: [], linkedTo: null }),
    });
    expect(isEmptyState(replay(pbx.events).state)).toBe(true);
  });
});
