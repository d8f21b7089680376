import { describe, expect, it } from 'vitest';
import { linkedThroughLocal, type BridgeStateView } from '../../../src/actions/link-through-local.js';
import { planTransfer } from '../../../src/actions/plan-transfer.js';
import { coreServer, isInternal, segment, snapshotOf } from './fixtures.js';

function stateOf(channels: Record<string, { name: string; bridge: string | null }>, bridges: Record<string, string[]>): BridgeStateView {
  return {
    channels: { get: (id) => channels[id] },
    bridges: { get: (id) => (bridges[id] === undefined ? undefined : { members: bridges[id] }) },
  };
}

// 100 dialled Local/200@internal: bridge A {100, ;1}, bridge B {;2, 200}; 101 ↔ 201 directly in bridge C.
const state = stateOf(
  {
    u100: { name: 'PJSIP/100-00000001', bridge: 'A' },
    l1: { name: 'Local/200@internal-00000001;1', bridge: 'A' },
    l2: { name: 'Local/200@internal-00000001;2', bridge: 'B' },
    u200: { name: 'PJSIP/200-00000002', bridge: 'B' },
    u101: { name: 'PJSIP/101-00000003', bridge: 'C' },
    u201: { name: 'PJSIP/201-00000004', bridge: 'C' },
    u102: { name: 'PJSIP/102-00000005', bridge: null },
    u103: { name: 'PJSIP/103-00000006', bridge: 'D' },
  },
  { A: ['u100', 'l1'], B: ['l2', 'u200'], C: ['u101', 'u201'], D: ['u103'] },
);

describe('linkedThroughLocal', () => {
  it.each([
    ['the caller side of a Local pair', 'u100', true],
    ['the callee side of a Local pair', 'u200', true],
    ['a direct link', 'u101', false],
    ['a channel in no bridge', 'u102', undefined],
    ['a channel alone in its bridge', 'u103', undefined],
    ['an unknown channel', 'nope', undefined],
  ])('%s → %s', (_name, uniqueid, expected) => {
    expect(linkedThroughLocal(state, uniqueid)).toBe(expected);
  });

  it('drives the blind transfer choice: BlindTransfer when direct, Redirect through a pair', () => {
    const a = segment('101', { uniqueid: 'u101', linkedTo: '201' });
    const b = segment('201', { uniqueid: 'u201', linkedTo: '101' });
    const c = segment('100', { uniqueid: 'u100', linkedTo: '200' });
    const d = segment('200', { uniqueid: 'u200', linkedTo: '100' });
    const snapshot = snapshotOf(a, b, c, d);
    const choose = (s: typeof a): string | undefined => {
      const result = planTransfer({
        snapshot,
        segment: s,
        coreServer,
        request: { destinationNumber: '300', attended: false },
        isInternal,
        linkedThroughLocal: (x) => linkedThroughLocal(state, x.uniqueid),
      });
      return result.ok ? result.plan.action : undefined;
    };
    expect(choose(a)).toBe('BlindTransfer');
    expect(choose(c)).toBe('Redirect');
  });
});
