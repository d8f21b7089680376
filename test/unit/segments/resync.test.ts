import { describe, expect, it } from 'vitest';
import type { ResyncLists } from '../../../src/segments/resync.js';
import { buildResyncState } from '../../../src/segments/resync.js';
import { selectSnapshot } from '../../../src/segments/selectors.js';
import { emptyState } from '../../../src/segments/state.js';
import { Pbx } from './support/pbx.js';
import type { Chan } from './support/pbx.js';
import { CORE_SERVER_ID, replay } from './support/replay.js';
import { relationLines, viewOf } from './support/view.js';

function item<T>(event: string, chan: Chan, extra: Record<string, string> = {}): T {
  return {
    Event: event,
    Channel: chan.name,
    ChannelState: '6',
    ChannelStateDesc: chan.state,
    CallerIDNum: chan.callerIdNum,
    CallerIDName: chan.callerIdName,
    ConnectedLineNum: '',
    ConnectedLineName: '',
    Context: chan.context,
    Exten: chan.exten,
    Uniqueid: chan.uniqueid,
    Linkedid: chan.uniqueid,
    ...extra,
  } as unknown as T;
}

const bridge = (id: string, channels: Chan[], creator = '<unknown>', type = 'basic'): ResyncLists['bridges'][number] => ({
  bridge: { Event: 'BridgeListItem', BridgeUniqueid: id, BridgeType: type, BridgeTechnology: 'simple_bridge', BridgeCreator: creator, BridgeName: '', BridgeNumChannels: String(channels.length) } as never,
  channels: channels.map((chan) => item('BridgeInfoChannel', chan)),
});

function lists(parts: Partial<ResyncLists>): ResyncLists {
  return { channels: [], bridges: [], rooms: [], conferenceMembers: [], queueEntries: [], status: [], ...parts };
}

describe('buildResyncState', () => {
  it('keeps ids, hold and recording of surviving channels and rebuilds the link from bridges', () => {
    const pbx = new Pbx();
    const alice = pbx.phone('100', { exten: '200' });
    const bob = pbx.phone('200');
    pbx.dialBegin(alice, bob);
    pbx.newstate(bob, 'Up');
    pbx.newstate(alice, 'Up');
    pbx.bridgeEnter('a', bob);
    pbx.bridgeEnter('a', alice);
    pbx.hold(bob);
    pbx.mixMonitor(alice, true);
    const graph = replay(pbx.events);
    const before = graph.snapshot();
    bob.exten = '';
    const state = buildResyncState(
      graph.state,
      lists({
        channels: [item('CoreShowChannel', alice, { Application: 'Dial', BridgeId: 'a' }), item('CoreShowChannel', bob, { Application: 'AppDial', BridgeId: 'a' })],
        bridges: [bridge('a', [bob, alice])],
      }),
    );
    const after = selectSnapshot(state, CORE_SERVER_ID);
    expect([...after.segments.keys()].sort()).toEqual([...before.segments.keys()].sort());
    expect(relationLines(after)).toEqual(['100 <-> 200']);
    expect(viewOf(after)).toMatchObject({
      '100': { recording: true, onHold: false, incoming: false, did: '200' },
      '200': { recording: false, onHold: true, incoming: true, did: null },
    });
  });

  it('drops channels that are gone and takes new ones: AppDial is incoming, DNID is the DID', () => {
    const pbx = new Pbx();
    pbx.phone('102', { exten: '300' });
    const graph = replay(pbx.events);
    const trunk = pbx.phone('trunk', { exten: '5551234', context: 'from-trunk', num: '+15557654321' });
    const bob = pbx.phone('200');
    const state = buildResyncState(
      graph.state,
      lists({
        channels: [item('CoreShowChannel', trunk, { Application: 'Dial' }), item('CoreShowChannel', bob, { Application: 'AppDial' })],
        status: [item('Status', trunk, { DNID: '5551234' }), item('Status', bob, { DNID: '' })],
      }),
    );
    const view = viewOf(selectSnapshot(state, CORE_SERVER_ID));
    expect(Object.keys(view).sort()).toEqual(['200', 'trunk']);
    expect(view['trunk']).toMatchObject({ did: '5551234', incoming: false });
    expect(view['200']).toMatchObject({ did: null, incoming: true });
  });

  it('pairs Local halves by name: A+;1 and ;2+B in two bridges are linked', () => {
    const pbx = new Pbx();
    const alice = pbx.phone('100', { exten: '201', state: 'Up' });
    const [one, two] = pbx.localPair('201');
    const eve = pbx.phone('201', { state: 'Up' });
    const state = buildResyncState(
      emptyState(),
      lists({
        channels: [alice, one, two, eve].map((chan) => item('CoreShowChannel', chan, { Application: 'Dial' })),
        bridges: [bridge('y', [one, alice]), bridge('x', [eve, two])],
      }),
    );
    const snapshot = selectSnapshot(state, CORE_SERVER_ID);
    expect(relationLines(snapshot)).toEqual(['100 <-> 201']);
    expect(snapshot.segments.size).toBe(2);
  });

  it('rebuilds rooms (members linked to nobody) and queues', () => {
    const pbx = new Pbx();
    const members = ['100', '101'].map((endpoint) => pbx.phone(endpoint, { exten: '800', state: 'Up' }));
    const waiting = pbx.phone('102', { exten: '600', state: 'Up' });
    const state = buildResyncState(
      emptyState(),
      lists({
        channels: [...members, waiting].map((chan) => item('CoreShowChannel', chan, { Application: 'ConfBridge' })),
        bridges: [bridge('conf', members, 'ConfBridge', 'base')],
        rooms: [{ Event: 'ConfbridgeListRooms', Conference: '800', Parties: '2' } as never, { Event: 'ConfbridgeListRooms', Conference: '801', Parties: '0' } as never],
        conferenceMembers: members.map((chan) => item('ConfbridgeList', chan, { Conference: '800' })),
        queueEntries: [item('QueueEntry', waiting, { Queue: 'support', Position: '1' })],
      }),
    );
    const snapshot = selectSnapshot(state, CORE_SERVER_ID);
    expect(relationLines(snapshot)).toEqual([]);
    expect(snapshot.conferences.get('800')).toHaveLength(2);
    expect(snapshot.conferences.get('801')).toEqual([]);
    expect(snapshot.queues.get('support')).toHaveLength(1);
    expect(viewOf(snapshot)['102']?.queue).toBe('support');
  });

  it('keeps a ringing dial from before the reconnect while both ends are there', () => {
    const pbx = new Pbx();
    const alice = pbx.phone('100', { exten: '200' });
    const bob = pbx.phone('200');
    pbx.dialBegin(alice, bob);
    pbx.newstate(bob, 'Ringing');
    const graph = replay(pbx.events);
    const state = buildResyncState(
      graph.state,
      lists({ channels: [item('CoreShowChannel', alice, { Application: 'Dial' }), item('CoreShowChannel', bob, { Application: 'AppDial' })] }),
    );
    expect(relationLines(selectSnapshot(state, CORE_SERVER_ID))).toEqual(['100 -> 200']);
  });
});
