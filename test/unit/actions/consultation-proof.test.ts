import { describe, expect, it } from 'vitest';
import type { AmiEvent } from '../../../src/events/ami-event.js';
import { consultationProof, holdsTransferer, provesConsultation } from '../../../src/actions/consultation-proof.js';
import type { ConsultationWatch } from '../../../src/actions/plan.js';

const watch: ConsultationWatch = {
  transfererChannel: 'PJSIP/200-00000003',
  transfererUniqueid: '1796398606.3',
  destinationNumber: '201',
  context: 'internal',
};

const ev = (fields: Record<string, string>): AmiEvent => fields as AmiEvent;

describe('provesConsultation', () => {
  it.each([
    ['Newchannel of the consultation Local ;1', ev({ Event: 'Newchannel', Channel: 'Local/201@internal-00000002;1' })],
    ['LocalBridge of the consultation pair', ev({ Event: 'LocalBridge', LocalOneChannel: 'Local/201@internal-00000002;1', LocalTwoChannel: 'Local/201@internal-00000002;2' })],
    ['the transferer entering the consultation bridge', ev({ Event: 'BridgeEnter', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', BridgeUniqueid: 'b2' })],
    ['a DialBegin from the transferer', ev({ Event: 'DialBegin', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', DestChannel: 'PJSIP/201-00000005' })],
  ])('%s proves it', (_name, event) => {
    expect(provesConsultation(event, watch)).toBe(true);
  });

  it.each([
    ['Hold on the transferer (the feature answered; the destination is not checked yet)', ev({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' })],
    ['Hold on the other party', ev({ Event: 'Hold', Channel: 'PJSIP/100-00000002', Uniqueid: '1796398606.2' })],
    ['MusicOnHoldStart on the transferee', ev({ Event: 'MusicOnHoldStart', Channel: 'PJSIP/100-00000002' })],
    ['a Local channel to another number', ev({ Event: 'Newchannel', Channel: 'Local/2010@internal-00000002;1' })],
    ['a Local channel in another context', ev({ Event: 'Newchannel', Channel: 'Local/201@other-00000002;1' })],
    ['a Local optimisation swap of the transferer', ev({ Event: 'BridgeEnter', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', SwapUniqueid: '1796398606.9' })],
    ['DTMF passing through (no transfer feature)', ev({ Event: 'DTMFEnd', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', Digit: '2' })],
    ['a DialBegin of someone else', ev({ Event: 'DialBegin', Channel: 'PJSIP/101-00000007', Uniqueid: '1796398606.7' })],
  ])('%s does not', (_name, event) => {
    expect(provesConsultation(event, watch)).toBe(false);
  });

  it('tells the proofs naming the transferer (enough alone) from Local channels to the destination (only with the Hold)', () => {
    expect(consultationProof(ev({ Event: 'BridgeEnter', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', BridgeUniqueid: 'b2' }), watch)).toBe('transferer');
    expect(consultationProof(ev({ Event: 'DialBegin', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' }), watch)).toBe('transferer');
    expect(consultationProof(ev({ Event: 'Newchannel', Channel: 'Local/201@internal-00000002;1' }), watch)).toBe('local');
    expect(consultationProof(ev({ Event: 'LocalBridge', LocalOneChannel: 'Local/201@internal-00000002;1', LocalTwoChannel: 'Local/201@internal-00000002;2' }), watch)).toBe('local');
    expect(consultationProof(ev({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' }), watch)).toBeNull();
  });

  it('Hold on the transferer is told apart: the transfer feature answered', () => {
    expect(holdsTransferer(ev({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' }), watch)).toBe(true);
    expect(holdsTransferer(ev({ Event: 'Hold', Channel: 'PJSIP/100-00000002', Uniqueid: '1796398606.2' }), watch)).toBe(false);
    expect(holdsTransferer(ev({ Event: 'Unhold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' }), watch)).toBe(false);
  });
});
