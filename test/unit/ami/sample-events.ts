/**
 * Realistic Asterisk 22 call events (Newchannel / DialBegin / BridgeEnter / Hangup, 17–31 headers),
 * shaped like the recordings in docs/ami-findings.md. Used by the framer tests and the benchmark.
 */
import type { AmiMessage } from '../../../src/events/ami-message.js';

function channel(prefix: string, n: number, name: string, num: string, callerName: string): Record<string, string> {
  return {
    [`${prefix}Channel`]: `PJSIP/${num}-${n.toString(16).padStart(8, '0')}`,
    [`${prefix}ChannelState`]: '6',
    [`${prefix}ChannelStateDesc`]: 'Up',
    [`${prefix}CallerIDNum`]: num,
    [`${prefix}CallerIDName`]: callerName,
    [`${prefix}ConnectedLineNum`]: '<unknown>',
    [`${prefix}ConnectedLineName`]: '<unknown>',
    [`${prefix}Language`]: 'en',
    [`${prefix}AccountCode`]: '',
    [`${prefix}Context`]: 'internal',
    [`${prefix}Exten`]: name,
    [`${prefix}Priority`]: '1',
    [`${prefix}Uniqueid`]: `1764862${n}.${n * 2}`,
    [`${prefix}Linkedid`]: `1764862${n}.${n * 2 - (n % 2)}`,
  };
}

/** The n-th event of a repeating Newchannel → DialBegin → BridgeEnter → Hangup cycle. */
export function sampleEvent(n: number): AmiMessage {
  switch (n % 4) {
    case 0:
      return { Event: 'Newchannel', Privilege: 'call,all', SystemName: 'pbx1', ...channel('', n, '200', '100', 'Alice Müller') };
    case 1:
      return {
        Event: 'DialBegin',
        Privilege: 'call,all',
        ...channel('', n, '200', '100', 'Alice Müller'),
        ...channel('Dest', n + 1, 's', '200', 'Bob 😀 Ñandú'),
        DialString: '200',
      };
    case 2:
      return {
        Event: 'BridgeEnter',
        Privilege: 'call,all',
        BridgeUniqueid: `b6a4f3e2-1c2d-4e5f-8a9b-${n.toString(16).padStart(12, '0')}`,
        BridgeType: 'basic',
        BridgeTechnology: 'simple_bridge',
        BridgeCreator: '<unknown>',
        BridgeName: '<unknown>',
        BridgeNumChannels: '2',
        BridgeVideoSourceMode: 'none',
        ...channel('', n, '200', '200', 'Bob 😀 Ñandú'),
      };
    default:
      return {
        Event: 'Hangup',
        Privilege: 'call,all',
        ...channel('', n, '200', '100', 'Alice Müller'),
        Cause: '16',
        'Cause-txt': 'Normal Clearing',
      };
  }
}
