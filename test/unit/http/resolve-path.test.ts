import { describe, expect, it } from 'vitest';
import {
  parseInstancePath,
  parseLivePath,
  splitLivePath,
  type LivePath,
  type SegmentCollection,
  type SegmentInstance,
} from '../../../src/http/resolve-path.js';

const byId = (value: string) => ({ by: 'id', value }) as const;
const byName = (value: string) => ({ by: 'name', value }) as const;
const cs = byId('cs1');
const member = (segmentId: string, collection: SegmentCollection = { kind: 'coreServer' }): SegmentInstance => ({
  kind: 'member',
  collection,
  segmentId,
});

const cases: readonly (readonly [string, LivePath | null])[] = [
  ['coreServers', { kind: 'coreServers' }],
  ['coreServers/cs1', { kind: 'coreServer', coreServer: cs }],
  ['coreServers/getByName/default', { kind: 'coreServer', coreServer: byName('default') }],
  ['coreServers/cs1/extensions', { kind: 'extensions', coreServer: cs }],
  ['coreServers/cs1/extensions/e1', { kind: 'extension', coreServer: cs, extension: byId('e1') }],
  ['coreServers/cs1/extensions/getByName/100', { kind: 'extension', coreServer: cs, extension: byName('100') }],
  ['coreServers/cs1/conferences', { kind: 'conferences', coreServer: cs }],
  ['coreServers/cs1/conferences/getByName/800', { kind: 'conference', coreServer: cs, conference: byName('800') }],
  ['coreServers/cs1/queues', { kind: 'queues', coreServer: cs }],
  ['coreServers/cs1/queues/q1', { kind: 'queue', coreServer: cs, queue: byId('q1') }],
  ['coreServers/cs1/callSegments', { kind: 'segments', coreServer: cs, collection: { kind: 'coreServer' } }],
  ['coreServers/cs1/callSegments/s1', { kind: 'segment', coreServer: cs, instance: member('s1') }],
  [
    'coreServers/getByName/default/extensions/getByName/100/callSegments',
    { kind: 'segments', coreServer: byName('default'), collection: { kind: 'extension', extension: byName('100') } },
  ],
  [
    'coreServers/cs1/extensions/e1/callSegments/s1',
    { kind: 'segment', coreServer: cs, instance: member('s1', { kind: 'extension', extension: byId('e1') }) },
  ],
  [
    'coreServers/cs1/conferences/c1/callSegments/s1',
    { kind: 'segment', coreServer: cs, instance: member('s1', { kind: 'conference', conference: byId('c1') }) },
  ],
  [
    'coreServers/cs1/queues/getByName/support/callSegments',
    { kind: 'segments', coreServer: cs, collection: { kind: 'queue', queue: byName('support') } },
  ],
  [
    'coreServers/cs1/callSegments/s1/dialingToCallSegments',
    { kind: 'segments', coreServer: cs, collection: { kind: 'dialingTo', of: member('s1') } },
  ],
  [
    'coreServers/cs1/callSegments/s1/dialingToCallSegments/s2',
    { kind: 'segment', coreServer: cs, instance: member('s2', { kind: 'dialingTo', of: member('s1') }) },
  ],
  [
    'coreServers/cs1/callSegments/s1/dialingFromCallSegment',
    { kind: 'segment', coreServer: cs, instance: { kind: 'dialingFrom', of: member('s1') } },
  ],
  [
    'coreServers/cs1/callSegments/s1/linkedCallSegment',
    { kind: 'segment', coreServer: cs, instance: { kind: 'linked', of: member('s1') } },
  ],
  [
    'coreServers/cs1/extensions/getByName/100/callSegments/s1/linkedCallSegment',
    {
      kind: 'segment',
      coreServer: cs,
      instance: { kind: 'linked', of: member('s1', { kind: 'extension', extension: byName('100') }) },
    },
  ],
  [
    'coreServers/cs1/callSegments/s1/dialingToCallSegments/s2/linkedCallSegment',
    { kind: 'segment', coreServer: cs, instance: { kind: 'linked', of: member('s2', { kind: 'dialingTo', of: member('s1') }) } },
  ],
  [
    'coreServers/cs1/callSegments/s1/linkedCallSegment/dialingFromCallSegment/linkedCallSegment',
    {
      kind: 'segment',
      coreServer: cs,
      instance: { kind: 'linked', of: { kind: 'dialingFrom', of: { kind: 'linked', of: member('s1') } } },
    },
  ],
  [
    'coreServers/cs1/callSegments/s1/linkedCallSegment/dialingToCallSegments',
    { kind: 'segments', coreServer: cs, collection: { kind: 'dialingTo', of: { kind: 'linked', of: member('s1') } } },
  ],
  // UUIDs compare case-insensitively: upper-case ids are read as ours (lower case); names are kept
  [
    'coreServers/0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D/callSegments/804DBBC2-C4E3-57F2-96B9-B8262D542E7C',
    {
      kind: 'segment',
      coreServer: byId('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
      instance: member('804dbbc2-c4e3-57f2-96b9-b8262d542e7c'),
    },
  ],
  ['coreServers/getByName/MainPBX', { kind: 'coreServer', coreServer: byName('MainPBX') }],
  // not resource paths
  ['', null],
  ['callSegments', null],
  ['coreServer', null],
  ['coreServers/getByName', null],
  ['coreServers/cs1/unknown', null],
  ['coreServers/cs1/extensions/getByName', null],
  ['coreServers/cs1/extensions/e1/segments', null],
  ['coreServers/cs1/conferences/c1/callSegments/s1/kick', null],
  ['coreServers/cs1/callSegments/s1/linked', null],
  ['coreServers/cs1/callSegments/s1/dialingFromCallSegment/s2', null],
  ['coreServers/cs1/callSegments/s1/transfer', null],
];

describe('parseLivePath', () => {
  it.each(cases)('%s', (path, expected) => {
    expect(parseLivePath(path === '' ? [] : path.split('/'))).toEqual(expected);
  });
});

describe('parseInstancePath', () => {
  it('accepts an instance path and gives its core server', () => {
    expect(parseInstancePath(['coreServers', 'getByName', 'default', 'callSegments', 's1'])).toEqual({
      kind: 'segment',
      coreServer: byName('default'),
      instance: member('s1'),
    });
  });

  it.each([['coreServers/cs1/callSegments'], ['coreServers/cs1'], ['coreServers/cs1/callSegments/s1/dialingToCallSegments']])(
    'refuses the non-instance path %s',
    (path) => {
      expect(parseInstancePath(path.split('/'))).toBeNull();
    },
  );
});

describe('splitLivePath', () => {
  it.each([
    ['/coreServers/cs1/callSegments', ['coreServers', 'cs1', 'callSegments']],
    ['/coreServers//cs1/callSegments/', ['coreServers', 'cs1', 'callSegments']],
    ['/coreServers/cs1/conferences/getByName/room%20one', ['coreServers', 'cs1', 'conferences', 'getByName', 'room one']],
    ['/coreServers/cs1/queues/getByName/a%2Fb', ['coreServers', 'cs1', 'queues', 'getByName', 'a/b']],
    ['/', []],
  ] as const)('%s', (path, parts) => {
    expect(splitLivePath(path)).toEqual(parts);
  });

  it('answers null for bad percent-encoding', () => {
    expect(splitLivePath('/coreServers/%E0%A4%A')).toBeNull();
  });
});
