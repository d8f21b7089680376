import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../../src/actions/plan.js';
import { planTransfer } from '../../../src/actions/plan-transfer.js';
import type { TransferPlanInput } from '../../../src/actions/plan-transfer.js';
import type { SegmentRecord } from '../../../src/actions/ports.js';
import { coreServer, isInternal, segment, snapshotOf } from './fixtures.js';

// 100 (caller) talks with 200 (callee); a trunk caller rings 201; 101 is alone.
const alice = segment('100', { linkedTo: '200', did: '200' });
const bob = segment('200', { linkedTo: '100', incoming: true });
const trunk = segment('trunk', { channel: 'PJSIP/trunk-0000000a', dialingTo: ['201'], answered: false, did: '5551234' });
const eve = segment('201', { dialingFrom: ['trunk'], incoming: true, answered: false });
const carol = segment('101');
const outside = segment('out', { channel: 'PJSIP/trunk-0000000b', linkedTo: '102' });
const dave = segment('102', { linkedTo: 'out' });
const snapshot = snapshotOf(alice, bob, trunk, eve, carol, outside, dave);

function plan(addressed: SegmentRecord, destinationNumber: string, attended: boolean, extra: Partial<TransferPlanInput> = {}): PlanResult {
  return planTransfer({ snapshot, segment: addressed, coreServer, request: { destinationNumber, attended }, isInternal, ...extra });
}

describe('planTransfer: which AMI action', () => {
  it('blind transfer of a linked pair not known to be direct: Redirect of the bound party (real channel), priority 1', () => {
    expect(plan(alice, '201', false)).toEqual({
      ok: true,
      plan: {
        action: 'Redirect',
        headers: { Action: 'Redirect', Channel: 'PJSIP/200-00000001', Exten: '201', Context: 'internal', Priority: '1' },
      },
    });
  });

  it('blind transfer of a pair linked through a Local pair: Redirect of the bound party', () => {
    const result = plan(bob, '201', false, { linkedThroughLocal: () => true });
    expect(result).toEqual({
      ok: true,
      plan: {
        action: 'Redirect',
        headers: { Action: 'Redirect', Channel: 'PJSIP/100-00000001', Exten: '201', Context: 'internal', Priority: '1' },
      },
    });
  });

  it('blind transfer of a directly linked pair: BlindTransfer with the addressed segment as transferer', () => {
    const result = plan(alice, '18005555555', false, { linkedThroughLocal: (s) => (s.id === '100' ? false : undefined) });
    expect(result).toEqual({
      ok: true,
      plan: {
        action: 'BlindTransfer',
        headers: { Action: 'BlindTransfer', Channel: 'PJSIP/100-00000001', Exten: '18005555555', Context: 'internal' },
      },
    });
  });

  it('deflection (the bound segment is dialling the ringing addressed one): Redirect of the caller', () => {
    const result = plan(eve, '200', false, { linkedThroughLocal: () => false });
    expect(result).toEqual({
      ok: true,
      plan: {
        action: 'Redirect',
        headers: { Action: 'Redirect', Channel: 'PJSIP/trunk-0000000a', Exten: '200', Context: 'internal', Priority: '1' },
      },
    });
  });

  it('attended transfer: Atxfer with the addressed segment as transferer, and what proves the consultation', () => {
    expect(plan(bob, '201', true)).toEqual({
      ok: true,
      plan: {
        action: 'Atxfer',
        headers: { Action: 'Atxfer', Channel: 'PJSIP/200-00000001', Exten: '201', Context: 'internal' },
        consultation: {
          transfererChannel: 'PJSIP/200-00000001',
          transfererUniqueid: '1796398606.200',
          destinationNumber: '201',
          context: 'internal',
        },
      },
    });
  });

  it('uses the core server transfer context', () => {
    const result = planTransfer({
      snapshot,
      segment: alice,
      coreServer: { ...coreServer, transferContext: 'from-internal-xfer' },
      request: { destinationNumber: '201', attended: true },
      isInternal,
    });
    expect(result.ok && result.plan.headers['Context']).toBe('from-internal-xfer');
  });

  it('the linked segment wins over a segment dialling the addressed one', () => {
    const both = segment('200', { linkedTo: '100', dialingFrom: ['trunk'] });
    const result = planTransfer({ snapshot, segment: both, coreServer, request: { destinationNumber: '201', attended: false }, isInternal });
    expect(result.ok && result.plan.headers['Channel']).toBe('PJSIP/100-00000001');
  });
});

describe('planTransfer: refusals', () => {
  it.each([
    ['blind transfer of a segment bound to nobody', carol, false, 409, /bound to no other segment/],
    ['attended transfer of a segment bound to nobody', carol, true, 409, /bound to no other segment/],
    ['a caller that only dials (dialingTo is not a binding)', trunk, false, 409, /bound to no other segment/],
    ['attended transfer of an EXTERNAL segment', outside, true, 422, /EXTERNAL/],
    ['attended transfer of an EXTERNAL segment bound to nobody (422 first)', segment('x', { channel: 'PJSIP/trunk-0000000c' }), true, 422, /EXTERNAL/],
    ['attended transfer of a ringing segment (deflection is blind only)', eve, true, 409, /only be deflected by a blind transfer/],
    ['attended transfer of a linked segment that is not answered', segment('200', { linkedTo: '100', answered: false }), true, 409, /not answered/],
  ])('%s', (_name, addressed, attended, status, message) => {
    const result = plan(addressed, '201', attended);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(status);
      expect(result.error.message).toMatch(message);
    }
  });

  it('a linked id missing from the snapshot is no binding', () => {
    const dangling = segment('200', { linkedTo: 'gone' });
    const result = plan(dangling, '201', false);
    expect(!result.ok && result.error.status).toBe(409);
  });

  it('blind transfer of an EXTERNAL segment is allowed', () => {
    expect(plan(outside, '201', false).ok).toBe(true);
  });
});
