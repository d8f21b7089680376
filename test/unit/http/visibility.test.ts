import { describe, expect, it } from 'vitest';
import { isSegmentVisible } from '../../../src/http/visibility.js';

/** Channels of extension 100 are licensed; 201 and outside (trunk) channels are not. */
const licensed = (channel: string): boolean => channel.startsWith('PJSIP/100-');

describe('isSegmentVisible (spec 4.2)', () => {
  it.each([
    ['own channel of a licensed extension', 'PJSIP/100-0001', [], true],
    ['own channel of an unlicensed extension, bound to nobody', 'PJSIP/201-0002', [], false],
    ['outside channel bound to nobody', 'PJSIP/trunk-0003', [], false],
    ['outside caller dialling a licensed extension', 'PJSIP/trunk-0004', ['PJSIP/100-0001'], true],
    ['unlicensed extension dialled by a licensed one', 'PJSIP/201-0005', ['PJSIP/100-0001'], true],
    ['outside caller dialling an unlicensed extension', 'PJSIP/trunk-0006', ['PJSIP/201-0002'], false],
    [
      'caller transferred to an outside number (licensed channel still in its history)',
      'PJSIP/trunk-0007',
      ['PJSIP/100-0001', 'PJSIP/trunk-0008'],
      true,
    ],
    ['outside number bound only to a merely visible caller (no chaining)', 'PJSIP/trunk-0008', ['PJSIP/trunk-0007'], false],
    ['licensed party among several bound ones', 'PJSIP/201-0009', ['PJSIP/trunk-0003', 'PJSIP/100-0001'], true],
  ] as const)('%s', (_what, channel, boundChannels, visible) => {
    expect(isSegmentVisible({ channel, boundChannels }, licensed)).toBe(visible);
  });

  it('asks about the segment channel and its bound channels only', () => {
    const asked: string[] = [];
    isSegmentVisible({ channel: 'PJSIP/201-1', boundChannels: ['PJSIP/300-2', 'PJSIP/301-3'] }, (c) => {
      asked.push(c);
      return false;
    });
    expect(asked).toEqual(['PJSIP/201-1', 'PJSIP/300-2', 'PJSIP/301-3']);
  });
});
