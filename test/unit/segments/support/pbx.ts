/**
 * Builds AMI event sequences shaped like Asterisk 22's (docs/ami-findings.md) for reducer tests:
 * full channel snapshots on channel events, Dest… fields on dials, bridge fields on bridges.
 */
import type { AmiEvent } from '../../../../src/events/ami-event.js';

export interface Chan {
  readonly name: string;
  readonly uniqueid: string;
  exten: string;
  context: string;
  state: string;
  callerIdNum: string;
  callerIdName: string;
}

const STATE_CODES: Record<string, string> = { Down: '0', Ring: '4', Ringing: '5', Up: '6', Busy: '7' };

export class Pbx {
  private sequence = 0;
  private pjsip = 0;
  private local = 0;
  readonly events: AmiEvent[] = [];

  constructor(private readonly epoch = '1796398606') {}

  private nextUniqueid(): string {
    return `${this.epoch}.${this.sequence++}`;
  }

  private fields(chan: Chan, prefix = ''): Record<string, string> {
    return {
      [`${prefix}Channel`]: chan.name,
      [`${prefix}ChannelState`]: STATE_CODES[chan.state] ?? '0',
      [`${prefix}ChannelStateDesc`]: chan.state,
      [`${prefix}CallerIDNum`]: chan.callerIdNum,
      [`${prefix}CallerIDName`]: chan.callerIdName,
      [`${prefix}ConnectedLineNum`]: '<unknown>',
      [`${prefix}ConnectedLineName`]: '<unknown>',
      [`${prefix}Context`]: chan.context,
      [`${prefix}Exten`]: chan.exten,
      [`${prefix}Uniqueid`]: chan.uniqueid,
      [`${prefix}Linkedid`]: chan.uniqueid,
    };
  }

  private emit(event: Record<string, string>): void {
    this.events.push(event as unknown as AmiEvent);
  }

  /** A PJSIP channel: `calling` phones start in Ring with the dialled Exten, dialled ones Down with `s`. */
  phone(endpoint: string, opts: { exten?: string; name?: string; num?: string; state?: string; context?: string } = {}): Chan {
    const chan: Chan = {
      name: `PJSIP/${endpoint}-${(this.pjsip++).toString(16).padStart(8, '0')}`,
      uniqueid: this.nextUniqueid(),
      exten: opts.exten ?? 's',
      context: opts.context ?? 'internal',
      state: opts.state ?? (opts.exten === undefined ? 'Down' : 'Ring'),
      callerIdNum: opts.num ?? endpoint,
      callerIdName: opts.name ?? '',
    };
    this.emit({ Event: 'Newchannel', ...this.fields(chan) });
    return chan;
  }

  /** Newchannel ;1 and ;2 and LocalBridge. */
  localPair(exten: string, context = 'internal', optimization = true): [Chan, Chan] {
    const base = `Local/${exten}@${context}-${(this.local++).toString(16).padStart(8, '0')}`;
    const make = (suffix: string, state: string): Chan => ({
      name: `${base};${suffix}`,
      uniqueid: this.nextUniqueid(),
      exten,
      context,
      state,
      callerIdNum: '<unknown>',
      callerIdName: '<unknown>',
    });
    const one = make('1', 'Down');
    const two = make('2', 'Ring');
    this.emit({ Event: 'Newchannel', ...this.fields(one) });
    this.emit({ Event: 'Newchannel', ...this.fields(two) });
    this.emit({
      Event: 'LocalBridge',
      ...this.fields(one, 'LocalOne'),
      ...this.fields(two, 'LocalTwo'),
      Context: context,
      Exten: exten,
      LocalOptimization: optimization ? 'Yes' : 'No',
    });
    return [one, two];
  }

  newstate(chan: Chan, state: string): void {
    chan.state = state;
    this.emit({ Event: 'Newstate', ...this.fields(chan) });
  }

  newCallerid(chan: Chan, num: string, name: string): void {
    chan.callerIdNum = num;
    chan.callerIdName = name;
    this.emit({ Event: 'NewCallerid', ...this.fields(chan) });
  }

  dialBegin(caller: Chan | null, callee: Chan, dialString = ''): void {
    this.emit({ Event: 'DialBegin', ...(caller ? this.fields(caller) : {}), ...this.fields(callee, 'Dest'), DialString: dialString });
  }

  dialState(caller: Chan | null, callee: Chan, status = 'RINGING'): void {
    this.emit({ Event: 'DialState', ...(caller ? this.fields(caller) : {}), ...this.fields(callee, 'Dest'), DialStatus: status });
  }

  dialEnd(caller: Chan | null, callee: Chan, status: string): void {
    this.emit({ Event: 'DialEnd', ...(caller ? this.fields(caller) : {}), ...this.fields(callee, 'Dest'), DialStatus: status });
  }

