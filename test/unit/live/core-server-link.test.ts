import { pino } from 'pino';
import { BehaviorSubject, config, filter, firstValueFrom, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { AmiActionError } from '../../../src/ami/errors/ami-action-error.js';
import type { AmiListResult } from '../../../src/ami/response.js';
import type { AmiActionHeaders } from '../../../src/ami/serialize.js';
import type { AmiConnectionReport, AmiSessionPort } from '../../../src/live/ami-session-port.js';
import { CoreServerLink } from '../../../src/live/core-server-link.js';
import { SegmentGraph } from '../../../src/segments/graph.js';
import { segmentId } from '../../../src/segments/segment-id.js';

const CS = '5f0c2d5e-3b7a-4c2e-9a51-0b8f1f6d2c11';

function channel(event: string, name: string, uniqueid: string, extra: Record<string, string> = {}): AmiEvent {
  return {
    Event: event,
    Channel: name,
    ChannelState: '6',
    ChannelStateDesc: 'Up',
    CallerIDNum: name.slice(6, 9),
    CallerIDName: '',
    ConnectedLineNum: '',
    ConnectedLineName: '',
    Context: 'internal',
    Exten: '',
    Uniqueid: uniqueid,
    Linkedid: uniqueid,
    ...extra,
  };
}

const ALICE = ['PJSIP/100-00000001', '1700000000.1'] as const;
const BOB = ['PJSIP/200-00000002', '1700000000.2'] as const;
const BRIDGE = { BridgeUniqueid: 'br-1', BridgeType: 'basic', BridgeTechnology: 'simple_bridge', BridgeCreator: '<unknown>', BridgeName: '', BridgeNumChannels: '2' };

type Lists = Record<string, AmiEvent[]>;

/** A stub AMI session answering list actions from a table; `during` runs while an action is answered. */
class StubSession implements AmiSessionPort {
  readonly connection = new BehaviorSubject<AmiConnectionReport>({ state: 'connecting' });
  readonly events = new Subject<AmiEvent>();
  readonly connection$ = this.connection.asObservable();
  readonly events$ = this.events.asObservable();
  readonly asked: { headers: AmiActionHeaders; empty: readonly string[] }[] = [];
  during: Record<string, () => void> = {};
  failNext: string | undefined;
  /** Actions answered `Response: Error` with this message, every time. */
  refuse: Record<string, string> = {};

  constructor(public lists: Lists) {}

  async listAction(headers: AmiActionHeaders, options: { emptyOnErrorMessages?: readonly string[] } = {}): Promise<AmiListResult> {
    const action = String(headers['Action']);
    this.asked.push({ headers, empty: options.emptyOnErrorMessages ?? [] });
    await Promise.resolve();
    this.during[action]?.();
    if (this.failNext === action) {
      this.failNext = undefined;
      throw new Error(`${action} timed out`);
    }
    const refusal = this.refuse[action];
    if (refusal !== undefined) {
      throw new AmiActionError(refusal, { response: 'Error', message: refusal, headers: { Response: 'Error', Message: refusal } });
    }
    const key = headers['Conference'] ?? headers['BridgeUniqueid'];
    const items = this.lists[key === undefined ? action : `${action} ${String(key)}`] ?? [];
    return { response: { response: 'Success', message: undefined, headers: {} }, items, complete: {} };
  }
}

function talkingLists(): Lists {
  return {
    CoreShowChannels: [
      channel('CoreShowChannel', ...ALICE, { Application: 'Dial', Exten: '200', BridgeId: 'br-1' }),
      channel('CoreShowChannel', ...BOB, { Application: 'AppDial', BridgeId: 'br-1' }),
    ],
    BridgeList: [{ Event: 'BridgeListItem', ...BRIDGE }],
    'BridgeInfo br-1': [channel('BridgeInfoChannel', ...BOB), channel('BridgeInfoChannel', ...ALICE)],
  };
}

/** A graph that fails on one event name, standing for any bug the reducer may still hold. */
class FaultyGraph extends SegmentGraph {
  override apply(event: AmiEvent): void {
    if (event.Event === 'Poison') throw new TypeError('reducer bug');
    super.apply(event);
  }
}

function setup(lists: Lists = talkingLists(), graph: SegmentGraph = new SegmentGraph(CS), maxBufferedEvents?: number) {
  const session = new StubSession(lists);
  const link = new CoreServerLink(session, graph, pino({ level: 'silent' }), {
    resyncRetryMs: 0,
    ...(maxBufferedEvents === undefined ? {} : { maxBufferedEvents }),
  });
  link.start();
  const ready = () => firstValueFrom(link.ready$.pipe(filter(Boolean)));
  return { session, graph, link, ready };
}

const idOf = (uniqueid: string) => segmentId(CS, uniqueid);

describe('CoreServerLink', () => {
  it('is not ready before the first connect, then resyncs the graph from the lists', async () => {
    const { session, graph, link, ready } = setup();
    expect(link.ready).toBe(false);
    session.connection.next({ state: 'connected' });
    await ready();
    const snapshot = graph.snapshot();
    expect([...snapshot.segments.keys()].sort()).toEqual([idOf(ALICE[1]), idOf(BOB[1])].sort());
    expect(snapshot.segments.get(idOf(ALICE[1]))?.linkedTo).toBe(idOf(BOB[1]));
    expect(snapshot.segments.get(idOf(BOB[1]))?.incoming).toBe(true);
    expect(session.asked.map((a) => a.headers['Action'])).toEqual([
      'CoreShowChannels', 'BridgeList', 'BridgeInfo', 'ConfbridgeListRooms', 'QueueStatus', 'Status',
    ]);
    expect(session.asked.find((a) => a.headers['Action'] === 'ConfbridgeListRooms')?.empty).toContain('No active conferences.');
    link.stop();
  });

  it('buffers live events during the resync and applies them afterwards, in order', async () => {
    const { session, graph, link, ready } = setup();
    const carol = ['PJSIP/101-00000003', '1700000000.3'] as const;
    session.during = {
      BridgeList: () => {
        session.events.next(channel('Hold', ...BOB));
        session.events.next(channel('Newchannel', ...carol, { ChannelStateDesc: 'Ring', Exten: '300' }));
      },
      Status: () => session.events.next(channel('Hangup', ...carol, { Cause: '16', 'Cause-txt': '' })),
    };
    session.connection.next({ state: 'connected' });
    expect(link.ready).toBe(false);
    await ready();
    const snapshot = graph.snapshot();
    expect(snapshot.segments.get(idOf(BOB[1]))?.onHold).toBe(true);
    expect(snapshot.segments.has(idOf(carol[1]))).toBe(false);
    session.events.next(channel('Unhold', ...BOB));
    expect(graph.snapshot().segments.get(idOf(BOB[1]))?.onHold).toBe(false);
    link.stop();
  });

  it('reports not ready while disconnected and resyncs on reconnect, keeping ids and hold', async () => {
    const { session, graph, link, ready } = setup();
    session.connection.next({ state: 'connected' });
    await ready();
    session.events.next(channel('Hold', ...BOB));
    session.connection.next({ state: 'disconnected' });
    expect(link.ready).toBe(false);
    session.events.next(channel('Unhold', ...BOB));
    session.lists = { CoreShowChannels: [channel('CoreShowChannel', ...BOB, { Application: 'AppDial' })] };
    session.connection.next({ state: 'connected' });
    await ready();
    const snapshot = graph.snapshot();
    expect([...snapshot.segments.keys()]).toEqual([idOf(BOB[1])]);
    expect(snapshot.segments.get(idOf(BOB[1]))).toMatchObject({ onHold: true, linkedTo: null });
    link.stop();
  });

  it('lists each ConfBridge room and marks its members', async () => {
    const lists: Lists = {
      CoreShowChannels: [channel('CoreShowChannel', ...ALICE, { Application: 'ConfBridge' })],
      ConfbridgeListRooms: [{ Event: 'ConfbridgeListRooms', Conference: '800', Parties: '1' }],
      'ConfbridgeList 800': [channel('ConfbridgeList', ...ALICE, { Conference: '800' })],
    };
    const { session, graph, link, ready } = setup(lists);
    session.connection.next({ state: 'connected' });
    await ready();
    expect(graph.snapshot().conferences.get('800')).toEqual([idOf(ALICE[1])]);
    expect(graph.snapshot().segments.get(idOf(ALICE[1]))?.conference).toBe('800');
    link.stop();
  });

  it('retries a failed resync without losing buffered events', async () => {
    const { session, graph, link, ready } = setup();
    session.failNext = 'QueueStatus';
    session.during = { BridgeList: () => session.events.next(channel('MixMonitorStart', ...ALICE)) };
    session.connection.next({ state: 'connected' });
    await ready();
    expect(session.asked.filter((a) => a.headers['Action'] === 'CoreShowChannels')).toHaveLength(2);
    expect(graph.snapshot().segments.get(idOf(ALICE[1]))?.recording).toBe(true);
    link.stop();
  });

  it('bounds what it buffers while a resync keeps failing: past the cap the buffered events are dropped', async () => {
    const { session, graph, link, ready } = setup(talkingLists(), new SegmentGraph(CS), 2);
    session.refuse = { CoreShowChannels: 'Permission denied' };
    session.connection.next({ state: 'connected' });
    await vi.waitFor(() => expect(session.asked.filter((a) => a.headers['Action'] === 'CoreShowChannels').length).toBeGreaterThan(1));
    session.events.next(channel('MixMonitorStart', ...ALICE));
    session.events.next(channel('Hold', ...BOB));
    session.events.next(channel('Newstate', ...BOB));
    session.refuse = {};
    await ready();
    const segments = graph.snapshot().segments;
    expect(segments.get(idOf(ALICE[1]))?.recording).toBe(false);
    expect(segments.get(idOf(BOB[1]))?.onHold).toBe(false);
    link.stop();
  });

  it('resyncs an Asterisk without app_queue or app_confbridge loaded (their list actions are unknown commands)', async () => {
    const { session, graph, link, ready } = setup();
    const unknown = (action: string) => `Invalid/unknown command: ${action}. Use Action: ListCommands to show available commands.`;
    session.refuse = { QueueStatus: unknown('QueueStatus'), ConfbridgeListRooms: unknown('ConfbridgeListRooms') };
    session.connection.next({ state: 'connected' });
    await ready();
    expect(graph.snapshot().segments.get(idOf(ALICE[1]))?.linkedTo).toBe(idOf(BOB[1]));
    expect(graph.snapshot().queues.size).toBe(0);
    expect(session.asked.filter((a) => a.headers['Action'] === 'CoreShowChannels')).toHaveLength(1);
    link.stop();
  });

  it('still fails (and retries) a resync on other QueueStatus errors', async () => {
    const { session, link } = setup();
    session.refuse = { QueueStatus: 'Permission denied' };
    session.connection.next({ state: 'connected' });
    await vi.waitFor(() => expect(session.asked.filter((a) => a.headers['Action'] === 'CoreShowChannels').length).toBeGreaterThan(1));
    expect(link.ready).toBe(false);
    link.stop();
  });

  describe('an event the graph throws on', () => {
    // RxJS rethrows a subscriber's error on a timer: in Node that is an uncaught exception.
    const unhandled: unknown[] = [];
    beforeEach(() => {
      unhandled.length = 0;
      config.onUnhandledError = (error) => unhandled.push(error);
    });
    afterEach(() => {
      config.onUnhandledError = null;
    });

    it('is skipped while live: no unhandled error, later events still apply', async () => {
      const { session, graph, link, ready } = setup(talkingLists(), new FaultyGraph(CS));
      session.connection.next({ state: 'connected' });
      await ready();
      session.events.next({ Event: 'Poison' });
      session.events.next(channel('Hold', ...BOB));
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      expect(unhandled).toEqual([]);
      expect(link.ready).toBe(true);
      expect(graph.snapshot().segments.get(idOf(BOB[1]))?.onHold).toBe(true);
      link.stop();
    });

    it('buffered during a resync does not wedge it: ready, with the events after it applied', async () => {
      const { session, graph, link, ready } = setup(talkingLists(), new FaultyGraph(CS));
      session.during = {
        BridgeList: () => {
          session.events.next({ Event: 'Poison' });
          session.events.next(channel('Hold', ...BOB));
        },
      };
      session.connection.next({ state: 'connected' });
      await ready();
      expect(unhandled).toEqual([]);
      expect(graph.snapshot().segments.get(idOf(BOB[1]))?.onHold).toBe(true);
      expect(session.asked.filter((a) => a.headers['Action'] === 'CoreShowChannels')).toHaveLength(1);
      link.stop();
    });
  });

  it('drops a resync overtaken by a disconnect', async () => {
    const { session, graph, link } = setup();
    session.during = { Status: () => session.connection.next({ state: 'disconnected' }) };
    session.connection.next({ state: 'connected' });
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(link.ready).toBe(false);
    expect(graph.snapshot().segments.size).toBe(0);
    link.stop();
  });
});
