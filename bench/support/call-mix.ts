/**
 * Synthetic but realistic call traffic for the benchmarks, built with the reducer tests' Pbx
 * (test/unit/segments/support/pbx.ts: Asterisk 22 field shapes). Every call gets fresh Uniqueids,
 * channel names and bridge ids, and is cut in two: `setup` (ringing to talking) and `teardown`
 * (to the last Hangup), so that many calls can be in flight at once.
 */
import type { AmiEvent } from '../../src/events/ami-event.js';
import { Pbx } from '../../test/unit/segments/support/pbx.js';

export interface CallScript {
  readonly kind: CallKind;
  readonly setup: readonly AmiEvent[];
  readonly teardown: readonly AmiEvent[];
}

export type CallKind = 'basic' | 'ring group' | 'queue via Local';

/** Caller and callee endpoints of call `n` (distinct per call within 10,000 calls in flight). */
export function endpointsOf(n: number): { caller: string; callee: string; other: string } {
  const k = n % 10_000;
  return { caller: String(10_000 + k), callee: String(20_000 + k), other: String(30_000 + k) };
}

/** 100 dials 200, 200 answers, both talk; then both leave the bridge and hang up (a_basic_call). */
function basic(pbx: Pbx, n: number): number {
  const { caller: a, callee: b } = endpointsOf(n);
  const caller = pbx.phone(a, { exten: b, name: `Caller ${a}` });
  const callee = pbx.phone(b, { name: `Callee ${b}` });
  pbx.raw({ Event: 'NewConnectedLine', Channel: callee.name, Uniqueid: callee.uniqueid });
  pbx.dialBegin(caller, callee, b);
  pbx.dialState(caller, callee, 'RINGING');
  pbx.newstate(callee, 'Ringing');
  pbx.newstate(callee, 'Up');
  pbx.dialEnd(caller, callee, 'ANSWER');
  pbx.newstate(caller, 'Up');
  const bridge = `bridge-${n}`;
  pbx.bridgeCreate(bridge);
  pbx.bridgeEnter(bridge, callee);
  pbx.bridgeEnter(bridge, caller);
  const talking = pbx.events.length;
  pbx.bridgeLeave(bridge, caller);
  pbx.bridgeLeave(bridge, callee);
  pbx.bridgeDestroy(bridge);
  pbx.hangup(caller);
  pbx.hangup(callee);
  return talking;
}

/** Dial(PJSIP/b&PJSIP/c): both ring, c answers, b is cancelled (c_ring_group). */
function ringGroup(pbx: Pbx, n: number): number {
  const { caller: a, callee: b, other: c } = endpointsOf(n);
  const caller = pbx.phone(a, { exten: '600' });
  const first = pbx.phone(b);
  const second = pbx.phone(c);
  pbx.dialBegin(caller, first, b);
  pbx.dialBegin(caller, second, c);
  pbx.newstate(first, 'Ringing');
  pbx.newstate(second, 'Ringing');
  pbx.newstate(second, 'Up');
  pbx.dialEnd(caller, first, 'CANCEL');
  pbx.dialEnd(caller, second, 'ANSWER');
  pbx.newstate(caller, 'Up');
  pbx.hangup(first, '26');
  const bridge = `bridge-${n}`;
  pbx.bridgeCreate(bridge);
  pbx.bridgeEnter(bridge, second);
  pbx.bridgeEnter(bridge, caller);
  const talking = pbx.events.length;
  pbx.bridgeLeave(bridge, caller);
  pbx.bridgeLeave(bridge, second);
  pbx.bridgeDestroy(bridge);
  pbx.hangup(caller);
  pbx.hangup(second);
  return talking;
}

/** Queue with a Local member, answered, the Local pair optimised away (i_queue). */
function queueViaLocal(pbx: Pbx, n: number): number {
  const { caller: a, callee: b } = endpointsOf(n);
  const caller = pbx.phone(a, { exten: '600' });
  pbx.newstate(caller, 'Up');
  pbx.queueJoin('support', caller);
  pbx.mohStart(caller);
  const [one, two] = pbx.localPair(b);
  pbx.newCallerid(one, '600', '');
  pbx.dialBegin(caller, one, `${b}@internal`);
  const agent = pbx.phone(b);
  pbx.dialBegin(two, agent, b);
  pbx.newstate(agent, 'Up');
  const x = `bridge-${n}-x`;
  const y = `bridge-${n}-y`;
  pbx.bridgeCreate(x);
  pbx.bridgeEnter(x, agent);
  pbx.bridgeEnter(x, two);
  pbx.dialEnd(two, agent, 'ANSWER');
  pbx.dialEnd(caller, one, 'ANSWER');
  pbx.mohStop(caller);
  pbx.queueLeave('support', caller);
  pbx.bridgeCreate(y);
  pbx.bridgeEnter(y, one);
  pbx.bridgeEnter(y, caller);
  pbx.localOptimization(one, two, 'Begin');
  pbx.bridgeLeave(x, agent);
  pbx.bridgeLeave(y, one);
  pbx.bridgeEnter(y, agent, { swap: one });
  pbx.localOptimization(one, two, 'End');
  pbx.bridgeLeave(x, two);
  pbx.bridgeDestroy(x);
  pbx.hangup(one);
  pbx.hangup(two);
  const talking = pbx.events.length;
  pbx.bridgeLeave(y, caller);
  pbx.bridgeLeave(y, agent);
  pbx.bridgeDestroy(y);
  pbx.hangup(caller);
  pbx.hangup(agent);
  return talking;
}

/** 70 % basic calls, 20 % ring groups, 10 % queue calls through a Local member. */
export function kindOf(n: number): CallKind {
  const slot = n % 10;
  return slot < 7 ? 'basic' : slot < 9 ? 'ring group' : 'queue via Local';
}

/** Writes calls one after the other; one Pbx keeps Uniqueids and channel names unique. */
export class CallMix {
  private readonly pbx = new Pbx('1700000000');

  call(n: number, kind: CallKind = kindOf(n)): CallScript {
    const pbx = this.pbx;
    pbx.events.length = 0;
    const talking = kind === 'basic' ? basic(pbx, n) : kind === 'ring group' ? ringGroup(pbx, n) : queueViaLocal(pbx, n);
    return { kind, setup: pbx.events.slice(0, talking), teardown: pbx.events.slice(talking) };
  }
}

/**
 * The events of `calls` calls with `concurrent` in flight: call n is set up, then call
 * n − concurrent is torn down; at the end the last ones are torn down. `peakIndex` is the event
 * index right after call ⌊calls/2⌋ is set up (a moment with `concurrent` + 1 calls up).
 */
export function overlappingCalls(calls: number, concurrent: number): { events: AmiEvent[]; peakIndex: number } {
  const mix = new CallMix();
  const scripts: CallScript[] = [];
  const events: AmiEvent[] = [];
  let peakIndex = 0;
  for (let n = 0; n < calls + concurrent; n++) {
    if (n < calls) {
      const script = mix.call(n);
      scripts.push(script);
      events.push(...script.setup);
      if (n === Math.floor(calls / 2)) peakIndex = events.length;
    }
    const ending = n - concurrent;
    if (ending >= 0 && ending < calls) {
      events.push(...(scripts[ending]?.teardown ?? []));
      scripts[ending] = { kind: 'basic', setup: [], teardown: [] };
    }
  }
  return { events, peakIndex };
}