  private bridgeFields(id: string, type: string, count: number, creator = '<unknown>'): Record<string, string> {
    return {
      BridgeUniqueid: id,
      BridgeType: type,
      BridgeTechnology: type === 'base' ? 'softmix' : 'simple_bridge',
      BridgeCreator: creator,
      BridgeName: creator === 'ConfBridge' ? '800' : '<unknown>',
      BridgeNumChannels: String(count),
      BridgeVideoSourceMode: 'none',
    };
  }

  private readonly counts = new Map<string, number>();

  bridgeCreate(id: string, type = 'basic', creator?: string): void {
    this.counts.set(id, 0);
    this.emit({ Event: 'BridgeCreate', ...this.bridgeFields(id, type, 0, creator) });
  }

  bridgeEnter(id: string, chan: Chan, opts: { swap?: Chan; type?: string; creator?: string } = {}): void {
    const count = (this.counts.get(id) ?? 0) + 1;
    this.counts.set(id, count);
    this.emit({
      Event: 'BridgeEnter',
      ...this.bridgeFields(id, opts.type ?? 'basic', count, opts.creator),
      ...this.fields(chan),
      ...(opts.swap ? { SwapUniqueid: opts.swap.uniqueid } : {}),
    });
  }

  bridgeLeave(id: string, chan: Chan, opts: { type?: string; creator?: string } = {}): void {
    const count = (this.counts.get(id) ?? 1) - 1;
    this.counts.set(id, count);
    this.emit({ Event: 'BridgeLeave', ...this.bridgeFields(id, opts.type ?? 'basic', count, opts.creator), ...this.fields(chan) });
  }

  bridgeDestroy(id: string, type = 'basic', creator?: string): void {
    this.counts.delete(id);
    this.emit({ Event: 'BridgeDestroy', ...this.bridgeFields(id, type, 0, creator) });
  }

  bridgeMerge(to: string, from: string): void {
    this.emit({ Event: 'BridgeMerge', ToBridgeUniqueid: to, FromBridgeUniqueid: from });
  }

  hangup(chan: Chan, cause = '16'): void {
    this.emit({ Event: 'Hangup', ...this.fields(chan), Cause: cause, 'Cause-txt': 'Normal Clearing' });
  }

  hold(chan: Chan): void {
    this.emit({ Event: 'Hold', ...this.fields(chan), MusicClass: 'default' });
  }

  unhold(chan: Chan): void {
    this.emit({ Event: 'Unhold', ...this.fields(chan) });
  }

  mohStart(chan: Chan): void {
    this.emit({ Event: 'MusicOnHoldStart', ...this.fields(chan), Class: 'default' });
  }

  mohStop(chan: Chan): void {
    this.emit({ Event: 'MusicOnHoldStop', ...this.fields(chan) });
  }

  mixMonitor(chan: Chan, on: boolean): void {
    this.emit({ Event: on ? 'MixMonitorStart' : 'MixMonitorStop', ...this.fields(chan) });
  }

  confStart(room: string, bridge: string): void {
    this.emit({ Event: 'ConfbridgeStart', ...this.bridgeFields(bridge, 'base', 1, 'ConfBridge'), Conference: room });
  }

  confJoin(room: string, bridge: string, chan: Chan): void {
    this.emit({ Event: 'ConfbridgeJoin', ...this.bridgeFields(bridge, 'base', 2, 'ConfBridge'), ...this.fields(chan), Conference: room, Admin: 'No', Muted: 'No' });
  }

  confLeave(room: string, bridge: string, chan: Chan): void {
    this.emit({ Event: 'ConfbridgeLeave', ...this.bridgeFields(bridge, 'base', 2, 'ConfBridge'), ...this.fields(chan), Conference: room, Admin: 'No' });
  }

  confEnd(room: string, bridge: string): void {
    this.emit({ Event: 'ConfbridgeEnd', ...this.bridgeFields(bridge, 'base', 1, 'ConfBridge'), Conference: room });
  }

  queueJoin(queue: string, chan: Chan): void {
    this.emit({ Event: 'QueueCallerJoin', ...this.fields(chan), Queue: queue, Position: '1', Count: '1' });
  }

  queueLeave(queue: string, chan: Chan): void {
    this.emit({ Event: 'QueueCallerLeave', ...this.fields(chan), Queue: queue, Position: '1', Count: '0' });
  }

  localOptimization(one: Chan, two: Chan, phase: 'Begin' | 'End', id = '1'): void {
    this.emit({ Event: `LocalOptimization${phase}`, ...this.fields(one, 'LocalOne'), ...this.fields(two, 'LocalTwo'), Id: id });
  }

  raw(event: Record<string, string>): void {
    this.emit(event);
  }

  /** Events emitted since `mark` (an index into `events`). */
  since(mark: number): AmiEvent[] {
    return this.events.slice(mark);
  }
}
