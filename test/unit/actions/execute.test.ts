import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executePlan, NO_TRANSFER_FEATURE_MESSAGE, noConsultationMessage } from '../../../src/actions/execute.js';
import type { AmiPlan } from '../../../src/actions/plan.js';
import { HttpError } from '../../../src/http/errors/http-error.js';
import { amiError, failure, StubAmiPort, success } from './stub-ami-port.js';

const kick: AmiPlan = { action: 'ConfbridgeKick', headers: { Action: 'ConfbridgeKick', Conference: '800', Channel: 'PJSIP/101-0000001f' } };
const consultation = { transfererChannel: 'PJSIP/200-00000003', transfererUniqueid: '1796398606.3', destinationNumber: '201', context: 'internal' };
const atxfer: AmiPlan = {
  action: 'Atxfer',
  headers: { Action: 'Atxfer', Channel: 'PJSIP/200-00000003', Exten: '201', Context: 'internal' },
  consultation,
};
const queued = success('Atxfer successfully queued');

async function outcome(promise: Promise<void>): Promise<{ status: number; message: string } | 'done'> {
  try {
    await promise;
    return 'done';
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, message: error.message };
    throw error;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('executePlan', () => {
  it('sends the plan headers with the action timeout and resolves on Success (→ 204)', async () => {
    const port = new StubAmiPort(success('User kicked'));
    await expect(outcome(executePlan(port, kick, { actionTimeoutMs: 1234 }))).resolves.toBe('done');
    expect(port.sent).toEqual([{ headers: kick.headers, timeoutMs: 1234 }]);
  });

  it('bounds the action by 5 s by default', async () => {
    const port = new StubAmiPort(success('User kicked'));
    await executePlan(port, kick);
    expect(port.sent[0]?.timeoutMs).toBe(5000);
  });

  it('503 and nothing sent when the AMI link is down', async () => {
    const port = new StubAmiPort(success('User kicked'), false);
    expect(await outcome(executePlan(port, kick))).toEqual({ status: 503, message: expect.stringMatching(/AMI connection is down/) as unknown });
    expect(port.sent).toEqual([]);
  });

  it.each([
    ['AmiActionError', 'No Channel by that name found in Conference.', 502, /^No Channel by that name found in Conference\.$/],
    ['AmiTimeoutError', 'AMI action ConfbridgeKick (ActionID 7) got no answer within 5000 ms', 504, /did not answer ConfbridgeKick within 5000 ms/],
    ['AmiDisconnectedError', 'AMI link dropped', 503, /AMI connection is down/],
    ['AmiHeaderInjectionError', 'AMI header Exten has a value holding CR or LF', 422, /inject AMI headers/],
  ])('%s → %i', async (name, message, status, expected) => {
    const port = new StubAmiPort(failure(amiError(name, message)));
    expect(await outcome(executePlan(port, kick))).toEqual({ status, message: expect.stringMatching(expected) as unknown });
  });

  it('a resolved Response: Error is a 502 with Asterisk\u2019s message too', async () => {
    const port = new StubAmiPort(() => Promise.resolve({ response: 'Error', message: 'No active conferences.' }));
    expect(await outcome(executePlan(port, kick))).toEqual({ status: 502, message: 'No active conferences.' });
  });

  it('anything else is passed on untouched', async () => {
    const boom = new TypeError('bug');
    const port = new StubAmiPort(failure(boom));
    await expect(executePlan(port, kick)).rejects.toBe(boom);
  });
});

describe('executePlan: Atxfer needs proof that the consultation started', () => {
  it('204 when the consultation channel appears after the answer (Hold alone is not enough)', async () => {
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer));
    await vi.waitFor(() => expect(port.sent).toHaveLength(1));
    port.events.next({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' } as never);
    port.events.next({ Event: 'Newchannel', Channel: 'Local/201@internal-00000002;1' } as never);
    expect(await running).toBe('done');
    expect(port.subscribers).toBe(0);
  });

  it('204 when the proof arrives before the response (subscribed before sending)', async () => {
    const port = new StubAmiPort((_headers, events) => {
      events.next({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' } as never);
      events.next({ Event: 'Newchannel', Channel: 'Local/201@internal-00000002;1' } as never);
      return Promise.resolve({ response: 'Success', message: 'Atxfer successfully queued' });
    });
    expect(await outcome(executePlan(port, atxfer))).toBe('done');
  });

  it('a Local channel to the destination proves nothing while the transferer is not held (another call ringing that number): 409', async () => {
    vi.useFakeTimers();
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer, { consultationTimeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(0);
    port.events.next({ Event: 'Newchannel', Channel: 'Local/201@internal-00000009;1' } as never);
    port.events.next({ Event: 'LocalBridge', LocalOneChannel: 'Local/201@internal-00000009;1', LocalTwoChannel: 'Local/201@internal-00000009;2' } as never);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await running).toEqual({ status: 409, message: NO_TRANSFER_FEATURE_MESSAGE });
  });

  it('the consultation channel and the Hold on the transferer prove it in either order', async () => {
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer));
    await vi.waitFor(() => expect(port.sent).toHaveLength(1));
    port.events.next({ Event: 'Newchannel', Channel: 'Local/201@internal-00000002;1' } as never);
    port.events.next({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' } as never);
    expect(await running).toBe('done');
  });

  it('the transferer entering the consultation bridge proves it on its own', async () => {
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer));
    await vi.waitFor(() => expect(port.sent).toHaveLength(1));
    port.events.next({ Event: 'BridgeEnter', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', BridgeUniqueid: 'b2' } as never);
    expect(await running).toBe('done');
  });

  it('409 when Asterisk queued it but nothing happened within the bound (no Dial t/T)', async () => {
    vi.useFakeTimers();
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer, { consultationTimeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(0);
    port.events.next({ Event: 'DTMFEnd', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3', Digit: '2' } as never);
    port.events.next({ Event: 'Hold', Channel: 'PJSIP/100-00000002', Uniqueid: '1796398606.2' } as never);
    await vi.advanceTimersByTimeAsync(2999);
    port.events.next({ Event: 'Newexten', Channel: 'PJSIP/200-00000003' } as never);
    await vi.advanceTimersByTimeAsync(1);
    expect(await running).toEqual({ status: 409, message: NO_TRANSFER_FEATURE_MESSAGE });
    expect(port.subscribers).toBe(0);
  });

  it('a proof arriving just before the bound still counts', async () => {
    vi.useFakeTimers();
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer, { consultationTimeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(0);
    port.events.next({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' } as never);
    await vi.advanceTimersByTimeAsync(2999);
    port.events.next({ Event: 'LocalBridge', LocalOneChannel: 'Local/201@internal-00000002;1', LocalTwoChannel: 'Local/201@internal-00000002;2' } as never);
    expect(await running).toBe('done');
  });

  it('502 when Asterisk held the transferer but no consultation channel came within the bound (destination missing, or no frames)', async () => {
    vi.useFakeTimers();
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer, { consultationTimeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(0);
    port.events.next({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' } as never);
    port.events.next({ Event: 'MusicOnHoldStart', Channel: 'PJSIP/100-00000002' } as never);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await running).toEqual({ status: 502, message: noConsultationMessage(consultation, 3000) });
    expect(port.subscribers).toBe(0);
  });

  it('503 when the event stream ends while waiting', async () => {
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer));
    await vi.waitFor(() => expect(port.sent).toHaveLength(1));
    port.events.complete();
    expect(await running).toEqual({ status: 503, message: expect.stringMatching(/lost while waiting/) as unknown });
  });

  it('503 at once when the AMI link drops while waiting (the client keeps its event stream open across reconnects)', async () => {
    vi.useFakeTimers();
    const connection = new BehaviorSubject<{ state: string }>({ state: 'connected' });
    const port = Object.assign(new StubAmiPort(queued), { connection$: connection.asObservable() });
    let settled: Awaited<ReturnType<typeof outcome>> | undefined;
    void outcome(executePlan(port, atxfer, { consultationTimeoutMs: 3000 })).then((o) => (settled = o));
    await vi.advanceTimersByTimeAsync(0);
    port.events.next({ Event: 'Hold', Channel: 'PJSIP/200-00000003', Uniqueid: '1796398606.3' } as never);
    connection.next({ state: 'disconnected' });
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual({ status: 503, message: expect.stringMatching(/lost while waiting/) as unknown });
    expect(port.subscribers).toBe(0);
    expect(connection.observed).toBe(false);
  });

  it('503, not 409, when the port is no longer connected once the bound is over', async () => {
    vi.useFakeTimers();
    const port = new StubAmiPort(queued);
    const running = outcome(executePlan(port, atxfer, { consultationTimeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(0);
    port.connected = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(await running).toEqual({ status: 503, message: expect.stringMatching(/lost while waiting/) as unknown });
  });

  it('a rejected Atxfer is a 502 at once and stops watching', async () => {
    const port = new StubAmiPort(failure(amiError('AmiActionError', 'Channel specified does not exist')));
    expect(await outcome(executePlan(port, atxfer))).toEqual({ status: 502, message: 'Channel specified does not exist' });
    expect(port.subscribers).toBe(0);
  });

  it('plans without a consultation never subscribe to events', async () => {
    const port = new StubAmiPort(() => {
      expect(port.subscribers).toBe(0);
      return Promise.resolve({ response: 'Success', message: 'Transfer succeeded' });
    });
    await executePlan(port, { action: 'BlindTransfer', headers: { Action: 'BlindTransfer', Channel: 'PJSIP/200-00000003', Exten: '201', Context: 'internal' } });
    expect(port.sent).toHaveLength(1);
  });
});
