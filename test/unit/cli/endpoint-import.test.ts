import { describe, expect, it } from 'vitest';
import { displayNameOfCallerId, endpointNamesOf, planImport } from '../../../src/cli/endpoint-import.js';

describe('endpointNamesOf', () => {
  it('takes ObjectName of EndpointList items only, once each', () => {
    expect(
      endpointNamesOf([
        { Event: 'EndpointList', ObjectType: 'endpoint', ObjectName: '100', ActionID: '1' },
        { Event: 'EndpointList', ObjectType: 'endpoint', ObjectName: 'trunk', ActionID: '1' },
        { Event: 'EndpointList', ObjectType: 'endpoint', ObjectName: '100', ActionID: '1' },
        { Event: 'EndpointListComplete', ActionID: '1' },
        { Event: 'EndpointList', ObjectName: '' },
      ]),
    ).toEqual(['100', 'trunk']);
  });
});

describe('displayNameOfCallerId', () => {
  it.each([
    ['"Alice" <100>', 'Alice'],
    ['"Bob Builder" <200>', 'Bob Builder'],
    ['Carol <300>', 'Carol'],
    ['<400>', null],
    ['', null],
    ['"" <500>', null],
    ['<unknown>', null],
    [null, null],
    ['"Eve\u0007" <201>', 'Eve'],
  ])('%j → %j', (callerId, name) => {
    expect(displayNameOfCallerId(callerId)).toBe(name);
  });
});

describe('planImport', () => {
  it('keeps numeric endpoints that are not configured yet', () => {
    const plan = planImport(
      [
        { name: '100', callerId: '"Alice" <100>' },
        { name: '200', callerId: null },
        { name: 'trunk', callerId: null },
        { name: '300', callerId: '<300>' },
        { name: '12a', callerId: null },
      ],
      new Set(['300']),
    );
    expect(plan.add).toEqual([
      { number: '100', displayName: 'Alice', channelPrefixes: ['PJSIP/100'] },
      { number: '200', displayName: '200', channelPrefixes: ['PJSIP/200'] },
    ]);
    expect(plan.skipped).toEqual([
      { name: 'trunk', reason: 'not a number' },
      { name: '300', reason: 'exists already' },
      { name: '12a', reason: 'not a number' },
    ]);
  });
});
