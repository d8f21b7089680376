import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionRegistry } from '../../../src/ami/action-registry.js';
import { AmiActionError, AmiDisconnectedError, AmiTimeoutError } from '../../../src/ami/errors/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('ActionRegistry', () => {
  it('settles a list only when both the response and …Complete are in, whatever their order', async () => {
    const registry = new ActionRegistry();
    const list = registry.expectList('p-1', 'Status', 1_000);
    expect(registry.handleListEvent('p-1', { Event: 'Status', ActionID: 'p-1', Channel: 'PJSIP/100-00000001' })).toBe(true);
    expect(registry.handleListEvent('p-1', { Event: 'StatusComplete', ActionID: 'p-1', EventList: 'Complete', ListItems: '1' })).toBe(true);
    expect(registry.size).toBe(1);
    expect(registry.handleResponse({ Response: 'Success', ActionID: 'p-1', EventList: 'start' })).toBe(true);
    const result = await list;
    expect(result.items).toHaveLength(1);
    expect(result.complete?.['ListItems']).toBe('1');
    expect(registry.size).toBe(0);
  });

  it('does not claim events of plain actions or unknown ActionIDs', () => {
    const registry = new ActionRegistry();
    void registry.expectResponse('p-2', 'Originate', 1_000).catch(() => undefined);
    expect(registry.handleListEvent('p-2', { Event: 'OriginateResponse', ActionID: 'p-2' })).toBe(false);
    expect(registry.handleListEvent('p-9', { Event: 'Status', ActionID: 'p-9' })).toBe(false);
    expect(registry.handleResponse({ Response: 'Success', ActionID: 'p-9' })).toBe(false);
    expect(registry.handleResponse({ Response: 'Success' })).toBe(false);
    registry.rejectAll(new AmiDisconnectedError('test over'));
  });

  it('resolves Goodbye, rejects Error with AmiActionError', async () => {
    const registry = new ActionRegistry();
    const logoff = registry.expectResponse('p-3', 'Logoff', 1_000);
    const hangup = registry.expectResponse('p-4', 'Hangup', 1_000);
    registry.handleResponse({ Response: 'Goodbye', ActionID: 'p-3', Message: 'Thanks for all the fish.' });
    registry.handleResponse({ Response: 'Error', ActionID: 'p-4', Message: 'No such channel' });
    await expect(logoff).resolves.toMatchObject({ response: 'Goodbye', message: 'Thanks for all the fish.' });
    const error = await hangup.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiActionError);
    expect(error).toMatchObject({ message: 'No such channel', response: { response: 'Error', headers: { ActionID: 'p-4' } } });
  });

  it('times out on its own clock and forgets the action', async () => {
    vi.useFakeTimers();
    const registry = new ActionRegistry();
    const ping = registry.expectResponse('p-5', 'Ping', 250);
    const settled = ping.catch((error: unknown) => error);
    vi.advanceTimersByTime(249);
    expect(registry.size).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await settled).toBeInstanceOf(AmiTimeoutError);
    expect(registry.size).toBe(0);
    expect(registry.handleResponse({ Response: 'Success', ActionID: 'p-5' })).toBe(false);
  });

  it('rejects everything pending at once', async () => {
    const registry = new ActionRegistry();
    const a = registry.expectResponse('p-6', 'Ping', 1_000).catch((error: unknown) => error);
    const b = registry.expectList('p-7', 'BridgeList', 1_000).catch((error: unknown) => error);
    registry.rejectAll(new AmiDisconnectedError('link closed'));
    expect(await a).toBeInstanceOf(AmiDisconnectedError);
    expect(await b).toBeInstanceOf(AmiDisconnectedError);
    expect(registry.size).toBe(0);
  });
});
